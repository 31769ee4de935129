package app.quorum.identity.boundary;

import app.quorum.identity.control.AccountService;
import app.quorum.identity.control.DelegateIdentityStore;
import app.quorum.identity.entity.Account;
import app.quorum.identity.entity.StaffRole;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;

/** Who is signed in, for the header: name, roles, and the pages their roles open. */
@Named("user")
@RequestScoped
public class UserBacking {

    /**
     * The request, not Jakarta Security's SecurityContext: the header is also rendered on error pages, where
     * Payara's SecurityContext has no policy context and fails.
     */
    @Inject
    HttpServletRequest request;

    @Inject
    AccountService accounts;

    private String displayName;
    private Set<String> recordedRoles;

    public boolean isSignedIn() {
        return request.getUserPrincipal() != null;
    }

    public boolean isDelegate() {
        return inRole(StaffRole.DELEGATE_GROUP);
    }

    public boolean isStaff() {
        return isAdmin() || isSecretary() || isChair();
    }

    public boolean isAdmin() {
        return inRole(StaffRole.ADMIN.name());
    }

    public boolean isSecretary() {
        return inRole(StaffRole.SECRETARY.name());
    }

    public boolean isChair() {
        return inRole(StaffRole.CHAIR.name());
    }

    /**
     * The container's answer, except on an error page: there Payara has no policy context for the request either, and
     * {@code isUserInRole} fails with a NullPointerException inside JACC (a signed-in user's 404 became a 500). An
     * error page only draws the header, so it takes the roles of record: the account's, or a delegate's.
     */
    private boolean inRole(String role) {
        if (request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) == null) {
            return request.isUserInRole(role);
        }
        return recordedRoles().contains(role);
    }

    private Set<String> recordedRoles() {
        if (recordedRoles == null) {
            Principal caller = request.getUserPrincipal();
            if (caller == null) {
                recordedRoles = Set.of();
            } else if (DelegateIdentityStore.participantId(caller.getName()).isPresent()) {
                recordedRoles = Set.of(StaffRole.DELEGATE_GROUP);
            } else {
                recordedRoles = accounts.find(caller.getName()).filter(Account::isActive)
                        .map(account -> account.getRoles().stream().map(StaffRole::name).collect(Collectors.toSet()))
                        .orElse(Set.of());
            }
        }
        return recordedRoles;
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
