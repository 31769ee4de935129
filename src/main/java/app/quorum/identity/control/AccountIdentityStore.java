package app.quorum.identity.control;

import app.quorum.platform.audit.AuditLog;

import app.quorum.identity.entity.Account;
import app.quorum.identity.entity.StaffRole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Staff sign-in against the account table. An unknown name, an inactive account and a wrong password look and take
 * alike, so nothing tells whether an account exists. Guessing is slowed by {@link SignInThrottle}: after five wrong
 * passwords for an account name, each of its tries waits here for its turn (at most 20 s, seconds in practice) and is
 * then checked — the right password always gets in, no one can lock the staff out, and a guesser gets one try per
 * turn; per address only from a hundred wrong passwords an hour, which no hall produces.
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
        String account = SignInThrottle.account(name);
        String address = SignInThrottle.staffSource(request.getRemoteAddr());
        SignInThrottle.Turn turn = throttle.turn(account, address);
        if (turn.refused() || !waitFor(turn.at())) {
            request.setAttribute(WAIT_ATTRIBUTE, SignInThrottle.seconds(turn.refused() ? turn.busy() : Duration.ZERO));
            audit.recordSignIn("signIn.throttled", name, null);
            return CredentialValidationResult.INVALID_RESULT;
        }
        Optional<Account> found = accounts.find(name).filter(Account::isActive);
        boolean valid = passwords.verify(credential.getPassword().getValue(), found.map(Account::passwordHash).orElse(null));
        if (!valid || found.isEmpty()) {
            throttle.counted(account, address);
            audit.recordSignIn("signIn.failed", name, null);
            return CredentialValidationResult.INVALID_RESULT;
        }
        throttle.succeeded(account);
        audit.recordSignIn("signIn", name, null);
        return new CredentialValidationResult(name,
                found.get().getRoles().stream().map(StaffRole::name).collect(Collectors.toSet()));
    }

    /** Waits until the try's turn (never longer than the throttle's horizon); false if interrupted meanwhile. */
    static boolean waitFor(Instant turn) {
        Duration left = Duration.between(Instant.now(), turn);
        if (left.isNegative() || left.isZero()) {
            return true;
        }
        try {
            Thread.sleep(left);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
