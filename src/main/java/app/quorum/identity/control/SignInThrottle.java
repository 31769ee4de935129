package app.quorum.identity.control;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Slows down guessing. Failures are counted per subject (an account name, whether it exists or not, and a
 * source address); from the {@value #FREE_FAILURES}th failure on, each try must wait twice as long as the last,
 * up to {@link #LONGEST_WAIT}. Kept in the database, so every server of a cluster sees the same counts.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SignInThrottle {

    static final int FREE_FAILURES = 5;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    /** Failures older than this are forgotten. */
    static final Duration MEMORY = Duration.ofHours(1);

    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();

    public static String account(String username) {
        return "account:" + username;
    }

    public static String source(String address) {
        return "source:" + address;
    }

    /** How long the subjects must still wait before the next try (zero when they may try now). */
    public Duration wait(String... subjects) {
        Instant now = clock.instant();
        Duration longest = Duration.ZERO;
        for (String subject : subjects) {
            List<?> rows = em.createNativeQuery("SELECT blocked_until FROM sign_in_throttle WHERE subject = ?")
                    .setParameter(1, subject).getResultList();
            if (!rows.isEmpty() && rows.get(0) != null) {
                Instant until = toInstant(rows.get(0));
                if (until.isAfter(now) && Duration.between(now, until).compareTo(longest) > 0) {
                    longest = Duration.between(now, until);
                }
            }
        }
        return longest;
    }

    public void failed(String... subjects) {
        Instant now = clock.instant();
        for (String subject : subjects) {
            em.createNativeQuery("INSERT INTO sign_in_throttle (subject, failures, last_failure) VALUES (?, 1, ?) "
                    + "ON DUPLICATE KEY UPDATE failures = IF(last_failure < ?, 1, failures + 1), last_failure = VALUES(last_failure)")
                    .setParameter(1, subject)
                    .setParameter(2, Timestamp.from(now))
                    .setParameter(3, Timestamp.from(now.minus(MEMORY)))
                    .executeUpdate();
            int failures = ((Number) em.createNativeQuery("SELECT failures FROM sign_in_throttle WHERE subject = ?")
                    .setParameter(1, subject).getSingleResult()).intValue();
            Duration wait = waitAfter(failures);
            em.createNativeQuery("UPDATE sign_in_throttle SET blocked_until = ? WHERE subject = ?")
                    .setParameter(1, wait.isZero() ? null : Timestamp.from(now.plus(wait)))
                    .setParameter(2, subject)
                    .executeUpdate();
        }
    }

    public void succeeded(String... subjects) {
        for (String subject : subjects) {
            em.createNativeQuery("DELETE FROM sign_in_throttle WHERE subject = ?").setParameter(1, subject).executeUpdate();
        }
    }

    /**
     * A wait as the sign-in page tells it: in whole seconds, rounded up (1.4 s left is "2 seconds": whoever waits as
     * told is let in), and at least one.
     */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** 5 failures: 1 s; 6: 2 s; 7: 4 s; … never more than 15 minutes. */
    static Duration waitAfter(int failures) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES, 20);
        Duration wait = Duration.ofSeconds(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.LocalDateTime local) {
            return local.atZone(java.time.ZoneId.systemDefault()).toInstant();
        }
        return ((java.time.OffsetDateTime) value).toInstant();
    }
}
