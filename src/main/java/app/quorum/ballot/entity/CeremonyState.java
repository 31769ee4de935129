package app.quorum.ballot.entity;

/** Where a meeting's key ceremony stands: collecting the trustees' publications, ready (a joint key), or failed. */
public enum CeremonyState {
    COLLECTING, READY, FAILED
}
