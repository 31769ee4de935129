package app.quorum.identity.control;

import app.quorum.platform.audit.AuditLog;

import app.quorum.identity.entity.Account;
import app.quorum.identity.entity.StaffRole;
import app.quorum.platform.Refusal;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Staff accounts: created and managed by an admin; every staff member changes their own password. */
@Stateless
@RolesAllowed("ADMIN")
public class AccountService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    AuditLog audit;

    @Inject
    Validator validator;

    @Inject
    SecurityContext security;

    public List<Account> accounts() {
        return em.createNamedQuery(Account.ALL, Account.class).getResultList();
    }

    public Account create(String username, String displayName, char[] password, @NotNull Set<StaffRole> roles) {
        String name = normalize(username);
        if (find(name).isPresent()) {
            throw new Refusal(Refusal.Kind.DUPLICATE, "account.exists", name);
        }
        passwords.requireAcceptable(password, name);
        if (roles.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, "account.roles.required");
        }
        Account account = new Account(name, displayName == null ? null : displayName.strip(), passwords.hash(password), roles);
        validate(account);
        em.persist(account);
        audit.record("account.create", "account", account.getUsername(), null, String.valueOf(roles));
        return account;
    }

    public Account update(long id, String displayName, @NotNull Set<StaffRole> roles, boolean active) {
        Account account = existing(id);
        if (roles.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, "account.roles.required");
        }
        boolean self = account.getUsername().equals(security.getCallerPrincipal().getName());
        if (self && (!active || !roles.contains(StaffRole.ADMIN))) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "account.selfLockout");
        }
        account.setDisplayName(displayName == null ? null : displayName.strip());
        validate(account);
        account.setRoles(roles);
        account.setActive(active);
        audit.record("account.update", "account", account.getUsername(), null, roles + (active ? "" : " inactive"));
        return account;
    }

    /** An admin sets a new password for someone who forgot theirs. */
    public void resetPassword(long id, char[] password) {
        Account account = existing(id);
        passwords.requireAcceptable(password, account.getUsername());
        account.changePasswordHash(passwords.hash(password));
        audit.record("account.resetPassword", "account", account.getUsername(), null, null);
    }

    /** The signed-in staff member changes their own password, proving the current one. */
    @RolesAllowed({"ADMIN", "SECRETARY", "CHAIR"})
    public void changeOwnPassword(char[] current, char[] replacement) {
        String name = security.getCallerPrincipal().getName();
        Account account = find(name).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "account.notFound"));
        if (!passwords.verify(current, account.passwordHash())) {
            throw new Refusal(Refusal.Kind.INVALID, "account.password.wrong");
        }
        passwords.requireAcceptable(replacement, name);
        account.changePasswordHash(passwords.hash(replacement));
        audit.record("account.changePassword", "account", name, null, null);
    }

    @PermitAll
    public Optional<Account> find(String username) {
        return em.createNamedQuery(Account.BY_USERNAME, Account.class)
                .setParameter("username", normalize(username))
                .getResultStream().findFirst();
    }

    @PermitAll
    public long count() {
        return em.createNamedQuery(Account.COUNT, Long.class).getSingleResult();
    }

    private void validate(Account account) {
        Set<ConstraintViolation<Account>> violations = validator.validate(account);
        if (!violations.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, "account.invalid", violations.iterator().next().getMessage());
        }
    }

    private Account existing(long id) {
        Account account = em.find(Account.class, id);
        if (account == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "account.notFound");
        }
        return account;
    }

    public static String normalize(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }
}
