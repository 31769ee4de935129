package app.quorum.platform;

import jakarta.ejb.ApplicationException;
import java.util.Arrays;
import java.util.Objects;

/**
 * A rule of the domain said no. Carries its {@link Kind} — what the caller may do about it, which the boundaries
 * decide by (never by the key) — and a message key of the shared bundle (and its arguments), so every refused action
 * can say why in the user's language; the transaction is rolled back, so nothing changes.
 */
@ApplicationException(rollback = true)
public class Refusal extends RuntimeException {

    /** What kind of no it is. */
    public enum Kind {
        /** No such thing, or not one the caller may know of. */
        NOT_FOUND,
        /** The input breaks a rule: a choice not on the ballot, an incomplete draft, a malformed code. */
        INVALID,
        /** The state of things does not allow it now: not open yet, another ballot open, changed meanwhile. */
        CONFLICT,
        /** It was done already: a second vote, a participant already on the roster. */
        DUPLICATE,
        /** It is over: the meeting, its attendance or the ballot is closed to this. */
        CLOSED,
        /** Never for this caller or this thing: a secret ballot's roll-call, a delegate not entitled to vote. */
        FORBIDDEN
    }

    private final Kind kind;
    private final String key;
    private final transient Object[] arguments;

    public Refusal(Kind kind, String key, Object... arguments) {
        super(key + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.kind = Objects.requireNonNull(kind, "kind");
        this.key = key;
        this.arguments = arguments.clone();
    }

    public Kind kind() {
        return kind;
    }

    public String key() {
        return key;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
