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
 * Every JSON form round-trips (read back, written again, the same text) and follows election-record.md's field names;
 * a non-canonical point or scalar inside a form is refused when it is read.
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
