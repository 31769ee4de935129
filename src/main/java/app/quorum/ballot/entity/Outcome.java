package app.quorum.ballot.entity;

/** The outcome of a tally. The views translate it; nothing here is shown as is. */
public enum Outcome {
    /** Approval ballot: the proposal reached the threshold. */
    PASSED,
    /** Approval ballot: the proposal did not reach the threshold (including an empty box). */
    NOT_PASSED,
    /** Election: every seat is filled by a candidate who reached the threshold, without a tie. */
    ELECTED,
    /**
     * Election: fewer candidates reached the threshold than there are seats; those who did are elected, the other
     * seats stay vacant (possibly all of them).
     */
    SEATS_VACANT,
    /**
     * Election: more candidates reached the threshold than there are seats, and some of them are tied at the
     * cut-off; the candidates above the tie are elected, and the chair resolves the tie by the meeting's rules.
     */
    TIE
}
