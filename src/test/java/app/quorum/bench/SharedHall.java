package app.quorum.bench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/** What the tablets of one hall share: its meeting, the ballot and the clock of its open, the pools and the figures. */
final class SharedHall implements HallTablet.Hall {
    final String meetingId;
    volatile String ballotId;
    volatile long openedAt;
    final ScheduledExecutorService timer = Executors.newScheduledThreadPool(1, Thread.ofPlatform().daemon().factory());
    final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
    final Browser.Errors errors = new Browser.Errors();
    volatile Histogram push = histogram();
    volatile Histogram vote = histogram();
    final AtomicInteger shown = new AtomicInteger();
    final AtomicInteger acknowledged = new AtomicInteger();
    final AtomicLong lastShown = new AtomicLong();
    final AtomicLong lastAck = new AtomicLong();

    SharedHall(long meetingId) {
        this.meetingId = Long.toString(meetingId);
    }

    @Override
    public String meetingId() {
        return meetingId;
    }

    @Override
    public long openedAt() {
        return openedAt;
    }

    @Override
    public String ballotId() {
        return ballotId;
    }

    @Override
    public ScheduledExecutorService timer() {
        return timer;
    }

    @Override
    public ExecutorService work() {
        return work;
    }

    @Override
    public synchronized void shown(HallTablet tablet, long nanos) {
        push.recordValue(Math.max(1, nanos / 1000));
        shown.incrementAndGet();
        lastShown.accumulateAndGet(System.nanoTime(), Math::max);
    }

    @Override
    public synchronized void acknowledged(HallTablet tablet, long latencyNanos) {
        vote.recordValue(Math.max(1, latencyNanos / 1000));
        acknowledged.incrementAndGet();
        lastAck.accumulateAndGet(System.nanoTime(), Math::max);
    }

    @Override
    public Browser.Errors errors() {
        return errors;
    }

    void reset(String ballot) {
        ballotId = ballot;
        push = histogram();
        vote = histogram();
        shown.set(0);
        acknowledged.set(0);
        lastShown.set(0);
        lastAck.set(0);
    }

    static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toMicros(10), 3); // microseconds
    }

    /** A percentile in milliseconds, NaN when nothing was recorded. */
    static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }
}
