package app.quorum.ballot.entity;

/** A ballot's life: prepared, open for votes, closed (result known to the chair), published; or cancelled. */
public enum BallotStatus {
    DRAFT, OPEN, CLOSED, PUBLISHED, CANCELLED
}
