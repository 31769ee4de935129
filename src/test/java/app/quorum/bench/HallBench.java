package app.quorum.bench;

import app.quorum.ballot.crypto.BallotContext;
import app.quorum.ballot.drill.QuorumServer;
import app.quorum.ballot.drill.Stage;
import app.quorum.bench.HallReport.Round;
import app.quorum.bench.HallStaging.Page;
import app.quorum.bench.ServerProbe.Cpu;
import app.quorum.testing.Browsers;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

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
 * <li>The secret ballot is the end-to-end one ({@link EndToEndHall}): before it, the secretary and three trustees'
 * tablets make the meeting's key; every tablet seals its paper before the open (its own device's work, kept out of
 * the burst); after the close two trustees' devices decrypt, and the public record is checked against the tablets.</li>
 * <li>In the same run, on the same MariaDB: the raw durable two-insert transaction per vote on 16 connections
 * ({@link Ceiling}).</li>
 * </ul>
 *
 * Figures go to target/bench/hall.md and hall.json ({@link HallReport}; hall-curve.svg with {@code bench.curve=true}).
 * Exit code 0 when no vote was lost, doubled or answered with an error, 1 otherwise, 2 when the bench itself broke.
 * Not a timed test: the goals are compared in the report, not asserted.
 */
public final class HallBench {

    /** Tablets sharing one HTTP client (and its selector thread). */
    static final int TABLETS_PER_CLIENT = 250;

    private final int delegates = Integer.getInteger("bench.delegates", 2000);
    /** One open ballot, not measured, before the measured ones (-Dbench.warmUp=false: none). */
    private final boolean warmUp = Boolean.parseBoolean(System.getProperty("bench.warmUp", "true"));
    static final double WARM_UP_SPREAD_SECONDS = 5;
    private final double spreadSeconds = Double.parseDouble(System.getProperty("bench.spreadSeconds", "1"));
    private final boolean curve = Boolean.getBoolean("bench.curve");
    private final int port = Integer.getInteger("bench.port", 8490);
    private final boolean jfr = Boolean.getBoolean("bench.jfr");
    private final List<String> ballots = List.of(System.getProperty("bench.ballots", "SECRET,OPEN").split(",")).stream()
            .map(b -> b.strip().toUpperCase(Locale.ROOT)).toList();
    private final Path target = Path.of(System.getProperty("bench.target", "target")).toAbsolutePath().normalize();
    private final Path benchDir = target.resolve("bench");
    private final long began = System.nanoTime();
    private final List<String> timeline = new ArrayList<>();
    /** Every ballot measured so far: the report is written again after each, so a run cut short keeps its figures. */
    private final List<Round> done = new ArrayList<>();
    private final HallReport report = new HallReport(benchDir, delegates, spreadSeconds, curve);

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
        for (String ballot : ballots) {
            if (!ballot.equals("OPEN") && !ballot.equals("SECRET")) {
                throw new IllegalArgumentException("bench.ballots lists OPEN and SECRET, not " + ballot);
            }
        }
        Files.createDirectories(benchDir);
        HallStaging.deleteRecursively(benchDir.resolve("data"));
        String adminPassword = HallStaging.password();
        QuorumServer server = new QuorumServer(benchDir,
                Path.of(System.getProperty("quorum.war", target.resolve("quorum.war").toString())),
                Path.of(System.getProperty("payara.microJar", target.resolve("payara-micro.jar").toString())), port, adminPassword);
        Runtime.getRuntime().addShutdownHook(new Thread(server::forceAll, "bench-cleanup"));
        try {
            QuorumServer.Start start = server.start(db -> { });
            event("Quorum started and ready in " + fmt(start.readySeconds()) + " s on " + server.base() + " (load " + ServerProbe.load() + ")");
            try (StaffBrowser staff = new StaffBrowser(server.base(), HallStaging.password())) {
                staff.createChairAccount(adminPassword);
                event("The admin created the chair's account (chair and secretary)");
                List<Integer> sizes = curve ? List.of(500, 1000, 2000, 5000, 10000) : List.of(delegates);
                for (int n : sizes) {
                    hall(server, staff, n);
                }
            }
        } finally {
            Browsers.closeAll();
            event("Stopping Quorum (SIGTERM) …");
            server.stop();
        }
        return report.write(done, timeline);
    }

    // ---------------------------------------------------------------- one hall of N

    private void hall(QuorumServer server, StaffBrowser staff, int n) throws Exception {
        Stage stage;
        List<Long> participants;
        try (Connection db = server.database()) {
            stage = Stage.create(db, n);
            participants = HallStaging.participants(db, stage.meetingId);
            if (ballots.contains("SECRET")) {
                HallStaging.makePublic(db, stage.meetingId);
            }
        }
        event("Hall of " + n + ": meeting " + stage.meetingId + " in session, " + n + " voting delegates checked in");
        SharedHall hall = new SharedHall(stage.meetingId);
        // one client (so one selector thread reading every socket) per TABLETS_PER_CLIENT tablets: a single client
        // for the hall made its one selector thread, starved on the shared cores, the last to hear of the open
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < (n + TABLETS_PER_CLIENT - 1) / TABLETS_PER_CLIENT; i++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(30)).executor(Executors.newVirtualThreadPerTaskExecutor()).build());
        }
        HttpClient http = clients.get(0);
        SecureRandom random = new SecureRandom();
        List<HallTablet> tablets = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            tablets.add(new HallTablet(i + 1, stage.codes.get(i), HallStaging.choice(random), clients.get(i / TABLETS_PER_CLIENT),
                    server.base(), hall));
        }
        long signInBegin = System.nanoTime();
        long signedIn = HallStaging.signIn(tablets, hall);
        event(signedIn + " of " + n + " tablets signed in with their cards and hold the delegate page's push, in "
                + fmt(QuorumServer.secondsSince(signInBegin)) + " s (load " + ServerProbe.load() + ")");
        if (signedIn < n) {
            throw new IllegalStateException("not every tablet signed in: " + hall.errors.snapshot());
        }
        Map<String, Integer> signInErrors = hall.errors.snapshot();
        hall.errors.clear();
        if (!signInErrors.isEmpty()) {
            event("Sign-in retries: " + signInErrors);
        }

        // the chair's console and the hall's projector, as their pages behave
        Page console = HallStaging.staffPage(http, server, staff, "chair/meeting.xhtml?id=" + stage.meetingId, "chair", hall);
        Page projector = HallStaging.staffPage(http, server, staff, "public/projector.xhtml?id=" + stage.meetingId, "projector", hall);
        event("Chair console and projector hold " + console.browser.sockets.size() + " + " + projector.browser.sockets.size() + " push connections");

        EndToEndHall endToEnd = null;
        if (ballots.contains("SECRET")) {
            endToEnd = new EndToEndHall(server.base(), stage.meetingId, tablets.subList(0, 3), this::event);
            endToEnd.stageCeremony(StaffBrowser.CHAIR, staff.chairPassword(), participants.subList(0, 3));
            quiet(3);
            Map<String, Integer> ceremonyErrors = hall.errors.snapshot();
            hall.errors.clear();
            if (!ceremonyErrors.isEmpty()) {
                event("Errors while the trustees made the key: " + ceremonyErrors);
            }
        }

        Thread.sleep(2000);
        double rss = ServerProbe.rssMiB(server);
        event("RSS of Payara Micro + MariaDB with " + n + " tablets signed in: " + fmt(rss) + " MiB");

        if (warmUp) { // a server that runs a hall has run meetings before: its JIT is warm
            ballot(server, staff, hall, tablets, console, projector, null, n, rss, random, false, true);
        }
        for (String secrecy : ballots) {
            ballot(server, staff, hall, tablets, console, projector, secrecy.equals("SECRET") ? endToEnd : null, n, rss, random,
                    jfr && n == delegates, false);
        }
        if (n == delegates) {
            quiet(3);
            List<Floor.Rate> floor = new ArrayList<>(Floor.measure(server, tablets, 64, Duration.ofSeconds(4)));
            try {
                floor.add(pureCasts(server, staff, hall, tablets));
            } catch (RuntimeException broke) { // the staff's clicks: the other floors stand
                event("Floor: the vote path alone was not measured: " + broke + " at " + java.util.Arrays.stream(broke.getStackTrace())
                        .filter(f -> f.getClassName().startsWith("app.quorum")).findFirst().map(String::valueOf).orElse("?"));
            }
            floor.forEach(f -> event(String.format(Locale.ROOT, "Floor: %s: %.0f a second, %.2f ms of server CPU (MariaDB %.2f) and %.2f of client CPU "
                    + "a request, %d errors", f.what(), f.perSecond(), f.serverCpuMsPerRequest(), f.databaseCpuMsPerRequest(), f.clientCpuMsPerRequest(),
                    f.errors())));
            report.floor(floor);
            report.write(done, timeline);
        }
        hall.timer.shutdownNow();
        tablets.forEach(t -> t.browser.closePushes());
        console.browser.closePushes();
        projector.browser.closePushes();
        hall.work.shutdownNow();
        http.close();
    }

    /**
     * The vote path alone ({@link Floor#casts}): an open ballot the chair opens and every tablet draws, then one vote
     * per tablet, 64 in flight, none waiting for a moment; closed afterwards. Not a round of the hall: the tablets do not
     * vote on it by themselves.
     */
    private Floor.Rate pureCasts(QuorumServer server, StaffBrowser staff, SharedHall hall, List<HallTablet> tablets) throws Exception {
        long meetingId = Long.parseLong(hall.meetingId);
        staff.prepare(meetingId, Stage.QUESTION + " (đo đường bỏ phiếu)", true);
        String ballotId;
        try (Connection db = server.database()) {
            ballotId = Long.toString(HallStaging.draftBallot(db, meetingId));
        }
        staff.open();
        quiet(3);
        Path recording = benchDir.resolve("hall-" + tablets.size() + "-casts.jfr");
        if (jfr) {
            ServerProbe.jcmd(server, this::event, "JFR.start", "name=casts", "settings=profile", "filename=" + recording);
        }
        Floor.Rate casts = Floor.casts(server, tablets, ballotId, 64);
        if (jfr) {
            ServerProbe.jcmd(server, this::event, "JFR.stop", "name=casts");
        }
        quiet(3);
        staff.close(meetingId, false);
        quiet(3);
        return casts;
    }

    /** One ballot in the hall: OPEN (roll-call), or SECRET when {@code endToEnd} is given. */
    private void ballot(QuorumServer server, StaffBrowser staff, SharedHall hall, List<HallTablet> tablets, Page console, Page projector,
            EndToEndHall endToEnd, int n, double rss, SecureRandom random, boolean profile, boolean warming) throws Exception {
        boolean open = endToEnd == null;
        double spread = warming ? WARM_UP_SPREAD_SECONDS : spreadSeconds;
        String secrecy = open ? "OPEN" : "SECRET";
        long meetingId = Long.parseLong(hall.meetingId);
        staff.prepare(meetingId, Stage.QUESTION + (open ? " (biểu quyết công khai)" : ""), open);
        String ballotId;
        BallotContext context = null;
        EndToEndHall.Sealing sealing = null;
        try (Connection db = server.database()) {
            ballotId = Long.toString(HallStaging.draftBallot(db, meetingId));
            if (!open) {
                context = endToEnd.context(db, Long.parseLong(ballotId));
            }
        }
        if (!open) {
            sealing = EndToEndHall.sealAll(tablets, context);
            event(n + " tablets sealed their papers for ballot " + ballotId + " before the open (the client's cores, no server): "
                    + fmt(sealing.p50Ms()) + " ms a paper (p50; p99 " + fmt(sealing.p99Ms()) + "), " + fmt(sealing.cpuSeconds())
                    + " s of client CPU in " + fmt(sealing.wallSeconds()) + " s");
        }
        quiet(3);
        hall.reset(ballotId);
        console.refreshes.set(0);
        projector.refreshes.set(0);
        Path recording = benchDir.resolve("hall-" + n + "-" + secrecy.toLowerCase(Locale.ROOT) + ".jfr");
        if (profile) {
            ServerProbe.jcmd(server, this::event, "JFR.start", "name=hall", "settings=profile", "filename=" + recording);
        }
        String loadAtOpen = ServerProbe.load();
        Cpu before = Cpu.now(server);
        long opening = System.nanoTime();
        for (HallTablet tablet : tablets) {
            tablet.expect(opening + (long) (random.nextDouble() * spread * 1e9));
        }
        hall.openedAt = opening;
        java.util.concurrent.Future<Boolean> bound = open ? null : endToEnd.watchOpen(hall, tablets, ballotId, context);
        long clicked = staff.open();
        event("The chair opened " + (warming ? "the warm-up (open, not measured) " : open ? "open" : "end-to-end secret") + " ballot " + ballotId + " (" + n + " delegates; console answered in "
                + fmt((System.nanoTime() - clicked) / 1e9) + " s; load " + loadAtOpen + ")");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120 + n / 20);
        while (hall.acknowledged.get() < n && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Cpu after = Cpu.now(server);
        if (profile) {
            ServerProbe.jcmd(server, this::event, "JFR.stop", "name=hall");
            event("Flight recording of the burst: " + recording);
        }
        double rssAfter = ServerProbe.rssMiB(server);
        if (!open) {
            boolean checked;
            try {
                checked = bound.get(1, TimeUnit.MINUTES);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
            } catch (java.util.concurrent.TimeoutException noTabletShowedIt) {
                bound.cancel(true);
                checked = false;
            }
            event(checked ? "The delegate page of the tablet due last carried the ballot's public fields (data-face), their context the papers'"
                    : "The page of the tablet due last had moved past the open ballot before it was read: the answers' trackers decide");
            int receiptOnly = EndToEndHall.checkAnswers(tablets);
            event("Every acknowledged paper was answered with the tablet's own tracker" + (receiptOnly > 0
                    ? " (" + receiptOnly + " crossing resends answered with the receipt alone)" : ""));
        }
        long firstSent = tablets.stream().mapToLong(t -> t.sentAt).filter(t -> t != 0).min().orElse(opening);
        int acknowledged = hall.acknowledged.get();
        double window = (hall.lastAck.get() - firstSent) / 1e9;
        double votesPerSecond = acknowledged / Math.max(window, 1e-3);
        double allAck = acknowledged == n ? (hall.lastAck.get() - opening) / 1e9 : Double.NaN;
        double allShown = hall.shown.get() == n ? (hall.lastShown.get() - opening) / 1e9 : Double.NaN;
        event(acknowledged + " of " + n + " votes acknowledged, the last " + fmt(allAck) + " s after the open; "
                + fmt(votesPerSecond) + " votes/s; vote p99 " + fmt(hall.vote.getValueAtPercentile(99) / 1000.0) + " ms; push min / p50 / p99 "
                + fmt(hall.push.getMinValue() / 1000.0) + " / " + fmt(hall.push.getValueAtPercentile(50) / 1000.0) + " / "
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
        event("Ceiling (raw two-insert transaction, 16 connections, same MariaDB): " + fmt(ceiling) + " votes/s (load " + ServerProbe.load() + ")");
        double closeTally;
        double trusteeDevice = Double.NaN;
        int[] record = {0, 0};
        if (open) {
            closeTally = staff.closeAndPublish(meetingId, Long.parseLong(ballotId));
            event("Close + tally + publish on the pages: " + fmt(closeTally) + " ms");
        } else {
            double close = staff.close(meetingId, true);
            EndToEndHall.Count count = endToEnd.decrypt(Long.parseLong(ballotId), context);
            double publish = staff.publish(meetingId, Long.parseLong(ballotId));
            closeTally = close + count.serverMs() + publish;
            trusteeDevice = count.deviceMs();
            event("Close " + fmt(close) + " ms + the trustees' requests " + fmt(count.serverMs()) + " ms + publish " + fmt(publish)
                    + " ms = " + fmt(closeTally) + " ms on the server's side (" + count.detail() + ")");
            record = endToEnd.checkRecord(Long.parseLong(ballotId), tablets, context);
        }
        quiet(3);
        int[] box;
        try (Connection db = server.database()) {
            box = HallStaging.check(db, Long.parseLong(ballotId), tablets, !open);
        }
        double clientCpu = after.client() - before.client();
        double serverCpu = after.server() - before.server();
        double burst = (after.at() - before.at()) / 1e9;
        if (warming) {
            event("Warm-up ballot: " + box[2] + " papers, " + box[3] + " participations; lost " + box[0] + ", doubled " + box[1]
                    + "; errors " + hall.errors.snapshot() + " (not in the figures)");
            if (box[0] + box[1] > 0) {
                throw new IllegalStateException("the warm-up ballot lost or doubled votes");
            }
            hall.errors.clear();
            return;
        }
        done.add(new Round(n, secrecy, votesPerSecond, ceiling, SharedHall.ms(hall.vote, 50), SharedHall.ms(hall.vote, 99),
                hall.vote.getMaxValue() / 1000.0, SharedHall.ms(hall.push, 50), SharedHall.ms(hall.push, 99), allShown, allAck, closeTally, rss,
                rssAfter, clientCpu / Math.max(1e-9, clientCpu + serverCpu), clientCpu / burst, serverCpu / burst, acknowledged,
                box[0] + record[0], box[1] + record[1], hall.errors.snapshot(), console.refreshes.get(), projector.refreshes.get(), consoleLag,
                loadAtOpen, open ? Double.NaN : sealing.p50Ms(), open ? Double.NaN : sealing.p99Ms(),
                open ? Double.NaN : sealing.cpuSeconds(), trusteeDevice));
        report.write(done, timeline);
        event("Box: " + box[2] + " papers, " + box[3] + " participations; lost " + (box[0] + record[0]) + ", doubled " + (box[1] + record[1])
                + "; errors " + hall.errors.snapshot());
    }

    /** Waits until no tablet has had a push or refresh for a while (at most three minutes). */
    private void quiet(int seconds) throws InterruptedException {
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

    private static String fmt(double value) {
        return HallReport.fmt(value);
    }

    private void event(String line) {
        String stamped = String.format(Locale.ROOT, "%6.1f s  %s", QuorumServer.secondsSince(began), line);
        synchronized (timeline) {
            timeline.add(stamped);
        }
        System.out.println(stamped);
    }
}
