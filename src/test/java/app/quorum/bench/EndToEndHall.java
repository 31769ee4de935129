package app.quorum.bench;

import app.quorum.ballot.crypto.BallotContext;
import app.quorum.ballot.crypto.BallotDefinition;
import app.quorum.ballot.crypto.Codec;
import app.quorum.ballot.crypto.ElectionRecord;
import app.quorum.ballot.crypto.KeyShare;
import app.quorum.ballot.crypto.Paper;
import app.quorum.ballot.crypto.PreparedPaper;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The hall's end-to-end secret ballot (issue 14), over the same wire as the pages: the secretary and three trustees'
 * tablets make the meeting's key ({@link TrusteeCeremony}); every tablet seals its paper ({@link HallTablet#seal}) for
 * the ballot's context before the open; after the open the delegate page must carry the same context in
 * the face's public fields and every answer the tablet's own tracker; after the close two trustees' devices check the box and
 * send their decryptions through /api/delegate/trustee/ballots (KeyShare#decryptBox, as EndToEndIT does), and the
 * published record (GET /api/ballots/{id}/record) is read back against the tablets.
 */
final class EndToEndHall {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Pattern VOTE_BOX = Pattern.compile("id=\"vote-box\"[^>]*");
    private static final Pattern FACE = Pattern.compile("data-face=\"([^\"]*)\"");
    private static final Pattern ENTITY = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|quot|amp|lt|gt|apos);");

    private final URI base;
    private final long meetingId;
    private final List<HallTablet> trustees;
    private final Consumer<String> event;
    private final Map<Integer, KeyShare> shares = new HashMap<>();
    private String ceremonyContext;
    private ECPoint publicKey;

    /** @param trustees the tablets of the three trustees, signed in */
    EndToEndHall(URI base, long meetingId, List<HallTablet> trustees, Consumer<String> event) {
        this.base = base;
        this.meetingId = meetingId;
        this.trustees = List.copyOf(trustees);
        this.event = event;
    }

    /** The secretary starts the meeting's key ceremony and the three trustees' tablets make the key ({@link TrusteeCeremony}). */
    void stageCeremony(String secretaryUser, String secretaryPassword, List<Long> trusteeIds) throws Exception {
        TrusteeCeremony.Key key = TrusteeCeremony.stage(base, meetingId, trustees, secretaryUser, secretaryPassword, trusteeIds, event);
        ceremonyContext = key.ceremonyContext();
        publicKey = key.publicKey();
        shares.putAll(key.shares());
    }

    // ---------------------------------------------------------------- the papers

    /**
     * The draft ballot's context as the server will bind it at the open (EndToEndBallots.bind; election record §3):
     * its id, question and options (code and label, in ballot order) with the ceremony's key and context. Everything a
     * paper binds is fixed before the open, so the tablets can seal before it.
     */
    BallotContext context(Connection db, long ballotId) throws SQLException {
        String question;
        String kind;
        try (PreparedStatement query = db.prepareStatement("SELECT question, kind FROM ballot WHERE id = ?")) {
            query.setLong(1, ballotId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                question = row.getString(1);
                kind = row.getString(2);
            }
        }
        List<BallotDefinition.Option> options = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("SELECT code, label FROM ballot_option WHERE ballot_id = ? ORDER BY sort_order")) {
            query.setLong(1, ballotId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    options.add(new BallotDefinition.Option(rows.getString(1), rows.getString(2)));
                }
            }
        }
        if (!BallotDefinition.APPROVAL.equals(kind)) {
            throw new IllegalStateException("the bench's ballot is an approval, not " + kind);
        }
        return new BallotDefinition(ballotId, question, kind, options, 1, 1).context(meetingId, publicKey, ceremonyContext);
    }

    /** The client's sealing: per paper p50 / p99 (ms), its CPU seconds, and the wall time. */
    record Sealing(double p50Ms, double p99Ms, double cpuSeconds, double wallSeconds) {
    }

    /** Every tablet seals its paper, on the client's cores (the tablets' own work, before the open: no server in it). */
    static Sealing sealAll(List<HallTablet> tablets, BallotContext context) {
        Histogram each = SharedHall.histogram();
        double cpu = cpuSeconds();
        long begin = System.nanoTime();
        tablets.parallelStream().forEach(tablet -> {
            long nanos = tablet.seal(context);
            synchronized (each) {
                each.recordValue(Math.max(1, nanos / 1000));
            }
        });
        return new Sealing(SharedHall.ms(each, 50), SharedHall.ms(each, 99), cpuSeconds() - cpu, (System.nanoTime() - begin) / 1e9);
    }

    /**
     * Watches the open from a tablet's side: as soon as the first tablet shows the ballot, the delegate page (as a
     * tablet loads it) of the tablet due to vote last; see {@link #checkBound}. Started before the chair's click, one
     * page load during the burst; answers its verdict later (true: checked; false: that page had already moved past
     * the open ballot; an exception: not bound end to end).
     */
    java.util.concurrent.Future<Boolean> watchOpen(SharedHall hall, List<HallTablet> tablets, String ballotId, BallotContext sealedFor) {
        java.util.concurrent.CompletableFuture<Boolean> verdict = new java.util.concurrent.CompletableFuture<>();
        Thread.ofVirtual().name("bench-e2e-watch").start(() -> {
            try {
                long until = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
                while (hall.shown.get() == 0 && !verdict.isDone() && System.nanoTime() < until) {
                    Thread.sleep(5);
                }
                if (!verdict.isDone()) {
                    verdict.complete(checkBound(tablets, ballotId, sealedFor));
                }
            } catch (Throwable e) {
                verdict.completeExceptionally(e);
            }
        });
        return verdict;
    }

    /**
     * After the open, the delegate page (as a tablet loads it) of the tablet due to vote last: while it shows the ballot
     * open its face (data-face, from which the tablet draws the ballot and sets data-election) must carry the ballot's
     * public fields, their context the one the papers were sealed for
     * and recomputable from the fields as sealing.js checks. A page already past the vote proves nothing; then
     * {@link #checkAnswers} decides. Answers whether the page was checked.
     *
     * @throws IllegalStateException when the open did not bind the ballot end to end
     */
    boolean checkBound(List<HallTablet> tablets, String ballotId, BallotContext sealedFor) throws IOException, InterruptedException {
        HallTablet last = tablets.stream().filter(t -> t.sentAt == 0).max(java.util.Comparator.comparingLong(t -> t.dueAt)).orElse(null);
        if (last == null) {
            return false;
        }
        HttpResponse<String> page = last.browser.get("delegate/index.xhtml");
        Matcher box = VOTE_BOX.matcher(page.body());
        if (page.statusCode() != 200 || !box.find()) {
            throw new IllegalStateException("the delegate page answered " + page.statusCode() + " without its vote box");
        }
        String attributes = box.group();
        if (!attributes.contains("data-view=\"open\"") || !attributes.contains("data-ballot=\"" + ballotId + "\"")) {
            return false;
        }
        Matcher face = FACE.matcher(attributes);
        JsonObject drawn = face.find() ? TrusteeCeremony.json(unescape(face.group(1))) : null;
        if (drawn == null || !(drawn.get("fields") instanceof jakarta.json.JsonString election) || election.getString().isBlank()) {
            throw new IllegalStateException("the chair's open did not bind the secret ballot end to end: the delegate page shows ballot "
                    + ballotId + " open with no public fields in its face (data-face)");
        }
        JsonObject fields = TrusteeCeremony.json(election.getString());
        BallotContext recomputed = context(fields);
        if (!fields.getString("context").equals(sealedFor.value()) || !recomputed.value().equals(sealedFor.value())) {
            throw new IllegalStateException("the bound ballot's context " + fields.getString("context") + " is not the one the papers were sealed for, "
                    + sealedFor.value());
        }
        return true;
    }

    /**
     * After the burst: the acknowledged papers' answers carried the tracker the server computed from the context it
     * bound, and it is the tablet's own (the tracker hashes the ballot's context with the paper, §4): the server
     * checked these papers as end-to-end papers of this very ballot. A resend that crossed its first send is answered
     * from the participation, with the receipt alone (CastingResource); such answers are counted, not refused, but at
     * least one answer must carry a tracker.
     *
     * @throws IllegalStateException otherwise
     */
    static int checkAnswers(List<HallTablet> tablets) {
        List<HallTablet> acknowledged = tablets.stream().filter(HallTablet::acknowledged).toList();
        long wrong = acknowledged.stream().filter(t -> t.tracker == null || t.answeredTracker != null && !t.tracker.equals(t.answeredTracker)).count();
        long withTracker = acknowledged.stream().filter(t -> t.answeredTracker != null).count();
        if (wrong > 0 || !acknowledged.isEmpty() && withTracker == 0) {
            throw new IllegalStateException(wrong + " of " + acknowledged.size() + " acknowledged papers were answered with another tracker than the "
                    + "tablet's own, " + withTracker + " with one at all: the ballot was not cast end to end");
        }
        return (int) (acknowledged.size() - withTracker);
    }

    /** The context a device recomputes from the public fields (data-election, or the box's "ballot"). */
    private static BallotContext context(JsonObject fields) {
        BallotDefinition definition = BallotDefinition.fromJson(Json.createObjectBuilder().add("id", fields.getJsonNumber("ballotId"))
                .add("question", fields.getString("question")).add("kind", fields.getString("kind"))
                .add("options", fields.getJsonArray("options")).add("min", fields.getInt("min")).add("max", fields.getInt("max")).build());
        return definition.context(fields.getJsonNumber("meetingId").longValue(), Codec.point(fields.getString("publicKey")),
                fields.getString("ceremonyContext"));
    }

    // ---------------------------------------------------------------- the count

    /** What the count cost: the server's side of the trustees' requests (ms), the slower device's own work (ms). */
    record Count(double serverMs, double deviceMs, String detail) {
    }

    /**
     * Two of the three trustees' devices, one after the other: each fetches the box, checks every paper and decrypts
     * the sums it computed itself, and sends its decryption; the second answer must say the ballot is counted.
     */
    Count decrypt(long ballotId, BallotContext context) throws IOException, InterruptedException {
        double server = 0;
        double device = 0;
        StringBuilder detail = new StringBuilder();
        boolean counted = false;
        for (HallTablet tablet : trustees.subList(0, 2)) {
            long fetch = System.nanoTime();
            HttpResponse<String> boxAnswer = tablet.browser.send(tablet.browser.request("api/delegate/trustee/ballots/" + ballotId + "/box")
                    .header("Accept", "application/json").GET().build());
            long fetched = System.nanoTime();
            if (boxAnswer.statusCode() != 200) {
                throw new IllegalStateException("the trustee's box answered " + boxAnswer.statusCode() + ": " + boxAnswer.body());
            }
            JsonObject box = TrusteeCeremony.json(boxAnswer.body());
            if (!context(box.getJsonObject("ballot")).value().equals(context.value())) {
                throw new IllegalStateException("the box's ballot is not the one the papers were sealed for");
            }
            List<Paper> papers = box.getJsonArray("papers").getValuesAs(JsonObject.class).stream().map(Paper::fromJson).toList();
            List<PreparedPaper> audited = box.getJsonArray("audited").getValuesAs(JsonObject.class).stream().map(PreparedPaper::fromJson).toList();
            JsonObject decryption = shares.get(box.getInt("index")).decryptBox(context, papers, audited, box.getInt("turnout"), RANDOM).toJson();
            long decrypted = System.nanoTime();
            JsonObject answer = TrusteeCeremony.put(tablet, "ballots/" + ballotId + "/decryption", decryption);
            long answered = System.nanoTime();
            counted = answer.getBoolean("counted");
            server += (fetched - fetch + answered - decrypted) / 1e6;
            device = Math.max(device, (decrypted - fetched) / 1e6);
            detail.append(String.format(java.util.Locale.ROOT, "trustee %d: box %.0f ms (%d papers), device %.0f ms, decryption %.0f ms%s; ",
                    box.getInt("index"), (fetched - fetch) / 1e6, papers.size(), (decrypted - fetched) / 1e6, (answered - decrypted) / 1e6,
                    counted ? ", counted" : ""));
        }
        if (!counted) {
            throw new IllegalStateException("two trustees decrypted and the ballot is not counted");
        }
        return new Count(server, device, detail.toString().strip());
    }

    /**
     * The published record against the tablets: every acknowledged tracker in it, and its counts per option (ballot
     * order) against the bench's own tally of the acknowledged choices. Answers {lost, doubled}: a tracker missing or
     * an option counted short is lost, a paper nobody acknowledged or an option counted over is doubled.
     */
    int[] checkRecord(long ballotId, List<HallTablet> tablets, BallotContext context) throws IOException, InterruptedException {
        HallTablet reader = trustees.get(0);
        HttpResponse<String> answer = reader.browser.send(HttpRequest.newBuilder(base.resolve("api/ballots/" + ballotId + "/record"))
                .timeout(Browser.TIMEOUT).header("Accept", "application/json").GET().build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET /api/ballots/" + ballotId + "/record answered " + answer.statusCode() + ": " + answer.body());
        }
        ElectionRecord record = ElectionRecord.fromJson(TrusteeCeremony.json(answer.body()));
        if (!record.context().equals(context.value())) {
            throw new IllegalStateException("the record's context is not the ballot's");
        }
        java.util.Set<String> trackers = new java.util.HashSet<>(record.trackers());
        List<HallTablet> acknowledged = tablets.stream().filter(HallTablet::acknowledged).toList();
        int lost = (int) acknowledged.stream().filter(t -> !trackers.contains(t.tracker)).count();
        java.util.Set<String> sent = new java.util.HashSet<>();
        acknowledged.forEach(t -> sent.add(t.tracker));
        int doubled = (int) trackers.stream().filter(t -> !sent.contains(t)).count();
        List<Long> counts = record.counts();
        StringBuilder tally = new StringBuilder();
        for (int o = 0; o < BallotDefinition.APPROVAL_CODES.size(); o++) {
            String code = BallotDefinition.APPROVAL_CODES.get(o);
            long mine = acknowledged.stream().filter(t -> t.choice.equals(code)).count();
            long theirs = counts.get(o);
            lost += (int) Math.max(0, mine - theirs);
            doubled += (int) Math.max(0, theirs - mine);
            tally.append(code).append(' ').append(theirs).append(theirs == mine ? "" : " (the tablets: " + mine + ")").append(", ");
        }
        event.accept("Public record of ballot " + ballotId + ": " + trackers.size() + " papers, counted " + tally.toString().replaceAll(", $", "")
                + "; every acknowledged tracker in it: " + (lost == 0 ? "yes" : "no"));
        return new int[] {lost, doubled};
    }

    /** An attribute's text as the browser reads it: the character references Faces wrote undone. */
    static String unescape(String attribute) {
        Matcher entity = ENTITY.matcher(attribute);
        StringBuilder out = new StringBuilder();
        while (entity.find()) {
            String name = entity.group(1);
            String character = switch (name) {
                case "quot" -> "\"";
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "apos" -> "'";
                default -> Character.toString(name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1)));
            };
            entity.appendReplacement(out, Matcher.quoteReplacement(character));
        }
        entity.appendTail(out);
        return out.toString();
    }

    private static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }
}
