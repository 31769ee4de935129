package app.quorum.ballot.entity;

/**
 * What {@link Tally} computed for a closed ballot. Nothing in it is text: the views translate the enums.
 */
public sealed interface Result permits ApprovalResult, ElectionResult {

    BallotKind kind();

    VotingRule rule();

    Electorate electorate();

    /** The papers in the box, abstentions and blank papers included. */
    int votesCast();

    /** The number the rule is measured against (see {@link MajorityBase}). */
    int base();

    Threshold threshold();

    Outcome outcome();

    /** Papers cast of voting members present; 0 when nobody is present. */
    default Fraction turnout() {
        return Fraction.share(votesCast(), electorate().present());
    }

    /** Voting members present who cast no paper. */
    default int notVoted() {
        return electorate().present() - votesCast();
    }
}
