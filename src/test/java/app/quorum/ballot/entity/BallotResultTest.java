package app.quorum.ballot.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The result stored at the close gives back, to every reader, exactly the result the count gave. */
class BallotResultTest {

    private static final String FINGERPRINT = "ab".repeat(32);
    private static final long A = 11, B = 12, C = 13, D = 14;

    @Test
    void anApprovalComesBackAsCounted() {
        VotingRule rule = new VotingRule(MajorityRule.TWO_THIRDS, MajorityBase.PRESENT, true, null);
        ApprovalResult counted = Tally.approval(rule, new Electorate(12, 10), new ApprovalBox(7, 2, 1));
        BallotResult stored = BallotResult.of(1, counted, 10, FINGERPRINT, Instant.EPOCH);
        assertEquals(counted, stored.result(rule, null));
        assertTrue(stored.sameCount(counted));
        assertEquals(10, stored.getVoted());
        assertEquals(FINGERPRINT, stored.getFingerprint());
    }

    @Test
    void elections_withTiesBlanksAndVacantSeats_comeBackAsCounted() {
        Random random = new Random(13);
        for (int round = 0; round < 300; round++) {
            Election election = new Election(List.of(A, B, C, D), 1 + random.nextInt(3), 1, true);
            List<Set<Long>> papers = new ArrayList<>();
            int count = random.nextInt(12);
            for (int i = 0; i < count; i++) {
                List<Long> candidates = new ArrayList<>(election.candidates());
                Collections.shuffle(candidates, random);
                papers.add(Set.copyOf(candidates.subList(0, random.nextInt(election.seats() + 1))));
            }
            MajorityRule majority = MajorityRule.values()[random.nextInt(MajorityRule.values().length)];
            VotingRule rule = majority == MajorityRule.PERCENTAGE
                    ? VotingRule.percentage(1 + random.nextInt(99), MajorityBase.VOTES_CAST)
                    : new VotingRule(majority, MajorityBase.VOTES_CAST, random.nextBoolean(), null);
            ElectionResult counted = Tally.election(rule, new Electorate(15, 12), election, ElectionBox.count(election, papers));
            BallotResult stored = BallotResult.of(2, counted, count, FINGERPRINT, Instant.EPOCH);
            assertEquals(counted, stored.result(rule, election), "round " + round);
            assertTrue(stored.sameCount(counted), "round " + round);
        }
    }

    @Test
    void aRecountThatDiffersInOneVoteIsSeen() {
        VotingRule rule = VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST);
        BallotResult stored = BallotResult.of(3, Tally.approval(rule, new Electorate(9, 9), new ApprovalBox(5, 3, 1)), 9,
                FINGERPRINT, Instant.EPOCH);
        assertFalse(stored.sameCount(Tally.approval(rule, new Electorate(9, 9), new ApprovalBox(4, 4, 1))));
        assertFalse(stored.sameCount(Tally.approval(rule, new Electorate(10, 9), new ApprovalBox(5, 3, 1))));
        assertTrue(stored.sameCount(Tally.approval(rule, new Electorate(9, 9), new ApprovalBox(5, 3, 1))));
    }
}
