package app.quorum.verifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Quorum's independent verifier of a secret ballot's public election record (election-record.md §7). It reads only
 * the record (a file or an http(s) URL), runs every check of §7's last paragraph, prints each check with what it
 * found, and exits 0 when all pass, 1 otherwise (2 when the record cannot be read as JSON). It shares no code with
 * the server (no import of app.quorum outside this package) and reads the JSON with Jackson, refusing duplicate keys,
 * where the server writes it with JSON-P. Run: {@code mvn -q -Pverifier -Drecord=path-or-url}.
 */
public final class Verify {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private Verify() {
    }

    public static void main(String[] args) {
        if (args.length != 1 || args[0] == null || args[0].isBlank() || args[0].equals("${record}")) {
            System.err.println("usage: mvn -q -Pverifier -Drecord=<record.json or https://…/record>");
            System.exit(2);
        }
        System.exit(run(args[0], System.out));
    }

    /** Verifies the record at {@code source}, printing to {@code out}: 0 all checks pass, 1 one fails, 2 unreadable. */
    public static int run(String source, PrintStream out) {
        String text;
        JsonNode root;
        try (InputStream in = open(source)) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            root = JSON.readTree(text);
        } catch (IOException unreadable) {
            out.println("FAIL  read the record — " + unreadable.getMessage());
            return 2;
        }
        Report report = verify(root, Numbers.firstWrong(JSON, text), out);
        return report.allPassed() ? 0 : 1;
    }

    /** Runs every check on a record's text (which must be JSON). */
    static Report verify(String text, PrintStream out) {
        return verify(parse(text), Numbers.firstWrong(JSON, text), out);
    }

    /** Runs every check on a parsed record, whose first wrongly written number (§1) is {@code wrongNumber}. */
    static Report verify(JsonNode root, String wrongNumber, PrintStream out) {
        long started = System.nanoTime();
        Report report = new Report(out);
        if (!root.isObject()) {
            report.check("format and group", () -> {
                throw new BadRecord("the record is not a JSON object");
            });
            return report;
        }
        Facts facts = new Facts(root);
        facts.wrongNumber = wrongNumber;
        new CeremonyChecks(facts).run(report);
        new BoxChecks(facts).run(report);
        new TallyChecks(facts).run(report);
        if (out != null) {
            String took = (System.nanoTime() - started) / 1_000_000 + " ms, " + cpuSeconds() + " s of CPU";
            out.println(report.allPassed()
                    ? "VERIFIED: all " + report.checks().size() + " checks pass (" + took + ")"
                    : "NOT VERIFIED: failed " + String.join(", ", report.failures()) + " (" + took + ")");
        }
        return report;
    }

    /** The CPU time this JVM has used so far, all threads, when the platform tells it. */
    private static String cpuSeconds() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os && os.getProcessCpuTime() >= 0) {
            return String.format(java.util.Locale.ROOT, "%.1f", os.getProcessCpuTime() / 1e9);
        }
        return "?";
    }

    static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException unreadable) {
            throw new IllegalArgumentException(unreadable);
        }
    }

    private static InputStream open(String source) throws IOException {
        if (source.startsWith("https://") || source.startsWith("http://")) {
            return URI.create(source).toURL().openStream();
        }
        return Files.newInputStream(Path.of(source));
    }
}
