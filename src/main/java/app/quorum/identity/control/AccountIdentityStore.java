package app.quorum.identity.control;

import app.quorum.identity.entity.Account;
import app.quorum.identity.entity.StaffRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Staff sign-in against the account table. Throttled per account name and per source address; an unknown
 * name, an inactive account and a wrong password look and take alike, so nothing tells whether an account exists.
 */
@ApplicationScoped
public class AccountIdentityStore implements IdentityStore {

    /** Set on the request when a sign-in was refused for waiting: the seconds left. */
    public static final String WAIT_ATTRIBUTE = "quorum.signIn.waitSeconds";

    @Inject
    AccountService accounts;

    @Inject
    Passwords passwords;

    @Inject
    SignInThrottle throttle;

    @Inject
    AuditLog audit;

    @Inject
    HttpServletRequest request;

    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        String name = AccountService.normalize(credential.getCaller());
        String[] subjects = {SignInThrottle.account(name), SignInThrottle.source(request.getRemoteAddr())};
        Duration wait = throttle.wait(subjects);
        if (!wait.isZero()) {
            request.setAttribute(WAIT_ATTRIBUTE, SignInThrottle.seconds(wait));
            audit.recordSignIn("signIn.throttled", name, null);
            return CredentialValidationResult.INVALID_RESULT;
        }
        Optional<Account> account = accounts.find(name).filter(Account::isActive);
        boolean valid = passwords.verify(credential.getPassword().getValue(), account.map(Account::passwordHash).orElse(null));
        if (!valid || account.isEmpty()) {
            throttle.failed(subjects);
            audit.recordSignIn("signIn.failed", name, null);
            return CredentialValidationResult.INVALID_RESULT;
        }
        throttle.succeeded(subjects[0]);
        audit.recordSignIn("signIn", name, null);
        return new CredentialValidationResult(name,
                account.get().getRoles().stream().map(StaffRole::name).collect(Collectors.toSet()));
    }
}
