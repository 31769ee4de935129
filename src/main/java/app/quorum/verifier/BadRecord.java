package app.quorum.verifier;

/** Something in the record that a check cannot accept; the message says where. */
final class BadRecord extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadRecord(String message) {
        super(message);
    }
}
