package app.quorum.ballot.crypto;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The close of a secret ballot (election-record.md §6 and §7): every stored paper's proofs checked again in one batch
 * (§5.4; a paper changed after it was accepted stops the close and is named), the aggregate of the accepted papers,
 * each trustee's answer checked against their verification key (a bad or repeated answer is left out), the first
 * {@code t} by index combined by Lagrange interpolation, the counts by the small discrete logarithm, and the record
 * with its fingerprint.
 */
public final class BallotClose {

    private static final SecureRandom WEIGHTS = new SecureRandom();

    private BallotClose() {
    }

    /**
     * Checks the stored papers' proofs in one batch.
     *
     * @throws IllegalStateException naming the first paper (by tracker) whose proofs no longer hold, and why
     */
    public static void checkStored(BallotContext ballot, List<Paper> papers, SecureRandom random) {
        Map<Integer, PaperFault> faults = PaperCheck.faults(ballot, papers, random);
        if (!faults.isEmpty()) {
            Map.Entry<Integer, PaperFault> first = faults.entrySet().iterator().next();
            throw new IllegalStateException("the stored paper " + Tracker.of(ballot.value(), papers.get(first.getKey()))
                    + " fails its check (" + first.getValue().key() + "), and " + (faults.size() - 1) + " more");
        }
    }

    /** The answers that verify, one per trustee, by ascending index. */
    public static List<PartialDecryption> accepted(Ceremony ceremony, String ballotContext, Aggregate aggregate,
            List<PartialDecryption> answers) {
        Set<Integer> seen = new TreeSet<>();
        List<PartialDecryption> accepted = new ArrayList<>();
        for (PartialDecryption answer : answers) {
            if (answer.index() >= 1 && answer.index() <= ceremony.n() && !seen.contains(answer.index())
                    && answer.verifies(ballotContext, ceremony.trustee(answer.index()).verificationKey(), aggregate)) {
                seen.add(answer.index());
                accepted.add(answer);
            }
        }
        accepted.sort(Comparator.comparingInt(PartialDecryption::index));
        return accepted;
    }

    /**
     * Closes the box into its record.
     *
     * @throws IllegalArgumentException when there are papers and fewer than {@code t} good answers
     * @throws IllegalStateException    when a paper of the box no longer verifies
     */
    public static ElectionRecord close(long meetingId, String meetingTitle, Ceremony ceremony,
            BallotDefinition definition, BallotBox box, List<PartialDecryption> answers, String openedAt,
            String closedAt) {
        BallotContext ballot = box.ballot();
        List<Paper> papers = box.papers();
        checkStored(ballot, papers, WEIGHTS);
        Aggregate aggregate = Aggregate.of(papers, ballot.options());
        long[] counts = new long[ballot.options()];
        List<PartialDecryption> decryptions = List.of();
        List<Integer> trustees = List.of();
        if (aggregate != null) {
            decryptions = accepted(ceremony, ballot.value(), aggregate, answers);
            List<PartialDecryption> chosen = ThresholdDecryption.firstT(decryptions, ceremony.threshold());
            counts = ThresholdDecryption.counts(aggregate, chosen, papers.size());
            trustees = chosen.stream().map(PartialDecryption::index).toList();
        }
        List<String> audited = box.audited().stream().map(PreparedPaper::tracker).toList();
        List<String> rejected = box.rejected().stream().map(RejectedPaper::tracker).toList();
        String fingerprint = Fingerprint.of(ballot.value(), box.trackers(), audited, rejected, aggregate, decryptions,
                counts);
        return new ElectionRecord(meetingId, meetingTitle, ceremony, definition, ballot.value(), openedAt, closedAt,
                papers, box.trackers(), box.rejected(), box.audited(), aggregate, decryptions,
                Arrays.stream(counts).boxed().toList(), trustees, fingerprint);
    }
}
