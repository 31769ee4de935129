package app.quorum.attack;

import app.quorum.testing.TestEnvironment;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web container's log (target/payara-logs/web.log), read from where the attack last looked: whatever stack trace
 * appeared since then was added while the attack ran. Payara writes the file from a queue, so {@link #quiet()} waits
 * until it stops growing.
 */
final class ServerLog {

    /** A Java stack trace's first line, or EclipseLink's "Internal Exception:" line. */
    private static final Pattern TRACE_START = Pattern.compile("(?m)^([\\w$.]+(Exception|Error)[^\\n]*)\\n\\s+at "
            + "|(?m)^(Internal Exception: [^\\n]*)$");
    private final Path folder;
    private Path file;
    private long read;

    ServerLog() {
        folder = Path.of(Database.setting(TestEnvironment.LOGS));
        file = current();
        read = size();
    }

    /** Payara names its file web.log, or web.log.0 and up once it has rotated: the newest is written to. */
    private Path current() {
        try (var files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().startsWith("web.log") && !f.toString().endsWith(".lck"))
                    .max(java.util.Comparator.comparingLong(f -> f.toFile().lastModified())).orElse(folder.resolve("web.log"));
        } catch (IOException e) {
            return folder.resolve("web.log");
        }
    }

    private long size() {
        Path now = current();
        if (!now.equals(file)) {
            file = now; // rotated: read the new file from its start
            read = 0;
        }
        try {
            return Files.exists(file) ? Files.size(file) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The exceptions whose stack traces were written since the last call (their first lines). */
    List<String> newTraces() {
        long now = size();
        if (now <= read) {
            read = Math.min(read, now);
            return List.of();
        }
        byte[] bytes = new byte[(int) Math.min(now - read, 8_000_000)];
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            in.seek(read);
            in.readFully(bytes);
        } catch (IOException e) {
            return List.of();
        }
        read = now;
        List<String> traces = new ArrayList<>();
        Matcher trace = TRACE_START.matcher(new String(bytes, StandardCharsets.UTF_8));
        while (trace.find()) {
            traces.add((trace.group(1) != null ? trace.group(1) : trace.group(3)).strip());
        }
        return traces;
    }

    /** Waits (at most five seconds) until Payara has written what it had queued. */
    void quiet() {
        long deadline = System.nanoTime() + 5_000_000_000L;
        long last = -1;
        while (System.nanoTime() < deadline) {
            long now = size();
            if (now == last) {
                return;
            }
            last = now;
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
