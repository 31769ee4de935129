package app.quorum.testing;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import java.util.concurrent.Callable;

/**
 * For in-container tests: runs a piece of test code as the secretary would (the services check roles), using the
 * container's run-as identity.
 */
@Stateless
@PermitAll
@RunAs("SECRETARY")
public class AsSecretary {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
