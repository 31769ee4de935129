package app.quorum.ballot.entity;

import java.util.Comparator;
import java.util.List;

/**
 * Counts a closed ballot and applies its {@link VotingRule}, in exact integer and rational arithmetic (no
 * floating point anywhere in a decision).
 *
 * <h2>The base</h2>
 * <ul>
 * <li>{@link MajorityBase#VOTES_CAST}: yes + no, plus abstain when {@link VotingRule#abstentionsInBase()}; in an
 * election, the marked papers, plus the blank ones when blank papers count in the base;</li>
 * <li>{@link MajorityBase#PRESENT}: the voting members present ({@link Electorate#present()}), whether they voted
 * or not;</li>
 * <li>{@link MajorityBase#ALL_MEMBERS}: all voting members ({@link Electorate#votingMembers()}).</li>
 * </ul>
 *
 * <h2>The rules</h2> For an approval ballot, with Y yes and N no votes and base B:
 * <ul>
 * <li>{@link MajorityRule#SIMPLE}: passed when Y &gt; N; abstentions do not count against, a tie does not pass,
 * B is only reported (threshold: more than N);</li>
 * <li>{@link MajorityRule#ABSOLUTE}: passed when Y &gt; B/2, i.e. 2Y &gt; B; exactly half does not pass
 * (threshold: more than B/2, so 5 of 10 fails and 6 passes);</li>
 * <li>{@link MajorityRule#TWO_THIRDS}: passed when Y &ge; 2B/3, i.e. 3Y &ge; 2B; exactly two-thirds passes
 * (threshold: at least 2B/3, so 6 of 9 passes and 10 needs 7);</li>
 * <li>{@link MajorityRule#PERCENTAGE} p: passed when Y &ge; pB/100, i.e. 100Y &ge; pB (threshold: at least
 * pB/100, so 60 % of 7 needs 5).</li>
 * </ul>
 * In every case at least one yes vote is needed, so an empty box, or a base of 0, never passes.
 * <p>
 * An election applies the same thresholds to each candidate's votes, with {@link MajorityRule#SIMPLE} meaning a
 * relative majority (at least one vote; the most votes win). The candidates who meet the threshold are ranked by
 * votes; if they are no more than the seats, all are elected ({@link Outcome#ELECTED} when they fill the seats,
 * {@link Outcome#SEATS_VACANT} otherwise). If they are more, those above the k-th candidate's votes are elected
 * and those with exactly the k-th candidate's votes fill the remaining seats when they fit; when they do not fit,
 * they form a {@link Tie} for the remaining seats and the outcome is {@link Outcome#TIE}: never resolved here.
 */
public final class Tally {

    private Tally() {
    }

    /**
     * @throws IllegalArgumentException if the box holds more papers than voting members are present
     */
    public static ApprovalResult approval(VotingRule rule, Electorate electorate, ApprovalBox box) {
        requirePresent(electorate, box.votesCast());
        int base = base(rule, electorate, box.yes() + box.no(), box.abstain());
        Threshold threshold = threshold(rule, base, box.no());
        Outcome outcome = threshold.metBy(box.yes()) ? Outcome.PASSED : Outcome.NOT_PASSED;
        return new ApprovalResult(rule, electorate, box, base, threshold, outcome);
    }

    /**
     * @throws IllegalArgumentException if the box holds more papers than voting members are present, or counts
     *         that no set of papers accepted by the election could give (a candidate not on it, blank papers
     *         where none are allowed, more or fewer choices in all than the papers allow)
     */
    public static ElectionResult election(VotingRule rule, Electorate electorate, Election election,
            ElectionBox box) {
        requirePresent(electorate, box.votesCast());
        requireConsistent(election, box);
        int base = base(rule, electorate, box.marked(), box.blank());
        Threshold threshold = threshold(rule, base, 0);

        List<Long> qualified = ranking(election, box).stream()
                .filter(candidate -> threshold.metBy(box.votes(candidate)))
                .toList();
        int seats = election.seats();
        if (qualified.size() <= seats) {
            Outcome outcome = qualified.size() == seats ? Outcome.ELECTED : Outcome.SEATS_VACANT;
            return new ElectionResult(rule, electorate, election, box, base, threshold, qualified, null, outcome);
        }
        int cutOff = box.votes(qualified.get(seats - 1));
        List<Long> above = qualified.stream().filter(candidate -> box.votes(candidate) > cutOff).toList();
        List<Long> atCutOff = qualified.stream().filter(candidate -> box.votes(candidate) == cutOff).toList();
        if (above.size() + atCutOff.size() == seats) {
            return new ElectionResult(rule, electorate, election, box, base, threshold, qualified.subList(0, seats),
                    null, Outcome.ELECTED);
        }
        Tie tie = new Tie(cutOff, seats - above.size(), atCutOff);
        return new ElectionResult(rule, electorate, election, box, base, threshold, above, tie, Outcome.TIE);
    }

    /** All candidates, most votes first, ballot order among equals (the sort is stable). */
    static List<Long> ranking(Election election, ElectionBox box) {
        return election.candidates().stream()
                .sorted(Comparator.comparingInt((Long candidate) -> box.votes(candidate)).reversed())
                .toList();
    }

    /** The number the rule is measured against; {@code abstained} are abstentions, or blank election papers. */
    static int base(VotingRule rule, Electorate electorate, int counted, int abstained) {
        return switch (rule.base()) {
            case VOTES_CAST -> rule.abstentionsInBase() ? Math.addExact(counted, abstained) : counted;
            case PRESENT -> electorate.present();
            case ALL_MEMBERS -> electorate.votingMembers();
        };
    }

    /** The threshold of the rule over this base; {@code no} counts only for a simple majority. */
    static Threshold threshold(VotingRule rule, int base, int no) {
        return switch (rule.rule()) {
            case SIMPLE -> new Threshold(Fraction.whole(no), true);
            case ABSOLUTE -> new Threshold(Fraction.of(base, 2), true);
            case TWO_THIRDS -> new Threshold(Fraction.of(2L * base, 3), false);
            case PERCENTAGE -> new Threshold(Fraction.of((long) rule.percentage() * base, 100), false);
        };
    }

    private static void requirePresent(Electorate electorate, int votesCast) {
        if (votesCast > electorate.present()) {
            throw new IllegalArgumentException(votesCast + " papers but only " + electorate.present()
                    + " voting members present");
        }
    }

    private static void requireConsistent(Election election, ElectionBox box) {
        for (Long candidate : box.votes().keySet()) {
            if (!election.candidates().contains(candidate)) {
                throw new IllegalArgumentException("votes for " + candidate + ", who is not a candidate");
            }
        }
        if (box.blank() > 0 && !election.blankAllowed()) {
            throw new IllegalArgumentException(box.blank() + " blank papers, but blank papers are not allowed");
        }
        long choices = box.votes().values().stream().mapToLong(Integer::longValue).sum();
        if (choices < (long) election.minChoices() * box.marked() || choices > (long) election.seats() * box.marked()) {
            throw new IllegalArgumentException(choices + " choices on " + box.marked() + " marked papers, each with "
                    + election.minChoices() + " to " + election.seats());
        }
    }
}
