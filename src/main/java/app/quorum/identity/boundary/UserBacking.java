package app.quorum.identity.boundary;

import app.quorum.identity.control.AccountService;
import app.quorum.identity.control.DelegateIdentityStore;
import app.quorum.identity.entity.Account;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;

/** Who is signed in, for the header: name, roles, and the pages their roles open. */
@Named("user")
@RequestScoped
public class UserBacking {

    /**
     * The request, not Jakarta Security's SecurityContext: the header is also rendered on error pages, where
     * Payara's SecurityContext has no policy context and fails; the request answers everywhere.
     */
    @Inject
    HttpServletRequest request;

    @Inject
    AccountService accounts;

    private String displayName;

    public boolean isSignedIn() {
        return request.getUserPrincipal() != null;
    }

    public boolean isDelegate() {
        return request.isUserInRole("DELEGATE");
    }

    public boolean isStaff() {
        return isAdmin() || isSecretary() || isChair();
    }

    public boolean isAdmin() {
        return request.isUserInRole("ADMIN");
    }

    public boolean isSecretary() {
        return request.isUserInRole("SECRETARY");
    }

    public boolean isChair() {
        return request.isUserInRole("CHAIR");
    }

    /** The staff member's display name (their account's), or the caller name. */
    public String getDisplayName() {
        if (displayName == null) {
            Principal caller = request.getUserPrincipal();
            if (caller == null) {
                return null;
            }
            displayName = DelegateIdentityStore.participantId(caller.getName()).isPresent() ? ""
                    : accounts.find(caller.getName()).map(Account::getDisplayName).orElse(caller.getName());
        }
        return displayName;
    }
}
