package app.quorum.testing;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import java.util.concurrent.Callable;

/** For in-container tests: runs a piece of test code as a delegate (the services take the participant from the page, which knows who signed in). */
@Stateless
@PermitAll
@RunAs("DELEGATE")
public class AsDelegate {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }
}
