package app.quorum.testing;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The log file of a Payara container of the tests ({@code target/payara-logs/web.log.0}), read from a mark on: what the
 * server wrote while a test did something. Payara's file handler writes from a queue, so reading waits (five seconds
 * at most) until the file stops growing.
 */
public final class PayaraLog {

    /** A line of a Java stack trace: "at some.Class.method(" or "Caused by:". */
    private static final Pattern TRACE = Pattern.compile("^\\s+at [\\w.$/]+\\(|^Caused by: |^\\s+\\.\\.\\. \\d+ more");

    private final Path file;
    private final long mark;

    private PayaraLog(Path file, long mark) {
        this.file = file;
        this.mark = mark;
    }

    /** The web container's log, from its present end on. */
    public static PayaraLog web() throws IOException, InterruptedException {
        Path file = current("web.log");
        return new PayaraLog(file, settledSize(file));
    }

    /**
     * The file Payara writes now: {@code --logToFile web.log} gives {@code web.log.0} (java.util.logging numbers its
     * generations, the newest is .0), or {@code web.log} itself; the lock file aside.
     */
    private static Path current(String name) throws IOException {
        Path folder = Path.of(System.getProperty(TestEnvironment.LOGS).replace("\\ ", " "));
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().equals(name) || f.getFileName().toString().equals(name + ".0"))
                    .max(Comparator.comparing(f -> f.toFile().lastModified()))
                    .orElseThrow(() -> new IOException("no " + name + " in " + folder));
        }
    }

    /** What was written since the mark (all of the file if it was rotated meanwhile). */
    public String written() throws IOException, InterruptedException {
        long size = settledSize(file);
        long from = size < mark ? 0 : mark;
        try (RandomAccessFile log = new RandomAccessFile(file.toFile(), "r")) {
            byte[] bytes = new byte[(int) (size - from)];
            log.seek(from);
            log.readFully(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    /** The lines of stack traces in a piece of the log. */
    public static List<String> traces(String written) {
        return written.lines().filter(line -> TRACE.matcher(line).find()).toList();
    }

    private static long settledSize(Path file) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        long size = -1;
        while (System.nanoTime() < deadline) {
            long now = Files.exists(file) ? Files.size(file) : 0;
            if (now == size) {
                return now;
            }
            size = now;
            Thread.sleep(500);
        }
        return size;
    }
}
