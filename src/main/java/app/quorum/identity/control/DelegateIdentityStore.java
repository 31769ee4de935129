package app.quorum.identity.control;

import app.quorum.platform.audit.AuditLog;

import app.quorum.identity.entity.StaffRole;
import app.quorum.roster.entity.Participant;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * Delegate sign-in with the code of their card. The caller is {@code delegate-<participant id>} in the group
 * DELEGATE; guesses are throttled per source address.
 */
@ApplicationScoped
public class DelegateIdentityStore implements IdentityStore {

    public static final String PREFIX = "delegate-";

    @Inject
    DelegateSessions sessions;

    @Inject
    SignInThrottle throttle;

    @Inject
    AuditLog audit;

    @Inject
    HttpServletRequest request;

    /**
     * A right code always signs in; wrong codes from one address are slowed down. A hall's tablets often reach Quorum
     * from one address (one NAT, one reverse proxy): one delegate's typos must not hold up everyone else's right
     * codes. Slowing the wrong ones is enough, as a card code has 88 bits: no one finds one by trying.
     */
    public CredentialValidationResult validate(CardCodeCredential credential) {
        String source = SignInThrottle.source(request.getRemoteAddr());
        Optional<Participant> holder = sessions.holder(credential.code());
        if (holder.isEmpty()) {
            Duration wait = throttle.wait(source);
            if (!wait.isZero()) {
                request.setAttribute(AccountIdentityStore.WAIT_ATTRIBUTE, SignInThrottle.seconds(wait));
                return CredentialValidationResult.INVALID_RESULT;
            }
            throttle.failed(source);
            audit.recordSignIn("signIn.card.failed", "?", null);
            return CredentialValidationResult.INVALID_RESULT;
        }
        Participant participant = holder.get();
        String caller = PREFIX + participant.getId();
        audit.recordSignIn("signIn.card", caller, participant.getMeeting().getId());
        return new CredentialValidationResult(caller, Set.of(StaffRole.DELEGATE_GROUP));
    }

    /** The participant id of a delegate caller name, if it is one. */
    public static Optional<Long> participantId(String callerName) {
        if (callerName == null || !callerName.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(callerName.substring(PREFIX.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
