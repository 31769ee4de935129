package app.quorum.ballot.drill;

import app.quorum.ballot.entity.ApprovalChoice;
import app.quorum.ballot.entity.BoxFingerprint;
import app.quorum.ballot.crypto.Receipts;
import app.quorum.testing.Browsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The kill -9 durability drill (issue #5): while delegates vote, the server — launcher, Payara Micro and the embedded
 * MariaDB — is killed with SIGKILL and started again on the same data folder; every vote a delegate saw acknowledged
 * must be counted, none twice.
 *
 * <ol>
 * <li>Starts Quorum as the run command does ({@link QuorumServer}), in a fresh data folder under target/drill.</li>
 * <li>Sets the stage over JDBC ({@link Stage}); the admin creates a chair account and the chair opens a secret approval
 * ballot through the pages ({@link ChairConsole}).</li>
 * <li>N tablets ({@link Tablet}) sign in with their cards and vote over the casting API, spread over a few seconds,
 * each retrying with the same paper id until acknowledged.</li>
 * <li>When about half the votes are acknowledged (at a moment with requests on the wire), SIGKILL to the whole tree;
 * restart; look at the box as soon as the database is back, before the application answers.</li>
 * <li>All tablets finish; each asks the participation endpoint; the chair closes the ballot; the box is checked
 * against what the tablets saw ({@link Figures}).</li>
 * </ol>
 *
 * Run it with {@code mvn -Pdrill verify} (README, "Durability drill"). Exit code 0 when the box is right, 1 when a vote
 * is lost or counted twice (or the drill could not finish), 2 when the drill itself broke.
 */
public final class KillNineDrill {

    /** Issue 15: after a kill -9 mid-burst, Quorum is ready again within this many seconds. Reported, not asserted. */
    static final int READY_GOAL_SECONDS = 30;

    private final int delegates = Integer.getInteger("drill.delegates", 200);
    private final int kills = Integer.getInteger("drill.kills", 1);
    private final int port = Integer.getInteger("drill.port", 8093);
    private final int spreadSeconds = Integer.getInteger("drill.spreadSeconds", 30);
    private final int timeoutMinutes = Integer.getInteger("drill.timeoutMinutes", 15);
    private final int stallMinutes = Integer.getInteger("drill.stallMinutes", 5);
    private final Path target = Path.of(System.getProperty("drill.target", "target")).toAbsolutePath().normalize();
    private final Path drillDir = target.resolve("drill");

    /** Kept so it is not collected: the driver's warnings while the drill knocks at a database still starting. */
    private static final java.util.logging.Logger DRIVER = java.util.logging.Logger.getLogger("org.mariadb.jdbc");

    private final Tablet.Wire wire = new Tablet.Wire();
    private final List<String> timeline = new ArrayList<>();
    private final long began = System.nanoTime();
    /** When the drill last saw progress: an acknowledgement, or Quorum ready again after a kill. */
    private long lastProgress = System.nanoTime();
    private int lastAcknowledged;

    public static void main(String[] args) {
        DRIVER.setLevel(java.util.logging.Level.OFF);
        int code;
        try {
            code = new KillNineDrill().run();
        } catch (Throwable e) {
            System.err.println("The drill broke: " + e);
            e.printStackTrace();
            code = 2;
        }
        System.exit(code);
    }

    int run() throws Exception {
        if (delegates < 3 || kills < 0) {
            throw new IllegalArgumentException("drill.delegates must be at least 3 (a secret ballot's minimum) and drill.kills at least 0"
                    + " (0: a pure burst, no kill)");
        }
        prepareFolder();
        String adminPassword = password();
        QuorumServer server = new QuorumServer(drillDir,
                Path.of(System.getProperty("quorum.war", target.resolve("quorum.war").toString())),
                Path.of(System.getProperty("payara.microJar", target.resolve("payara-micro.jar").toString())), port, adminPassword);
        Runtime.getRuntime().addShutdownHook(new Thread(server::forceAll, "drill-cleanup"));
        try {
            return drill(server, adminPassword);
        } finally {
            Browsers.closeAll();
            say("Stopping Quorum (SIGTERM, as Ctrl+C) …");
            server.stop();
        }
    }

    private int drill(QuorumServer server, String adminPassword) throws Exception {
        say("Kill -9 drill: " + delegates + " delegates, " + kills + " kill(s), votes spread over " + spreadSeconds + " s, Quorum on "
                + server.base() + ", data in " + server.dataDir());
        QuorumServer.Start first = server.start(db -> { });
        for (String failure : first.failedAttempts()) {
            event("The first start failed " + failure + "; the launcher was started again");
        }
        event("Quorum started (first start, empty database) and ready in " + Figures.format(first.readySeconds()) + " s");

        Stage stage;
        try (Connection db = server.database()) {
            stage = Stage.create(db, delegates);
        }
        event("Stage: meeting " + stage.meetingId + " in session, " + delegates + " voting delegates checked in, each with a card");

        ChairConsole chair = new ChairConsole(server.base(), password());
        chair.createChairAccount(adminPassword);
        event("The admin created the chair's account (" + ChairConsole.CHAIR + ") on the accounts page");

        List<Tablet> tablets = tablets(server, stage.codes);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(timeoutMinutes);
        long signInBegin = System.nanoTime();
        signInAll(tablets, deadline);
        long signedIn = tablets.stream().filter(t -> t.signIns > 0).count();
        event(signedIn + " of " + delegates + " tablets signed in with their cards in " + Figures.format(QuorumServer.secondsSince(signInBegin)) + " s");
        if (signedIn < delegates) {
            throw new IllegalStateException("not every tablet could sign in: " + wire.failures);
        }

        chair.openBallot(stage.meetingId, Stage.QUESTION);
        long ballotId;
        try (Connection db = server.database()) {
            ballotId = openBallot(db, stage.meetingId);
        }
        long opened = System.nanoTime();
        lastProgress = opened;
        event("The chair opened secret ballot " + ballotId + " on the console");

        ExecutorService voters = Executors.newVirtualThreadPerTaskExecutor();
        SecureRandom random = new SecureRandom();
        for (Tablet tablet : tablets) {
            long thinking = (long) (random.nextDouble() * spreadSeconds * 1000);
            voters.submit(() -> {
                Thread.sleep(thinking);
                tablet.vote(ballotId, deadline, wire);
                return null;
            });
        }
        voters.shutdown();
        Thread progress = Thread.ofPlatform().daemon().start(() -> progress(voters));

        List<RoundRun> runs = new ArrayList<>();
        for (int round = 1; round <= kills; round++) {
            int threshold = (int) Math.ceil(delegates * (double) round / (kills + 1));
            while (wire.acknowledged.get() < threshold && !voters.isTerminated() && System.nanoTime() < deadline && !stalled()) {
                Thread.sleep(2);
            }
            if (stalled()) {
                break;
            }
            if (wire.acknowledged.get() < threshold) {
                event("Kill " + round + " skipped: every tablet had finished before " + threshold + " acknowledgements");
                break;
            }
            runs.add(killAndRestart(server, round, ballotId, tablets));
        }

        while (!voters.awaitTermination(1, TimeUnit.SECONDS) && System.nanoTime() < deadline && !stalled()) {
            // waiting for the tablets
        }
        if (!voters.isTerminated()) {
            long waiting = tablets.stream().filter(t -> !t.acknowledged()).count();
            event((stalled() ? "Stalled: no vote acknowledged for " + stallMinutes + " min while Quorum said it was ready; "
                    : "Deadline: ") + waiting + " tablets still without acknowledgement");
            voters.shutdownNow();
            voters.awaitTermination(1, TimeUnit.MINUTES);
            progress.interrupt();
            return stalledReport(server, tablets, runs, ballotId);
        }
        progress.interrupt();
        long acknowledged = tablets.stream().filter(Tablet::acknowledged).count();
        event("Voting over: " + acknowledged + " of " + delegates + " votes acknowledged, " + Figures.format(QuorumServer.secondsSince(opened))
                + " s after the ballot opened");

        int[] participation = askParticipation(tablets, ballotId, deadline);
        event("Participation endpoint: " + participation[0] + " of " + participation[1]
                + " acknowledged tablets told \"voted\" with their own receipt");

        ChairConsole.Shown shown = chair.closeBallot(stage.meetingId);
        event("The chair closed the ballot: " + shown.outcome() + ", turnout before the close " + shown.turnout() + ", result " + shown.votesByLabel());

        Figures figures;
        try (Connection db = server.database()) {
            figures = new Figures(delegates, sent(tablets), box(db, ballotId),
                    new Figures.Shown(byChoice(db, ballotId, shown.votesByLabel()), shown.fingerprint(), participation[0], participation[1]),
                    runs.stream().map(run -> run.round(tablets)).toList(), wire.answerCounts());
        }
        String report = report(figures, tablets, runs, opened);
        Files.writeString(drillDir.resolve("kill-nine.md"), report, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(console(figures, tablets, runs));
        say("Report: " + drillDir.resolve("kill-nine.md"));
        tablets.forEach(Tablet::close);
        say(figures.passed() ? "PASSED: every acknowledged vote is counted, none twice."
                : "FAILED: " + String.join("; ", figures.failures));
        return figures.passed() ? 0 : 1;
    }

    // ---------------------------------------------------------------- the kill

    /** One kill: who was acknowledged and who was on the wire at that instant, and the box right after recovery. */
    private final class RoundRun {
        final int number;
        QuorumServer.Killed killed;
        String loadAverage;
        long restartBegan;
        QuorumServer.Start restart;
        final Set<Tablet> acknowledgedBefore = new HashSet<>();
        final Set<Tablet> onTheWire = new HashSet<>();
        final AtomicReference<Set<String>> boxAfterRecovery = new AtomicReference<>(Set.of());

        RoundRun(int number) {
            this.number = number;
        }

        Figures.Round round(List<Tablet> tablets) {
            Set<String> box = boxAfterRecovery.get();
            // on the wire at the kill: the answer was already on its way (acknowledged before the restart began), or the
            // vote had committed and its answer died with the server, or it had not committed
            int answeredAnyway = (int) onTheWire.stream().filter(t -> t.acknowledged() && t.acknowledgedAt < restartBegan).count();
            int committed = (int) onTheWire.stream().filter(t -> box.contains(t.paper)).count();
            int missing = (int) acknowledgedBefore.stream().filter(t -> !box.contains(t.paper)).count();
            double toFirstAck = tablets.stream().filter(t -> t.acknowledgedAt > restartBegan)
                    .mapToLong(t -> t.acknowledgedAt - killed.nanoTime()).min().orElse(-1) / 1e9;
            return new Figures.Round(number, acknowledgedBefore.size(), onTheWire.size(), answeredAnyway, committed - answeredAnyway,
                    onTheWire.size() - committed, missing, box.size(), killed.processes(), loadAverage, restart.failedAttempts(),
                    restart.databaseSeconds(),
                    restart.readySeconds(), toFirstAck < 0 ? Double.NaN : toFirstAck, !restart.appAnsweredBeforeDatabaseLook());
        }
    }

    private RoundRun killAndRestart(QuorumServer server, int number, long ballotId, List<Tablet> tablets) throws Exception {
        // a moment with requests on the wire, if one comes within 2 s: those are the ones a kill can cut in half
        long wait = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        while (wire.inFlight.get() == 0 && System.nanoTime() < wait) {
            java.util.concurrent.locks.LockSupport.parkNanos(100_000);
        }
        RoundRun run = new RoundRun(number);
        Set<Tablet> onTheWire = Set.copyOf(wire.onTheWire);
        run.killed = server.killNine();
        for (Tablet tablet : tablets) {
            if (tablet.acknowledged() && tablet.acknowledgedAt < run.killed.nanoTime()) {
                run.acknowledgedBefore.add(tablet);
            }
        }
        onTheWire.stream().filter(t -> !run.acknowledgedBefore.contains(t)).forEach(run.onTheWire::add);
        event("kill -9 #" + number + ": " + run.acknowledgedBefore.size() + " votes acknowledged, " + run.onTheWire.size()
                + " requests on the wire; killed " + String.join(", ", run.killed.processes()));
        run.loadAverage = loadAverage();
        run.restartBegan = System.nanoTime();
        run.restart = server.start(db -> run.boxAfterRecovery.set(papers(db, ballotId)));
        lastProgress = System.nanoTime();
        for (String failure : run.restart.failedAttempts()) {
            event("A start after kill " + number + " failed " + failure + "; the launcher was started again");
        }
        event("Restarted on the same data folder: database back after " + Figures.format(run.restart.databaseSeconds())
                + " s (box: " + run.boxAfterRecovery.get().size() + " papers), Quorum ready after " + Figures.format(run.restart.readySeconds()) + " s");
        return run;
    }

    /** No acknowledgement for drill.stallMinutes while Quorum was up: it did not recover, and waiting longer shows nothing more. */
    private boolean stalled() {
        int acknowledged = wire.acknowledged.get();
        if (acknowledged != lastAcknowledged) {
            lastAcknowledged = acknowledged;
            lastProgress = System.nanoTime();
        }
        return System.nanoTime() - lastProgress > TimeUnit.MINUTES.toNanos(stallMinutes);
    }

    /**
     * The drill could not finish: the votes cannot be counted through the application. What can still be checked is
     * checked straight in the database (the papers' ids and the participations; the choices stay sealed): is every
     * acknowledged paper in the box, and nothing twice? The drill fails either way.
     */
    private int stalledReport(QuorumServer server, List<Tablet> tablets, List<RoundRun> runs, long ballotId) throws Exception {
        Set<String> box;
        long participations;
        try (Connection db = server.database()) {
            box = papers(db, ballotId);
            try (PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM participation WHERE ballot_id = ?")) {
                query.setLong(1, ballotId);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    participations = rows.getLong(1);
                }
            }
        }
        Set<String> sentPapers = tablets.stream().map(t -> t.paper).collect(java.util.stream.Collectors.toSet());
        long acknowledged = tablets.stream().filter(Tablet::acknowledged).count();
        long lost = tablets.stream().filter(Tablet::acknowledged).filter(t -> !box.contains(t.paper)).count();
        long unknown = box.stream().filter(paper -> !sentPapers.contains(paper)).count();
        String health = server.healthUp() ? "UP" : "DOWN";
        String signIn = answer(server, "sign-in.xhtml");
        StringBuilder md = new StringBuilder("# Kill -9 drill\n\n**FAILED**: Quorum did not recover after the restart: no vote was "
                + "acknowledged for " + stallMinutes + " minutes while `/health/ready` said " + health + "; the sign-in page answers "
                + signIn + ". The votes could not be counted through the application; the box was checked in the database.\n\n");
        md.append("| figure | value |\n| --- | --- |\n");
        md.append("| delegates | ").append(delegates).append(" |\n");
        md.append("| acknowledged | ").append(acknowledged).append(" |\n");
        md.append("| papers in the box (ids only: still sealed) | ").append(box.size()).append(" |\n");
        md.append("| participations | ").append(participations).append(" |\n");
        md.append("| lost (acknowledged, not in the box) | ").append(lost).append(" |\n");
        md.append("| papers nobody sent | ").append(unknown).append(" |\n");
        md.append("\n## Kills\n\n");
        for (RoundRun run : runs) {
            Figures.Round round = run.round(tablets);
            md.append("- kill ").append(round.number()).append(": ").append(round.acknowledgedBefore()).append(" acknowledged before, ")
                    .append(round.inFlight()).append(" on the wire, box after recovery ").append(round.papersAfterRecovery())
                    .append(", missing after recovery ").append(round.acknowledgedMissingAfterRecovery()).append(", ready after ")
                    .append(Figures.format(round.readySeconds())).append(" s, failed starts ").append(round.failedStarts().size())
                    .append(", load ").append(round.loadAverage()).append('\n');
        }
        md.append("\n## HTTP answers the tablets got\n\n").append(answers(wire.answerCounts())).append('\n');
        md.append("\n## What the tablets met on the wire\n\n| what | times |\n| --- | --- |\n");
        wire.failures.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> md.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n"));
        md.append("\n## Timeline\n\n");
        timeline.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\nPayara's log of the stuck server: `target/drill/data/logs/server.log`; of the killed ones: `target/drill/server-*.log`.\n");
        Files.writeString(drillDir.resolve("kill-nine.md"), md.toString(), StandardCharsets.UTF_8);
        tablets.forEach(Tablet::close);
        say("Report: " + drillDir.resolve("kill-nine.md"));
        say("FAILED: Quorum did not recover after the restart (health " + health + ", sign-in page " + signIn + "); acknowledged "
                + acknowledged + ", in the box " + box.size() + ", lost " + lost + ", participations " + participations + ".");
        return 1;
    }

    private static String answer(QuorumServer server, String path) {
        try {
            return "HTTP " + java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(server.base().resolve(path))
                    .timeout(java.time.Duration.ofSeconds(20)).build(), java.net.http.HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return e.getClass().getSimpleName();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "-";
        }
    }

    // ---------------------------------------------------------------- the tablets

    /** One tablet per card, each with a choice drawn at random (about 80 % YES, 12 % NO, 8 % ABSTAIN). */
    private static List<Tablet> tablets(QuorumServer server, List<String> codes) {
        SecureRandom random = new SecureRandom();
        List<Tablet> tablets = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            tablets.add(new Tablet(i + 1, codes.get(i), choice(random), server.base()));
        }
        return tablets;
    }

    private void signInAll(List<Tablet> tablets, long deadline) throws InterruptedException {
        Semaphore at = new Semaphore(16);
        try (ExecutorService signing = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Tablet tablet : tablets) {
                signing.submit(() -> {
                    at.acquire();
                    try {
                        tablet.signInUntil(deadline, wire);
                    } finally {
                        at.release();
                    }
                    return null;
                });
            }
        }
    }

    /** Each acknowledged tablet asks the application whether its vote is recorded, and with which receipt. */
    private int[] askParticipation(List<Tablet> tablets, long ballotId, long deadline) throws InterruptedException {
        Semaphore at = new Semaphore(16);
        int[] counts = new int[2];
        try (ExecutorService asking = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Tablet tablet : tablets.stream().filter(Tablet::acknowledged).toList()) {
                asking.submit(() -> {
                    at.acquire();
                    try {
                        var answer = tablet.participation(ballotId, deadline, wire);
                        synchronized (counts) {
                            counts[1]++;
                            if (answer.isPresent() && answer.get().voted() && tablet.receipt.equals(answer.get().receipt())) {
                                counts[0]++;
                            }
                        }
                    } finally {
                        at.release();
                    }
                    return null;
                });
            }
        }
        return counts;
    }

    private void progress(ExecutorService voters) {
        try {
            while (!voters.isTerminated()) {
                Thread.sleep(10_000);
                say(String.format(Locale.ROOT, "  … %d of %d votes acknowledged, %d requests on the wire", wire.acknowledged.get(), delegates,
                        wire.inFlight.get()));
            }
        } catch (InterruptedException e) {
            // voting is over
        }
    }

    private static List<Figures.Sent> sent(List<Tablet> tablets) {
        return tablets.stream().map(t -> new Figures.Sent(t.paper, t.choice.name(), t.acknowledged(), t.receipt, t.expectedReceipt,
                t.refusedWith)).toList();
    }

    // ---------------------------------------------------------------- the database

    private static long openBallot(Connection db, long meetingId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT id FROM ballot WHERE meeting_id = ? AND status = 'OPEN'")) {
            query.setLong(1, meetingId);
            try (ResultSet rows = query.executeQuery()) {
                if (!rows.next()) {
                    throw new IllegalStateException("the chair's console did not open the ballot");
                }
                return rows.getLong(1);
            }
        }
    }

    /** The ids (32 hex digits) of the papers in the box: no choice, which stays sealed while the ballot is open. */
    private static Set<String> papers(Connection db, long ballotId) {
        Set<String> papers = new HashSet<>();
        try (PreparedStatement query = db.prepareStatement("SELECT id FROM cast_vote WHERE ballot_id = ?")) {
            query.setLong(1, ballotId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    papers.add(HexFormat.of().formatHex(rows.getBytes(1)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return papers;
    }

    /** The closed box: each paper with its unsealed choice, the participations, the stored and recomputed fingerprint. */
    private static Figures.Box box(Connection db, long ballotId) throws SQLException {
        Map<String, String> choiceByPaper = new HashMap<>();
        List<BoxFingerprint.Paper> papers = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT id, choice FROM cast_vote WHERE ballot_id = ?")) {
            query.setLong(1, ballotId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    choiceByPaper.put(HexFormat.of().formatHex(rows.getBytes(1)), rows.getString(2));
                    papers.add(new BoxFingerprint.Paper(Receipts.of(rows.getBytes(1)), rows.getString(2)));
                }
            }
        }
        long participations;
        long participants;
        try (PreparedStatement query = db.prepareStatement(
                "SELECT COUNT(*), COUNT(DISTINCT participant_id) FROM participation WHERE ballot_id = ?")) {
            query.setLong(1, ballotId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                participations = rows.getLong(1);
                participants = rows.getLong(2);
            }
        }
        String fingerprint;
        try (PreparedStatement query = db.prepareStatement("SELECT fingerprint FROM ballot WHERE id = ?")) {
            query.setLong(1, ballotId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                fingerprint = rows.getString(1);
            }
        }
        return new Figures.Box(choiceByPaper, participations, participants, fingerprint, BoxFingerprint.of(papers));
    }

    /** The chair's result rows (by the labels shown) as counts per choice code, through the ballot's options. */
    private static Map<String, Integer> byChoice(Connection db, long ballotId, Map<String, Integer> byLabel) throws SQLException {
        Map<String, String> codeByLabel = new HashMap<>();
        try (PreparedStatement query = db.prepareStatement("SELECT code, label FROM ballot_option WHERE ballot_id = ?")) {
            query.setLong(1, ballotId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    codeByLabel.put(rows.getString(2).strip(), rows.getString(1));
                }
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        byLabel.forEach((label, votes) -> counts.put(codeByLabel.getOrDefault(label, "?" + label), votes));
        return counts;
    }

    // ---------------------------------------------------------------- the report

    private String console(Figures f, List<Tablet> tablets, List<RoundRun> runs) {
        StringBuilder text = new StringBuilder("Kill -9 drill — figures\n");
        for (String[] row : rows(f, tablets, runs)) {
            text.append(String.format(Locale.ROOT, "  %-58s %s%n", row[0], row[1]));
        }
        return text.toString();
    }

    private List<String[]> rows(Figures f, List<Tablet> tablets, List<RoundRun> runs) {
        List<String[]> rows = new ArrayList<>();
        Figures.Round first = f.rounds.isEmpty() ? null : f.rounds.get(0);
        long firstKill = runs.isEmpty() ? Long.MAX_VALUE : runs.get(0).killed.nanoTime();
        long lastRestart = runs.isEmpty() ? Long.MAX_VALUE : runs.get(runs.size() - 1).restartBegan;
        List<Long> before = tablets.stream().filter(t -> t.acknowledged() && t.acknowledgedAt < firstKill).map(t -> t.latencyNanos).toList();
        List<Long> after = tablets.stream().filter(t -> t.acknowledged() && t.acknowledgedAt > lastRestart).map(t -> t.latencyNanos).toList();
        long firstRestart = runs.isEmpty() ? Long.MAX_VALUE : runs.get(0).restartBegan;
        List<Long> across = tablets.stream().filter(t -> t.acknowledged() && t.acknowledgedAt > firstRestart)
                .map(t -> t.acknowledgedAt - t.firstSentAt).toList();
        rows.add(row("delegates", f.delegates));
        rows.add(row("kills (SIGKILL to launcher, Payara Micro and MariaDB)", f.rounds.size()));
        rows.add(row("acknowledged before the kill", first == null ? "-" : first.acknowledgedBefore()));
        rows.add(row("requests in flight at the kill", first == null ? "-" : first.inFlight()));
        rows.add(row("  answered anyway (answer already on its way)", first == null ? "-" : first.inFlightAnsweredAnyway()));
        rows.add(row("  committed, answer lost (same receipt on retry)", first == null ? "-" : first.inFlightCommittedAnswerLost()));
        rows.add(row("  not committed (stored on retry)", first == null ? "-" : first.inFlightNotCommitted()));
        rows.add(row("papers in the box right after recovery", first == null ? "-" : first.papersAfterRecovery()));
        rows.add(row("acknowledged after the kill", first == null ? "-" : f.acknowledged - first.acknowledgedBefore()));
        rows.add(row("acknowledged in all", f.acknowledged));
        rows.add(row("counted (papers in the box at the close)", f.counted));
        rows.add(row("participations", f.participations));
        rows.add(row("lost (acknowledged, not in the box) — must be 0", f.lost));
        rows.add(row("duplicates (counted twice) — must be 0", f.duplicates));
        rows.add(row("choices changed / receipts not their paper's", f.alteredChoices + " / " + f.receiptMismatches));
        rows.add(row("HTTP answers 404 or 5xx (but 503 with Retry-After) — must be 0", f.wrongAnswers));
        rows.add(row("HTTP answers by kind", answers(f.answers)));
        rows.add(row("counts per choice: sent / box / chair's result", f.sentByChoice + " / " + f.boxByChoice + " / " + f.shownByChoice));
        rows.add(row("fingerprint stored = recomputed = shown", f.box.storedFingerprint() != null
                && f.box.storedFingerprint().equals(f.box.recomputedFingerprint()) && f.box.storedFingerprint().equals(f.shown.fingerprint())));
        rows.add(row("participation endpoint: voted with own receipt", f.shown.participationConfirmed() + " of " + f.shown.participationAsked()));
        rows.add(row("load average at the kill (1, 5, 15 min)", first == null ? "-" : first.loadAverage()));
        rows.add(row("restart: database back (s)", first == null ? "-" : Figures.format(first.databaseSeconds())));
        rows.add(row("restart-to-ready (s)", first == null ? "-" : Figures.format(first.readySeconds())
                + (first.failedStarts().isEmpty() ? "" : " (" + (first.failedStarts().size() + 1) + " launcher attempts)")));
        rows.add(row("launcher attempts that gave up during the restart", first == null ? "-" : first.failedStarts().size()));
        rows.add(row("kill to first acknowledgement by the restarted server (s)", first == null ? "-" : Figures.format(first.killToFirstAcknowledgementSeconds())));
        List<Long> all = tablets.stream().filter(Tablet::acknowledged).map(t -> t.latencyNanos).toList();
        rows.add(row("vote latency of every acknowledged vote (last try), median / p95 / p99 (ms)",
                Figures.format(Figures.percentileMillis(all, 50)) + " / " + Figures.format(Figures.percentileMillis(all, 95)) + " / "
                + Figures.format(Figures.percentileMillis(all, 99)) + " (" + all.size() + " votes)"));
        if (first != null) {
            rows.add(row("ready again within " + READY_GOAL_SECONDS + " s of the kill (issue 15)", first.readySeconds() <= READY_GOAL_SECONDS
                    ? "yes (" + Figures.format(first.readySeconds()) + " s)" : "NO (" + Figures.format(first.readySeconds()) + " s)"));
        }
        rows.add(row("vote latency before the kill, median / p95 (ms)", Figures.format(Figures.percentileMillis(before, 50)) + " / "
                + Figures.format(Figures.percentileMillis(before, 95)) + " (" + before.size() + " votes)"));
        rows.add(row("vote latency after the (last) restart, median / p95 (ms)", Figures.format(Figures.percentileMillis(after, 50)) + " / "
                + Figures.format(Figures.percentileMillis(after, 95)) + " (" + after.size() + " votes)"));
        rows.add(row("wait of delegates answered after the restart, first try → receipt, median / max (s)", Figures.format(Figures.percentileMillis(across, 50) / 1000)
                + " / " + Figures.format(Figures.percentileMillis(across, 100) / 1000) + " (" + across.size() + " votes)"));
        rows.add(row("vote requests sent / sign-ins", tablets.stream().mapToInt(t -> t.attempts).sum() + " / "
                + tablets.stream().mapToInt(t -> t.signIns).sum()));
        return rows;
    }

    /** The tablets' HTTP answers by request and status, e.g. "vote 200 × 212, sign-in page 200 × 230". */
    static String answers(Map<Figures.Answer, Integer> answers) {
        return answers.isEmpty() ? "-" : String.join(", ", answers.entrySet().stream().map(e -> e.getKey() + " × " + e.getValue()).toList());
    }

    private static String[] row(String name, Object value) {
        return new String[] {name, String.valueOf(value)};
    }

    private String report(Figures f, List<Tablet> tablets, List<RoundRun> runs, long opened) {
        StringBuilder md = new StringBuilder();
        md.append("# Kill -9 drill\n\n");
        md.append(OffsetDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME.withLocale(Locale.ROOT)))
                .append(" · ").append(delegates).append(" delegates · ").append(kills).append(" kill(s) requested · votes spread over ")
                .append(spreadSeconds).append(" s · ").append(Runtime.getRuntime().availableProcessors()).append(" CPU cores · Java ")
                .append(System.getProperty("java.version")).append("\n\n");
        md.append("**").append(f.passed() ? "PASSED" : "FAILED").append("**: ");
        md.append(f.passed() ? "every vote a delegate saw acknowledged is counted, none twice, and the counts per choice are the ones sent."
                : String.join("; ", f.failures) + ".").append("\n\n");
        md.append("## Figures\n\n| figure | value |\n| --- | --- |\n");
        for (String[] row : rows(f, tablets, runs)) {
            md.append("| ").append(row[0]).append(" | ").append(row[1].replace("|", "/")).append(" |\n");
        }
        md.append("\n## Kills\n\n| kill | acknowledged before | on the wire: answered anyway / committed, answer lost / not committed "
                + "| box after recovery | killed | load average | failed starts | database back (s) | ready (s) "
                + "| kill → first acknowledgement (s) |\n| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |\n");
        for (Figures.Round round : f.rounds) {
            md.append("| ").append(round.number()).append(" | ").append(round.acknowledgedBefore()).append(" | ").append(round.inFlight())
                    .append(": ").append(round.inFlightAnsweredAnyway()).append(" / ").append(round.inFlightCommittedAnswerLost())
                    .append(" / ").append(round.inFlightNotCommitted()).append(" | ").append(round.papersAfterRecovery())
                    .append(round.snapshotBeforeApp() ? "" : " (app already up)").append(" | ").append(String.join(", ", round.processes()))
                    .append(" | ").append(round.loadAverage()).append(" | ")
                    .append(round.failedStarts().isEmpty() ? "0" : String.join("; ", round.failedStarts()).replace("|", "/"))
                    .append(" | ").append(Figures.format(round.databaseSeconds())).append(" | ").append(Figures.format(round.readySeconds()))
                    .append(" | ").append(Figures.format(round.killToFirstAcknowledgementSeconds())).append(" |\n");
        }
        md.append("\n## HTTP answers the tablets got, by request and status\n\n| request and status | times |\n| --- | --- |\n");
        f.answers.forEach((answer, n) -> md.append("| ").append(answer).append(answer.wrong() ? " (wrong: a server never says this)" : "")
                .append(" | ").append(n).append(" |\n"));
        md.append("\n## What the tablets met on the wire\n\n");
        if (wire.failures.isEmpty() && wire.refusals.isEmpty()) {
            md.append("Nothing: every request was answered.\n");
        } else {
            md.append("| what | times |\n| --- | --- |\n");
            wire.failures.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> md.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n"));
            wire.refusals.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> md.append("| refusal ").append(e.getKey()).append(" (409) | ").append(e.getValue()).append(" |\n"));
        }
        md.append("\n## Timeline\n\n");
        timeline.forEach(line -> md.append("- ").append(line).append('\n'));
        md.append("\n## How it was run\n\n");
        md.append("`mvn -B -Pdrill verify -Ddrill.delegates=").append(delegates).append(" -Ddrill.kills=").append(kills)
                .append(" -Ddrill.spreadSeconds=").append(spreadSeconds).append("`. Quorum is started as the run command starts it "
                + "(the launcher with the compile classpath; QUORUM_PORT=").append(port).append(", QUORUM_DEMO=false, a fresh data folder "
                + "`target/drill/data`). Each tablet has its own cookies, signs in with its card on the sign-in page, waits a random "
                + "time within the spread, then sends `PUT /api/delegate/ballots/{ballot}/papers/{paper}` with a paper id of 128 random "
                + "bits, and resends the same paper after any failure (signing in again when the session died with the server) until it "
                + "gets a 200 with a receipt. ").append(kills == 0 ? "No kill (drill.kills=0): a pure burst." : "When about "
                + (kills == 1 ? "half" : "1/" + (kills + 1) + ", 2/" + (kills + 1) + " …")
                + " of the votes were acknowledged (waiting up to 2 s for a request on the wire), the launcher, Payara Micro and "
                + "MariaDB got SIGKILL together; Quorum was started again on the same data folder, and the box was read as soon as "
                + "the database answered, before the application did.").append(" At the end every tablet asked the participation endpoint, the "
                + "chair closed the ballot on the console, and the box (papers, unsealed choices, participations, fingerprint) was "
                + "compared with what the tablets saw. Counts per choice are compared in aggregate; nothing here links a delegate to "
                + "a choice. Logs: `target/drill/launcher-*.log`, `target/drill/server-*.log` (killed runs), `target/drill/data/logs`; "
                + "screenshots of the chair's console: `target/screenshots/drill-*.png`.\n");
        return md.toString();
    }

    // ---------------------------------------------------------------- helpers

    private void prepareFolder() throws IOException {
        Files.createDirectories(drillDir);
        deleteRecursively(drillDir.resolve("data"));
        // (Payara Micro's root folder is emptied by the launcher at every start, the restarts after a kill included)
        try (Stream<Path> old = Files.list(drillDir)) {
            for (Path file : old.filter(p -> p.getFileName().toString().matches("(launcher|server)-\\d+\\.log|kill-nine\\.md")).toList()) {
                Files.delete(file);
            }
        }
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

    /** The machine's load average (1, 5, 15 minutes), where Linux tells it. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "-";
        }
    }

    private static String password() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return "drill-" + HexFormat.of().formatHex(bytes);
    }

    private void event(String line) {
        String stamped = String.format(Locale.ROOT, "%6.1f s  %s", QuorumServer.secondsSince(began), line);
        timeline.add(stamped);
        say(stamped);
    }

    private static void say(String line) {
        System.out.println(line);
    }

    static ApprovalChoice choice(SecureRandom random) {
        int dice = random.nextInt(100);
        return dice < 80 ? ApprovalChoice.YES : dice < 92 ? ApprovalChoice.NO : ApprovalChoice.ABSTAIN;
    }
}
