package app.quorum.bench;

import app.quorum.ballot.crypto.BallotContext;
import app.quorum.ballot.crypto.BallotDefinition;
import app.quorum.ballot.crypto.Paper;
import app.quorum.ballot.crypto.PreparedPaper;
import app.quorum.ballot.crypto.Receipts;
import app.quorum.ballot.crypto.Tracker;
import app.quorum.testing.FacesForm;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One delegate's tablet in the hall, as the delegate page (delegate/index.xhtml) and its script (vote.js) behave: signs
 * in with the card, loads the delegate page, holds its push connection; takes the meeting's news as push.js does (an
 * opened ballot drawn from its face, any other change rendered by the page's {@code refreshDelegate} remote command
 * within the news' spread); every 12 s asks {@code GET /api/delegate/tablet} and re-renders when the signature
 * changed; votes through the casting API when the ballot is shown and its moment has come; a recorded vote marks its
 * signature voted, as casting.js {@code settled} does.
 */
final class HallTablet {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern VIEW = Pattern.compile("id=\"vote-box\"[^>]*");
    private static final Pattern ATTRIBUTE = Pattern.compile("data-([\\w-]+)=\"([^\"]*)\"");
    private static final Pattern RECEIPT = Pattern.compile("\"receipt\"\\s*:\\s*\"([0-9A-Z-]+)\"");
    private static final Pattern TRACKER = Pattern.compile("\"tracker\"\\s*:\\s*\"([0-9a-f]{64})\"");
    static final long CHECK_EVERY_MILLIS = 12_000;

    static final Map<String, java.util.concurrent.atomic.AtomicInteger> VIEWS = new java.util.concurrent.ConcurrentHashMap<>();

    final int number;
    final String code;
    final String choice;
    final Browser browser;
    private final Hall hall;

    volatile String view;
    volatile String ballotShown;
    /** The ballot in the box whatever its face (data-ballot), as push.js compares it with a pushed face. */
    volatile String ballotInView;
    volatile String signature;
    volatile boolean signedIn;

    // the current ballot's figures
    volatile String paper;
    /** What the PUT carries: {"choice": …}, or the sealed {"paper": …} of an end-to-end ballot. */
    volatile String body;
    /** The end-to-end paper's tracker (64 hex digits), null for a paper in clear. */
    volatile String tracker;
    volatile String expectedReceipt;
    private volatile Sealed sealed;
    volatile long shownAt;
    volatile long sentAt;
    volatile long acknowledgedAt;
    volatile String receipt;
    /** The tracker the server answered for an end-to-end paper (computed from its own bound context), or null. */
    volatile String answeredTracker;
    volatile long dueAt;
    private final AtomicBoolean voting = new AtomicBoolean();
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private final AtomicBoolean refreshAgain = new AtomicBoolean();

    /** What all tablets share: the client, the clock of the open, the scheduler and the figures. */
    interface Hall {
        String meetingId();

        long openedAt();

        String ballotId();

        ScheduledExecutorService timer();

        java.util.concurrent.ExecutorService work();

        void shown(HallTablet tablet, long nanos);

        void acknowledged(HallTablet tablet, long latencyNanos);

        Browser.Errors errors();
    }

    HallTablet(int number, String code, String choice, HttpClient http, java.net.URI base, Hall hall) {
        this.number = number;
        this.code = code;
        this.choice = choice;
        this.hall = hall;
        this.browser = new Browser(http, base, hall.errors());
    }

    /** The sign-in page with the card's code filled in (as its QR code does), the form sent, the delegate page loaded. */
    void signIn() throws IOException, InterruptedException {
        HttpResponse<String> page = browser.get("sign-in.xhtml?code=" + code);
        if (page.statusCode() != 200) {
            throw new IOException("sign-in page answered " + page.statusCode());
        }
        FacesForm form = FacesForm.find(page.body(), "delegate").orElseThrow(() -> new IOException("no delegate form on the sign-in page"));
        HttpResponse<String> answer = browser.submit(form, Map.of("delegate:code", code, "delegate:signInDelegate", ""));
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || !location.contains("/delegate/")) {
            throw new IOException("sign-in answered " + answer.statusCode() + " " + location);
        }
        browser.load(location, "delegate");
        read(browser.html);
        if (!browser.commands.containsKey("refreshDelegate") || browser.pushes.isEmpty()) {
            java.nio.file.Files.writeString(java.nio.file.Path.of(System.getProperty("bench.target", "target"), "bench", "delegate-page.html"),
                    browser.html);
            throw new IOException("the delegate page has no refreshDelegate or no push: " + browser.commands.keySet() + " " + browser.pushes);
        }
        signedIn = true;
    }

    /** The page's push, and the light check every 12 s from a random phase. */
    void connect() throws InterruptedException {
        browser.openPushes((push, message) -> {
            long arrived = System.nanoTime(); // a tablet draws the pushed ballot at once: shown when its news arrived
            hall.work().submit(() -> news(message, arrived));
        }, trouble -> {
            if (signedIn) {
                hall.errors().add("tablet " + trouble);
            }
        });
        long phase = ThreadLocalRandom.current().nextLong(CHECK_EVERY_MILLIS);
        hall.timer().scheduleWithFixedDelay(() -> hall.work().submit(this::check), phase, CHECK_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    /**
     * The meeting's news as push.js takes it: nothing when the signature's meeting part is the pushed one; a newly
     * opened ballot drawn from its face when this delegate may vote; the ballot in view closed or published, nothing
     * else changed: its closed face drawn; otherwise refreshDelegate at a moment drawn within the news' spread.
     */
    void news(String message, long arrived) {
        JsonObject news;
        try (JsonReader reader = Json.createReader(new StringReader(message))) {
            news = reader.readObject();
        } catch (RuntimeException notNews) {
            hall.errors().add("tablet push: not the meeting's news");
            return;
        }
        if (!String.valueOf(news.getJsonNumber("meeting")).equals(hall.meetingId())) {
            hall.errors().add("tablet push: another meeting's news");
            return;
        }
        if (draw(news, null, arrived)) {
            return;
        }
        String[] parts = (signature == null ? "" : signature).split(":");
        if (parts.length == 8 && String.join(":", java.util.Arrays.copyOf(parts, 5)).equals(news.getString("signature"))) {
            return; // push.js 'nothing'
        }
        long spread = news.getJsonNumber("spread") == null ? 0 : news.getJsonNumber("spread").longValue();
        hall.timer().schedule(() -> hall.work().submit(this::refresh), spread == 0 ? 0 : ThreadLocalRandom.current().nextLong(spread),
                TimeUnit.MILLISECONDS);
    }

    /**
     * push.js draw(): the news' reaction 'open' (this delegate may vote, a newly opened ballot: drawn from its face) or
     * 'close' (the ballot in view closed or published, nothing else changed: its closed face drawn), when the page's
     * signature then is the expected one (the light check's; null for a push); false for any other reaction.
     */
    private boolean draw(JsonObject news, String expected, long at) {
        String pushed = news.getString("signature");
        String[] parts = (signature == null ? "" : signature).split(":");
        if (parts.length != 8 || String.join(":", java.util.Arrays.copyOf(parts, 5)).equals(pushed)) {
            return false;
        }
        JsonObject face = news.isNull("face") ? null : news.getJsonObject("face");
        if (face != null && parts[5].equals("v") && parts[6].equals("p")
                && !String.valueOf(face.getJsonNumber("id")).equals(ballotInView)) {
            String next = pushed + ":v:p:not-voted";
            if (expected != null && !expected.equals(next)) {
                return false;
            }
            signature = next;
            view = "open";
            show(String.valueOf(face.getJsonNumber("id")), at);
            return true;
        }
        String[] now = pushed.split(":");
        boolean closing = now.length == 5 && ("CLOSED".equals(now[4]) && ("open".equals(view) || "voted".equals(view))
                || "PUBLISHED".equals(now[4]) && ("open".equals(view) || "voted".equals(view) || "closed".equals(view)));
        if (closing && String.join(":", java.util.Arrays.copyOf(now, 4)).equals(String.join(":", java.util.Arrays.copyOf(parts, 4)))
                && now[3].equals("b" + ballotInView)) {
            String next = pushed + ":" + parts[5] + ":" + parts[6] + ":" + parts[7];
            if (expected != null && !expected.equals(next)) {
                return false;
            }
            view = "PUBLISHED".equals(now[4]) ? "published" : "closed";
            signature = next;
            VIEWS.computeIfAbsent(view + " " + ballotInView + " (drawn)", k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
            return true;
        }
        return false;
    }

    /** refreshDelegate: one at a time, and once more if a push came while one was on the wire. */
    void refresh() {
        if (!refreshing.compareAndSet(false, true)) {
            refreshAgain.set(true);
            return;
        }
        try {
            do {
                refreshAgain.set(false);
                Optional<String> answer = browser.remote("refreshDelegate");
                answer.ifPresent(this::read);
            } while (refreshAgain.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            refreshing.set(false);
        }
    }

    /**
     * GET /api/delegate/tablet as connection.js check(): a changed signature is drawn from the news the answer carries
     * when push.js checked() would draw it (VIEWS counts it "(checked)"), else the page is rendered again.
     */
    void check() {
        if (!signedIn) {
            return;
        }
        try {
            HttpResponse<String> answer = browser.send(browser.request("api/delegate/tablet").header("Accept", "application/json").GET().build());
            if (answer.statusCode() != 200) {
                hall.errors().add("tablet check: HTTP " + answer.statusCode());
                return;
            }
            JsonObject state;
            try (JsonReader reader = Json.createReader(new StringReader(answer.body()))) {
                state = reader.readObject();
            }
            String server = state.getString("signature", null);
            if (server == null || server.equals(signature)) {
                return;
            }
            JsonObject news = state.get("news") instanceof JsonObject carried ? carried : null;
            if (news != null && String.valueOf(news.getJsonNumber("meeting")).equals(hall.meetingId())
                    && draw(news, server, System.nanoTime())) {
                VIEWS.computeIfAbsent(view + " " + ballotInView + " (checked)", k -> new java.util.concurrent.atomic.AtomicInteger())
                        .incrementAndGet();
                return;
            }
            refresh();
        } catch (IOException | RuntimeException e) {
            hall.errors().add("tablet check: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A vote of this tablet's acknowledged: the voted face, as casting.js settled() draws it without a request. */
    void voted() {
        signature = signature == null ? null : signature.replaceFirst(":not-voted$", ":voted");
        view = "voted";
    }

    /** What the rendered vote box says: its view (open, voted, …), its ballot and its signature. */
    private void read(String html) {
        Matcher box = VIEW.matcher(html);
        if (!box.find()) {
            return;
        }
        Map<String, String> data = new LinkedHashMap<>();
        Matcher attribute = ATTRIBUTE.matcher(box.group());
        while (attribute.find()) {
            data.put(attribute.group(1), attribute.group(2));
        }
        view = data.get("view");
        VIEWS.computeIfAbsent(view + " " + data.get("ballot"), k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
        signature = data.getOrDefault("signature", signature);
        String ballot = data.get("ballot");
        ballotInView = ballot;
        if ("open".equals(view) && ballot != null) {
            show(ballot, System.nanoTime());
        }
    }

    /** The ballot is on the screen (drawn from the pushed face, or rendered by the server): vote when its moment comes. */
    private void show(String ballot, long at) {
        ballotShown = ballot;
        ballotInView = ballot;
        if (ballot.equals(hall.ballotId()) && shownAt == 0) {
            shownAt = at;
            hall.shown(this, shownAt - hall.openedAt());
            maybeVote();
        }
    }

    /**
     * The end-to-end ballot's paper, sealed on this tablet as tablet/sealing.js does: the choice as the 0/1 vector of
     * the ballot's options (here an approval: YES, NO, ABSTAIN), encrypted with its proofs for the ballot's context
     * ({@link PreparedPaper#make}, election record §4), the randomness then dropped (the bench keeps the choice for its
     * own tally only); kept until
     * {@link #expect} as the body casting.js sends, {@code {"paper": {paperId, ciphertexts, bitProofs, totalProof}}},
     * with the tracker and the receipt the device shows. Answers the nanoseconds it took.
     */
    long seal(BallotContext context) {
        long begin = System.nanoTime();
        int code = BallotDefinition.APPROVAL_CODES.indexOf(choice);
        int[] choices = new int[BallotDefinition.APPROVAL_CODES.size()];
        choices[code] = 1;
        PreparedPaper prepared = PreparedPaper.make(context, choices, RANDOM);
        Paper sealedPaper = prepared.paper();
        String body = Json.createObjectBuilder().add("paper", sealedPaper.toJson(null)).build().toString();
        sealed = new Sealed(sealedPaper.paperId(), body, prepared.tracker(), Tracker.display(prepared.tracker()));
        return System.nanoTime() - begin;
    }

    /** A sealed paper waiting for its ballot: what is sent, and what the device expects back. */
    private record Sealed(String paperId, String body, String tracker, String receipt) {
    }

    /**
     * A new ballot: its paper (the sealed one if {@link #seal} made one, else a new paper id and the choice in clear,
     * {@code {"choice": …}}), and the moment this delegate will have decided (within the spread after the open).
     */
    void expect(long dueAt) {
        Sealed ready = sealed;
        sealed = null;
        if (ready != null) {
            paper = ready.paperId();
            body = ready.body();
            tracker = ready.tracker();
            expectedReceipt = ready.receipt();
        } else {
            byte[] id = new byte[16];
            RANDOM.nextBytes(id);
            paper = HexFormat.of().formatHex(id);
            body = "{\"choice\":\"" + choice + "\"}";
            tracker = null;
            expectedReceipt = Receipts.of(id);
        }
        this.dueAt = dueAt;
        shownAt = 0;
        sentAt = 0;
        acknowledgedAt = 0;
        receipt = null;
        answeredTracker = null;
        voting.set(false);
        long wait = dueAt - System.nanoTime();
        hall.timer().schedule(() -> hall.work().submit(this::maybeVote), Math.max(0, wait), TimeUnit.NANOSECONDS);
    }

    /** Votes once the ballot is on the screen and the delegate's moment has come. */
    private void maybeVote() {
        if (shownAt == 0 || System.nanoTime() < dueAt || paper == null || !voting.compareAndSet(false, true)) {
            return;
        }
        hall.work().submit(this::vote);
    }

    /** vote.js send() (casting.js): PUT the paper until a definitive answer; the same paper on every retry. */
    private void vote() {
        String ballot = hall.ballotId();
        int tries = 0;
        try {
            while (acknowledgedAt == 0 && tries++ < 10) {
                HttpRequest put = browser.request("api/delegate/ballots/" + ballot + "/papers/" + paper)
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(body)).build();
                long sent = System.nanoTime();
                if (sentAt == 0) {
                    sentAt = sent;
                }
                HttpResponse<String> answer;
                try {
                    answer = browser.send(put);
                } catch (IOException e) {
                    hall.errors().add("vote: " + e.getClass().getSimpleName());
                    Thread.sleep(1000);
                    continue;
                }
                long answered = System.nanoTime();
                Matcher receiptIn = RECEIPT.matcher(answer.body());
                if (answer.statusCode() == 200 && receiptIn.find()) {
                    receipt = receiptIn.group(1);
                    Matcher trackerIn = TRACKER.matcher(answer.body());
                    answeredTracker = trackerIn.find() ? trackerIn.group(1) : null;
                    acknowledgedAt = answered;
                    hall.acknowledged(this, answered - sent);
                    voted();
                    return;
                }
                hall.errors().add("vote: HTTP " + answer.statusCode() + (answer.statusCode() == 409 ? " " + answer.body() : ""));
                if (answer.statusCode() < 500) {
                    return; // a definitive refusal
                }
                Thread.sleep(1000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    boolean acknowledged() {
        return acknowledgedAt != 0;
    }
}
