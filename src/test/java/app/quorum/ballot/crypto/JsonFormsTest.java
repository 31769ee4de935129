package app.quorum.ballot.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * Every JSON form round-trips (read back, written again, the same text) and follows election-record.md's field names
 * (proofs with their commitments: §5); a non-canonical point or scalar inside a form is refused when it is read, and
 * so is a number that is not an integer in its range (§1); a ballot of another shape than §3's cannot be defined.
 */
class JsonFormsTest {

    private static final SecureRandom RANDOM = new DeterministicRandom("json forms");
    private static final ElectionRecord ELECTION = Fixtures.election();

    @Test
    void theRecordRoundTrips() {
        for (ElectionRecord record : List.of(ELECTION, Fixtures.approvalNine())) {
            String text = RecordFile.text(record.toJson());
            ElectionRecord read = ElectionRecord.fromJson(RecordFile.parse(text));
            assertEquals(text, RecordFile.text(read.toJson()));
            assertEquals(record.counts(), read.counts());
            assertEquals(record.trackers(), read.trackers());
        }
    }

    @Test
    void eachFormRoundTrips() {
        Paper paper = ELECTION.papers().get(0);
        assertEquals(paper.toJson(null), Paper.fromJson(paper.toJson(null)).toJson(null));
        assertEquals(List.of("paperId", "ciphertexts", "bitProofs", "totalProof"), List.copyOf(paper.toJson(null).keySet()));
        Ciphertext ciphertext = paper.ciphertexts().get(1);
        assertEquals(ciphertext.toJson(), Ciphertext.fromJson(ciphertext.toJson()).toJson());
        DisjunctiveProof proof = paper.totalProof();
        assertEquals(proof.toJson(), DisjunctiveProof.fromJson(proof.toJson()).toJson());
        PreparedPaper audited = ELECTION.audited().get(0);
        assertEquals(audited.toJson(), PreparedPaper.fromJson(audited.toJson()).toJson());
        assertEquals(List.of("paperId", "tracker", "ciphertexts", "bitProofs", "totalProof", "choices", "randomness"),
                List.copyOf(audited.toJson().keySet()));
        RejectedPaper rejected = ELECTION.rejected().get(0);
        assertEquals(rejected.toJson(), RejectedPaper.fromJson(rejected.toJson()).toJson());
        RejectedPaper malformed = ELECTION.rejected().get(1);
        assertEquals(malformed.toJson(), RejectedPaper.fromJson(malformed.toJson()).toJson());
        assertEquals(null, malformed.tracker());
        PartialDecryption decryption = ELECTION.decryptions().get(2);
        assertEquals(decryption.toJson(), PartialDecryption.fromJson(decryption.toJson()).toJson());
        DecryptionShare share = decryption.shares().get(0);
        assertEquals(share.toJson(), DecryptionShare.fromJson(share.toJson()).toJson());
        Aggregate aggregate = ELECTION.aggregate();
        assertEquals(aggregate.toJson(), Aggregate.fromJson(aggregate.toJson()).toJson());
        Ceremony ceremony = ELECTION.ceremony();
        assertEquals(ceremony.toJson(), Ceremony.fromJson(ceremony.toJson()).toJson());
        TrusteeKeys trustee = ceremony.trustee(1);
        assertEquals(trustee.toJson(), TrusteeKeys.fromJson(trustee.toJson()).toJson());
        SchnorrProof schnorr = trustee.commitmentProof();
        assertEquals(schnorr.toJson(), SchnorrProof.fromJson(schnorr.toJson()).toJson());
        BigInteger deviceSecret = Randomness.scalar(RANDOM);
        EncryptedShare sealed = EncryptedShare.encrypt(ceremony.context(), 1, 2, BigInteger.TEN,
                Group.mulG(deviceSecret), RANDOM);
        EncryptedShare read = EncryptedShare.fromJson(sealed.toJson());
        assertEquals(sealed.toJson(), read.toJson());
        assertEquals(BigInteger.TEN, read.decrypt(ceremony.context(), deviceSecret));
        assertEquals(List.of("from", "to", "ephemeral", "nonce", "ciphertext"), List.copyOf(sealed.toJson().keySet()));
    }

    @Test
    void theRecordHasTheSpecifiedShape() {
        JsonObject json = ELECTION.toJson();
        assertEquals(List.of("format", "group", "meeting", "ceremony", "ballot", "papers", "rejected", "audited",
                "aggregate", "decryptions", "result", "fingerprint"), List.copyOf(json.keySet()));
        assertEquals("036b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296",
                json.getJsonObject("group").getString("generator"));
        assertEquals("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551",
                json.getJsonObject("group").getString("order"));
        assertEquals(List.of("counts", "papers", "trustees"), List.copyOf(json.getJsonObject("result").keySet()));
    }

    @Test
    void anEmptyBoxHasANullAggregateAndNoDecryption() {
        Fixtures.Keys keys = Fixtures.ceremony(3, 2, RANDOM);
        ElectionRecord empty = Fixtures.record(keys, Fixtures.approval(9), 0, p -> new int[] {1, 0, 0}, List.of(1, 2),
                RANDOM);
        JsonObject json = empty.toJson();
        assertEquals(jakarta.json.JsonValue.NULL, json.get("aggregate"));
        assertEquals(0, json.getJsonArray("decryptions").size());
        assertEquals(Json.createArrayBuilder().add(0).add(0).add(0).build(), json.getJsonObject("result").getJsonArray("counts"));
        assertEquals(RecordFile.text(json), RecordFile.text(ElectionRecord.fromJson(json).toJson()));
    }

    @Test
    void proofsPublishTheirCommitments() {
        Paper paper = ELECTION.papers().get(1);
        assertEquals(List.of("a", "b", "c", "s"), List.copyOf(paper.totalProof().toJson().keySet()));
        assertEquals(3, paper.totalProof().toJson().getJsonArray("a").size());
        assertEquals(2, paper.bitProofs().get(0).toJson().getJsonArray("b").size());
        assertEquals(List.of("a", "c", "s"), List.copyOf(ELECTION.ceremony().trustee(3).deviceKeyProof().toJson()
                .keySet()));
        assertEquals(List.of("a", "b", "c", "s"), List.copyOf(ELECTION.decryptions().get(0).shares().get(2).proof()
                .toJson().keySet()));
        JsonObject proof = paper.bitProofs().get(0).toJson();
        JsonObject short_ = Json.createObjectBuilder(proof).add("b", Json.createArrayBuilder()
                .add(proof.getJsonArray("b").get(0))).build();
        assertThrows(IllegalArgumentException.class, () -> DisjunctiveProof.fromJson(short_));
    }

    @Test
    void numbersMustBeIntegersInTheirRange() {
        JsonObject decryption = ELECTION.decryptions().get(0).toJson();
        for (jakarta.json.JsonValue index : List.of(Json.createValue(0), Json.createValue(1.5),
                Json.createValue(new java.math.BigDecimal("1.000")), Json.createValue(-1),
                Json.createValue(Codec.MAX_INTEGER + 1), Json.createValue("1"))) {
            JsonObject wrong = Json.createObjectBuilder(decryption).add("index", index).build();
            assertThrows(InvalidEncoding.class, () -> PartialDecryption.fromJson(wrong), index::toString);
        }
        assertEquals(1, PartialDecryption.fromJson(Json.createObjectBuilder(decryption).add("index", 1).build()).index());
        JsonObject record = ELECTION.toJson();
        JsonObject meetingZero = Json.createObjectBuilder(record).add("meeting", Json.createObjectBuilder(
                record.getJsonObject("meeting")).add("id", 0)).build();
        assertThrows(InvalidEncoding.class, () -> ElectionRecord.fromJson(meetingZero));
        assertThrows(IllegalArgumentException.class, () -> Ceremony.context(0, ELECTION.ceremony().id(), 3, 2));
        assertThrows(IllegalArgumentException.class,
                () -> Ceremony.context(Codec.MAX_INTEGER + 1, ELECTION.ceremony().id(), 3, 2));
        assertEquals(64, Ceremony.context(Codec.MAX_INTEGER, ELECTION.ceremony().id(), 3, 2).length());
        assertThrows(IllegalArgumentException.class, () -> Fixtures.approval(0));
        assertThrows(IllegalArgumentException.class, () -> Fixtures.approval(Codec.MAX_INTEGER + 1));
    }

    @Test
    void aBallotHasSection3sShape() {
        List<BallotDefinition.Option> answers = Fixtures.approval(1).options();
        List<BallotDefinition.Option> swapped = List.of(answers.get(1), answers.get(0), answers.get(2));
        assertThrows(IllegalArgumentException.class,
                () -> new BallotDefinition(1, "Q", BallotDefinition.APPROVAL, swapped, 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new BallotDefinition(1, "Q", BallotDefinition.APPROVAL, answers.subList(0, 2), 1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new BallotDefinition(1, "Q", BallotDefinition.APPROVAL, answers, 0, 1));
        List<BallotDefinition.Option> candidates = Fixtures.election(1, 3, 0, 2).options();
        assertThrows(IllegalArgumentException.class,
                () -> new BallotDefinition(1, "Q", BallotDefinition.ELECTION, candidates, 0, 0), "max = 0");
        assertThrows(IllegalArgumentException.class,
                () -> new BallotDefinition(1, "Q", BallotDefinition.ELECTION, candidates, 2, 1), "min > max");
        assertThrows(IllegalArgumentException.class,
                () -> new BallotDefinition(1, "Q", BallotDefinition.ELECTION, candidates, 0, 4), "max > N");
        assertEquals(3, new BallotDefinition(1, "Q", BallotDefinition.ELECTION, candidates, 3, 3).max());
    }

    @Test
    void aNonCanonicalValueInsideAFormIsRefused() {
        JsonObject ciphertext = ELECTION.papers().get(0).ciphertexts().get(0).toJson();
        JsonObject upper = Json.createObjectBuilder(ciphertext).add("alpha", ciphertext.getString("alpha").toUpperCase())
                .build();
        assertThrows(InvalidEncoding.class, () -> Ciphertext.fromJson(upper));
        JsonObject proof = ELECTION.ceremony().trustee(1).deviceKeyProof().toJson();
        JsonObject big = Json.createObjectBuilder(proof).add("s", Group.Q.toString(16)).build();
        assertThrows(InvalidEncoding.class, () -> SchnorrProof.fromJson(big));
    }
}
