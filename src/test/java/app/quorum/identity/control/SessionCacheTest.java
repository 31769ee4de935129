package app.quorum.identity.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.meeting.control.MeetingDeleted;
import app.quorum.platform.cache.NodeCache;
import app.quorum.roster.control.CardsIssued;
import app.quorum.roster.control.ParticipantRemoved;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The session hashes this node copies: dropped after the commit of every change of them, else expired in 2 s. */
class SessionCacheTest {

    final AtomicLong nanos = new AtomicLong();
    final SessionCache cache = new SessionCache(new NodeCache<>(SessionCache.EXPIRY, nanos::get));
    final Map<Long, byte[]> database = new HashMap<>();

    byte[] hash(long participantId) {
        return cache.hash(participantId, id -> new HashMap<>(database)); // the whole meeting, as DelegateSessions reads it
    }

    @Test
    void aSignInOrOutOnThisNodeIsSeenAtOnce() {
        database.put(1L, new byte[] {1});
        assertArrayEquals(new byte[] {1}, hash(1));
        database.put(1L, new byte[] {2}); // the card signs in on another device
        cache.sessionChanged(new SessionChanged(1L)); // ... and that commits
        assertArrayEquals(new byte[] {2}, hash(1));
        database.remove(1L);
        cache.sessionChanged(new SessionChanged(1L));
        assertNull(hash(1));
    }

    @Test
    void aChangeNotCommittedHereIsSeenWithinTheExpiry() {
        database.put(1L, new byte[] {1});
        hash(1);
        database.put(1L, new byte[] {2}); // another node, or a sign-in whose transaction is not committed (or rolled back)
        nanos.addAndGet(SessionCache.EXPIRY.toNanos() - 1);
        assertArrayEquals(new byte[] {1}, hash(1));
        nanos.addAndGet(1);
        assertArrayEquals(new byte[] {2}, hash(1));
        assertEquals(Duration.ofSeconds(2), SessionCache.EXPIRY);
    }

    @Test
    void newCardsARemovalOrADeletedMeetingEndTheSessionsConcerned() {
        database.put(1L, new byte[] {1});
        database.put(2L, new byte[] {2});
        database.put(3L, new byte[] {3});
        hash(1);
        hash(2);
        hash(3);
        database.clear();
        cache.cardsIssued(new CardsIssued(7, Set.of(1L)));
        assertNull(hash(1));
        assertArrayEquals(new byte[] {2}, hash(2), "someone else's card is not concerned");
        cache.removed(new ParticipantRemoved(7, 2L));
        assertNull(hash(2));
        cache.meetingDeleted(new MeetingDeleted(7));
        assertNull(hash(3));
    }

    /** A rolled-back sign-in must not reach the cache: every observer of these caches runs only after a commit. */
    @Test
    void everyObserverOfTheCachesRunsOnlyAfterASuccessfulCommit() throws Exception {
        int observers = 0;
        for (Class<?> type : new Class<?>[] {SessionCache.class, Class.forName("app.quorum.ballot.control.TabletCache"),
                Class.forName("app.quorum.ballot.control.TrusteeCache")}) {
            for (Method method : type.getDeclaredMethods()) {
                for (Parameter parameter : method.getParameters()) {
                    Observes observes = parameter.getAnnotation(Observes.class);
                    if (observes != null) {
                        observers++;
                        assertEquals(TransactionPhase.AFTER_SUCCESS, observes.during(), type.getSimpleName() + "." + method.getName());
                    }
                }
            }
        }
        assertTrue(observers >= 9, "observers found: " + observers);
    }
}
