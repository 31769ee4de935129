package app.quorum.ballot.entity;

import java.util.Objects;
import java.util.Optional;

/**
 * The result of an approval ballot.
 *
 * @param rule the rule applied
 * @param electorate the voting members and those present
 * @param box the counts per choice
 * @param base the number the rule is measured against
 * @param threshold what the yes votes had to meet
 * @param outcome {@link Outcome#PASSED} or {@link Outcome#NOT_PASSED}
 */
public record ApprovalResult(VotingRule rule, Electorate electorate, ApprovalBox box, int base, Threshold threshold,
        Outcome outcome) implements Result {

    public ApprovalResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(electorate, "electorate");
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(threshold, "threshold");
        if (outcome != Outcome.PASSED && outcome != Outcome.NOT_PASSED) {
            throw new IllegalArgumentException("an approval ballot passes or not, got " + outcome);
        }
    }

    @Override
    public BallotKind kind() {
        return BallotKind.APPROVAL;
    }

    @Override
    public int votesCast() {
        return box.votesCast();
    }

    public int count(ApprovalChoice choice) {
        return box.count(choice);
    }

    public boolean passed() {
        return outcome == Outcome.PASSED;
    }

    /** This choice's share of the papers cast (0 for an empty box): 9 yes of 9 is 1, shown as 100.0 %. */
    public Fraction share(ApprovalChoice choice) {
        return Fraction.share(box.count(choice), box.votesCast());
    }

    /**
     * Whether the papers with this choice are part of the base: yes and no always; abstentions when the rule counts
     * them ({@link VotingRule#abstentionsInBase()}: always in a base of those present or of all members).
     */
    public boolean inBase(ApprovalChoice choice) {
        return choice != ApprovalChoice.ABSTAIN || rule.abstentionsInBase();
    }

    /**
     * This choice's share of the base, or empty when the choice is not part of the base: abstentions left out of a
     * base of votes cast have no share of it (9 yes, 3 no, 2 abstain: 75 % and 25 %, which add up to 100 %). In a
     * base of those present or of all members, the shares add up to less when some did not vote.
     */
    public Optional<Fraction> shareOfBase(ApprovalChoice choice) {
        return inBase(choice) ? Optional.of(Fraction.share(box.count(choice), base)) : Optional.empty();
    }

    /** The yes votes' share of the base: what the rule measured (0 when the base is 0). */
    public Fraction support() {
        return Fraction.share(box.yes(), base);
    }
}
