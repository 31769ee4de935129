package app.quorum.identity.boundary;

import app.quorum.identity.control.AccountService;
import app.quorum.identity.control.DelegateIdentityStore;
import app.quorum.identity.entity.Account;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;

/** Who is signed in, for the header: name, roles, and the pages their roles open. */
@Named("user")
@RequestScoped
public class UserBacking {

    @Inject
    SecurityContext security;

    @Inject
    AccountService accounts;

    private String displayName;

    public boolean isSignedIn() {
        return security.getCallerPrincipal() != null;
    }

    public boolean isDelegate() {
        return security.isCallerInRole("DELEGATE");
    }

    public boolean isStaff() {
        return isAdmin() || isSecretary() || isChair();
    }

    public boolean isAdmin() {
        return security.isCallerInRole("ADMIN");
    }

    public boolean isSecretary() {
        return security.isCallerInRole("SECRETARY");
    }

    public boolean isChair() {
        return security.isCallerInRole("CHAIR");
    }

    /** The staff member's display name (their account's), or the caller name. */
    public String getDisplayName() {
        if (displayName == null) {
            Principal caller = security.getCallerPrincipal();
            if (caller == null) {
                return null;
            }
            displayName = DelegateIdentityStore.participantId(caller.getName()).isPresent() ? ""
                    : accounts.find(caller.getName()).map(Account::getDisplayName).orElse(caller.getName());
        }
        return displayName;
    }
}
