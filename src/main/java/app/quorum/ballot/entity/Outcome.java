package app.quorum.ballot.entity;

/** The outcome of a tally. The views translate it; nothing here is shown as is. */
public enum Outcome {
    /** Approval ballot: the proposal reached the threshold. */
    PASSED,
    /** Approval ballot: the proposal did not reach the threshold (including an empty box). */
    NOT_PASSED
}
