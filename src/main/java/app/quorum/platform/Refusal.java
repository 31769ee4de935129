package app.quorum.platform;

import jakarta.ejb.ApplicationException;
import java.util.Arrays;

/**
 * A rule of the domain said no. Carries a message key of the shared bundle (and its arguments), so every
 * refused action can say why in the user's language; the transaction is rolled back, so nothing changes.
 */
@ApplicationException(rollback = true)
public class Refusal extends RuntimeException {

    private final String key;
    private final transient Object[] arguments;

    public Refusal(String key, Object... arguments) {
        super(key + (arguments.length == 0 ? "" : " " + Arrays.toString(arguments)));
        this.key = key;
        this.arguments = arguments.clone();
    }

    public String key() {
        return key;
    }

    public Object[] arguments() {
        return arguments.clone();
    }
}
