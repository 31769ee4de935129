package app.quorum.identity.entity;

import app.quorum.platform.Limits;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/** A staff account (admin, secretary, chair): a sign-in name, a PBKDF2 password hash, its roles. */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.BY_USERNAME, query = "SELECT a FROM Account a WHERE a.username = :username")
@NamedQuery(name = Account.ALL, query = "SELECT a FROM Account a ORDER BY a.username")
@NamedQuery(name = Account.COUNT, query = "SELECT COUNT(a) FROM Account a")
public class Account {

    public static final String BY_USERNAME = "Account.byUsername";
    public static final String ALL = "Account.all";
    public static final String COUNT = "Account.count";
    public static final String USERNAME_PATTERN = "^[a-z0-9][a-z0-9._-]{1,99}$";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank(message = "{account.username.required}")
    @Size(max = Limits.ACCOUNT_USERNAME, message = "{account.username.size}")
    @Pattern(regexp = USERNAME_PATTERN, message = "{account.username.form}")
    private String username;

    @NotBlank(message = "{account.displayName.required}")
    @Size(max = Limits.ACCOUNT_DISPLAY_NAME, message = "{account.displayName.size}")
    @Column(name = "display_name")
    private String displayName;

    @Column(name = "password_hash")
    private String passwordHash;

    private boolean active = true;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "account_role", joinColumns = @JoinColumn(name = "account_id"))
    @Column(name = "role")
    @Enumerated(EnumType.STRING)
    private Set<StaffRole> roles = EnumSet.noneOf(StaffRole.class);

    @Column(name = "password_changed_at")
    private Instant passwordChangedAt;

    @Version
    private long version;

    protected Account() {
        // for JPA
    }

    public Account(String username, String displayName, String passwordHash, Set<StaffRole> roles) {
        this.username = username;
        this.displayName = displayName;
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(roles);
        this.passwordChangedAt = Instant.now();
    }

    public void changePasswordHash(String hash) {
        this.passwordHash = hash;
        this.passwordChangedAt = Instant.now();
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public boolean isActive() {
        return active;
    }

    public void setActive(boolean active) {
        this.active = active;
    }

    public Set<StaffRole> getRoles() {
        return roles.isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(roles);
    }

    public void setRoles(Set<StaffRole> roles) {
        this.roles.clear();
        this.roles.addAll(roles);
    }

    public Instant getPasswordChangedAt() {
        return passwordChangedAt;
    }
}
