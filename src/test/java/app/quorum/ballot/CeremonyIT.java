package app.quorum.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.ballot.crypto.Ceremony;
import app.quorum.ballot.crypto.Codec;
import app.quorum.ballot.crypto.EncryptedShare;
import app.quorum.ballot.crypto.Feldman;
import app.quorum.ballot.crypto.Group;
import app.quorum.ballot.crypto.KeyShare;
import app.quorum.ballot.crypto.RoundOne;
import app.quorum.ballot.crypto.SchnorrProof;
import app.quorum.ballot.crypto.Trustee;
import app.quorum.ballot.crypto.TrusteeKeys;
import app.quorum.roster.control.CardCodes;
import app.quorum.testing.Deployments;
import app.quorum.testing.FacesClient;
import app.quorum.testing.FacesForm;
import app.quorum.testing.TestEnvironment;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.math.BigInteger;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bouncycastle.math.ec.ECPoint;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The trustees' key ceremony over HTTP against the real server: the secretary starts it on her page (the chair, the
 * secretary and a delegate she picks; t = 2), three delegate sessions run the Java prover {@link Trustee} through
 * /api/delegate/trustee/ceremony, and the ceremony is READY with {@code PK = Σ C_i0}, its stored record verifying.
 * And what the server refuses: a proof that does not verify, a non-trustee, a round out of order, a tampered
 * verification key, a device of an earlier ceremony; a complaint fails the ceremony, the secretary restarts, READY.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CeremonyIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment(testable = false)
    @TargetsContainer("web")
    static WebArchive war() {
        return Deployments.built();
    }

    @ArquillianResource
    URL deployed;

    /** A meeting's roster, made in the database: chair, secretary, two delegates; ids and card codes. */
    record Roster(long meetingId, List<Long> ids, List<String> codes) {
    }

    @Test
    void threeTrusteesMakeTheJointKeyAndTheServerRefusesWhatIsWrong() throws Exception {
        Roster roster = roster();
        FacesClient secretary = new FacesClient(app("")).signIn("thuky", TestEnvironment.password("thuky"));
        String page = "secretary/trustees.xhtml?id=" + roster.meetingId();
        FacesForm choose = secretary.form(page, "choose");
        assertEquals(String.valueOf(roster.ids().get(0)), choose.value("choose:place:0:trustee"), "the chair is proposed");
        assertEquals(String.valueOf(roster.ids().get(1)), choose.value("choose:place:1:trustee"), "the secretary is proposed");
        assertEquals("", choose.value("choose:place:2:trustee"), "the third is for the secretary to pick");
        assertEquals("2", choose.value("choose:threshold"));
        HttpResponse<String> notPicked = secretary.ajax(choose, "choose", "choose:start", Map.of());
        assertTrue(notPicked.body().contains("Chưa chọn người giữ khóa số 3"), notPicked.body());
        assertEquals(0, count("SELECT COUNT(*) FROM ceremony WHERE meeting_id = ?", roster.meetingId()));
        HttpResponse<String> twice = secretary.ajax(choose, "choose", "choose:start",
                Map.of("choose:place:2:trustee", String.valueOf(roster.ids().get(0))));
        assertTrue(twice.body().contains("đã được chọn ở vị trí khác"), twice.body());
        HttpResponse<String> started = secretary.ajax(choose, "choose", "choose:start",
                Map.of("choose:place:2:trustee", String.valueOf(roster.ids().get(2))));
        assertTrue(started.body().contains("Đã bắt đầu tạo khóa"), started.body());

        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            devices.add(new Device(roster.codes().get(i)).signIn());
        }
        Device outsider = devices.get(3);
        for (int i = 0; i < 4; i++) { // the delegate page links to the trustee page for the trustees only
            assertEquals(i < 3, devices.get(i).page("delegate/index.xhtml").contains("id=\"trustee-link\""), "trustee " + i);
        }
        assertTrue(devices.get(2).page("delegate/trustee.xhtml").contains("<script type=\"importmap\">"),
                "the trustee page inlines the import map");
        assertRefused(outsider.get(), "ceremony.notTrustee");
        HttpResponse<String> signedOut = new Device("-").send("GET", "ceremony", null);
        assertEquals(401, signedOut.statusCode(), signedOut.body());
        List<Device> trustees = devices.subList(0, 3);
        JsonObject view = trustees.get(0).view();
        String firstId = view.getString("ceremonyId");
        assertTrue(firstId.matches("[0-9a-f]{32}"), firstId);
        assertEquals(3, view.getInt("n"));
        assertEquals(2, view.getInt("t"));
        assertEquals(Ceremony.context(roster.meetingId(), firstId, 3, 2), view.getString("ceremonyContext"));
        assertEquals(List.of("CHAIR", "SECRETARY", "COUNTING_COMMITTEE"), view.getJsonArray("trustees")
                .getValuesAs(JsonObject.class).stream().map(t -> t.getString("role")).toList());

        Run first = new Run(roster.meetingId(), trustees);
        // a proof that does not verify: the device key's proof in place of the commitment's
        JsonObject good = roundOneJson(first.drawn.get(0).roundOne());
        JsonObject badProof = Json.createObjectBuilder(good).add("commitmentProof", good.getJsonObject("deviceKeyProof")).build();
        assertRefused(trustees.get(0).put("ceremony/round-one", envelope(firstId, "roundOne", badProof)), "ceremony.roundOne.proof");
        // another trustee's round 1 under one's own session
        assertRefused(trustees.get(1).put("ceremony/round-one", envelope(firstId, "roundOne", good)), "ceremony.index");
        // a body that is not the envelope: 400
        HttpResponse<String> extra = trustees.get(0).put("ceremony/round-one",
                Json.createObjectBuilder(envelope(firstId, "roundOne", good)).add("more", 1).build());
        assertEquals(400, extra.statusCode(), extra.body());
        first.roundOne(0);
        assertEquals(200, trustees.get(0).put("ceremony/round-one", envelope(firstId, "roundOne", good)).statusCode(),
                "the same round 1 again (a lost answer) is answered as the first");
        // out of order: round 2 before every round 1 is in
        assertRefused(trustees.get(0).put("ceremony/shares", shares(firstId, List.of())), "ceremony.shares.early");
        first.roundOne(1);
        first.roundOne(2);
        assertRefused(trustees.get(0).put("ceremony/verification-key", Json.createObjectBuilder().add("ceremonyId", firstId)
                .add("verificationKey", keyJson(1, Group.G, SchnorrProof.prove(SchnorrProof.SHARE, first.context, 1,
                        BigInteger.ONE, Group.G, RANDOM))).build()), "ceremony.key.early");
        // round 2: one box for every other trustee, no more
        List<EncryptedShare> boxes = first.drawn.get(0).roundTwo(first.published());
        assertRefused(trustees.get(0).put("ceremony/shares", shares(firstId, boxes.subList(0, 1))), "ceremony.shares.targets");
        first.roundTwo(0, boxes);
        first.roundTwo(1, first.drawn.get(1).roundTwo(first.published()));
        first.roundTwo(2, first.drawn.get(2).roundTwo(first.published()));
        // round 3: a tampered verification key (its proof right, the key not the commitments'), then a bad proof
        BigInteger other = Group.Q.subtract(BigInteger.TWO);
        ECPoint wrong = Group.mulG(other).normalize();
        assertRefused(trustees.get(0).put("ceremony/verification-key", keyEnvelope(firstId, 1, wrong,
                SchnorrProof.prove(SchnorrProof.SHARE, first.context, 1, other, wrong, RANDOM))), "ceremony.key.mismatch");
        KeyShare share1 = first.roundThree(0);
        assertRefused(trustees.get(0).put("ceremony/verification-key", keyEnvelope(firstId, 1, share1.verificationKey(),
                SchnorrProof.prove(SchnorrProof.SHARE, first.context, 2, share1.secret(), share1.verificationKey(), RANDOM))),
                "ceremony.key.proof");
        first.publishKey(0, share1);
        first.publishKey(1, first.roundThree(1));
        assertEquals("COLLECTING", trustees.get(0).view().getString("status"));
        JsonObject done = first.publishKey(2, first.roundThree(2));
        assertEquals("READY", done.getString("status"));
        assertReady(roster.meetingId(), first);
        assertTrue(secretary.get(page).body().contains("Sẵn sàng"), "the secretary's page shows READY");

        // the secretary restarts (no ballot is open): a new id, everything dropped; the old device is told
        FacesForm progress = secretary.form(page, "progress");
        secretary.ajax(progress, "progress", "progress:restart", Map.of());
        JsonObject restarted = trustees.get(0).view();
        String secondId = restarted.getString("ceremonyId");
        assertNotEquals(firstId, secondId);
        assertEquals("COLLECTING", restarted.getString("status"));
        assertTrue(restarted.getJsonArray("trustees").getValuesAs(JsonObject.class).stream()
                .allMatch(t -> t.isNull("roundOne") && !t.getBoolean("sharesSent")), restarted.toString());
        assertEquals(0, count("SELECT COUNT(*) FROM ceremony_share WHERE meeting_id = ?", roster.meetingId()));
        assertRefused(trustees.get(0).put("ceremony/round-one", envelope(firstId, "roundOne", good)), "ceremony.stale");

        // a complaint: trustee 2 finds the share of trustee 1 bad; the ceremony fails, and takes nothing more
        Run second = new Run(roster.meetingId(), trustees);
        for (int i = 0; i < 3; i++) {
            second.roundOne(i);
        }
        for (int i = 0; i < 3; i++) {
            second.roundTwo(i, second.drawn.get(i).roundTwo(second.published()));
        }
        JsonObject complained = trustees.get(1).put("ceremony/complaint", Json.createObjectBuilder().add("ceremonyId", secondId)
                .add("against", 1).build()).body().transform(CeremonyIT::json);
        assertEquals("FAILED", complained.getString("status"), complained.toString());
        assertRefused(trustees.get(0).put("ceremony/verification-key", keyEnvelope(secondId, 1,
                second.roundThree(0).verificationKey(), second.roundThree(0).proof())), "ceremony.failed");
        String failedPage = secretary.get(page).body();
        assertTrue(failedPage.contains("Không thành công") && failedPage.contains("Ngô Thị Hương báo rằng phần khóa do Nguyễn Văn Minh"),
                failedPage);
        assertEquals(List.of(), new Run(roster.meetingId(), List.of()).readyCeremony(), "no key while FAILED");

        // not while a secret ballot of the meeting is open
        long ballot = BallotFlowIT.openBallot(roster.meetingId(), "APPROVAL", "SECRET", "Đề nghị thông qua báo cáo", List.of(),
                1, 1, false);
        HttpResponse<String> underBallot = secretary.ajax(secretary.form(page, "progress"), "progress", "progress:restart", Map.of());
        assertTrue(underBallot.body().contains("Đang có phiếu kín mở"), underBallot.body());
        assertEquals(secondId, trustees.get(0).view().getString("ceremonyId"));
        try (Connection db = database(); PreparedStatement close = db.prepareStatement("UPDATE ballot SET status = 'CANCELLED' WHERE id = ?")) {
            close.setLong(1, ballot);
            close.executeUpdate();
        }
        secretary.ajax(secretary.form(page, "progress"), "progress", "progress:restart", Map.of());
        Run third = new Run(roster.meetingId(), trustees);
        assertNotEquals(secondId, third.ceremonyId);
        for (int i = 0; i < 3; i++) {
            third.roundOne(i);
        }
        for (int i = 0; i < 3; i++) {
            third.roundTwo(i, third.drawn.get(i).roundTwo(third.published()));
        }
        for (int i = 0; i < 3; i++) {
            third.publishKey(i, third.roundThree(i));
        }
        assertEquals("READY", trustees.get(2).view().getString("status"));
        assertReady(roster.meetingId(), third);

        // the secretary starts anew with another list (the outsider in place of the chair, all three needed)
        FacesForm again = secretary.form(page, "choose");
        HttpResponse<String> replaced = secretary.ajax(again, "choose", "choose:start", Map.of("choose:place:0:trustee",
                String.valueOf(roster.ids().get(3)), "choose:threshold", "3"));
        assertTrue(replaced.body().contains("Đã bắt đầu tạo khóa"), replaced.body());
        JsonObject anew = outsider.view();
        assertNotEquals(third.ceremonyId, anew.getString("ceremonyId"));
        assertEquals(1, anew.getInt("index"));
        assertEquals(3, anew.getInt("t"));
        assertEquals("COLLECTING", anew.getString("status"));
        assertRefused(trustees.get(0).get(), "ceremony.notTrustee");
        assertEquals(0, count("SELECT COUNT(*) FROM ceremony_trustee WHERE meeting_id = ? AND round_one IS NOT NULL", roster.meetingId()));
    }

    /** READY in the database, {@code PK = Σ C_i0} of the trustees' commitments, and the stored record verifies. */
    private static void assertReady(long meetingId, Run run) throws Exception {
        List<TrusteeKeys> stored = run.readyCeremony();
        assertEquals(3, stored.size());
        Ceremony ceremony = Ceremony.of(meetingId, run.ceremonyId, 2, stored);
        assertEquals(List.of(), ceremony.problems());
        ECPoint expected = Feldman.jointKey(run.drawn.stream().map(t -> t.roundOne().commitments()).toList());
        assertEquals(Codec.hex(expected), Codec.hex(ceremony.publicKey()));
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "SELECT status, public_key, ceremony_id, ready_at FROM ceremony WHERE meeting_id = ?")) {
            query.setLong(1, meetingId);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next());
                assertEquals("READY", row.getString(1));
                assertEquals(Codec.hex(expected), row.getString(2));
                assertEquals(run.ceremonyId, row.getString(3));
                assertTrue(row.getTimestamp(4) != null);
            }
        }
    }

    /** One run of the ceremony: its id and context as the server shows them, a Java prover per trustee. */
    static final class Run {
        final String ceremonyId;
        final String context;
        final List<Trustee> drawn = new ArrayList<>();
        final List<Device> trustees;
        final long meetingId;

        Run(long meetingId, List<Device> trustees) throws Exception {
            this.meetingId = meetingId;
            this.trustees = trustees;
            if (trustees.isEmpty()) {
                ceremonyId = null;
                context = null;
                return;
            }
            JsonObject view = trustees.get(0).view();
            ceremonyId = view.getString("ceremonyId");
            context = view.getString("ceremonyContext");
            for (int i = 0; i < trustees.size(); i++) {
                drawn.add(Trustee.draw(context, i + 1, view.getInt("n"), view.getInt("t"), RANDOM));
            }
        }

        void roundOne(int i) throws Exception {
            HttpResponse<String> answer = trustees.get(i).put("ceremony/round-one",
                    envelope(ceremonyId, "roundOne", roundOneJson(drawn.get(i).roundOne())));
            assertEquals(200, answer.statusCode(), answer.body());
        }

        /** Everyone's round 1 as the server publishes it (read back, not the provers' own). */
        List<RoundOne> published() throws Exception {
            List<RoundOne> published = new ArrayList<>();
            for (JsonObject trustee : trustees.get(0).view().getJsonArray("trustees").getValuesAs(JsonObject.class)) {
                JsonObject one = trustee.getJsonObject("roundOne");
                published.add(new RoundOne(one.getInt("index"), Codec.point(one.getString("deviceKey")),
                        SchnorrProof.fromJson(one.getJsonObject("deviceKeyProof")),
                        one.getJsonArray("commitments").getValuesAs(jakarta.json.JsonString.class).stream()
                                .map(point -> Codec.point(point.getString())).toList(),
                        SchnorrProof.fromJson(one.getJsonObject("commitmentProof"))));
            }
            return published;
        }

        void roundTwo(int i, List<EncryptedShare> boxes) throws Exception {
            HttpResponse<String> answer = trustees.get(i).put("ceremony/shares", shares(ceremonyId, boxes));
            assertEquals(200, answer.statusCode(), answer.body());
        }

        KeyShare roundThree(int i) throws Exception {
            List<EncryptedShare> received = trustees.get(i).view().getJsonArray("boxes").getValuesAs(JsonObject.class)
                    .stream().map(EncryptedShare::fromJson).toList();
            assertEquals(2, received.size());
            return drawn.get(i).roundThree(published(), received);
        }

        JsonObject publishKey(int i, KeyShare share) throws Exception {
            HttpResponse<String> answer = trustees.get(i).put("ceremony/verification-key",
                    keyEnvelope(ceremonyId, share.index(), share.verificationKey(), share.proof()));
            assertEquals(200, answer.statusCode(), answer.body());
            return json(answer.body());
        }

        /** The trustees' keys as stored, when the ceremony is READY; empty otherwise. */
        List<TrusteeKeys> readyCeremony() throws Exception {
            List<TrusteeKeys> keys = new ArrayList<>();
            try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                    "SELECT t.trustee_index, t.role, t.name, t.round_one, t.verification_key FROM ceremony_trustee t "
                            + "JOIN ceremony c ON c.meeting_id = t.meeting_id WHERE c.status = 'READY' AND c.meeting_id = ? "
                            + "ORDER BY t.trustee_index")) {
                query.setLong(1, meetingId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        JsonObject one = json(rows.getString(4));
                        JsonObject key = json(rows.getString(5));
                        keys.add(TrusteeKeys.fromJson(Json.createObjectBuilder(one).add("role", rows.getString(2))
                                .add("name", rows.getString(3)).add("verificationKey", key.getString("key"))
                                .add("verificationKeyProof", key.getJsonObject("proof")).build()));
                    }
                }
            }
            return keys;
        }
    }

    static JsonObject roundOneJson(RoundOne roundOne) {
        JsonArrayBuilder points = Json.createArrayBuilder();
        roundOne.commitments().forEach(point -> points.add(Codec.hex(point)));
        return Json.createObjectBuilder().add("index", roundOne.index()).add("deviceKey", Codec.hex(roundOne.deviceKey()))
                .add("deviceKeyProof", roundOne.deviceKeyProof().toJson()).add("commitments", points)
                .add("commitmentProof", roundOne.commitmentProof().toJson()).build();
    }

    static JsonObject keyJson(int index, ECPoint key, SchnorrProof proof) {
        return Json.createObjectBuilder().add("index", index).add("verificationKey", Codec.hex(key))
                .add("verificationKeyProof", proof.toJson()).build();
    }

    static JsonObject keyEnvelope(String ceremonyId, int index, ECPoint key, SchnorrProof proof) {
        return envelope(ceremonyId, "verificationKey", keyJson(index, key, proof));
    }

    static JsonObject envelope(String ceremonyId, String field, JsonValue value) {
        return Json.createObjectBuilder().add("ceremonyId", ceremonyId).add(field, value).build();
    }

    static JsonObject shares(String ceremonyId, List<EncryptedShare> boxes) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        boxes.forEach(box -> array.add(box.toJson()));
        return Json.createObjectBuilder().add("ceremonyId", ceremonyId).add("shares", array).build();
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    static void assertRefused(HttpResponse<String> answer, String key) {
        assertEquals(409, answer.statusCode(), answer.body());
        JsonObject body = json(answer.body());
        assertEquals(key, body.getString("error"), answer.body());
        assertTrue(!body.getString("message").isBlank() && !body.getString("message").contains("???"), answer.body());
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""));
    }

    /** A delegate's device: its own cookies, signed in with the card code on the sign-in page. */
    final class Device {
        private final String code;
        private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL)).followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5)).build();

        Device(String code) {
            this.code = code;
        }

        Device signIn() throws Exception {
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(app("sign-in.xhtml?code=" + code)).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            FacesForm form = FacesForm.find(page.body(), "delegate").orElseThrow();
            Map<String, String> fields = new LinkedHashMap<>(form.fields());
            fields.put("delegate:code", code);
            fields.put("delegate:signInDelegate", "");
            String body = fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(app("").resolve(form.action()))
                    .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(302, answer.statusCode(), "signed in with the card");
            return this;
        }

        HttpResponse<String> send(String method, String path, JsonObject body) throws Exception {
            HttpRequest.Builder request = HttpRequest.newBuilder(app("api/delegate/trustee/" + path)).timeout(TIMEOUT);
            if (body == null) {
                request.GET();
            } else {
                request.header("Content-Type", "application/json").method(method,
                        HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
            }
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }

        String page(String path) throws Exception {
            return http.send(HttpRequest.newBuilder(app(path)).timeout(TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8)).body();
        }

        HttpResponse<String> get() throws Exception {
            return send("GET", "ceremony", null);
        }

        JsonObject view() throws Exception {
            HttpResponse<String> answer = get();
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(""));
            return json(answer.body());
        }

        HttpResponse<String> put(String path, JsonObject body) throws Exception {
            return send("PUT", path, body);
        }
    }

    static Roster roster() throws Exception {
        try (Connection db = database()) {
            long meetingId;
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO meeting (title, organiser, starts_at, status) "
                    + "VALUES ('Họp Ban Chỉ đạo xây dựng nông thôn mới', 'UBND huyện Đắk Mil', '2024-01-19 07:30:00', 'IN_SESSION')",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    meetingId = keys.getLong(1);
                }
            }
            List<Long> ids = new ArrayList<>();
            List<String> codes = new ArrayList<>();
            String[][] people = {{"Nguyễn Văn Minh", "CHAIR"}, {"Ngô Thị Hương", "SECRETARY"}, {"Trần Đức Thắng", "DELEGATE"},
                {"Lê Văn Hùng", "DELEGATE"}};
            for (String[] person : people) {
                String code = CardCodes.generate();
                codes.add(code);
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO participant (meeting_id, full_name, role, voting, "
                        + "checked_in_at, card_code_hash) VALUES (?, ?, ?, TRUE, CURRENT_TIMESTAMP(3), ?)",
                        Statement.RETURN_GENERATED_KEYS)) {
                    insert.setLong(1, meetingId);
                    insert.setString(2, person[0]);
                    insert.setString(3, person[1]);
                    insert.setBytes(4, CardCodes.hash(code));
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        ids.add(keys.getLong(1));
                    }
                }
            }
            return new Roster(meetingId, ids, codes);
        }
    }

    static long count(String sql, long meetingId) throws Exception {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, meetingId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static Connection database() throws Exception {
        return DriverManager.getConnection(System.getProperty("quorum.test.db.url"), System.getProperty("quorum.test.db.user"),
                System.getProperty("quorum.test.db.password"));
    }

    URI app(String path) {
        return URI.create("http://127.0.0.1:" + deployed.getPort() + deployed.getPath() + path);
    }
}
