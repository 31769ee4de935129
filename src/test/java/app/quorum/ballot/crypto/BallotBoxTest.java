package app.quorum.ballot.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * The box's acceptance rules (election-record.md §4): a valid paper is accepted, an exact resend answered as accepted
 * and kept once, a paperId reused with other ciphertexts refused, a copied α refused (from another paper or from an
 * audited paper, re-proved under a new paperId), a bad proof, a wrong shape and a non-canonical point refused and
 * listed; the tracker follows the specification; every paper of a ballot has the same size.
 */
class BallotBoxTest {

    private static final SecureRandom RANDOM = new DeterministicRandom("ballot box");
    private static final Fixtures.Keys KEYS = Fixtures.ceremony(3, 2, RANDOM);
    private static final BallotContext BALLOT = Fixtures.approval(5).context(Fixtures.MEETING,
            KEYS.ceremony().publicKey(), KEYS.ceremony().context());

    @Test
    void theRulesOfAcceptance() {
        BallotBox box = new BallotBox(BALLOT);
        PreparedPaper first = PreparedPaper.make(BALLOT, new int[] {1, 0, 0}, RANDOM);
        assertEquals(Optional.empty(), box.receive(first.paper().toJson(null)));
        assertEquals(Optional.empty(), box.receive(first.paper().toJson(null)), "an exact resend");
        assertEquals(1, box.papers().size());

        PreparedPaper other = PreparedPaper.make(BALLOT, new int[] {0, 1, 0}, RANDOM);
        Paper sameId = new Paper(first.paper().paperId(), other.paper().ciphertexts(), other.paper().bitProofs(),
                other.paper().totalProof());
        assertEquals(Optional.of(PaperFault.BIT_PROOF), box.cast(sameId), "its proofs are bound to the other id");

        // a copy of the first paper's ciphertexts, honestly re-proved under a new id (possible only for its maker)
        String newId = Randomness.id(RANDOM);
        assertEquals(Optional.of(PaperFault.REPLAY), box.cast(reproved(first, newId)));

        PreparedPaper audited = PreparedPaper.make(BALLOT, new int[] {0, 0, 1}, RANDOM);
        box.audit(audited);
        assertEquals(Optional.of(PaperFault.REPLAY), box.cast(reproved(audited, Randomness.id(RANDOM))),
                "an audited paper's ciphertexts, re-proved by anyone from its revelation");
        assertEquals(Optional.empty(), box.cast(other.paper()));
        assertEquals(2, box.papers().size());
        assertTrue(box.rejected().isEmpty(), "cast() does not list");
    }

    @Test
    void refusedPapersAreListedWithTheirTrackersAsSent() {
        BallotBox box = new BallotBox(BALLOT);
        JsonObject good = PreparedPaper.make(BALLOT, new int[] {1, 0, 0}, RANDOM).paper().toJson(null);
        JsonObject badPoint = Json.createObjectBuilder(good).add("ciphertexts", Json.createArrayBuilder()
                .add(Json.createObjectBuilder().add("alpha", "02" + "00".repeat(32)).add("beta", "zz"))
                .add(good.getJsonArray("ciphertexts").get(1)).add(good.getJsonArray("ciphertexts").get(2))).build();
        assertEquals(Optional.of(PaperFault.ENCODING), box.receive(badPoint));
        assertEquals(Optional.of(PaperFault.SHAPE), box.receive(Json.createObjectBuilder().add("paperId", 7).build()));
        JsonObject twoOptions = Json.createObjectBuilder(good).add("ciphertexts", Json.createArrayBuilder()
                .add(good.getJsonArray("ciphertexts").get(0)).add(good.getJsonArray("ciphertexts").get(1))).build();
        assertEquals(Optional.of(PaperFault.SHAPE), box.receive(twoOptions));
        assertEquals(3, box.rejected().size());
        assertEquals(RejectedPaper.trackerAsSent(BALLOT.value(), 3, badPoint), box.rejected().get(0).tracker());
        assertEquals(null, box.rejected().get(1).tracker());
        assertEquals("ballot.crypto.paper.encoding", box.rejected().get(0).reason());
        assertTrue(box.papers().isEmpty());
    }

    @Test
    void theTrackerFollowsTheSpecification() {
        PreparedPaper paper = PreparedPaper.make(BALLOT, new int[] {0, 1, 0}, RANDOM);
        StringBuilder text = new StringBuilder("quorum/v1/tracker|" + BALLOT.value() + "|" + paper.paper().paperId());
        for (Ciphertext ciphertext : paper.paper().ciphertexts()) {
            text.append('|').append(Codec.hex(ciphertext.alpha())).append('|').append(Codec.hex(ciphertext.beta()));
        }
        assertEquals(Hashes.sha256hex(text.toString()), paper.tracker());
        assertTrue(Tracker.display(paper.tracker()).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}"));
    }

    @Test
    void everyPaperOfABallotHasTheSameSize() {
        List<Integer> sizes = new ArrayList<>();
        for (int[] marks : new int[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}}) {
            sizes.add(RecordFile.text(PreparedPaper.make(BALLOT, marks, RANDOM).paper().toJson(null)).length());
        }
        assertEquals(1, sizes.stream().distinct().count(), sizes::toString);
    }

    private static Paper reproved(PreparedPaper source, String paperId) {
        List<DisjunctiveProof> bits = new ArrayList<>();
        java.math.BigInteger total = java.math.BigInteger.ZERO;
        int marks = 0;
        for (int o = 0; o < BALLOT.options(); o++) {
            bits.add(DisjunctiveProof.prove(BALLOT.bitPrefix(paperId, o), source.paper().ciphertexts().get(o),
                    BallotContext.BIT, source.choices().get(o), source.randomness().get(o), BALLOT.publicKey(), RANDOM));
            total = total.add(source.randomness().get(o));
            marks += source.choices().get(o);
        }
        DisjunctiveProof totalProof = DisjunctiveProof.prove(BALLOT.totalPrefix(paperId), source.paper().total(),
                BALLOT.totals(), marks - BALLOT.min(), total.mod(Group.Q), BALLOT.publicKey(), RANDOM);
        return new Paper(paperId, source.paper().ciphertexts(), bits, totalProof);
    }
}
