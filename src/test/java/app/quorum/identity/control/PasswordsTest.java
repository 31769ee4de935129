package app.quorum.identity.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.platform.Limits;
import app.quorum.platform.Refusal;
import app.quorum.platform.i18n.Bundle;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A password longer than {@link Limits#PASSWORD} never reaches PBKDF2: a new one is refused with the bundle's words, one
 * typed to sign in is wrong. The hash here counts how often it is asked to work.
 */
class PasswordsTest {

    private static final char[] MEGABYTE = "x".repeat(1 << 20).toCharArray();

    private final AtomicInteger hashed = new AtomicInteger();
    private Passwords passwords;

    @BeforeEach
    void passwords() {
        passwords = new Passwords();
        passwords.minLength = 10;
        passwords.hash = new Pbkdf2PasswordHash() {
            @Override
            public String generate(char[] password) {
                hashed.incrementAndGet();
                return "hash:" + password.length;
            }

            @Override
            public boolean verify(char[] password, String hash) {
                hashed.incrementAndGet();
                return hash.equals("hash:" + password.length);
            }
        };
    }

    @Test
    void aMegabyteToSignInIsWrongWithoutHashing() {
        assertFalse(passwords.verify(MEGABYTE, "hash:" + MEGABYTE.length));
        assertEquals(0, hashed.get(), "PBKDF2 was asked to work on a megabyte");
    }

    @Test
    void aNewPasswordOverTheLimitIsRefusedBeforeHashingInBothLanguages() {
        Refusal refused = assertThrows(Refusal.class, () -> passwords.requireAcceptable(MEGABYTE, "thuky"));
        assertEquals("account.password.tooLong", refused.key());
        assertArrayEquals(new Object[] {Limits.PASSWORD}, refused.arguments());
        assertEquals("Mật khẩu dài tối đa 128 ký tự.", Bundle.text(Bundle.VIETNAMESE, refused.key(), refused.arguments()));
        assertEquals("A password is at most 128 characters long.", Bundle.text(Bundle.ENGLISH, refused.key(), refused.arguments()));
        assertEquals("account.password.tooLong", assertThrows(Refusal.class, () -> passwords.hash(MEGABYTE)).key());
        assertFalse(passwords.acceptable(new String(MEGABYTE), "thuky"));
        assertEquals(0, hashed.get(), "PBKDF2 was asked to work on a megabyte");
    }

    @Test
    void aPasswordOfTheLongestLengthIsHashedAndOneMoreIsNot() {
        char[] longest = "p".repeat(Limits.PASSWORD).toCharArray();
        assertDoesNotThrow(() -> passwords.requireAcceptable(longest, "thuky"));
        assertTrue(passwords.verify(longest, passwords.hash(longest)));
        assertEquals(2, hashed.get());
        char[] over = "p".repeat(Limits.PASSWORD + 1).toCharArray();
        assertEquals("account.password.tooLong", assertThrows(Refusal.class, () -> passwords.requireAcceptable(over, "thuky")).key());
        assertFalse(passwords.verify(over, "hash:" + over.length));
        assertEquals(2, hashed.get());
    }

    @Test
    void aShortPasswordIsStillWeak() {
        assertEquals("account.password.weak", assertThrows(Refusal.class, () -> passwords.requireAcceptable("short".toCharArray(), "thuky")).key());
    }
}
