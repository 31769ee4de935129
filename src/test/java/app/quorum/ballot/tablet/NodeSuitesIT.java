package app.quorum.ballot.tablet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The JavaScript side of the secret ballot, tested by node's own runner from the Maven build: the tablet's and the
 * trustee's modules (src/main/webapp/resources/quorum/crypto) and the independent verifier (src/verifier/js), every
 * {@code src/test/js/*.test.mjs} in one {@code node --test} run. Node's output goes to target/node-tests/report.txt
 * and a JUnit XML report to target/node-tests/junit.xml; any failing node test fails this one.
 *
 * <p>Needs node 20.19 or newer (the pinned noble packages' engines) on the PATH or at {@code $QUORUM_NODE}. Without
 * it the test is skipped, saying so — unless {@code QUORUM_REQUIRE_NODE=1} (CI sets it), when a missing node fails.
 */
public class NodeSuitesIT {

    static final Path TESTS = Path.of("src", "test", "js");
    static final Path REPORTS = Path.of("target", "node-tests");
    static final int[] LEAST_NODE = {20, 19};

    @Test
    void everyNodeTestPasses() throws IOException, InterruptedException {
        Path node = node();
        List<String> command = new ArrayList<>(List.of(node.toString(), "--import", "./register.mjs", "--test",
                "--test-reporter=spec", "--test-reporter-destination=stdout",
                "--test-reporter=junit", "--test-reporter-destination=" + REPORTS.resolve("junit.xml").toAbsolutePath()));
        try (Stream<Path> files = Files.list(TESTS)) {
            files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith(".test.mjs")).sorted()
                    .forEach(command::add);
        }
        assertTrue(command.size() > 11, "no node test found in " + TESTS);
        Files.createDirectories(REPORTS);
        Path report = REPORTS.resolve("report.txt");
        Process run = new ProcessBuilder(command).directory(TESTS.toFile()).redirectErrorStream(true)
                .redirectOutput(report.toFile()).start();
        boolean ended = run.waitFor(20, TimeUnit.MINUTES);
        if (!ended) {
            run.destroyForcibly();
        }
        String output = Files.readString(report, StandardCharsets.UTF_8);
        System.out.println(output.lines().filter(line -> line.startsWith("ℹ ") || line.contains("✖"))
                .reduce("node --test (" + report + "):", (all, line) -> all + "\n  " + line));
        assertTrue(ended, "node --test did not end within 20 minutes; see " + report);
        assertEquals(0, run.exitValue(), "node tests failed (exit " + run.exitValue() + "); see " + report + "\n" + tail(output));
    }

    /** node from $QUORUM_NODE or the PATH, at least 20.19; skips (or fails when required) without it. */
    public static Path node() throws IOException, InterruptedException {
        boolean required = "1".equals(System.getenv("QUORUM_REQUIRE_NODE"));
        Optional<Path> found = Optional.ofNullable(System.getenv("QUORUM_NODE")).map(Path::of)
                .or(() -> Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                        .map(folder -> Path.of(folder, "node")).filter(Files::isExecutable).findFirst())
                .filter(Files::isExecutable);
        String missing = "node " + LEAST_NODE[0] + "." + LEAST_NODE[1] + "+ is not on the PATH (nor at $QUORUM_NODE): "
                + "the JavaScript tests of the secret ballot were not run (install nodejs ≥ 20.19)";
        if (found.isEmpty()) {
            assertFalse(required, missing);
            System.out.println("SKIPPED: " + missing);
            assumeTrue(false, "Skipped: " + missing);
        }
        Process version = new ProcessBuilder(found.get().toString(), "--version").redirectErrorStream(true).start();
        String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        version.waitFor(30, TimeUnit.SECONDS);
        String[] parts = text.replaceFirst("^v", "").split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        boolean recent = major > LEAST_NODE[0] || major == LEAST_NODE[0] && minor >= LEAST_NODE[1];
        String old = found.get() + " is " + text + "; the secret ballot's JavaScript needs 20.19 or newer";
        assertFalse(required && !recent, old);
        if (!recent) {
            System.out.println("SKIPPED: " + old);
        }
        assumeTrue(recent, "Skipped: " + old);
        return found.get();
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }
}
