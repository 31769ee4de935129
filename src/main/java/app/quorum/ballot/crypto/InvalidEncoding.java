package app.quorum.ballot.crypto;

/** A point, scalar or byte string that is not in its one canonical form (election-record.md §1). */
public final class InvalidEncoding extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String what;

    public InvalidEncoding(String what, String reason) {
        super(what + ": " + reason);
        this.what = what;
    }

    /** What was refused: {@code point}, {@code scalar}, or a named byte string. */
    public String what() {
        return what;
    }
}
