package app.quorum.ballot.entity;

/** What a {@link MajorityRule} is measured against. */
public enum MajorityBase {
    /**
     * The votes cast: yes + no, and also abstentions when the rule counts them in the base
     * ({@link VotingRule#abstentionsInBase()}). In an election: the non-blank papers, and also the blank ones when
     * the rule counts them in the base.
     */
    VOTES_CAST,
    /** The voting members present, whether they voted, abstained or did not vote. */
    PRESENT,
    /** All voting members of the meeting, present or not. */
    ALL_MEMBERS
}
