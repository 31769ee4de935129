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
 * 5 (blank allowed: 3 total branches), one by one and in batches of 100, 1,000 and 2,000 papers (election-record.md
 * §5.4); the multi-scalar multiplication under the batches, Pippenger's against BouncyCastle's; the close of a
 * 2,000-paper box with two trustees (the stored papers checked again in one batch); a trustee's check of the list
 * before decrypting; the independent verifier on a 2,000-paper record, in a fresh JVM, and the JavaScript verifier and
 * a trustee's decryptBox on it in node (when node is there). Prints the figures and writes
 * {@code target/bench/crypto.md}. Run: {@code mvn -o -q -Pcrypto-bench}.
 */
public final class CryptoBench {

    private static final int BOX = Integer.getInteger("bench.papers", 2000);
    private static final int SAMPLES = Integer.getInteger("bench.samples", 1000);

    private CryptoBench() {
    }

    /** The figures again, for target/bench/crypto.json (names in the words). */
    private static final java.util.Map<String, Object> FIGURES = new java.util.LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        SecureRandom random = new DeterministicRandom("bench");
        FIGURES.put("cores", Runtime.getRuntime().availableProcessors());
        FIGURES.put("loadAverageAtStart", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
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
        lines.add("| paper check, one by one | proofs per paper | CPU p50 | CPU p99 | wall p50 | wall p99 | 1 thread "
                + "papers/s (measured) | 2 threads papers/s (measured) | 2 cores papers/s (from CPU p50) |");
        lines.add("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        BallotDefinition approval = Fixtures.approval(1);
        BallotDefinition election = Fixtures.election(2, 5, 0, 2);
        List<JsonObject> approvals = papers(keys, approval, CryptoBench::approvalMarks, 300, random);
        List<JsonObject> elections = papers(keys, election, CryptoBench::electionMarks, 300, random);
        double approvalOne = paperCheck("approval, 3 options, 1..1", keys, approval, approvals, lines);
        double electionOne = paperCheck("election, 2 of 5, 0..2", keys, election, elections, lines);
        lines.add("");
        lines.add(String.format(Locale.ROOT, "For scale: one `s·P − c·Q` (Shamir's trick, the unit of every proof check "
                + "one by one) takes %.0f µs of CPU here now; an approval paper needs 14, a 2-of-5 election paper 26.",
                shamir(random)));
        lines.add("");
        BallotBox box = box(keys, Fixtures.approval(2), random);
        List<JsonObject> stored = box.papers().stream().map(paper -> paper.toJson(null)).toList();
        lines.add("Batches (§5.4: every challenge hashed, then all equations in one small-exponents test with 128-bit "
                + "weights, one multi-scalar multiplication): CPU per paper, reading included, best of 3 runs (of 300 "
                + "papers for a batch of 1, which is how a paper is now checked when it is cast).");
        lines.add("");
        lines.add("| papers checked | each equation on its own (p50) | batch of 1 | batch of 100 | batch of 1000 | "
                + "batch of 2000 |");
        lines.add("| --- | --- | --- | --- | --- | --- |");
        lines.add(batchRow("approval, 3 options", box.ballot(), stored, approvalOne));
        BallotContext electionBallot = election.context(Fixtures.MEETING, keys.ceremony().publicKey(),
                keys.ceremony().context());
        lines.add(batchRow("election, 2 of 5", electionBallot, cycle(elections, BOX), electionOne));
        lines.add("");
        lines.addAll(MsmFigures.table(random));
        lines.add("");
        lines.addAll(close(keys, box, stored, random));
        lines.forEach(System.out::println);
        Path out = Path.of("target/bench/crypto.md");
        Files.createDirectories(out.getParent());
        Files.write(out, lines, StandardCharsets.UTF_8);
        System.out.println("wrote " + out.toAbsolutePath());
        Path json = Path.of("target/bench/crypto.json");
        jakarta.json.JsonObjectBuilder figures = jakarta.json.Json.createObjectBuilder();
        FIGURES.forEach((key, value) -> {
            if (value instanceof Integer number) {
                figures.add(key, number);
            } else if (value instanceof Double number) {
                figures.add(key, Math.round(number * 1000) / 1000.0);
            } else {
                figures.add(key, String.valueOf(value));
            }
        });
        Files.writeString(json, figures.build().toString() + "\n", StandardCharsets.UTF_8);
        System.out.println("wrote " + json.toAbsolutePath());
    }

    /** {@code count} papers of the ballot, as sent. */
    private static List<JsonObject> papers(Fixtures.Keys keys, BallotDefinition definition, IntFunction<int[]> marks,
            int count, SecureRandom random) {
        BallotContext ballot = definition.context(Fixtures.MEETING, keys.ceremony().publicKey(),
                keys.ceremony().context());
        List<JsonObject> papers = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            papers.add(PreparedPaper.make(ballot, marks.apply(p), random).paper().toJson(null));
        }
        return papers;
    }

    private static List<JsonObject> cycle(List<JsonObject> papers, int count) {
        List<JsonObject> cycled = new ArrayList<>(count);
        for (int p = 0; p < count; p++) {
            cycled.add(papers.get(p % papers.size()));
        }
        return cycled;
    }

    /** The per-paper CPU of batches of 100, 1000 and 2000 papers read from their JSON (fresh points each time). */
    private static String batchRow(String name, BallotContext ballot, List<JsonObject> papers, double oneByOne) {
        StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "| %s | %.2f ms |", name, oneByOne));
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        SecureRandom weights = new SecureRandom();
        for (int size : new int[] {1, 100, 1000, 2000}) {
            long best = Long.MAX_VALUE;
            for (int round = 0; round < (size == 1 ? 300 : 3); round++) {
                List<JsonObject> slice = papers.subList(size == 1 ? round : 0, size == 1 ? round + 1 : size);
                long start = threads.getCurrentThreadCpuTime();
                List<Paper> read = slice.stream().map(Paper::fromJson).toList();
                if (!PaperCheck.faults(ballot, read, weights).isEmpty()) {
                    throw new IllegalStateException("a benchmark batch failed");
                }
                best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
            }
            double perPaper = best / 1e6 / size;
            row.append(String.format(Locale.ROOT, " %.2f ms (%.1f×) |", perPaper, oneByOne / perPaper));
        }
        return row.toString();
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

    /** Adds the one-by-one row; returns the CPU p50 in ms. */
    private static double paperCheck(String name, Fixtures.Keys keys, BallotDefinition definition,
            List<JsonObject> papers, List<String> lines) throws Exception {
        BallotContext ballot = definition.context(Fixtures.MEETING, keys.ceremony().publicKey(),
                keys.ceremony().context());
        int distinct = papers.size();
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
        String key = definition.kind().equals(BallotDefinition.APPROVAL) ? "approval" : "election";
        FIGURES.put(key + "PaperCheckCpuP50Ms", cpu50);
        FIGURES.put(key + "PaperCheckCpuP99Ms", cpu99);
        FIGURES.put(key + "PaperCheckWallP50Ms", p50);
        FIGURES.put(key + "PaperCheckWallP99Ms", p99);
        FIGURES.put(key + "PapersPerSecondTwoThreads", twoCores);
        FIGURES.put(key + "PapersPerSecondTwoCoresFromCpu", 2000 / cpu50);
        lines.add(String.format(Locale.ROOT, "| %s | %d (%d branches) | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.0f "
                + "| %.0f | %.0f |", name, proofs, 2 * definition.options().size() + definition.max()
                - definition.min() + 1, cpu50, cpu99, p50, p99, oneCore, twoCores, 2000 / cpu50));
        return cpu50;
    }

    private static void check(BallotContext ballot, JsonObject json) {
        if (PaperCheck.faultOneByOne(ballot, Paper.fromJson(json)).isPresent()) {
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

    /** A box of {@code BOX} approval papers. */
    private static BallotBox box(Fixtures.Keys keys, BallotDefinition definition, SecureRandom random) {
        BallotBox box = new BallotBox(definition.context(Fixtures.MEETING, keys.ceremony().publicKey(),
                keys.ceremony().context()));
        for (int p = 0; p < BOX; p++) {
            box.cast(PreparedPaper.make(box.ballot(), approvalMarks(p), random).paper());
        }
        return box;
    }

    private static List<String> close(Fixtures.Keys keys, BallotBox box, List<JsonObject> stored, SecureRandom random)
            throws IOException, InterruptedException {
        BallotDefinition definition = Fixtures.approval(2);
        BallotContext ballot = box.ballot();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long trusteeStart = threads.getCurrentThreadCpuTime();
        List<PartialDecryption> answers = List.of(
                keys.shares().get(0).decryptBox(ballot, box.papers(), List.of(), BOX, random),
                keys.shares().get(2).decryptBox(ballot, box.papers(), List.of(), BOX, random));
        double trusteeSeconds = (threads.getCurrentThreadCpuTime() - trusteeStart) / 2e9;
        SecureRandom weights = new SecureRandom();
        ElectionRecord record = null;
        long[] phases = new long[6];
        for (int round = 0; round < 4; round++) { // the first rounds warm the JIT; the last is reported
            long t0 = threads.getCurrentThreadCpuTime();
            List<Paper> papers = stored.stream().map(Paper::fromJson).toList();
            long t1 = threads.getCurrentThreadCpuTime();
            BallotClose.checkStored(ballot, papers, weights);
            long t2 = threads.getCurrentThreadCpuTime();
            Aggregate aggregate = Aggregate.of(papers, 3);
            long t3 = threads.getCurrentThreadCpuTime();
            List<PartialDecryption> accepted = BallotClose.accepted(keys.ceremony(), ballot.value(), aggregate, answers);
            long t4 = threads.getCurrentThreadCpuTime();
            long[] counts = ThresholdDecryption.counts(aggregate, ThresholdDecryption.firstT(accepted, 2), papers.size());
            long t5 = threads.getCurrentThreadCpuTime();
            record = BallotClose.close(Fixtures.MEETING, Fixtures.TITLE, keys.ceremony(), definition, box, answers,
                    Fixtures.OPENED, Fixtures.CLOSED);
            long t6 = threads.getCurrentThreadCpuTime();
            phases = new long[] {t1 - t0, t2 - t1, t3 - t2, t4 - t3, t5 - t4, t6 - t5};
            if (!Arrays.equals(counts, record.counts().stream().mapToLong(Long::longValue).toArray())) {
                throw new IllegalStateException("two closes disagree");
            }
        }
        long closeTotal = phases[0] + phases[1] + phases[2] + phases[3] + phases[4];
        FIGURES.put("closePapers", BOX);
        FIGURES.put("closeTwoTrusteesCpuMs", closeTotal / 1e6);
        FIGURES.put("trusteeCheckAndDecryptJavaCpuSeconds", trusteeSeconds);
        Path file = Path.of("target/bench/record-" + BOX + ".json");
        RecordFile.write(file, record);
        long verifyStart = System.nanoTime();
        Process verifier = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                classpath(), "app.quorum.verifier.Verify", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(verifier.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status = verifier.waitFor();
        double verifySeconds = (System.nanoTime() - verifyStart) / 1e9;
        FIGURES.put("javaVerifierWallSeconds", verifySeconds);
        FIGURES.put("javaVerifierExit", status);
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Close of a %d-paper approval box with two trustees (1 and 3), counts %s, "
                + "load average %.1f:", BOX, record.counts(), java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean().getSystemLoadAverage()));
        lines.add("");
        lines.add("| phase | CPU (one thread; wall clock on a busy machine is more) |");
        lines.add("| --- | --- |");
        lines.add(row("read the stored papers (" + BOX + ", strict decoding)", phases[0]));
        lines.add(row("check every stored paper's proofs again, in one batch", phases[1]));
        lines.add(row("aggregate (Σ α, Σ β per option)", phases[2]));
        lines.add(row("verify 2 × 3 partial decryptions", phases[3]));
        lines.add(row("Lagrange combination + baby-step giant-step", phases[4]));
        lines.add(row("**close total** (target ≤ 5 s)", closeTotal));
        lines.add(row("the record with its fingerprint (again, from the box, batch check included)", phases[5]));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "A trustee's check of the %d-paper list before decrypting (§6: every "
                + "paper's proofs in one batch, ids and α distinct, the aggregate recomputed, then 3 partial "
                + "decryptions with proofs), in Java: %.1f s of CPU.", BOX, trusteeSeconds));
        lines.add("");
        lines.add(String.format(Locale.ROOT, "Independent verifier on the %d-paper record (%d KiB), fresh JVM "
                + "(`java -cp … app.quorum.verifier.Verify`, without Maven's start), wall clock: **%.1f s**, exit %d, "
                + "load average %.1f at its end. Its last line (its CPU time is the target's figure, ≤ 10 s): `%s`",
                BOX, Files.size(file) / 1024, verifySeconds, status, java.lang.management.ManagementFactory
                        .getOperatingSystemMXBean().getSystemLoadAverage(),
                output.strip().lines().reduce((a, b) -> b).orElse("")));
        String javascript = node(Path.of("src/verifier/js/verify.mjs").toAbsolutePath().toString(),
                file.toAbsolutePath().toString());
        FIGURES.put("javascriptVerifierLastLine", javascript);
        lines.add("");
        lines.add("The JavaScript verifier (node, src/verifier/js, batches on worker threads) on the same record, its last "
                + "line (target: well under 20 s of CPU): `" + javascript + "`");
        lines.add("");
        String device = node("--import", "./register.mjs", "bench-trustee.mjs", file.toAbsolutePath().toString());
        FIGURES.put("trusteeDeviceNodeLastLine", device);
        lines.add("A trustee's device (decryption.js decryptBox, in node) on the same list: `" + device + "`");
        return lines;
    }

    /** The last line node prints, run in src/test/js ($QUORUM_NODE or node on the PATH). */
    private static String node(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(System.getenv().getOrDefault("QUORUM_NODE", "node")));
        command.addAll(List.of(arguments));
        Process node;
        try {
            node = new ProcessBuilder(command).directory(Path.of("src/test/js").toFile()).redirectErrorStream(true)
                    .start();
        } catch (IOException noNode) {
            return "node not found (" + noNode.getMessage() + ")";
        }
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        node.waitFor();
        return output.strip().lines().reduce((a, b) -> b).orElse("(no output)");
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
