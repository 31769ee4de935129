package app.quorum.identity.boundary;

import app.quorum.identity.control.AccountService;
import app.quorum.identity.entity.Account;
import app.quorum.identity.entity.StaffRole;
import app.quorum.platform.Limits;
import app.quorum.platform.web.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.EnumSet;
import java.util.ArrayList;
import java.util.List;

/** The admin's accounts page: create staff accounts, change their roles, deactivate them, reset passwords. */
@Named
@ViewScoped
public class AccountsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient AccountService accounts;

    private List<Account> all;
    private Long editing;
    @Size(max = Limits.ACCOUNT_USERNAME, message = "{account.username.size}")
    private String username;
    @Size(max = Limits.ACCOUNT_DISPLAY_NAME, message = "{account.displayName.size}")
    private String displayName;
    @Size(max = Limits.PASSWORD, message = "{account.password.size}")
    private String password;
    // mutable: the roles' checkboxes make a new list of the same class when they are posted (List.of() has no constructor)
    private List<StaffRole> roles = new ArrayList<>();
    private boolean active = true;

    @PostConstruct
    void load() {
        all = accounts.accounts();
    }

    public void startNew() {
        editing = null;
        username = null;
        displayName = null;
        password = null;
        roles = new ArrayList<>(List.of(StaffRole.SECRETARY));
        active = true;
    }

    public void edit(Account account) {
        editing = account.getId();
        username = account.getUsername();
        displayName = account.getDisplayName();
        password = null;
        roles = new ArrayList<>(account.getRoles());
        active = account.isActive();
    }

    public void save() {
        EnumSet<StaffRole> chosen = roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(roles);
        if (editing == null) {
            accounts.create(username, displayName, password == null ? new char[0] : password.toCharArray(), chosen);
            Feedback.info("account.created", username);
        } else {
            accounts.update(editing, displayName, chosen, active);
            if (password != null && !password.isBlank()) {
                accounts.resetPassword(editing, password.toCharArray());
            }
            Feedback.info("account.saved", username);
        }
        password = null;
        load();
    }

    public StaffRole[] getAllRoles() {
        return StaffRole.values();
    }

    public List<Account> getAll() {
        return all;
    }

    public Long getEditing() {
        return editing;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public List<StaffRole> getRoles() {
        return roles;
    }

    public void setRoles(List<StaffRole> roles) {
        this.roles = roles;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }
}
