package app.quorum.ballot.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import jakarta.json.JsonObject;


/**
 * The secret ballot's figures (issue 14, item 7), a benchmark command and not a test: the server's check of one paper
 * (p50, p99, and the papers per second two cores allow) for an approval (3 options) and an election of 2 seats among
 * 5 (blank allowed: 3 total branches); the close of a 2,000-paper box with two trustees; the independent verifier on
 * a 2,000-paper record, in a fresh JVM. Prints the figures and writes {@code target/bench/crypto.md}. Run:
 * {@code mvn -o -q -Pcrypto-bench}.
 */
public final class CryptoBench {

    private static final int BOX = Integer.getInteger("bench.papers", 2000);
    private static final int SAMPLES = Integer.getInteger("bench.samples", 1000);

    private CryptoBench() {
    }

    public static void main(String[] args) throws Exception {
        SecureRandom random = new DeterministicRandom("bench");
        Fixtures.Keys keys = Fixtures.ceremony(3, 2, random);
        List<String> lines = new ArrayList<>();
        lines.add("# Secret ballot: cryptography figures");
        lines.add("");
        lines.add("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", BouncyCastle 1.87 (P-256 custom curve). One paper checked = "
                + "read from its JSON (strict decoding) + shape + every proof (PaperCheck).");
        lines.add("");
        lines.add("The machine is shared (load average " + String.format(Locale.ROOT, "%.1f",
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage())
                + " at the start): CPU time per check is the figure that does not depend on the neighbours; wall "
                + "clock and measured throughput do. \"2 cores, from CPU p50\" is 2 × 1000 / (CPU p50 in ms).");
        lines.add("");
        lines.add("| paper check | proofs per paper | CPU p50 | CPU p99 | wall p50 | wall p99 | 1 thread papers/s "
                + "(measured) | 2 threads papers/s (measured) | 2 cores papers/s (from CPU p50) |");
        lines.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        lines.add(paperCheck("approval, 3 options, 1..1", keys, Fixtures.approval(1), p -> approvalMarks(p), random));
        lines.add(paperCheck("election, 2 of 5, 0..2", keys, Fixtures.election(2, 5, 0, 2), p -> electionMarks(p), random));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "For scale: one `s·P − c·Q` (Shamir's trick, the unit of every proof check) "
                + "takes %.0f µs of CPU here now; an approval paper needs 14, a 2-of-5 election paper 26.", shamir(random)));
        lines.add("");
        lines.addAll(close(keys, random));
        lines.forEach(System.out::println);
        Path out = Path.of("target/bench/crypto.md");
        Files.createDirectories(out.getParent());
        Files.write(out, lines, StandardCharsets.UTF_8);
        System.out.println("wrote " + out.toAbsolutePath());
    }

    /** CPU µs of one {@code s·G − c·Q} with a fresh {@code Q}, warm. */
    private static double shamir(SecureRandom random) {
        int n = 2000;
        org.bouncycastle.math.ec.ECPoint[] points = new org.bouncycastle.math.ec.ECPoint[n];
        java.math.BigInteger[] scalars = new java.math.BigInteger[n];
        for (int i = 0; i < n; i++) {
            scalars[i] = Randomness.scalar(random);
            points[i] = Codec.point(Codec.hex(Group.mulG(scalars[i])));
        }
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu = 0;
        for (int round = 0; round < 2; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < n; i++) {
                Group.commitment(Group.G, scalars[i], points[(i + round + 1) % n], scalars[(i + 7) % n]);
            }
            cpu = threads.getCurrentThreadCpuTime() - start;
        }
        return cpu / 1e3 / n;
    }

    private static int[] approvalMarks(int p) {
        int[] marks = new int[3];
        marks[p % 7 == 0 ? 1 : p % 11 == 0 ? 2 : 0] = 1;
        return marks;
    }

    private static int[] electionMarks(int p) {
        int[] marks = new int[5];
        marks[p % 5] = 1;
        if (p % 3 != 0) {
            marks[(p + 2) % 5] = 1;
        }
        return marks;
    }

    private static String paperCheck(String name, Fixtures.Keys keys, BallotDefinition definition,
            IntFunction<int[]> marks, SecureRandom random) throws Exception {
        BallotContext ballot = definition.context(Fixtures.MEETING, keys.ceremony().publicKey(),
                keys.ceremony().context());
        int distinct = 300;
        List<JsonObject> papers = new ArrayList<>();
        for (int p = 0; p < distinct; p++) {
            papers.add(PreparedPaper.make(ballot, marks.apply(p), random).paper().toJson(null));
        }
        for (int warm = 0; warm < 3 * distinct; warm++) {
            check(ballot, papers.get(warm % distinct));
        }
        long[] nanos = new long[SAMPLES];
        long[] cpu = new long[SAMPLES];
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int i = 0; i < SAMPLES; i++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long start = System.nanoTime();
            check(ballot, papers.get(i % distinct));
            nanos[i] = System.nanoTime() - start;
            cpu[i] = threads.getCurrentThreadCpuTime() - cpuStart;
        }
        Arrays.sort(nanos);
        Arrays.sort(cpu);
        double p50 = nanos[SAMPLES / 2] / 1e6;
        double p99 = nanos[SAMPLES * 99 / 100] / 1e6;
        double cpu50 = cpu[SAMPLES / 2] / 1e6;
        double cpu99 = cpu[SAMPLES * 99 / 100] / 1e6;
        double oneCore = throughput(ballot, papers, 1);
        double twoCores = throughput(ballot, papers, 2);
        int proofs = definition.options().size() + 1;
        return String.format(Locale.ROOT, "| %s | %d (%d branches) | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.0f | %.0f "
                + "| %.0f |", name, proofs, 2 * definition.options().size() + definition.max() - definition.min() + 1,
                cpu50, cpu99, p50, p99, oneCore, twoCores, 2000 / cpu50);
    }

    private static void check(BallotContext ballot, JsonObject json) {
        if (PaperCheck.fault(ballot, Paper.fromJson(json)).isPresent()) {
            throw new IllegalStateException("a benchmark paper was refused");
        }
    }

    /** Papers checked per second with {@code threads} threads, over 2 s. */
    private static double throughput(BallotContext ballot, List<JsonObject> papers, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long deadline = System.nanoTime() + 2_000_000_000L;
        List<Future<Integer>> counts = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int offset = t;
            counts.add(pool.submit(() -> {
                int done = 0;
                while (System.nanoTime() < deadline) {
                    check(ballot, papers.get((offset * 97 + done) % papers.size()));
                    done++;
                }
                return done;
            }));
        }
        int total = 0;
        for (Future<Integer> count : counts) {
            total += count.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return total / seconds;
    }

    private static List<String> close(Fixtures.Keys keys, SecureRandom random) throws IOException, InterruptedException {
        BallotDefinition definition = Fixtures.approval(2);
        BallotContext ballot = definition.context(Fixtures.MEETING, keys.ceremony().publicKey(),
                keys.ceremony().context());
        BallotBox box = new BallotBox(ballot);
        long made = System.nanoTime();
        for (int p = 0; p < BOX; p++) {
            box.cast(PreparedPaper.make(ballot, approvalMarks(p), random).paper());
        }
        double makeSeconds = (System.nanoTime() - made) / 1e9;
        // what the server holds: each paper's ciphertexts as stored text
        List<JsonObject> stored = box.papers().stream().map(paper -> paper.toJson(null)).toList();
        Aggregate forTrustees = Aggregate.of(box.papers(), 3);
        List<PartialDecryption> answers = List.of(
                keys.shares().get(0).decrypt(ballot.value(), forTrustees, random),
                keys.shares().get(2).decrypt(ballot.value(), forTrustees, random));
        ElectionRecord record = null;
        long[] phases = new long[5];
        for (int round = 0; round < 4; round++) { // the first rounds warm the JIT; the last is reported
            long t0 = System.nanoTime();
            List<Paper> papers = stored.stream().map(Paper::fromJson).toList();
            long t1 = System.nanoTime();
            Aggregate aggregate = Aggregate.of(papers, 3);
            long t2 = System.nanoTime();
            List<PartialDecryption> accepted = BallotClose.accepted(keys.ceremony(), ballot.value(), aggregate, answers);
            long t3 = System.nanoTime();
            long[] counts = ThresholdDecryption.counts(aggregate, ThresholdDecryption.firstT(accepted, 2), papers.size());
            long t4 = System.nanoTime();
            record = BallotClose.close(Fixtures.MEETING, Fixtures.TITLE, keys.ceremony(), definition, box, answers,
                    Fixtures.OPENED, Fixtures.CLOSED);
            long t5 = System.nanoTime();
            phases = new long[] {t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4};
            if (!Arrays.equals(counts, record.counts().stream().mapToLong(Long::longValue).toArray())) {
                throw new IllegalStateException("two closes disagree");
            }
        }
        long closeTotal = phases[0] + phases[1] + phases[2] + phases[3];
        Path file = Path.of("target/bench/record-" + BOX + ".json");
        RecordFile.write(file, record);
        long verifyStart = System.nanoTime();
        Process verifier = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classpath(), "app.quorum.verifier.Verify", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = verifier.waitFor();
        double verifySeconds = (System.nanoTime() - verifyStart) / 1e9;
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Close of a %d-paper approval box with two trustees (1 and 3), counts %s:",
                BOX, record.counts()));
        lines.add("");
        lines.add("| phase | time |");
        lines.add("| --- | --- |");
        lines.add(row("read the stored ciphertexts (" + BOX + " papers, strict decoding)", phases[0]));
        lines.add(row("aggregate (Σ α, Σ β per option)", phases[1]));
        lines.add(row("verify 2 × 3 partial decryptions", phases[2]));
        lines.add(row("Lagrange combination + baby-step giant-step", phases[3]));
        lines.add(row("**close total** (target ≤ 5 s)", closeTotal));
        lines.add(row("the record with its fingerprint (again, from the box)", phases[4]));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "Independent verifier on the %d-paper record (%d KiB), fresh JVM "
                + "(`java -cp … app.quorum.verifier.Verify`, without Maven's start), wall clock: **%.1f s** (target "
                + "≤ 10 s), exit %d, load average %.1f at its end. Its last line: `%s`", BOX, Files.size(file) / 1024,
                verifySeconds, status, java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                        .getSystemLoadAverage(), output.strip().lines().reduce((a, b) -> b).orElse("")));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "(Making the %d papers as a tablet would, in Java: %.1f s, %.1f ms a "
                + "paper.)", BOX, makeSeconds, makeSeconds * 1000 / BOX));
        return lines;
    }

    /** The project's classpath: exec:java gives it as the context class loader's URLs, a plain JVM as java.class.path. */
    private static String classpath() {
        if (Thread.currentThread().getContextClassLoader() instanceof java.net.URLClassLoader loader) {
            return Arrays.stream(loader.getURLs()).map(url -> {
                try {
                    return Path.of(url.toURI()).toString();
                } catch (java.net.URISyntaxException notAFile) {
                    throw new IllegalStateException(notAFile);
                }
            }).reduce((a, b) -> a + java.io.File.pathSeparator + b).orElseThrow();
        }
        return System.getProperty("java.class.path");
    }

    private static String row(String phase, long nanos) {
        return String.format(Locale.ROOT, "| %s | %.0f ms |", phase, nanos / 1e6);
    }

}
