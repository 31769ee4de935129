package app.quorum.bench;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database's own ceiling for a vote: on the MariaDB the application uses, one durable transaction per vote that
 * inserts a participation row (ballot, participant) and an anonymous paper row (a 16-byte random id, the ballot, a
 * sealed choice the size of a secret ballot's), then commits; on a number of connections at once, for a while. The
 * rows go to two scratch tables shaped like {@code participation} and {@code cast_vote} (their keys, not their
 * foreign keys), dropped afterwards.
 */
final class Ceiling {

    interface Connections {
        Connection open() throws SQLException;
    }

    private Ceiling() {
    }

    /** Votes per second of the raw path. */
    static double measure(Connections connections, int threads, Duration during) throws SQLException, InterruptedException {
        try (Connection db = connections.open(); Statement ddl = db.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS bench_participation, bench_cast_vote");
            ddl.execute("CREATE TABLE bench_participation LIKE participation");
            ddl.execute("CREATE TABLE bench_cast_vote LIKE cast_vote");
        }
        AtomicLong committed = new AtomicLong();
        AtomicLong participant = new AtomicLong();
        long ballot = 1;
        List<Future<?>> running = new ArrayList<>();
        long end;
        long start;
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            start = System.nanoTime();
            end = start + during.toNanos();
            long stop = end;
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    SecureRandom random = new SecureRandom();
                    try (Connection db = connections.open()) {
                        db.setAutoCommit(false);
                        try (PreparedStatement who = db.prepareStatement("INSERT INTO bench_participation (ballot_id, participant_id) VALUES (?, ?)");
                                PreparedStatement what = db.prepareStatement("INSERT INTO bench_cast_vote (id, ballot_id, sealed) VALUES (?, ?, ?)")) {
                            byte[] sealed = new byte[1180];
                            while (System.nanoTime() < stop) {
                                byte[] id = new byte[16];
                                random.nextBytes(id);
                                random.nextBytes(sealed);
                                who.setLong(1, ballot);
                                who.setLong(2, participant.incrementAndGet());
                                who.executeUpdate();
                                what.setBytes(1, id);
                                what.setLong(2, ballot);
                                what.setBytes(3, sealed);
                                what.executeUpdate();
                                db.commit();
                                committed.incrementAndGet();
                            }
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new SQLException("ceiling: " + e.getCause(), e.getCause());
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        try (Connection db = connections.open(); Statement ddl = db.createStatement()) {
            ddl.execute("DROP TABLE IF EXISTS bench_participation, bench_cast_vote");
        }
        return committed.get() / seconds;
    }
}
