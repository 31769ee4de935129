package app.quorum.ballot.drill;

import app.quorum.ballot.entity.ApprovalChoice;
import app.quorum.ballot.crypto.Receipts;
import app.quorum.testing.FacesForm;
import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One delegate's tablet, as the casting API's contract describes it: its own cookies, a sign-in with the card code on
 * the Faces sign-in page, then {@code PUT /api/delegate/ballots/{ballot}/papers/{paper}} with a paper id drawn once
 * (128 random bits) and the same paper on every retry, until a 200 with a receipt comes back. A lost session (the
 * server restarted) means signing in again and going on.
 *
 * <p>What it remembers is what the delegate saw: whether and when the vote was acknowledged, and the receipt.
 */
final class Tablet {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern RECEIPT = Pattern.compile("\"receipt\"\\s*:\\s*\"([0-9A-Z-]+)\"");
    private static final Pattern RECORDED = Pattern.compile("\"recorded\"\\s*:\\s*true");
    private static final Pattern VOTED = Pattern.compile("\"voted\"\\s*:\\s*true");
    private static final Pattern ERROR = Pattern.compile("\"error\"\\s*:\\s*\"([^\"]+)\"");

    /** What all tablets share with the drill: acknowledgements so far, requests on the wire, and who is on the wire. */
    static final class Wire {
        final AtomicInteger acknowledged = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final java.util.Set<Tablet> onTheWire = ConcurrentHashMap.newKeySet();
        final Map<String, AtomicInteger> refusals = new ConcurrentHashMap<>();
        final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();

        final Map<Figures.Answer, AtomicInteger> answers = new ConcurrentHashMap<>();

        void failure(String what) {
            failures.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
        }

        /** Counts an HTTP answer by request and status (and, for a 503, whether it carried Retry-After). */
        void answered(String request, HttpResponse<?> response) {
            Figures.Answer answer = new Figures.Answer(request, response.statusCode(),
                    response.headers().firstValue("Retry-After").isPresent());
            answers.computeIfAbsent(answer, k -> new AtomicInteger()).incrementAndGet();
        }

        Map<Figures.Answer, Integer> answerCounts() {
            Map<Figures.Answer, Integer> counts = new java.util.TreeMap<>();
            answers.forEach((answer, n) -> counts.put(answer, n.get()));
            return counts;
        }
    }

    final int number;
    final String code;
    final String paper;
    final String expectedReceipt;
    final ApprovalChoice choice;
    private final URI base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    private volatile boolean signedIn;
    /** System.nanoTime of the acknowledgement (a 200 with a receipt); 0 while none was seen. */
    volatile long acknowledgedAt;
    volatile String receipt;
    volatile long latencyNanos;
    volatile long firstSentAt;
    volatile String refusedWith;
    volatile int attempts;
    volatile int signIns;

    Tablet(int number, String code, ApprovalChoice choice, URI base) {
        this.number = number;
        this.code = code;
        this.choice = choice;
        this.base = base;
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        this.paper = HexFormat.of().formatHex(id);
        this.expectedReceipt = Receipts.of(id);
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    boolean acknowledged() {
        return acknowledgedAt != 0;
    }

    /** Signs in with the card code, as a person does on the sign-in page (the card's QR code fills the code in). */
    void signIn(Wire wire) throws IOException, InterruptedException {
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(base.resolve("sign-in.xhtml?code=" + code)).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        wire.answered("sign-in page", page);
        if (page.statusCode() != 200) {
            throw new IOException("sign-in page answered " + page.statusCode());
        }
        FacesForm form = FacesForm.find(page.body(), "delegate").orElseThrow(() -> new IOException("no delegate form on the sign-in page"));
        Map<String, String> fields = new LinkedHashMap<>(form.fields());
        fields.put("delegate:code", code);
        fields.put("delegate:signInDelegate", "");
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(base.resolve(form.action())).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        wire.answered("sign-in", answer);
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || !location.contains("/delegate/")) {
            throw new IOException("sign-in answered " + answer.statusCode() + " " + location);
        }
        signIns++;
        signedIn = true;
    }

    /** Signs in, retrying until it works or the deadline passes. */
    void signInUntil(long deadline, Wire wire) throws InterruptedException {
        int failures = 0;
        while (!signedIn && System.nanoTime() < deadline) {
            try {
                signIn(wire);
            } catch (IOException e) {
                wire.failure("sign-in: " + kind(e));
                pause(++failures);
            }
        }
    }

    /**
     * Votes until the vote is acknowledged, or refused five times, or the deadline passes. Every attempt carries the
     * same paper id; a lost session means signing in again.
     */
    void vote(long ballotId, long deadline, Wire wire) throws InterruptedException {
        URI uri = base.resolve("api/delegate/ballots/" + ballotId + "/papers/" + paper);
        int failures = 0;
        int refusals = 0;
        while (!acknowledged() && System.nanoTime() < deadline) {
            if (!signedIn) {
                signInUntil(deadline, wire);
                continue;
            }
            HttpRequest put = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"choice\": \"" + choice.name() + "\"}")).build();
            attempts++;
            long sent = System.nanoTime();
            if (firstSentAt == 0) {
                firstSentAt = sent;
            }
            HttpResponse<String> response;
            wire.inFlight.incrementAndGet();
            wire.onTheWire.add(this);
            try {
                response = http.send(put, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                wire.failure("vote: " + kind(e));
                pause(++failures);
                continue;
            } finally {
                wire.onTheWire.remove(this);
                wire.inFlight.decrementAndGet();
            }
            long answered = System.nanoTime();
            wire.answered("vote", response);
            int status = response.statusCode();
            Matcher receiptIn = RECEIPT.matcher(response.body());
            if (status == 200 && receiptIn.find() && RECORDED.matcher(response.body()).find()) {
                receipt = receiptIn.group(1);
                latencyNanos = answered - sent;
                acknowledgedAt = answered;
                wire.acknowledged.incrementAndGet();
                return;
            }
            if (status == 302 || status == 401 || status == 403 || status == 200) {
                // 401 (or, before, sent to the sign-in page or given it): the session is gone with the old server
                wire.failure("vote: signed out (" + status + ")");
                signedIn = false;
                cookies.getCookieStore().removeAll();
                continue;
            }
            if (status == 409) {
                Matcher key = ERROR.matcher(response.body());
                String error = key.find() ? key.group(1) : "?";
                wire.refusals.computeIfAbsent(error, k -> new AtomicInteger()).incrementAndGet();
                if (++refusals >= 5) {
                    refusedWith = error;
                    return;
                }
            } else {
                wire.failure("vote: HTTP " + status);
            }
            pause(++failures);
        }
    }

    /** What the application says about this tablet's paper: voted, and the receipt it knows, if any. */
    record Participation(boolean voted, String receipt) {
    }

    Optional<Participation> participation(long ballotId, long deadline, Wire wire) throws InterruptedException {
        URI uri = base.resolve("api/delegate/ballots/" + ballotId + "/participation?paper=" + paper);
        int failures = 0;
        while (System.nanoTime() < deadline) {
            if (!signedIn) {
                signInUntil(deadline, wire);
                continue;
            }
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                        .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                wire.answered("participation", response);
                if (response.statusCode() == 200 && response.body().contains("\"voted\"")) {
                    Matcher receiptIn = RECEIPT.matcher(response.body());
                    return Optional.of(new Participation(VOTED.matcher(response.body()).find(), receiptIn.find() ? receiptIn.group(1) : null));
                }
                if (response.statusCode() == 401 || response.statusCode() == 302 || response.statusCode() == 200) {
                    signedIn = false;
                    cookies.getCookieStore().removeAll();
                    continue;
                }
                wire.failure("participation: HTTP " + response.statusCode());
            } catch (IOException e) {
                wire.failure("participation: " + kind(e));
            }
            pause(++failures);
        }
        return Optional.empty();
    }

    void close() {
        http.close();
    }

    private static String kind(IOException e) {
        String name = e.getClass().getSimpleName();
        return name.equals("IOException") && e.getMessage() != null && e.getMessage().length() < 60 ? e.getMessage() : name;
    }

    /** Backs off after a failure: 250 ms, doubling to 2 s, with jitter so the tablets do not march in step. */
    private static void pause(int failures) throws InterruptedException {
        long millis = Math.min(2000, 250L << Math.min(failures - 1, 3));
        Thread.sleep(millis / 2 + ThreadLocalRandom.current().nextLong(millis / 2 + 1));
    }
}
