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
 * listed; the tracker follows the specification; every paper of a ballot has the same size. Papers cast together are
 * checked in one batch with the same outcome as one by one; an audit of a paper already in the box is refused; the
 * close stops at a stored paper changed after it was accepted; a trustee decrypts only the aggregate it recomputes
 * from a list it checked.
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

    @Test
    void papersCastTogetherAreCheckedInOneBatchWithTheSameOutcome() {
        PreparedPaper first = PreparedPaper.make(BALLOT, new int[] {1, 0, 0}, RANDOM);
        PreparedPaper second = PreparedPaper.make(BALLOT, new int[] {0, 1, 0}, RANDOM);
        PreparedPaper third = PreparedPaper.make(BALLOT, new int[] {0, 0, 1}, RANDOM);
        Paper badTotal = new Paper(third.paper().paperId(), third.paper().ciphertexts(), third.paper().bitProofs(),
                second.paper().totalProof());
        List<Paper> arriving = List.of(first.paper(), badTotal, second.paper(), first.paper(),
                reproved(second, Randomness.id(RANDOM)), third.paper());
        BallotBox together = new BallotBox(BALLOT);
        BallotBox oneByOne = new BallotBox(BALLOT);
        java.util.Map<Integer, PaperFault> expected = new java.util.TreeMap<>();
        for (int p = 0; p < arriving.size(); p++) {
            int at = p;
            oneByOne.cast(arriving.get(p)).ifPresent(fault -> expected.put(at, fault));
        }
        assertEquals(java.util.Map.of(1, PaperFault.TOTAL_PROOF, 4, PaperFault.REPLAY), expected);
        assertEquals(expected, together.castAll(arriving, RANDOM));
        assertEquals(oneByOne.trackers(), together.trackers());
        assertEquals(3, together.papers().size(), "the resend is kept once");
    }

    @Test
    void anAuditOfAPaperAlreadyInTheBoxIsRefusedAndAnAuditedIdCannotBeCast() {
        BallotBox box = new BallotBox(BALLOT);
        PreparedPaper cast = PreparedPaper.make(BALLOT, new int[] {1, 0, 0}, RANDOM);
        assertEquals(Optional.empty(), box.cast(cast.paper()));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> box.audit(cast),
                "a cast paper's revelation");
        PreparedPaper audited = PreparedPaper.make(BALLOT, new int[] {0, 1, 0}, RANDOM);
        box.audit(audited);
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> box.audit(audited),
                "the same audit twice");
        PreparedPaper sameId = PreparedPaper.make(BALLOT, new int[] {0, 1, 0}, RANDOM);
        Paper underAuditedId = reproved(sameId, audited.paper().paperId());
        assertEquals(Optional.of(PaperFault.DUPLICATE_ID), box.cast(underAuditedId));
        assertEquals(1, box.papers().size());
        assertEquals(1, box.audited().size());
    }

    @Test
    void theCloseStopsAtAStoredPaperThatNoLongerVerifies() {
        List<Paper> stored = new ArrayList<>();
        for (int p = 0; p < 5; p++) {
            stored.add(PreparedPaper.make(BALLOT, new int[] {1, 0, 0}, RANDOM).paper());
        }
        BallotClose.checkStored(BALLOT, stored, RANDOM);
        Paper honest = stored.get(2);
        DisjunctiveProof bit = honest.bitProofs().get(0);
        List<java.math.BigInteger> s = new ArrayList<>(bit.s());
        s.set(1, s.get(1).add(java.math.BigInteger.TWO).mod(Group.Q));
        List<DisjunctiveProof> bits = new ArrayList<>(honest.bitProofs());
        bits.set(0, new DisjunctiveProof(bit.a(), bit.b(), bit.c(), s));
        stored.set(2, new Paper(honest.paperId(), honest.ciphertexts(), bits, honest.totalProof()));
        IllegalStateException stopped = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> BallotClose.checkStored(BALLOT, stored, RANDOM));
        assertTrue(stopped.getMessage().contains(Tracker.of(BALLOT.value(), honest)), stopped::getMessage);
        assertTrue(stopped.getMessage().contains("ballot.crypto.paper.bit-proof"), stopped::getMessage);
    }

    @Test
    void aTrusteeDecryptsOnlyTheAggregateItRecomputesFromAListItChecked() {
        BallotBox box = new BallotBox(BALLOT);
        int[][] votes = {{1, 0, 0}, {1, 0, 0}, {0, 0, 1}, {0, 1, 0}};
        for (int[] vote : votes) {
            box.cast(PreparedPaper.make(BALLOT, vote, RANDOM).paper());
        }
        PreparedPaper audited = PreparedPaper.make(BALLOT, new int[] {0, 1, 0}, RANDOM);
        box.audit(audited);
        List<Paper> papers = box.papers();
        List<PartialDecryption> answers = List.of(
                KEYS.shares().get(0).decryptBox(BALLOT, papers, box.audited(), 4, RANDOM),
                KEYS.shares().get(2).decryptBox(BALLOT, papers, box.audited(), 4, RANDOM));
        Aggregate aggregate = Aggregate.of(papers, 3);
        answers.forEach(answer -> assertTrue(answer.verifies(BALLOT.value(),
                KEYS.ceremony().trustee(answer.index()).verificationKey(), aggregate)));
        org.junit.jupiter.api.Assertions.assertArrayEquals(new long[] {2, 1, 1},
                ThresholdDecryption.counts(aggregate, answers, papers.size()));

        KeyShare trustee = KEYS.shares().get(1);
        java.util.function.Consumer<List<Paper>> refused = list -> org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, () -> trustee.decryptBox(BALLOT, list, box.audited(), list.size(), RANDOM));
        assertThrowsMessage("turnout", () -> trustee.decryptBox(BALLOT, papers, box.audited(), 3, RANDOM));
        refused.accept(List.of(papers.get(0), papers.get(1), papers.get(0))); // a paper listed twice
        refused.accept(List.of(papers.get(0), audited.paper())); // an audited paper counted
        refused.accept(List.of()); // nothing to decrypt
        Paper first = papers.get(0);
        Paper otherProofs = new Paper(first.paperId(), first.ciphertexts(), first.bitProofs(),
                papers.get(1).totalProof());
        refused.accept(List.of(otherProofs, papers.get(1)));
        // one paper's ciphertexts passed off as the box's, with its proofs intact: the decryption would be that
        // paper's choice, so a list shorter than the turnout is refused too
        assertThrowsMessage("turnout", () -> trustee.decryptBox(BALLOT, List.of(first), List.of(), 4, RANDOM));
        assertThrowsMessage("turnout", () -> trustee.decryptBox(BALLOT, papers, box.audited(), 5, RANDOM));
    }

    private static void assertThrowsMessage(String word, org.junit.jupiter.api.function.Executable executable) {
        IllegalArgumentException refused = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalArgumentException.class, executable);
        assertTrue(refused.getMessage().contains(word), refused::getMessage);
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
