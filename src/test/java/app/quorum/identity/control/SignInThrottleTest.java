package app.quorum.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.identity.control.SignInThrottle.Lane;
import app.quorum.identity.control.SignInThrottle.Turn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic; a unit test, without a database. */
class SignInThrottleTest {

    static final Instant NOW = Instant.parse("2026-12-03T06:20:00Z");

    @Test
    void wrongCardCodesWaitTwiceAsLongFromTheFifthUpToFifteenMinutes() {
        assertEquals(Duration.ZERO, SignInThrottle.waitAfter(4));
        assertEquals(Duration.ofSeconds(1), SignInThrottle.waitAfter(5));
        assertEquals(Duration.ofSeconds(2), SignInThrottle.waitAfter(6));
        assertEquals(Duration.ofSeconds(512), SignInThrottle.waitAfter(14));
        assertEquals(Duration.ofMinutes(15), SignInThrottle.waitAfter(15));
        assertEquals(Duration.ofMinutes(15), SignInThrottle.waitAfter(1000));
    }

    @Test
    void anAccountsTriesAreSpacedFromItsFifthFailureUpToTenSecondsAnAddressOnlyFromItsHundredth() {
        assertEquals(Duration.ZERO, SignInThrottle.spacing(4, SignInThrottle.ACCOUNT_FREE));
        assertEquals(Duration.ofSeconds(1), SignInThrottle.spacing(5, SignInThrottle.ACCOUNT_FREE));
        assertEquals(Duration.ofSeconds(2), SignInThrottle.spacing(6, SignInThrottle.ACCOUNT_FREE));
        assertEquals(Duration.ofSeconds(8), SignInThrottle.spacing(8, SignInThrottle.ACCOUNT_FREE));
        assertEquals(Duration.ofSeconds(10), SignInThrottle.spacing(9, SignInThrottle.ACCOUNT_FREE));
        assertEquals(Duration.ofSeconds(10), SignInThrottle.spacing(100_000, SignInThrottle.ACCOUNT_FREE));
        assertEquals(Duration.ZERO, SignInThrottle.spacing(99, SignInThrottle.ADDRESS_FREE), "a hall's typos");
        assertEquals(Duration.ofSeconds(1), SignInThrottle.spacing(100, SignInThrottle.ADDRESS_FREE));
        // one try per 10 s at most: what a guesser gets from one account, and what its owner waits at worst
        assertTrue(SignInThrottle.LONGEST_SPACING.compareTo(SignInThrottle.HORIZON) < 0);
    }

    @Test
    void aTryWaitsForTheLatestTurnOfItsThrottledLanesNeverRefusedWhileTheWaitIsShort() {
        Lane free = new Lane("staff-source:10.0.0.1", Duration.ZERO, NOW.plusSeconds(600));
        assertEquals(new Turn(NOW, null), SignInThrottle.turn(NOW, List.of(new Lane("account:thuky", Duration.ZERO, null), free)),
                "neither lane throttled: at once (a stale turn of a lane that is not throttled does not count)");
        assertEquals(new Turn(NOW, null), SignInThrottle.turn(NOW, List.of(new Lane("account:thuky", Duration.ofSeconds(1), null), free)),
                "the first try of a throttled account goes at once: the next waits");
        Turn queued = SignInThrottle.turn(NOW, List.of(new Lane("account:thuky", Duration.ofSeconds(8), NOW.plusSeconds(7)), free));
        assertFalse(queued.refused(), "the right password is not refused: it waits its turn");
        assertEquals(NOW.plusSeconds(7), queued.at());
        Turn both = SignInThrottle.turn(NOW, List.of(new Lane("account:thuky", Duration.ofSeconds(2), NOW.plusSeconds(1)),
                new Lane("staff-source:10.0.0.1", Duration.ofSeconds(4), NOW.plusSeconds(3))));
        assertEquals(NOW.plusSeconds(3), both.at(), "the later of the two lanes");
    }

    @Test
    void aTryWhoseTurnIsBeyondTheHorizonIsRefusedUncheckedWithTheWaitLeft() {
        Turn edge = SignInThrottle.turn(NOW, List.of(new Lane("account:chutri", Duration.ofSeconds(10), NOW.plus(SignInThrottle.HORIZON))));
        assertFalse(edge.refused());
        Turn busy = SignInThrottle.turn(NOW, List.of(new Lane("account:chutri", Duration.ofSeconds(10), NOW.plusSeconds(31))));
        assertTrue(busy.refused(), "a script keeping tries of one account in flight");
        assertNull(busy.at());
        assertEquals(Duration.ofSeconds(31), busy.busy());
    }

    @Test
    void theWaitIsToldInWholeSecondsRoundedUp() {
        assertEquals(1, SignInThrottle.seconds(Duration.ofMillis(1)));
        assertEquals(1, SignInThrottle.seconds(Duration.ofMillis(1000)));
        assertEquals(2, SignInThrottle.seconds(Duration.ofMillis(1001)));
        assertEquals(2, SignInThrottle.seconds(Duration.ofMillis(1700)));
        assertEquals(900, SignInThrottle.seconds(Duration.ofMinutes(15)));
        assertEquals(900, SignInThrottle.seconds(Duration.ofMinutes(15).minusMillis(300)));
    }
}
