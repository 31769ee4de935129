package app.quorum.identity.control;

import app.quorum.identity.entity.Account;
import app.quorum.platform.audit.AuditEvent;
import app.quorum.identity.entity.StaffRole;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * At the first start (no account yet) creates the first admin, with QUORUM_ADMIN_PASSWORD or a random password,
 * and, with the demo, a secretary and a chair account. Generated passwords are written once to
 * {@code <data folder>/first-start.txt} (readable by the owner only), which the run command prints and deletes;
 * they never reach a log or the database.
 */
@Startup
@Singleton
@DependsOn("Migrations")
public class FirstStart {

    public static final String FILE = "first-start.txt";
    static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final Logger LOG = Logger.getLogger(FirstStart.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    Passwords passwords;

    @Inject
    @ConfigProperty(name = "quorum.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "quorum.demo", defaultValue = "true")
    boolean demo;

    @Inject
    @ConfigProperty(name = "quorum.data.dir", defaultValue = "data")
    String dataDir;

    @PostConstruct
    void createFirstAccounts() {
        if (em.createNamedQuery(Account.COUNT, Long.class).getSingleResult() > 0) {
            return;
        }
        Map<String, String> generated = new LinkedHashMap<>();
        String admin = adminPassword.filter(p -> !p.isBlank()).orElse(null);
        if (admin == null) {
            admin = randomPassword();
            generated.put("admin", admin);
        }
        create("admin", "Quản trị hệ thống", admin, EnumSet.of(StaffRole.ADMIN));
        if (demo) {
            String secretary = randomPassword();
            String chair = randomPassword();
            create("thuky", "Ngô Thị Hương", secretary, EnumSet.of(StaffRole.SECRETARY));
            create("chutri", "Phan Bá Tịnh", chair, EnumSet.of(StaffRole.CHAIR));
            generated.put("thuky", secretary);
            generated.put("chutri", chair);
        }
        if (!generated.isEmpty()) {
            write(generated);
        }
        LOG.info(() -> "Created the first accounts " + (demo ? "(admin, thuky, chutri)" : "(admin)")
                + (generated.isEmpty() ? "" : "; generated passwords are in " + Path.of(dataDir, FILE).toAbsolutePath()));
    }

    private void create(String username, String displayName, String password, EnumSet<StaffRole> roles) {
        em.persist(new Account(username, displayName, passwords.hash(password.toCharArray()), roles));
        em.persist(new AuditEvent("system", "account.create", "account", username, null, "first start " + roles, null));
    }

    private void write(Map<String, String> generated) {
        StringBuilder text = new StringBuilder();
        generated.forEach((user, password) -> text.append(user).append(' ').append(password).append('\n'));
        Path file = Path.of(dataDir, FILE);
        try {
            Files.createDirectories(file.getParent() == null ? Path.of(".") : file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the folder's permissions protect it
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    static String randomPassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
