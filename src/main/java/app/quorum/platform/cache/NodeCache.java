package app.quorum.platform.cache;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * A node-local cache of a few facts every request repeats (issue 15): filled from the database on a miss, dropped by
 * the writer after its commit ({@link #invalidate}), and expiring after a short time as a safety net for what this
 * node does not see (a change made on another node of a cluster, or straight in the database).
 *
 * <p>A load that began before an invalidation never stores its (possibly older) answer: every invalidation moves a
 * generation counter first, and a load stores only if the generation is still the one it started under, checked
 * atomically with the store ({@link ConcurrentHashMap#compute}). So once {@link #invalidate} has returned, no answer
 * read before the writer's commit can be served from the cache again. Values may be null (an absent fact).
 *
 * @param <K> the key (a participant's or a meeting's id)
 * @param <V> the cached answer; never mutated once cached
 */
public final class NodeCache<K, V> {

    /** Past this many entries a store first sweeps out the expired ones. */
    static final int SWEEP_ABOVE = 20_000;

    private record Entry<V>(V value, long expiresAtNanos) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final java.util.concurrent.locks.ReentrantLock neighbourLoads = new java.util.concurrent.locks.ReentrantLock();
    private final long ttlNanos;
    private final LongSupplier nanoClock;

    /** A cache whose entries live for {@code ttl}, on {@link System#nanoTime()}. */
    public NodeCache(Duration ttl) {
        this(ttl, System::nanoTime);
    }

    /** The same, on a given monotonic clock in nanoseconds (for tests). */
    public NodeCache(Duration ttl, LongSupplier nanoClock) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("ttl must be positive");
        }
        this.ttlNanos = ttl.toNanos();
        this.nanoClock = Objects.requireNonNull(nanoClock);
    }

    /** The cached answer for the key if it is still fresh, else the loader's (stored unless invalidated meanwhile). */
    public V get(K key, Function<? super K, ? extends V> loader) {
        long now = nanoClock.getAsLong();
        Entry<V> cached = entries.get(key);
        if (cached != null && now - cached.expiresAtNanos() < 0) {
            return cached.value();
        }
        long startedUnder = generation.get();
        V loaded = loader.apply(key);
        if (entries.size() > SWEEP_ABOVE) {
            sweep(now);
        }
        Entry<V> fresh = new Entry<>(loaded, now + ttlNanos);
        entries.compute(key, (k, old) -> generation.get() == startedUnder ? fresh : old);
        return loaded;
    }

    /**
     * As {@link #get}, but a miss loads the key's neighbours with it (the answers of a whole meeting in one query, say):
     * every answer of the loaded map is stored, under the same rule, and the key's is returned (null when the map has
     * none). Such loads go one at a time, each first looking again: when a hall's copies expire together, the first
     * request reads the meeting and the others find their answers, instead of every one reading the whole meeting.
     */
    public V getWithNeighbours(K key, Function<? super K, ? extends java.util.Map<K, V>> loader) {
        Entry<V> cached = entries.get(key);
        if (cached != null && nanoClock.getAsLong() - cached.expiresAtNanos() < 0) {
            return cached.value();
        }
        neighbourLoads.lock();
        try {
            long now = nanoClock.getAsLong();
            cached = entries.get(key);
            if (cached != null && now - cached.expiresAtNanos() < 0) {
                return cached.value(); // loaded with a neighbour meanwhile
            }
            long startedUnder = generation.get();
            java.util.Map<K, V> loaded = loader.apply(key);
            if (entries.size() + loaded.size() > SWEEP_ABOVE) {
                sweep(now);
            }
            long expires = now + ttlNanos;
            loaded.forEach((k, v) -> {
                Entry<V> fresh = new Entry<>(v, expires);
                entries.compute(k, (kk, old) -> generation.get() == startedUnder ? fresh : old);
            });
            return loaded.get(key);
        } finally {
            neighbourLoads.unlock();
        }
    }

    /** Drops the key's answer: the next {@link #get} reads again. Call after the change committed. */
    public void invalidate(K key) {
        generation.incrementAndGet();
        entries.remove(key);
    }

    /** Drops the answers whose key matches. */
    public void invalidateIf(Predicate<? super K> which) {
        generation.incrementAndGet();
        entries.keySet().removeIf(which);
    }

    /** Drops every answer whose value matches (the value may be null). */
    public void invalidateValues(Predicate<? super V> which) {
        generation.incrementAndGet();
        entries.values().removeIf(entry -> which.test(entry.value()));
    }

    /** Drops everything. */
    public void clear() {
        generation.incrementAndGet();
        entries.clear();
    }

    /** How many answers are held (fresh or not yet swept). */
    public int size() {
        return entries.size();
    }

    private void sweep(long now) {
        entries.values().removeIf(entry -> now - entry.expiresAtNanos() >= 0);
    }
}
