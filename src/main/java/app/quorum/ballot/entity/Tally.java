package app.quorum.ballot.entity;

/**
 * Counts a closed ballot and applies its {@link VotingRule}, in exact integer and rational arithmetic (no
 * floating point anywhere in a decision).
 *
 * <h2>The base</h2>
 * <ul>
 * <li>{@link MajorityBase#VOTES_CAST}: yes + no, plus abstain when {@link VotingRule#abstentionsInBase()};</li>
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

    /** The number the rule is measured against, {@code abstained} the abstentions. */
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
}
