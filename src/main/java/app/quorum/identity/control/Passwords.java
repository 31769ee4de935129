package app.quorum.identity.control;

import app.quorum.platform.Limits;
import app.quorum.platform.Refusal;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password hashing with Jakarta Security's {@link Pbkdf2PasswordHash}: PBKDF2 with HMAC-SHA-512, 210,000
 * iterations and a 32-byte salt (OWASP's advice for PBKDF2-SHA-512). Also the password rules. A password longer than
 * {@value Limits#PASSWORD} characters is never hashed: it is refused (a new one) or wrong (one typed to sign in), so no
 * client can make the server run PBKDF2 over megabytes.
 */
@ApplicationScoped
public class Passwords {

    static final Map<String, String> PARAMETERS = Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "64");

    @Inject
    Pbkdf2PasswordHash hash;

    @Inject
    @ConfigProperty(name = "quorum.password.min.length", defaultValue = "10")
    int minLength;

    /** A hash of a password nobody knows: verifying against it costs as much as against a real one. */
    private String decoy;

    @PostConstruct
    void configure() {
        hash.initialize(PARAMETERS);
        decoy = hash.generate(java.util.UUID.randomUUID().toString().toCharArray());
    }

    /** The hash of a new password, which must be {@linkplain #requireAcceptable acceptable}. */
    public String hash(char[] password) {
        if (tooLong(password)) {
            throw new Refusal(Refusal.Kind.INVALID, "account.password.tooLong", Limits.PASSWORD);
        }
        return hash.generate(password);
    }

    /**
     * Verifies a password; with no stored hash it spends the same time and says no. A password longer than any
     * password can be is wrong without hashing it.
     */
    public boolean verify(char[] password, String storedHash) {
        if (tooLong(password)) {
            return false;
        }
        boolean matches = hash.verify(password, storedHash == null ? decoy : storedHash);
        return storedHash != null && matches;
    }

    public int minLength() {
        return minLength;
    }

    /** Whether a new password is acceptable: long enough and not too long, not blank, not the user name. */
    public boolean acceptable(String password, String username) {
        return password != null && password.strip().length() >= minLength && password.length() <= Limits.PASSWORD
                && !password.equalsIgnoreCase(username);
    }

    /**
     * Refuses a new password that is not {@linkplain #acceptable acceptable}, saying why.
     *
     * @throws Refusal {@code account.password.tooLong} or {@code account.password.weak}
     */
    public void requireAcceptable(char[] password, String username) {
        if (tooLong(password)) {
            throw new Refusal(Refusal.Kind.INVALID, "account.password.tooLong", Limits.PASSWORD);
        }
        if (!acceptable(password == null ? null : new String(password), username)) {
            throw new Refusal(Refusal.Kind.INVALID, "account.password.weak", minLength);
        }
    }

    private static boolean tooLong(char[] password) {
        return password != null && password.length > Limits.PASSWORD;
    }
}
