package app.quorum.testing;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import java.util.concurrent.Callable;

/** For in-container tests: runs a piece of test code as the chair would. */
@Stateless
@PermitAll
@RunAs("CHAIR")
public class AsChair {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
