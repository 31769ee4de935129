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
import java.util.ArrayList;
import java.util.List;

/**
 * Slows down guessing, in the database (every server of a cluster sees the same counts). Failures are counted per
 * subject and forgotten after an hour without one ({@link #MEMORY}).
 *
 * <h2>Staff passwords: a bounded delay, serialized per account, never a lock-out</h2>
 * A hall's tablets and laptops reach Quorum from one address (one NAT, one reverse proxy), so a wait per address
 * lets one delegate's wrong passwords hold up the secretary and the chair; and a wait that refuses an account's tries
 * lets a guesser lock its owner out. Refusing only the wrong passwords during the wait is no answer either: whoever
 * sends the right one gets in, so a guesser just ignores the wait. The standard answers are an account lock-out with
 * a growing duration (OWASP Authentication Cheat Sheet, "Account Lockout"; it names the denial of service it opens),
 * Openwall's device cookies (a device that signed in before bypasses the lock-out of its account; a new device, say
 * the hall's PC the chair uses for the first time, stays locked out) and a delay that every try of a throttled
 * account gets, right password or not, one try at a time. Quorum takes the last: after {@value #ACCOUNT_FREE}
 * failures for an account name (existing or not), its tries are checked one after the other, each at least a
 * spacing after the one before — 1 s, doubling with each further failure up to {@link #LONGEST_SPACING} — and a try
 * waits on the server for its turn instead of being refused. So the right password always gets in, after at most
 * the spacing when someone guesses by hand, and a guesser gets at most one try per spacing, whatever the number of
 * browsers or addresses, since the turns are the account's. A try whose turn is further than {@link #HORIZON} away
 * (a script keeping several tries of one account in flight) is refused unchecked, telling how long to wait: the
 * server holds no thread longer, and such a script only delays that account's new sign-ins while it runs.
 *
 * <p>Per address the same spacing applies only from the {@value #ADDRESS_FREE}th wrong password within the hour.
 * In a hall only staff type passwords (delegates use their cards), a handful of accounts: their typos and a curious
 * delegate's tries are a few dozen an hour at most, while a hundred in an hour is one every 36 s without pause —
 * a script spraying passwords over many accounts, which this slows to one try per spacing.
 *
 * <h2>Card codes</h2> Wrong codes from one address wait from the {@value #FREE_FAILURES}th failure on, twice as
 * long each time up to {@link #LONGEST_WAIT}; a right code always signs in (see {@code DelegateIdentityStore}).
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SignInThrottle {

    /** Card codes: wrong codes from one address that do not wait. */
    static final int FREE_FAILURES = 5;
    static final Duration LONGEST_WAIT = Duration.ofMinutes(15);
    /** Staff passwords: failures of one account name before its tries are spaced. */
    static final int ACCOUNT_FREE = 5;
    /** Staff passwords: wrong passwords from one address within {@link #MEMORY} before its tries are spaced. */
    static final int ADDRESS_FREE = 100;
    /** The longest spacing between two checked tries of a throttled account (or address). */
    static final Duration LONGEST_SPACING = Duration.ofSeconds(10);
    /** The longest a try waits on the server for its turn; beyond it, it is refused unchecked. */
    static final Duration HORIZON = Duration.ofSeconds(20);
    /** Failures older than this are forgotten. */
    static final Duration MEMORY = Duration.ofHours(1);

    @PersistenceContext
    EntityManager em;

    Clock clock = Clock.systemUTC();

    public static String account(String username) {
        return "account:" + username;
    }

    /** The subject of wrong card codes from an address. */
    public static String source(String address) {
        return "source:" + address;
    }

    /** The subject of wrong staff passwords from an address (apart from the cards': a hall's typos of either kind). */
    public static String staffSource(String address) {
        return "staff-source:" + address;
    }

    /**
     * When a staff sign-in's password may be checked: {@code at} (now, or a later turn to wait for), or, when its
     * turn is too far away, {@code busy} with how long to wait before trying again.
     */
    public record Turn(Instant at, Duration busy) {

        public boolean refused() {
            return busy != null;
        }
    }

    /** One subject's state, as the turn is computed from it: its spacing (zero: not throttled) and its next turn. */
    record Lane(String subject, Duration spacing, Instant next) {
    }

    /**
     * Takes a turn for a staff sign-in on the account's and the address's lanes: the latest of their next turns (now,
     * when neither is throttled), each lane's next turn then put a spacing after it.
     */
    public Turn turn(String accountSubject, String addressSubject) {
        Instant now = clock.instant();
        List<Lane> lanes = new ArrayList<>();
        lanes.add(lane(accountSubject, ACCOUNT_FREE, now)); // always in this order: no deadlock between two tries
        lanes.add(lane(addressSubject, ADDRESS_FREE, now));
        Turn turn = turn(now, lanes);
        if (!turn.refused()) {
            for (Lane lane : lanes) {
                if (!lane.spacing().isZero()) {
                    em.createNativeQuery("UPDATE sign_in_throttle SET blocked_until = ? WHERE subject = ?")
                            .setParameter(1, Timestamp.from(turn.at().plus(lane.spacing())))
                            .setParameter(2, lane.subject())
                            .executeUpdate();
                }
            }
        }
        return turn;
    }

    /** The turn over the lanes, without the database: see {@link #turn(String, String)}. */
    static Turn turn(Instant now, List<Lane> lanes) {
        Instant at = now;
        for (Lane lane : lanes) {
            if (!lane.spacing().isZero() && lane.next() != null && lane.next().isAfter(at)) {
                at = lane.next();
            }
        }
        Duration ahead = Duration.between(now, at);
        return ahead.compareTo(HORIZON) > 0 ? new Turn(null, ahead) : new Turn(at, null);
    }

    /** The subject's lane, its row locked until the turn is taken. */
    private Lane lane(String subject, int free, Instant now) {
        List<?> rows = em.createNativeQuery("SELECT failures, last_failure, blocked_until FROM sign_in_throttle WHERE subject = ? FOR UPDATE")
                .setParameter(1, subject).getResultList();
        if (rows.isEmpty()) {
            return new Lane(subject, Duration.ZERO, null);
        }
        Object[] row = (Object[]) rows.get(0);
        boolean remembered = !toInstant(row[1]).isBefore(now.minus(MEMORY));
        int failures = remembered ? ((Number) row[0]).intValue() : 0;
        return new Lane(subject, spacing(failures, free), row[2] == null ? null : toInstant(row[2]));
    }

    /** Counts a wrong staff password against the subjects, leaving their turns as they are. */
    public void counted(String... subjects) {
        Instant now = clock.instant();
        for (String subject : subjects) {
            remember(subject, now);
        }
    }

    /** Card codes: how long the subjects must still wait before the next try (zero when they may try now). */
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

    /** Card codes: counts a wrong code and sets the wait before the next one. */
    public void failed(String... subjects) {
        Instant now = clock.instant();
        for (String subject : subjects) {
            int failures = remember(subject, now);
            Duration wait = waitAfter(failures);
            em.createNativeQuery("UPDATE sign_in_throttle SET blocked_until = ? WHERE subject = ?")
                    .setParameter(1, wait.isZero() ? null : Timestamp.from(now.plus(wait)))
                    .setParameter(2, subject)
                    .executeUpdate();
        }
    }

    /** Forgets the subjects' failures (a staff member signed in). */
    public void succeeded(String... subjects) {
        for (String subject : subjects) {
            em.createNativeQuery("DELETE FROM sign_in_throttle WHERE subject = ?").setParameter(1, subject).executeUpdate();
        }
    }

    /** One more failure of the subject (the first again after {@link #MEMORY} without one); the count now. */
    private int remember(String subject, Instant now) {
        em.createNativeQuery("INSERT INTO sign_in_throttle (subject, failures, last_failure) VALUES (?, 1, ?) "
                + "ON DUPLICATE KEY UPDATE failures = IF(last_failure < ?, 1, failures + 1), last_failure = VALUES(last_failure)")
                .setParameter(1, subject)
                .setParameter(2, Timestamp.from(now))
                .setParameter(3, Timestamp.from(now.minus(MEMORY)))
                .executeUpdate();
        return ((Number) em.createNativeQuery("SELECT failures FROM sign_in_throttle WHERE subject = ?")
                .setParameter(1, subject).getSingleResult()).intValue();
    }

    /**
     * A wait as the sign-in page tells it: in whole seconds, rounded up (1.4 s left is "2 seconds": whoever waits as
     * told is let in), and at least one.
     */
    public static long seconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    /** Card codes: 5 failures: 1 s; 6: 2 s; 7: 4 s; … never more than 15 minutes. */
    static Duration waitAfter(int failures) {
        if (failures < FREE_FAILURES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_FAILURES, 20);
        Duration wait = Duration.ofSeconds(1L << doublings);
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /** Staff passwords: the spacing of a subject's tries after so many failures: none below {@code free}; 1 s, 2 s, 4 s … 10 s. */
    static Duration spacing(int failures, int free) {
        if (failures < free) {
            return Duration.ZERO;
        }
        Duration spacing = Duration.ofSeconds(1L << Math.min(failures - free, 20));
        return spacing.compareTo(LONGEST_SPACING) > 0 ? LONGEST_SPACING : spacing;
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
