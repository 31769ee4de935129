package app.quorum.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.quorum.ballot.entity.BoxFingerprint;
import app.quorum.ballot.entity.Receipts;
import app.quorum.roster.control.CardCodes;
import app.quorum.testing.Browsers;
import app.quorum.testing.TestEnvironment;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The secret ballot in real browsers: the chair opens a ballot; three delegates' tablets (768×1024) receive it
 * without reload and vote; the chair sees turnout 3/3 and no choice until the close; after the close the result
 * and the fingerprint are right.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BallotFlowIT {


    @Deployment(testable = false)
    @TargetsContainer("web")
    static WebArchive war() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("quorum.war", "target/quorum.war")));
    }

    @ArquillianResource
    URL deployed;

    @Test
    void threeDelegatesVoteInSecretAndTheChairSeesOnlyTurnoutUntilTheClose() throws Exception {
        List<String> codes = new ArrayList<>();
        long meetingId = meetingWithThreeVoters(codes);

        WebDriver chair = browser(1280, 1000);
        signInStaff(chair, "chutri", TestEnvironment.password("chutri"));
        chair.get(app("chair/meeting.xhtml?id=" + meetingId));
        chair.findElement(By.id("chair:question")).sendKeys("Đề nghị xét công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023");
        chair.findElement(By.id("chair:defineBallot")).click();
        until(chair).until(ExpectedConditions.elementToBeClickable(By.id("chair:openBallot")));

        List<WebDriver> tablets = new ArrayList<>();
        for (String code : codes) {
            WebDriver tablet = browser(768, 1024);
            tablet.get(app("sign-in.xhtml?code=" + code));
            tablet.findElement(By.id("delegate:signInDelegate")).click();
            until(tablet).until(ExpectedConditions.textToBePresentInElementLocated(By.id("delegate:vote"), "Chưa có biểu quyết"));
            tablets.add(tablet);
        }
        screenshot(tablets.get(0), "ballot-1-delegate-waiting");

        for (WebDriver tablet : tablets) {
            ((org.openqa.selenium.JavascriptExecutor) tablet).executeScript(
                    "window.__pushes = 0; var original = window.refreshDelegate;"
                    + "window.refreshDelegate = function () { window.__pushes++; return original.apply(this, arguments); };");
        }
        chair.findElement(By.id("chair:openBallot")).click();
        try {
            until(chair).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".q-turnout-figure")));
        } finally {
            screenshot(chair, "ballot-2-chair-opened");
        }
        for (WebDriver tablet : tablets) { // pushed to the tablets: no reload
            try {
                until(tablet).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".q-vote-YES")));
            } catch (org.openqa.selenium.TimeoutException e) {
                screenshot(tablet, "ballot-debug-before-reload");
                Object state = ((org.openqa.selenium.JavascriptExecutor) tablet).executeScript("return 'pushes=' + window.__pushes");
                ((org.openqa.selenium.JavascriptExecutor) tablet).executeScript("refreshDelegate()");
                Thread.sleep(3000);
                state = state + " manual refresh options: " + tablet.findElements(By.cssSelector(".q-vote-YES")).size();
                tablet.navigate().refresh();
                screenshot(tablet, "ballot-debug-after-reload");
                String console = tablet.manage().logs().get("browser").getAll().stream().map(Object::toString)
                        .collect(java.util.stream.Collectors.joining("\n"));
                throw new AssertionError("no ballot pushed; js: " + state + "; after reload options: "
                        + tablet.findElements(By.cssSelector(".q-vote-YES")).size() + "; console:\n" + console, e);
            }
        }
        screenshot(tablets.get(0), "ballot-2-delegate-ballot");
        for (WebDriver tablet : tablets) {
            tablet.findElement(By.cssSelector(".q-vote-YES")).click();
            until(tablet).until(ExpectedConditions.textToBePresentInElementLocated(By.id("delegate:vote"), "Bạn chọn: Đồng ý"));
            tablet.findElement(By.id("delegate:confirmVote")).click();
            until(tablet).until(ExpectedConditions.textToBePresentInElementLocated(By.id("delegate:vote"), "Phiếu của bạn đã được ghi nhận"));
        }
        screenshot(tablets.get(0), "ballot-3-delegate-recorded");
        List<String> receipts = new ArrayList<>();
        for (WebDriver tablet : tablets) {
            receipts.add(tablet.findElement(By.cssSelector(".q-receipt code")).getText());
        }

        until(chair).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".q-turnout-figure"), "3 / 3"));
        String whileOpen = chair.findElement(By.id("chair:ballot")).getText();
        assertFalse(whileOpen.contains("Thông qua") || !chair.findElements(By.id("result")).isEmpty(),
                "the chair sees a result while the ballot is open: " + whileOpen);
        screenshot(chair, "ballot-4-chair-turnout");

        chair.findElement(By.id("chair:closeBallot")).click();
        until(chair).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        until(chair).until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "Thông qua"));
        screenshot(chair, "ballot-5-chair-result");
        String result = chair.findElement(By.id("result")).getText();
        assertTrue(result.contains("Đồng ý") && result.contains("100,0%"), result);

        String shown = chair.findElement(By.cssSelector(".q-fingerprint code")).getText();
        List<BoxFingerprint.Paper> papers = new ArrayList<>();
        String stored;
        try (Connection db = database()) {
            try (PreparedStatement query = db.prepareStatement("SELECT c.id, c.choice FROM cast_vote c JOIN ballot b ON b.id = c.ballot_id WHERE b.meeting_id = ?")) {
                query.setLong(1, meetingId);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        papers.add(new BoxFingerprint.Paper(Receipts.of(rows.getBytes(1)), rows.getString(2)));
                    }
                }
            }
            try (PreparedStatement query = db.prepareStatement("SELECT fingerprint FROM ballot WHERE meeting_id = ?")) {
                query.setLong(1, meetingId);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    stored = rows.getString(1);
                }
            }
        }
        assertEquals(3, papers.size());
        assertEquals(stored, shown);
        assertEquals(BoxFingerprint.of(papers), shown, "the fingerprint recomputed from the papers");
        assertEquals(receipts.stream().sorted().toList(), papers.stream().map(BoxFingerprint.Paper::receipt).sorted().toList());
        until(tablets.get(0)).until(ExpectedConditions.textToBePresentInElementLocated(By.id("delegate:vote"), "Biểu quyết đã kết thúc"));
    }

    // ---------------------------------------------------------------- the casting API over HTTP

    private static final java.net.http.HttpClient HTTP = java.net.http.HttpClient.newBuilder()
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * The tablet's API as a device on flaky Wi-Fi uses it: a paper sent twice (and five times at once) is one vote with
     * one receipt; a forged choice, a second paper, a stranger without a session and a form post are refused and
     * store nothing; the participation lookup tells the device what happened.
     */
    @Test
    void theCastingApiCountsARetriedPaperOnceAndRefusesTheRest() throws Exception {
        List<String> codes = new ArrayList<>();
        long meetingId = meetingWithThreeVoters(codes);
        long ballotId = openBallot(meetingId, "APPROVAL", "SECRET", "Đề nghị xét công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023",
                List.of(), 1, 1, false);
        List<String> sessions = new ArrayList<>();
        for (String code : codes) {
            sessions.add(signInDelegate(code));
        }

        String paper = paper();
        var first = put(sessions.get(0), ballotId, paper, "application/json", "{\"choice\": \"YES\"}");
        assertEquals(200, first.statusCode(), first::body);
        assertEquals("no-store", first.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), first.headers()::toString);
        String receipt = jsonString(first.body(), "receipt");
        assertEquals(Receipts.of(java.util.HexFormat.of().parseHex(paper)), receipt);
        assertTrue(first.body().contains("\"recorded\":true") && first.body().contains("\"ballotId\":" + ballotId), first.body());
        var again = put(sessions.get(0), ballotId, paper, "application/json", "{\"choice\": \"YES\"}");
        assertEquals(200, again.statusCode(), again::body);
        assertEquals(receipt, jsonString(again.body(), "receipt"), "the same paper again: the same receipt");
        assertEquals(List.of(1L, 1L), rows(ballotId), "participations and papers after a retried paper");

        var second = put(sessions.get(0), ballotId, paper(), "application/json", "{\"choice\": \"NO\"}");
        assertEquals(409, second.statusCode(), second::body);
        assertEquals("ballot.alreadyVoted", jsonString(second.body(), "error"));
        assertEquals("Phiếu của bạn đã được ghi nhận trước đó; mỗi người chỉ bỏ một phiếu.", jsonString(second.body(), "message"));

        var lookup = get(sessions.get(0), "api/delegate/ballots/" + ballotId + "/participation?paper=" + paper);
        assertEquals(200, lookup.statusCode(), lookup::body);
        assertEquals("no-store", lookup.headers().firstValue("Cache-Control").orElse(null));
        assertTrue(lookup.body().contains("\"voted\":true"), lookup.body());
        assertEquals(receipt, jsonString(lookup.body(), "receipt"));
        var lookupOther = get(sessions.get(0), "api/delegate/ballots/" + ballotId + "/participation?paper=" + paper());
        assertTrue(lookupOther.body().contains("\"voted\":true") && lookupOther.body().contains("\"receipt\":null"), lookupOther.body());
        var notYet = get(sessions.get(1), "api/delegate/ballots/" + ballotId + "/participation?paper=" + paper);
        assertTrue(notYet.body().contains("\"voted\":false") && notYet.body().contains("\"receipt\":null"),
                "another delegate asking with this paper learns nothing: " + notYet.body());

        List<String> forged = List.of("{\"choice\": \"MAYBE\"}", "{\"choice\": \"YES,NO\"}", "{}", "{\"choice\": 1}");
        for (String body : forged) {
            var refused = put(sessions.get(1), ballotId, paper(), "application/json", body);
            assertEquals(409, refused.statusCode(), body + " → " + refused.body());
            assertEquals("ballot.choiceInvalid", jsonString(refused.body(), "error"), body);
            assertEquals("Lựa chọn không có trong phiếu.", jsonString(refused.body(), "message"));
        }
        var english = send(HttpRequest.newBuilder(URI.create(app("api/delegate/ballots/" + ballotId + "/papers/" + paper())))
                .header("Cookie", sessions.get(1) + "; quorum-lang=en").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"choice\": \"MAYBE\"}")).build());
        assertEquals("That choice is not on the ballot.", jsonString(english.body(), "message"));
        var badPaper = put(sessions.get(1), ballotId, "not-a-paper", "application/json", "{\"choice\": \"YES\"}");
        assertEquals(409, badPaper.statusCode(), badPaper::body);
        assertEquals("ballot.paperInvalid", jsonString(badPaper.body(), "error"));
        for (String type : List.of("text/plain", "application/x-www-form-urlencoded")) {
            var wrongType = put(sessions.get(1), ballotId, paper(), type, "{\"choice\": \"YES\"}");
            assertEquals(415, wrongType.statusCode(), type + " → " + wrongType.body());
        }
        var anonymous = put(null, ballotId, paper(), "application/json", "{\"choice\": \"YES\"}");
        assertTrue(anonymous.statusCode() >= 300, "a stranger's vote: " + anonymous.statusCode());
        assertFalse(anonymous.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), anonymous.body());
        var anonymousLookup = get(null, "api/delegate/ballots/" + ballotId + "/participation?paper=" + paper);
        assertTrue(anonymousLookup.statusCode() >= 300 && !anonymousLookup.body().contains(receipt), anonymousLookup.body());
        assertEquals(List.of(1L, 1L), rows(ballotId), "participations and papers after the refused requests");

        // one paper sent five times at once (retries crossing on the way): one vote, the same receipt for each
        String crossing = paper();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(5);
        try {
            List<java.util.concurrent.Future<HttpResponse<String>>> sends = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                sends.add(pool.submit(() -> put(sessions.get(2), ballotId, crossing, "application/json", "{\"choice\": \"ABSTAIN\"}")));
            }
            for (var send : sends) {
                HttpResponse<String> answer = send.get(60, java.util.concurrent.TimeUnit.SECONDS);
                assertEquals(200, answer.statusCode(), answer::body);
                assertEquals(Receipts.of(java.util.HexFormat.of().parseHex(crossing)), jsonString(answer.body(), "receipt"));
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(2L, 2L), rows(ballotId), "participations and papers after five crossing sends of one paper");
    }

    /** Signs a delegate in with their card code in a browser and returns the session cookie, "JSESSIONID=…". */
    String signInDelegate(String code) throws IOException {
        WebDriver browser = browser(768, 1024);
        browser.get(app("sign-in.xhtml?code=" + code));
        browser.findElement(By.id("delegate:signInDelegate")).click();
        until(browser).until(ExpectedConditions.urlContains("delegate/"));
        org.openqa.selenium.Cookie session = browser.manage().getCookieNamed("JSESSIONID");
        browser.manage().deleteCookieNamed("JSESSIONID"); // the API test holds the session now
        return "JSESSIONID=" + session.getValue();
    }

    HttpResponse<String> put(String cookie, long ballotId, String paper, String type, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app("api/delegate/ballots/" + ballotId + "/papers/" + paper)))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", type).PUT(HttpRequest.BodyPublishers.ofString(body));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.build());
    }

    HttpResponse<String> get(String cookie, String path) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(app(path))).timeout(Duration.ofSeconds(30));
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request.build());
    }

    static HttpResponse<String> send(HttpRequest request) throws Exception {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** A string field of a flat JSON object (the API's answers are flat). */
    static String jsonString(String json, String field) {
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("\"" + field + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
        return value.find() ? value.group(1) : null;
    }

    static String paper() {
        byte[] id = new byte[16];
        new java.security.SecureRandom().nextBytes(id);
        return java.util.HexFormat.of().formatHex(id);
    }

    /** The participations and the papers of a ballot. */
    static List<Long> rows(long ballotId) throws Exception {
        List<Long> counts = new ArrayList<>();
        try (Connection db = database()) {
            for (String table : List.of("participation", "cast_vote")) {
                try (PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE ballot_id = ?")) {
                    query.setLong(1, ballotId);
                    try (ResultSet rows = query.executeQuery()) {
                        rows.next();
                        counts.add(rows.getLong(1));
                    }
                }
            }
        }
        return counts;
    }

    /**
     * An open ballot of the meeting, written directly (the chair's console is tested above): an approval with the
     * three answers, or an election among the candidates. Returns its id.
     */
    static long openBallot(long meetingId, String kind, String secrecy, String question, List<String> candidates, int seats,
            int minChoices, boolean blankAllowed) throws Exception {
        try (Connection db = database()) {
            long ballotId;
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO ballot (meeting_id, question, kind, secrecy, majority_rule, "
                    + "majority_base, seats, min_choices, blank_allowed, status, opened_at, voting_members, present, key_salt) "
                    + "VALUES (?, ?, ?, ?, 'SIMPLE', 'VOTES_CAST', ?, ?, ?, 'OPEN', CURRENT_TIMESTAMP(3), 3, 3, ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, meetingId);
                insert.setString(2, question);
                insert.setString(3, kind);
                insert.setString(4, secrecy);
                insert.setInt(5, seats);
                insert.setInt(6, minChoices);
                insert.setBoolean(7, blankAllowed);
                byte[] salt = new byte[16];
                new java.security.SecureRandom().nextBytes(salt);
                insert.setBytes(8, salt);
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                    ballotId = keys.getLong(1);
                }
            }
            List<String[]> options = "APPROVAL".equals(kind)
                    ? List.of(new String[] {"YES", "Đồng ý"}, new String[] {"NO", "Không đồng ý"}, new String[] {"ABSTAIN", "Không biểu quyết"})
                    : java.util.stream.IntStream.range(0, candidates.size()).mapToObj(i -> new String[] {"C" + (i + 1), candidates.get(i)}).toList();
            for (int i = 0; i < options.size(); i++) {
                try (PreparedStatement insert = db.prepareStatement(
                        "INSERT INTO ballot_option (ballot_id, sort_order, code, label) VALUES (?, ?, ?, ?)")) {
                    insert.setLong(1, ballotId);
                    insert.setInt(2, i + 1);
                    insert.setString(3, options.get(i)[0]);
                    insert.setString(4, options.get(i)[1]);
                    insert.executeUpdate();
                }
            }
            return ballotId;
        }
    }

    /** A meeting in session with three voting members, checked in, each holding a card. */
    static long meetingWithThreeVoters(List<String> codes) throws Exception {
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
            for (String name : List.of("Lê Văn Hùng", "Trần Thị Mai", "Nguyễn Đức Thắng")) {
                String code = CardCodes.generate();
                codes.add(code);
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO participant (meeting_id, full_name, role, voting, "
                        + "checked_in_at, card_code_hash) VALUES (?, ?, 'DELEGATE', TRUE, CURRENT_TIMESTAMP(3), ?)")) {
                    insert.setLong(1, meetingId);
                    insert.setString(2, name);
                    insert.setBytes(3, CardCodes.hash(code));
                    insert.executeUpdate();
                }
            }
            return meetingId;
        }
    }

    static Connection database() throws Exception {
        return DriverManager.getConnection(System.getProperty("quorum.test.db.url"), System.getProperty("quorum.test.db.user"),
                System.getProperty("quorum.test.db.password"));
    }

    void signInStaff(WebDriver browser, String user, String password) {
        browser.get(app("sign-in.xhtml"));
        browser.findElement(By.id("staff:username")).sendKeys(user);
        browser.findElement(By.id("staff:password")).sendKeys(password);
        browser.findElement(By.id("staff:signInStaff")).click();
        until(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("sign-in")));
    }

    String app(String path) {
        return "http://127.0.0.1:" + deployed.getPort() + deployed.getPath() + path;
    }

    static WebDriverWait until(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    static WebDriver browser(int width, int height) throws IOException {
        return Browsers.open(width, height);
    }

    static void screenshot(WebDriver browser, String name) throws IOException {
        Browsers.screenshot(browser, name);
    }

    @AfterAll
    static void quit() {
        Browsers.closeAll();
    }
}
