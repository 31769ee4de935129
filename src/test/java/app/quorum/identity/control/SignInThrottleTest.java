package app.quorum.identity.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The throttle's arithmetic; a unit test, without a database. */
class SignInThrottleTest {

    @Test
    void theWaitDoublesFromTheFifthFailureUpToFifteenMinutes() {
        assertEquals(Duration.ZERO, SignInThrottle.waitAfter(4));
        assertEquals(Duration.ofSeconds(1), SignInThrottle.waitAfter(5));
        assertEquals(Duration.ofSeconds(2), SignInThrottle.waitAfter(6));
        assertEquals(Duration.ofSeconds(512), SignInThrottle.waitAfter(14));
        assertEquals(Duration.ofMinutes(15), SignInThrottle.waitAfter(15));
        assertEquals(Duration.ofMinutes(15), SignInThrottle.waitAfter(1000));
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
