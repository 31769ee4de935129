package app.quorum.ballot.entity;

/** What a ballot asks. */
public enum BallotKind {
    /** A question answered with {@link ApprovalChoice}: approve, reject or abstain. */
    APPROVAL,
    /** An election of at most k of N candidates (see {@link Election}). */
    ELECTION
}
