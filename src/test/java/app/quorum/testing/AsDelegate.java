package app.quorum.testing;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.concurrent.Callable;

/** For in-container tests: runs a piece of test code as a delegate (the services take the participant from the page, which knows who signed in). */
@Stateless
@PermitAll
@RunAs("DELEGATE")
public class AsDelegate {

    public <T> T call(Callable<T> work) throws Exception {
        return work.call();
    }

    /** The same without a transaction, as the pages and the tablet's API call the services (their caches answer). */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public <T> T callOutsideTransaction(Callable<T> work) throws Exception {
        return work.call();
    }
}
