package app.quorum.platform.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The node-local cache: fresh answers served, stale ones read again, invalidation exact even against a load in flight. */
class NodeCacheTest {

    final AtomicLong nanos = new AtomicLong(1_000);
    final NodeCache<Long, String> cache = new NodeCache<>(Duration.ofSeconds(2), nanos::get);
    final AtomicInteger loads = new AtomicInteger();
    String database = "a";

    final Function<Long, String> load = id -> {
        loads.incrementAndGet();
        return database;
    };

    @Test
    void aFreshAnswerIsServedWithoutLoadingAndAnExpiredOneIsLoadedAgain() {
        assertEquals("a", cache.get(1L, load));
        database = "b"; // changed where this node does not see it
        nanos.addAndGet(Duration.ofMillis(1_999).toNanos());
        assertEquals("a", cache.get(1L, load), "within the expiry: the copy");
        assertEquals(1, loads.get());
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertEquals("b", cache.get(1L, load), "at the expiry: read again");
        assertEquals(2, loads.get());
    }

    @Test
    void anInvalidatedKeyIsReadAgainAtOnceAndOthersStay() {
        cache.get(1L, load);
        cache.get(2L, load);
        database = "b";
        cache.invalidate(1L);
        assertEquals("b", cache.get(1L, load));
        assertEquals("a", cache.get(2L, load));
        assertEquals(3, loads.get());
    }

    @Test
    void nullIsAnAnswerToo() {
        database = null;
        assertNull(cache.get(1L, load));
        assertNull(cache.get(1L, load));
        assertEquals(1, loads.get());
    }

    @Test
    void aLoadBegunBeforeAnInvalidationDoesNotStoreItsOlderAnswer() {
        // the reader reads the row before the writer's commit; the writer commits and invalidates; then the reader stores
        String answered = cache.get(1L, id -> {
            cache.invalidate(1L); // the commit's invalidation lands while this load is in flight
            database = "after";
            return "before";
        });
        assertEquals("before", answered, "the reader itself gets what it read");
        assertEquals("after", cache.get(1L, load), "but the cache did not keep it");
    }

    @Test
    void invalidatingByPredicateValueOrAllDropsJustThose() {
        cache.get(1L, id -> "m1");
        cache.get(2L, id -> "m2");
        cache.get(3L, id -> "m1");
        cache.invalidateValues("m1"::equals);
        assertEquals(1, cache.size());
        cache.invalidateIf(id -> id == 2L);
        assertEquals(0, cache.size());
        cache.get(4L, load);
        cache.clear();
        assertEquals(0, cache.size());
    }

    @Test
    void expiredEntriesAreSweptWhenTheCacheGrowsLarge() {
        for (long id = 0; id <= NodeCache.SWEEP_ABOVE; id++) {
            cache.get(id, load);
        }
        nanos.addAndGet(Duration.ofSeconds(3).toNanos());
        cache.get(-1L, load);
        assertEquals(1, cache.size());
    }

    @Test
    void theExpiryMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new NodeCache<>(Duration.ZERO));
    }

    @Test
    void aMissLoadsTheNeighboursTooAndAnInvalidationDuringTheLoadStoresNone() {
        Function<Long, java.util.Map<Long, String>> meeting = id -> {
            loads.incrementAndGet();
            return java.util.Map.of(1L, database, 2L, database, 3L, database);
        };
        assertEquals("a", cache.getWithNeighbours(2L, meeting));
        assertEquals("a", cache.getWithNeighbours(1L, meeting));
        assertEquals("a", cache.getWithNeighbours(3L, meeting));
        assertEquals(1, loads.get(), "one load for the meeting");
        assertNull(cache.getWithNeighbours(4L, meeting), "a key the load does not name: null");
        assertEquals(2, loads.get());

        cache.clear();
        Function<Long, java.util.Map<Long, String>> raced = id -> {
            java.util.Map<Long, String> read = meeting.apply(id);
            cache.invalidate(3L); // a sign-in committed while the meeting was being read
            return read;
        };
        cache.getWithNeighbours(1L, raced);
        database = "b";
        assertEquals("b", cache.getWithNeighbours(3L, meeting), "nothing of a load that an invalidation overtook is kept");
        assertEquals("b", cache.getWithNeighbours(1L, meeting));
    }

    @Test
    void requestsThatMissTogetherReadTheirMeetingOnce() throws Exception {
        java.util.concurrent.CountDownLatch loading = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Function<Long, java.util.Map<Long, String>> slowMeeting = id -> {
            loads.incrementAndGet();
            loading.countDown();
            try {
                release.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return java.util.Map.of(1L, "a", 2L, "a", 3L, "a");
        };
        try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var first = threads.submit(() -> cache.getWithNeighbours(1L, slowMeeting));
            loading.await();
            var second = threads.submit(() -> cache.getWithNeighbours(2L, slowMeeting));
            var third = threads.submit(() -> cache.getWithNeighbours(3L, slowMeeting));
            Thread.sleep(100); // both wait for the first load
            release.countDown();
            assertEquals("a", first.get());
            assertEquals("a", second.get());
            assertEquals("a", third.get());
        }
        assertEquals(1, loads.get(), "the others found the answers the first load stored");
    }
}
