package app.quorum.bench;

import app.quorum.ballot.drill.QuorumServer;
import app.quorum.ballot.drill.Stage;
import app.quorum.testing.Browsers;
import app.quorum.testing.FacesForm;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.HdrHistogram.Histogram;

/**
 * The 2,000-delegate hall (issue 15): Quorum started as the run command does (embedded MariaDB), a meeting with N
 * checked-in voting delegates, and a hall played over the wire as the pages play it.
 *
 * <ul>
 * <li>Every tablet ({@link HallTablet}) signs in with its card, loads the delegate page, holds its push connection,
 * runs the page's refresh on every push of its meeting and the light check every 12 s; when the ballot shows, and
 * its delegate's moment within {@code bench.spreadSeconds} after the open has come, it votes through the casting API
 * and refreshes after the answer.</li>
 * <li>A chair console ({@code chair/meeting.xhtml}) and a projector ({@code public/projector.xhtml}) hold their
 * pushes and refresh as their pages do, one ajax request at a time.</li>
 * <li>The chair's clicks (prepare, open, close, publish) are made in headless Chromium ({@link StaffBrowser}).</li>
 * <li>In the same run, on the same MariaDB: the raw durable two-insert transaction per vote on 16 connections
 * ({@link Ceiling}).</li>
 * </ul>
 *
 * Figures go to target/bench/hall.md and hall.json (and hall-curve.svg with {@code bench.curve=true}). Exit code 0
 * when no vote was lost, doubled or answered with an error, 1 otherwise, 2 when the bench itself broke. Not a timed
 * test: the goals are compared in the report, not asserted.
 */
public final class HallBench {

    private final int delegates = Integer.getInteger("bench.delegates", 2000);
    private final double spreadSeconds = Double.parseDouble(System.getProperty("bench.spreadSeconds", "1"));
    private final boolean curve = Boolean.getBoolean("bench.curve");
    private final int port = Integer.getInteger("bench.port", 8490);
    private final boolean jfr = Boolean.getBoolean("bench.jfr");
    private final List<String> ballots = List.of(System.getProperty("bench.ballots", "SECRET,OPEN").split(","));
    private final Path target = Path.of(System.getProperty("bench.target", "target")).toAbsolutePath().normalize();
    private final Path benchDir = target.resolve("bench");
    private final long began = System.nanoTime();
    private final List<String> timeline = new ArrayList<>();
    /** Every ballot measured so far: the report is written again after each, so a run cut short keeps its figures. */
    private final List<Round> done = new ArrayList<>();

    private static final java.util.logging.Logger DRIVER = java.util.logging.Logger.getLogger("org.mariadb.jdbc");

    public static void main(String[] args) {
        DRIVER.setLevel(java.util.logging.Level.OFF);
        int code;
        try {
            code = new HallBench().run();
        } catch (Throwable e) {
            System.err.println("The bench broke: " + e);
            e.printStackTrace();
            code = 2;
        }
        System.exit(code);
    }

    int run() throws Exception {
        Files.createDirectories(benchDir);
        deleteRecursively(benchDir.resolve("data"));
        String adminPassword = password();
        QuorumServer server = new QuorumServer(benchDir,
                Path.of(System.getProperty("quorum.war", target.resolve("quorum.war").toString())),
                Path.of(System.getProperty("payara.microJar", target.resolve("payara-micro.jar").toString())), port, adminPassword);
        Runtime.getRuntime().addShutdownHook(new Thread(server::forceAll, "bench-cleanup"));
        try {
            QuorumServer.Start start = server.start(db -> { });
            event("Quorum started and ready in " + fmt(start.readySeconds()) + " s on " + server.base() + " (load " + load() + ")");
            try (StaffBrowser staff = new StaffBrowser(server.base(), password())) {
                staff.createChairAccount(adminPassword);
                event("The admin created the chair's account");
                List<Integer> sizes = curve ? List.of(500, 1000, 2000, 5000, 10000) : List.of(delegates);
                for (int n : sizes) {
                    round(server, staff, n);
                }
            }
        } finally {
            Browsers.closeAll();
            event("Stopping Quorum (SIGTERM) …");
            server.stop();
        }
        return report(done);
    }

    // ---------------------------------------------------------------- one hall of N

    /** The figures of one ballot in one hall. */
    record Round(int delegates, String secrecy, double votesPerSecond, double ceilingVotesPerSecond, double voteP50Ms,
            double voteP99Ms, double voteMaxMs, double pushP50Ms, double pushP99Ms, double allShownSeconds, double allAcknowledgedSeconds,
            double closeTallyMs, double rssMiB, double rssAfterMiB, double clientCpuShare, double clientCores, double serverCores,
            int acknowledged, int lost, int duplicates, Map<String, Integer> errors, int consoleRefreshes, int projectorRefreshes,
            double consoleLagSeconds, String load) {
    }

    private final class Hall implements HallTablet.Hall {
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

        Hall(long meetingId) {
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
    }

    private static Histogram histogram() {
        return new Histogram(TimeUnit.MINUTES.toMicros(10), 3); // microseconds
    }

    private List<Round> round(QuorumServer server, StaffBrowser staff, int n) throws Exception {
        Stage stage;
        try (Connection db = server.database()) {
            stage = Stage.create(db, n);
        }
        event("Hall of " + n + ": meeting " + stage.meetingId + " in session, " + n + " voting delegates checked in");
        Hall hall = new Hall(stage.meetingId);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(30)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        SecureRandom random = new SecureRandom();
        List<HallTablet> tablets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tablets.add(new HallTablet(i + 1, stage.codes.get(i), choice(random), http, server.base(), hall));
        }
        long signInBegin = System.nanoTime();
        Semaphore at = new Semaphore(32);
        try (ExecutorService signing = Executors.newVirtualThreadPerTaskExecutor()) {
            for (HallTablet tablet : tablets) {
                signing.submit(() -> {
                    at.acquire();
                    try {
                        for (int tries = 0; tries < 5 && !tablet.signedIn; tries++) {
                            try {
                                tablet.signIn();
                            } catch (IOException e) {
                                hall.errors.add("sign-in: " + e.getMessage());
                                Thread.sleep(500);
                            }
                        }
                        if (tablet.signedIn) {
                            tablet.connect();
                        }
                    } finally {
                        at.release();
                    }
                    return null;
                });
            }
        }
        long signedIn = tablets.stream().filter(t -> t.signedIn).count();
        event(signedIn + " of " + n + " tablets signed in with their cards and hold the delegate page's push, in "
                + fmt(QuorumServer.secondsSince(signInBegin)) + " s (load " + load() + ")");
        if (signedIn < n) {
            throw new IllegalStateException("not every tablet signed in: " + hall.errors.snapshot());
        }
        Map<String, Integer> signInErrors = hall.errors.snapshot();
        hall.errors.clear();
        if (!signInErrors.isEmpty()) {
            event("Sign-in retries: " + signInErrors);
        }

        // the chair's console and the hall's projector, as their pages behave
        Page console = staffPage(http, server, staff, "chair/meeting.xhtml?id=" + stage.meetingId, "chair", hall);
        Page projector = staffPage(http, server, staff, "public/projector.xhtml?id=" + stage.meetingId, "projector", hall);
        event("Chair console and projector hold " + console.browser.sockets.size() + " + " + projector.browser.sockets.size() + " push connections");

        Thread.sleep(2000);
        double rss = rssMiB(server);
        event("RSS of Payara Micro + MariaDB with " + n + " tablets signed in: " + fmt(rss) + " MiB");

        List<Round> results = new ArrayList<>();
        for (String secrecy : ballots) {
            boolean open = secrecy.strip().equalsIgnoreCase("OPEN");
            staff.prepare(stage.meetingId, Stage.QUESTION + (open ? " (biểu quyết công khai)" : ""), open);
            String ballotId;
            try (Connection db = server.database()) {
                ballotId = Long.toString(draftBallot(db, stage.meetingId));
            }
            quiet(hall, tablets, 3);
            hall.reset(ballotId);
            console.refreshes.set(0);
            projector.refreshes.set(0);
            boolean profile = jfr && n == delegates && results.isEmpty();
            Path recording = benchDir.resolve("hall-" + n + "-" + secrecy.strip().toLowerCase(Locale.ROOT) + ".jfr");
            if (profile) {
                jcmd(server, "JFR.start", "name=hall", "settings=profile", "filename=" + recording);
            }
            String loadAtOpen = load();
            Cpu before = Cpu.now(server);
            long opening = System.nanoTime();
            for (HallTablet tablet : tablets) {
                tablet.expect(opening + (long) (random.nextDouble() * spreadSeconds * 1e9));
            }
            hall.openedAt = opening;
            long clicked = staff.open();
            event("The chair opened " + secrecy.strip().toLowerCase(Locale.ROOT) + " ballot " + ballotId + " (" + n + " delegates; console answered in "
                    + fmt((System.nanoTime() - clicked) / 1e9) + " s; load " + loadAtOpen + ")");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120 + n / 20);
            while (hall.acknowledged.get() < n && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            Cpu after = Cpu.now(server);
            if (profile) {
                jcmd(server, "JFR.stop", "name=hall");
                event("Flight recording of the burst: " + recording);
            }
            double rssAfter = rssMiB(server);
            long firstSent = tablets.stream().mapToLong(t -> t.sentAt).filter(t -> t != 0).min().orElse(opening);
            int acknowledged = hall.acknowledged.get();
            double window = (hall.lastAck.get() - firstSent) / 1e9;
            double votesPerSecond = acknowledged / Math.max(window, 1e-3);
            double allAck = acknowledged == n ? (hall.lastAck.get() - opening) / 1e9 : Double.NaN;
            double allShown = hall.shown.get() == n ? (hall.lastShown.get() - opening) / 1e9 : Double.NaN;
            event(acknowledged + " of " + n + " votes acknowledged, the last " + fmt(allAck) + " s after the open; "
                    + fmt(votesPerSecond) + " votes/s; vote p99 " + fmt(hall.vote.getValueAtPercentile(99) / 1000.0) + " ms; push p99 "
                    + fmt(hall.push.getValueAtPercentile(99) / 1000.0) + " ms; pushes received " + Browser.PUSHES + ", remote commands "
                    + Browser.REMOTES + ", requests resent once after an I/O error " + Browser.RESENT + ", views " + HallTablet.VIEWS);
            long drainFrom = System.nanoTime();
            console.drain(Duration.ofSeconds(60));
            double consoleLag = (System.nanoTime() - drainFrom) / 1e9;
            Thread.sleep(500);
            double ceiling;
            try {
                ceiling = Ceiling.measure(server::database, 16, Duration.ofSeconds(5));
            } catch (SQLException e) {
                event("Ceiling failed: " + e);
                ceiling = Double.NaN;
            }
            event("Ceiling (raw two-insert transaction, 16 connections, same MariaDB): " + fmt(ceiling) + " votes/s (load " + load() + ")");
            double closeTally = staff.closeAndPublish(stage.meetingId, Long.parseLong(ballotId));
            event("Close + tally + publish on the pages: " + fmt(closeTally) + " ms");
            quiet(hall, tablets, 3);
            int[] box;
            try (Connection db = server.database()) {
                box = check(db, Long.parseLong(ballotId), tablets, open);
            }
            double clientCpu = after.client - before.client;
            double serverCpu = after.server - before.server;
            double burst = (after.at - before.at) / 1e9;
            results.add(new Round(n, secrecy.strip().toUpperCase(Locale.ROOT), votesPerSecond, ceiling, ms(hall.vote, 50), ms(hall.vote, 99),
                    hall.vote.getMaxValue() / 1000.0, ms(hall.push, 50), ms(hall.push, 99), allShown, allAck, closeTally, rss, rssAfter,
                    clientCpu / Math.max(1e-9, clientCpu + serverCpu), clientCpu / burst, serverCpu / burst, acknowledged, box[0], box[1],
                    hall.errors.snapshot(), console.refreshes.get(), projector.refreshes.get(), consoleLag, loadAtOpen));
            done.add(results.get(results.size() - 1));
            report(done);
            event("Box: " + box[2] + " papers, " + box[3] + " participations; lost " + box[0] + ", doubled " + box[1] + "; errors "
                    + hall.errors.snapshot());
        }
        hall.timer.shutdownNow();
        tablets.forEach(t -> t.browser.closePushes());
        console.browser.closePushes();
        projector.browser.closePushes();
        hall.work.shutdownNow();
        http.close();
        return results;
    }

    /** Waits until no tablet has had a push or refresh for a while (at most a minute). */
    private void quiet(Hall hall, List<HallTablet> tablets, int seconds) throws InterruptedException {
        Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
        long begin = System.nanoTime();
        long until = begin + TimeUnit.MINUTES.toNanos(3);
        while (Browser.IN_FLIGHT.get() > 0 && System.nanoTime() < until) {
            Thread.sleep(50);
        }
        double waited = (System.nanoTime() - begin) / 1e9;
        if (waited > 1) {
            event("Waited " + fmt(waited) + " s for the pages' refreshes to settle");
        }
    }

    // ---------------------------------------------------------------- the chair's console and the projector

    /** A staff page held open: its refreshes counted, one at a time. */
    static final class Page {
        final Browser browser;
        final AtomicInteger refreshes = new AtomicInteger();
        final AtomicInteger pending = new AtomicInteger();

        Page(Browser browser) {
            this.browser = browser;
        }

        void drain(Duration most) throws InterruptedException {
            long until = System.nanoTime() + most.toNanos();
            while (pending.get() > 0 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
        }
    }

    private Page staffPage(HttpClient http, QuorumServer server, StaffBrowser staff, String path, String formId, Hall hall)
            throws IOException, InterruptedException {
        Browser browser = new Browser(http, server.base(), hall.errors);
        HttpResponse<String> signIn = browser.get("sign-in.xhtml");
        FacesForm form = FacesForm.find(signIn.body(), "staff").orElseThrow(() -> new IOException("no staff form on the sign-in page"));
        HttpResponse<String> answer = browser.submit(form, Map.of("staff:username", StaffBrowser.CHAIR, "staff:password",
                staff.chairPassword(), "staff:signInStaff", ""));
        if (answer.statusCode() / 100 != 3) {
            throw new IOException("staff sign-in answered " + answer.statusCode());
        }
        browser.load(path, formId);
        Page page = new Page(browser);
        browser.openPushes((push, message) -> {
            if (message.equals(hall.meetingId) && push.calls() != null) {
                page.pending.incrementAndGet();
                hall.work.submit(() -> {
                    try {
                        browser.remote(push.calls());
                        page.refreshes.incrementAndGet();
                    } finally {
                        page.pending.decrementAndGet();
                    }
                    return null;
                });
            }
        }, trouble -> hall.errors.add(formId + " " + trouble));
        return page;
    }

    // ---------------------------------------------------------------- the database

    private static long draftBallot(Connection db, long meetingId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT MAX(id) FROM ballot WHERE meeting_id = ? AND status = 'DRAFT'")) {
            query.setLong(1, meetingId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                long id = rows.getLong(1);
                if (rows.wasNull()) {
                    throw new IllegalStateException("the chair's console did not save the draft");
                }
                return id;
            }
        }
    }

    /**
     * The box against what the tablets saw: lost (acknowledged, not in the box, or its receipt not the paper's),
     * doubled (participations not one per participant, papers nobody sent, papers ≠ participations); the papers and
     * participations counted. Only ids are compared: nothing here reads a choice next to a voter.
     */
    private static int[] check(Connection db, long ballotId, List<HallTablet> tablets, boolean open) throws SQLException {
        Set<String> papers = new HashSet<>();
        try (PreparedStatement query = db.prepareStatement("SELECT id FROM cast_vote WHERE ballot_id = ?")) {
            query.setLong(1, ballotId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    papers.add(HexFormat.of().formatHex(rows.getBytes(1)));
                }
            }
        }
        long participations;
        long participants;
        try (PreparedStatement query = db.prepareStatement("SELECT COUNT(*), COUNT(DISTINCT participant_id) FROM participation WHERE ballot_id = ?")) {
            query.setLong(1, ballotId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                participations = rows.getLong(1);
                participants = rows.getLong(2);
            }
        }
        Set<String> sent = new HashSet<>();
        tablets.forEach(t -> sent.add(t.paper));
        int lost = (int) tablets.stream().filter(HallTablet::acknowledged)
                .filter(t -> !papers.contains(t.paper) || !t.expectedReceipt.equals(t.receipt)).count();
        int doubled = (int) (papers.stream().filter(p -> !sent.contains(p)).count() + Math.max(0, participations - participants)
                + Math.abs(papers.size() - participations));
        return new int[] {lost, doubled, papers.size(), (int) participations};
    }

    // ---------------------------------------------------------------- CPU and memory

    /** CPU seconds so far of this JVM (the client) and of Payara Micro + MariaDB (the server), from /proc. */
    record Cpu(long at, double client, double server) {
        static Cpu now(QuorumServer server) {
            double client = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
            double serverCpu = 0;
            for (ProcessHandle process : server.processes()) {
                serverCpu += cpuSeconds(process.pid());
            }
            return new Cpu(System.nanoTime(), client, serverCpu);
        }
    }

    /** utime + stime of a process, in seconds (/proc/pid/stat fields 14 and 15, in clock ticks of 1/100 s). */
    static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Resident memory of Payara Micro + MariaDB (the launcher's descendants), in MiB. */
    static double rssMiB(QuorumServer server) {
        double kib = 0;
        for (ProcessHandle process : server.processes()) {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        kib += Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException | RuntimeException e) {
                // gone
            }
        }
        return kib / 1024;
    }

    /** jcmd on Payara Micro's JVM (the launcher's java child that runs payara-micro.jar). */
    private void jcmd(QuorumServer server, String... command) throws IOException, InterruptedException {
        long pid = server.processes().stream()
                .filter(p -> String.join(" ", p.info().arguments().orElse(new String[0])).contains("payara-micro"))
                .findFirst().orElseThrow().pid();
        List<String> line = new ArrayList<>();
        line.add(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString());
        line.add(Long.toString(pid));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (jcmd.waitFor() != 0) {
            event("jcmd " + String.join(" ", command) + " failed: " + out.strip());
        }
    }

    // ---------------------------------------------------------------- the report

    private int report(List<Round> rounds) throws IOException {
        if (rounds.isEmpty()) {
            return 2;
        }
        Round main = rounds.stream().filter(r -> r.delegates == delegates).findFirst().orElse(rounds.get(0));
        StringBuilder json = new StringBuilder("{\n");
        json.append(figures(main, "  ")).append(",\n");
        json.append("  \"date\": \"").append(OffsetDateTime.now(ZoneOffset.UTC)).append("\",\n");
        json.append("  \"cores\": ").append(Runtime.getRuntime().availableProcessors()).append(",\n");
        json.append("  \"spreadSeconds\": ").append(spreadSeconds).append(",\n");
        json.append("  \"rounds\": [\n");
        for (int i = 0; i < rounds.size(); i++) {
            json.append("    {\n").append(figures(rounds.get(i), "      ")).append("\n    }").append(i < rounds.size() - 1 ? "," : "").append('\n');
        }
        json.append("  ]\n}\n");
        Files.writeString(benchDir.resolve("hall.json"), json, StandardCharsets.UTF_8);

        StringBuilder md = new StringBuilder("# The hall benchmark\n\n");
        md.append(OffsetDateTime.now(ZoneOffset.UTC)).append(" · ").append(Runtime.getRuntime().availableProcessors()).append(" cores · votes spread over ")
                .append(spreadSeconds).append(" s · Java ").append(System.getProperty("java.version")).append("\n\n");
        md.append("| delegates | ballot | votes/s | ceiling votes/s | ratio | vote p50 / p99 / max (ms) | push p50 / p99 (ms) | all shown (s) "
                + "| all acknowledged (s) | close + tally + publish (ms) | RSS at N signed in / after (MiB) | client CPU share | client / server cores "
                + "| lost | doubled | errors | console / projector refreshes (console lag s) | load at the open |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Round r : rounds) {
            md.append(String.format(Locale.ROOT, "| %d | %s | %.0f | %.0f | %.3f | %.0f / %.0f / %.0f | %.0f / %.0f | %s | %s | %.0f | %.0f / %.0f | %.2f | %.2f / %.2f | %d | %d | %s | %d / %d (%.1f) | %s |%n",
                    r.delegates, r.secrecy, r.votesPerSecond, r.ceilingVotesPerSecond, r.votesPerSecond / r.ceilingVotesPerSecond, r.voteP50Ms,
                    r.voteP99Ms, r.voteMaxMs, r.pushP50Ms, r.pushP99Ms, fmt(r.allShownSeconds), fmt(r.allAcknowledgedSeconds), r.closeTallyMs,
                    r.rssMiB, r.rssAfterMiB, r.clientCpuShare, r.clientCores, r.serverCores, r.lost, r.duplicates,
                    r.errors.isEmpty() ? "0" : r.errors.toString().replace("|", "/"), r.consoleRefreshes, r.projectorRefreshes, r.consoleLagSeconds, r.load));
        }
        md.append("\n## Goals at ").append(main.delegates).append(" delegates (").append(main.secrecy).append(" ballot)\n\n| goal | measured | met |\n|---|---|---|\n");
        goal(md, "ratio ≥ 0.20", String.format(Locale.ROOT, "%.3f", main.votesPerSecond / main.ceilingVotesPerSecond), main.votesPerSecond / main.ceilingVotesPerSecond >= 0.2);
        goal(md, "push p99 ≤ 1 s", fmt(main.pushP99Ms) + " ms", main.pushP99Ms <= 1000);
        goal(md, "all acknowledged ≤ 3 s after the open", fmt(main.allAcknowledgedSeconds) + " s", main.allAcknowledgedSeconds <= 3);
        goal(md, "vote p99 ≤ 500 ms", fmt(main.voteP99Ms) + " ms", main.voteP99Ms <= 500);
        goal(md, "0 errors, 0 lost, 0 doubled", errorCount(main) + " / " + main.lost + " / " + main.duplicates, passed(main));
        goal(md, "RSS ≤ 1.5 GiB", fmt(Math.max(main.rssMiB, main.rssAfterMiB)) + " MiB", Math.max(main.rssMiB, main.rssAfterMiB) <= 1536);
        if (curve) {
            Round small = rounds.stream().filter(r -> r.delegates == 500 && r.secrecy.equals(main.secrecy)).findFirst().orElse(null);
            Round big = rounds.stream().filter(r -> r.delegates == 5000 && r.secrecy.equals(main.secrecy)).findFirst().orElse(null);
            if (small != null && big != null) {
                goal(md, "votes/s at 5,000 within 20 % of votes/s at 500", fmt(big.votesPerSecond) + " vs " + fmt(small.votesPerSecond),
                        Math.abs(big.votesPerSecond - small.votesPerSecond) <= 0.2 * small.votesPerSecond);
            }
            Round tenK = rounds.stream().filter(r -> r.delegates == 10000).findFirst().orElse(null);
            if (tenK != null) {
                goal(md, "close + tally + publish of the 10,000-paper box ≤ 500 ms", fmt(tenK.closeTallyMs) + " ms", tenK.closeTallyMs <= 500);
            }
            Files.writeString(benchDir.resolve("hall-curve.svg"), Chart.svg(rounds, main.secrecy), StandardCharsets.UTF_8);
        }
        md.append("\nvotes/s: acknowledged votes over the time from the first PUT sent to the last answer. Push: the chair's click on "
                + "\"open\" to the tablet's re-rendered page showing the ballot (push, then the page's refreshDelegate). Ratio: votes/s "
                + "over the ceiling measured right after the burst on the same MariaDB. Client CPU share: the bench JVM's CPU time over "
                + "its own plus Payara Micro's and MariaDB's, during the burst (open → last acknowledgement). Not counted here: the "
                + "headless Chromium that makes the chair's clicks.\n\n## Timeline\n\n");
        timeline.forEach(line -> md.append("- ").append(line).append('\n'));
        Files.writeString(benchDir.resolve("hall.md"), md, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(md);
        boolean passed = rounds.stream().allMatch(HallBench::passed);
        System.out.println(passed ? "PASSED: no vote lost, none doubled, no error." : "FAILED: votes lost, doubled or errors (see above).");
        return passed ? 0 : 1;
    }

    private static int errorCount(Round r) {
        return r.errors.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static boolean passed(Round r) {
        return r.lost == 0 && r.duplicates == 0 && errorCount(r) == 0 && r.acknowledged == r.delegates;
    }

    private static void goal(StringBuilder md, String goal, String measured, boolean met) {
        md.append("| ").append(goal).append(" | ").append(measured).append(" | ").append(met ? "met" : "**not met**").append(" |\n");
    }

    private static String figures(Round r, String indent) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("delegates", r.delegates);
        f.put("ballot", r.secrecy);
        f.put("votesPerSecond", r.votesPerSecond);
        f.put("ceilingVotesPerSecond", r.ceilingVotesPerSecond);
        f.put("ratio", r.votesPerSecond / r.ceilingVotesPerSecond);
        f.put("voteP50Ms", r.voteP50Ms);
        f.put("voteP99Ms", r.voteP99Ms);
        f.put("voteMaxMs", r.voteMaxMs);
        f.put("pushP50Ms", r.pushP50Ms);
        f.put("pushP99Ms", r.pushP99Ms);
        f.put("allShownSeconds", r.allShownSeconds);
        f.put("allAcknowledgedSeconds", r.allAcknowledgedSeconds);
        f.put("closeTallyMs", r.closeTallyMs);
        f.put("rssMiB", r.rssMiB);
        f.put("rssAfterBurstMiB", r.rssAfterMiB);
        f.put("clientCpuShare", r.clientCpuShare);
        f.put("clientCores", r.clientCores);
        f.put("serverCores", r.serverCores);
        f.put("acknowledged", r.acknowledged);
        f.put("lost", r.lost);
        f.put("duplicates", r.duplicates);
        f.put("errors", r.errors);
        f.put("consoleRefreshes", r.consoleRefreshes);
        f.put("projectorRefreshes", r.projectorRefreshes);
        f.put("consoleLagSeconds", r.consoleLagSeconds);
        f.put("loadAverage", r.load);
        List<String> lines = new ArrayList<>();
        f.forEach((k, v) -> lines.add(indent + "\"" + k + "\": " + json(v)));
        return String.join(",\n", lines);
    }

    private static String json(Object v) {
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? "null" : String.format(Locale.ROOT, "%.3f", d);
        }
        if (v instanceof Number) {
            return v.toString();
        }
        if (v instanceof Map<?, ?> m) {
            List<String> entries = new ArrayList<>();
            m.forEach((k, x) -> entries.add(json(k.toString()) + ": " + json(x)));
            return "{" + String.join(", ", entries) + "}";
        }
        return "\"" + v.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? Double.NaN : h.getValueAtPercentile(percentile) / 1000.0;
    }

    // ---------------------------------------------------------------- helpers

    static String choice(SecureRandom random) {
        int dice = random.nextInt(100);
        return dice < 80 ? "YES" : dice < 92 ? "NO" : "ABSTAIN";
    }

    static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "-";
        }
    }

    static String fmt(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    private static String password() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return "bench-" + HexFormat.of().formatHex(bytes);
    }

    private void event(String line) {
        String stamped = String.format(Locale.ROOT, "%6.1f s  %s", QuorumServer.secondsSince(began), line);
        synchronized (timeline) {
            timeline.add(stamped);
        }
        System.out.println(stamped);
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
