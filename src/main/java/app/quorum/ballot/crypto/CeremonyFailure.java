package app.quorum.ballot.crypto;

/**
 * The ceremony cannot form a key: a trustee's round-1 proof does not verify, or a share fails Feldman's check
 * (election-record.md §2, round 3: the device names the trustee who sent it, a complaint is published and the
 * ceremony restarts).
 */
public final class CeremonyFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int culprit;

    public CeremonyFailure(int culprit, String message) {
        super("trustee " + culprit + ": " + message);
        this.culprit = culprit;
    }

    /** The index of the trustee whose part is bad. */
    public int culprit() {
        return culprit;
    }
}
