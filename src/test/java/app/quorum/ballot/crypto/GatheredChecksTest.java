package app.quorum.ballot.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Papers checked together as they are cast ({@link GatheredChecks}): from many threads at once, each caller gets
 * exactly its own paper's fault — as the paper checked alone gives it — whichever papers of whichever ballots shared
 * its batch, and the papers did share batches; a paper alone is checked at once; a check that throws reaches its
 * callers and the next paper is checked as before (the turn to check is never lost).
 */
@Timeout(120) // a lost turn to check would leave callers waiting: a failure, not a hung build
class GatheredChecksTest {

    private static final SecureRandom RANDOM = new DeterministicRandom("gathered checks");
    private static final Fixtures.Keys KEYS = Fixtures.ceremony(3, 2, RANDOM);
    private static final BallotContext APPROVAL = Fixtures.approval(7).context(Fixtures.MEETING,
            KEYS.ceremony().publicKey(), KEYS.ceremony().context());
    private static final BallotContext ELECTION = Fixtures.election(8, 4, 0, 2).context(Fixtures.MEETING,
            KEYS.ceremony().publicKey(), KEYS.ceremony().context());

    private record Cast(BallotContext ballot, Paper paper, Optional<PaperFault> alone) {
    }

    @Test
    void papersCastTogetherFromManyThreadsGetTheirOwnFaultsAndShareBatches() throws Exception {
        List<Cast> casts = new ArrayList<>();
        for (int p = 0; p < 120; p++) {
            BallotContext ballot = p % 4 == 3 ? ELECTION : APPROVAL;
            Paper paper = paper(ballot, p);
            if (p % 7 == 2) {
                paper = withResponseChanged(paper, p % ballot.options());
            } else if (p % 11 == 5) {
                paper = new Paper(paper.paperId(), paper.ciphertexts(), paper.bitProofs(), paper(ballot, p + 1).totalProof());
            }
            casts.add(new Cast(ballot, paper, PaperCheck.faultOneByOne(ballot, paper)));
        }
        assertTrue(casts.stream().filter(c -> c.alone().isPresent()).count() >= 20, "broken papers among them");

        GatheredChecks checks = new GatheredChecks(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Optional<PaperFault>>> answers = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(24)) {
            for (Cast cast : casts) {
                answers.add(callers.submit(() -> {
                    start.await();
                    return checks.fault(cast.ballot(), cast.paper());
                }));
            }
            start.countDown();
            for (int i = 0; i < casts.size(); i++) {
                assertEquals(casts.get(i).alone(), answers.get(i).get(), "paper " + i + ": its own fault, as alone");
            }
        }
        assertEquals(casts.size(), checks.papers());
        assertTrue(checks.batches() < casts.size(), "papers shared batches: " + checks.batches() + " batches");
    }

    @Test
    void aPaperAloneIsCheckedAtOnceAndAThrowingCheckLosesNoTurn() {
        GatheredChecks checks = new GatheredChecks(1);
        Paper good = paper(APPROVAL, 0);
        assertEquals(Optional.empty(), checks.fault(APPROVAL, good));
        assertEquals(Optional.of(PaperFault.BIT_PROOF), checks.fault(APPROVAL, withResponseChanged(good, 1)));
        assertEquals(2, checks.batches(), "each alone");

        BallotContext keyless = new BallotContext(APPROVAL.value(), null, APPROVAL.options(), APPROVAL.min(), APPROVAL.max());
        assertThrows(IllegalStateException.class, () -> checks.fault(keyless, good), "a batch without the ballot's key cannot check");
        assertEquals(Optional.empty(), checks.fault(APPROVAL, good), "and the next paper is checked: the turn came back");
        assertThrows(IllegalArgumentException.class, () -> new GatheredChecks(0));
    }

    private static Paper paper(BallotContext ballot, int p) {
        int[] marks = new int[ballot.options()];
        marks[p % ballot.options()] = 1;
        if (ballot.max() > 1 && p % 3 == 0) {
            marks[(p + 1) % ballot.options()] = 1;
        }
        return PreparedPaper.make(ballot, marks, RANDOM).paper();
    }

    /** A bit proof's response changed: its challenge still holds, so only the batch's equation catches it. */
    private static Paper withResponseChanged(Paper paper, int option) {
        DisjunctiveProof proof = paper.bitProofs().get(option);
        List<BigInteger> s = new ArrayList<>(proof.s());
        s.set(0, s.get(0).add(BigInteger.ONE).mod(Group.Q));
        List<DisjunctiveProof> bits = new ArrayList<>(paper.bitProofs());
        bits.set(option, new DisjunctiveProof(proof.a(), proof.b(), proof.c(), s));
        return new Paper(paper.paperId(), paper.ciphertexts(), bits, paper.totalProof());
    }
}
