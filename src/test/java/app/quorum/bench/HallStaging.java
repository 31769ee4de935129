package app.quorum.bench;

import app.quorum.ballot.drill.QuorumServer;
import app.quorum.testing.FacesForm;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * The hall's staging and its checks: the tablets signed in, the chair's console and the projector held open, the
 * chair's draft found, and the box compared with what the tablets saw. Only ids are compared: nothing here reads a
 * choice next to a voter.
 */
final class HallStaging {

    private HallStaging() {
    }

    /** Signs every tablet in with its card (32 at a time, up to 5 tries) and opens its push; answers how many are in. */
    static long signIn(List<HallTablet> tablets, SharedHall hall) throws InterruptedException {
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
        return tablets.stream().filter(t -> t.signedIn).count();
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

    static Page staffPage(HttpClient http, QuorumServer server, StaffBrowser staff, String path, String formId, SharedHall hall)
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

    static long draftBallot(Connection db, long meetingId) throws SQLException {
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
     * The meeting made public, as the secretary's meeting form does (a congress's results are open data): the public
     * election record of its end-to-end ballot is then served at /api/ballots/{id}/record once published.
     */
    static void makePublic(Connection db, long meetingId) throws SQLException {
        try (PreparedStatement update = db.prepareStatement("UPDATE meeting SET public_meeting = TRUE WHERE id = ?")) {
            update.setLong(1, meetingId);
            update.executeUpdate();
        }
    }

    /** The ids of the meeting's participants, in the order of the stage's cards. */
    static List<Long> participants(Connection db, long meetingId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("SELECT id FROM participant WHERE meeting_id = ? ORDER BY id")) {
            query.setLong(1, meetingId);
            List<Long> ids = new java.util.ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids;
        }
    }

    /**
     * The box against what the tablets saw: lost (acknowledged, not in the box, or its receipt — or, end to end, its
     * tracker — not the paper's), doubled (participations not one per participant, papers nobody sent, papers ≠
     * participations); the papers and participations counted. The box is cast_vote for a ballot sealed by the
     * server or counted in the open, ballot_paper (the encrypted papers) for an end-to-end one.
     */
    static int[] check(Connection db, long ballotId, List<HallTablet> tablets, boolean endToEnd) throws SQLException {
        Map<String, String> papers = new HashMap<>(); // paper id → tracker (end to end) or ""
        String sql = endToEnd ? "SELECT paper_id, tracker FROM ballot_paper WHERE ballot_id = ?" : "SELECT id, '' FROM cast_vote WHERE ballot_id = ?";
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, ballotId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    papers.put(endToEnd ? rows.getString(1) : HexFormat.of().formatHex(rows.getBytes(1)), rows.getString(2));
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
                .filter(t -> !papers.containsKey(t.paper) || !t.expectedReceipt.equals(t.receipt)
                        || endToEnd && !papers.get(t.paper).equals(t.tracker))
                .count();
        int doubled = (int) (papers.keySet().stream().filter(p -> !sent.contains(p)).count() + Math.max(0, participations - participants)
                + Math.abs(papers.size() - participations));
        return new int[] {lost, doubled, papers.size(), (int) participations};
    }

    // ---------------------------------------------------------------- helpers

    static String choice(SecureRandom random) {
        int dice = random.nextInt(100);
        return dice < 80 ? "YES" : dice < 92 ? "NO" : "ABSTAIN";
    }

    static String password() {
        byte[] bytes = new byte[12];
        new SecureRandom().nextBytes(bytes);
        return "bench-" + HexFormat.of().formatHex(bytes);
    }

    static void deleteRecursively(Path dir) throws IOException {
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
