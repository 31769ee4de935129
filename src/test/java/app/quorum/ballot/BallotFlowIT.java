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
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
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
 * and the fingerprint are right. And ballot preparation: the secretary prepares ballots on her page, the chair
 * picks them on the console, and reads each kind of result.
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
        chair.findElement(By.id("chair:saveBallot")).click(); // the console's form for a ballot prepared on the spot
        until(chair).until(ExpectedConditions.elementToBeClickable(By.id("chair:drafts:0:openBallot")));

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
        click(chair, By.id("chair:drafts:0:openBallot")); // found again if the push after the save re-rendered it
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

    /**
     * The secretary prepares two ballots on the meeting's item with the one ballot form: an election of 2 among 3
     * candidates (after a refused attempt with 3 seats, which stores nothing) and an open approval vote with its labels
     * edited; the chair finds both prepared on the console, opens the election (then nothing but turnout shows), closes
     * it and reads who is elected; then the open vote, whose roll-call shows once it is closed. The papers are written
     * straight into the database here (the tablets have their own test), in the form the casting service writes them.
     * Screenshots ballot-prepare-*.png and ballot-console-*.png, in Vietnamese and English.
     */
    @Test
    void theSecretaryPreparesAnElectionAndAnOpenVoteAndTheChairOpensThemFromTheConsole() throws Exception {
        List<String> codes = new ArrayList<>();
        long meetingId = meetingWithThreeVoters(codes);
        long itemId = agendaItem(meetingId, "Bầu Tổ kiểm phiếu; biểu quyết đề nghị công nhận xã Đắk Gằn đạt chuẩn nông thôn mới");

        WebDriver secretary = browser(1280, 1000);
        signInStaff(secretary, "thuky", TestEnvironment.password("thuky"));
        secretary.get(app("secretary/ballots.xhtml?id=" + meetingId));
        until(secretary).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ballots"), "Chưa có biểu quyết cho mục này."));

        // the election, first with as many seats as candidates: refused, nothing stored
        click(secretary, By.id("ballots:groups:0:prepareForItem"));
        ajaxDone(secretary);
        choose(secretary, "ballotForm:kind", "Bầu cử");
        until(secretary).until(ExpectedConditions.visibilityOfElementLocated(By.id("ballotForm:candidates")));
        retype(secretary, "ballotForm:question", "Bầu Tổ kiểm phiếu");
        secretary.findElement(By.id("ballotForm:candidates")).sendKeys("Nguyễn Văn An\nTrần Thị Bình\nLê Văn Cường");
        retype(secretary, "ballotForm:seats_input", "3");
        click(secretary, By.id("ballotForm:saveBallot"));
        until(secretary).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"),
                "Số người cần bầu phải từ 1 đến 2, tức là ít hơn số ứng cử viên (3)."));
        assertEquals(0, ballots(meetingId).size(), "a refused election stores nothing");
        assertEquals("Bầu Tổ kiểm phiếu", secretary.findElement(By.id("ballotForm:question")).getAttribute("value"), "the form keeps what was typed");
        retype(secretary, "ballotForm:seats_input", "2");
        click(secretary, By.id("ballotForm:saveBallot"));
        until(secretary).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Đã chuẩn bị cuộc biểu quyết."));

        // the approval, an open vote, with its first two labels edited
        click(secretary, By.id("ballots:groups:0:prepareForItem"));
        ajaxDone(secretary);
        retype(secretary, "ballotForm:question", "Đề nghị xét công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023");
        assertEquals("Đồng ý", secretary.findElement(By.id("ballotForm:labelYes")).getAttribute("value"), "labels start from the bundle's words");
        retype(secretary, "ballotForm:labelYes", "Tán thành");
        retype(secretary, "ballotForm:labelNo", "Không tán thành");
        choose(secretary, "ballotForm:secrecy", "Biểu quyết công khai");
        until(secretary).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".q-open-warning"), "ai chọn gì"));
        assertEquals("Tán thành", secretary.findElement(By.id("ballotForm:labelYes")).getAttribute("value"), "what was typed survives the switch");
        screenshot(secretary, "ballot-prepare-1-open-vote-vi");
        click(secretary, By.id("ballotForm:saveBallot"));
        until(secretary).until(d -> d.findElements(By.cssSelector("#ballots .q-ballot-entry")).size() == 2);
        ajaxDone(secretary);
        screenshot(secretary, "ballot-prepare-2-list-vi");
        String list = secretary.findElement(By.id("ballots")).getText();
        assertTrue(list.contains("Bầu 2 trong 3 người") && list.contains("Nguyễn Văn An, Trần Thị Bình, Lê Văn Cường")
                && list.contains("Tán thành / Không tán thành / Không biểu quyết"), list);
        switchLanguage(secretary, "en");
        until(secretary).until(ExpectedConditions.textToBePresentInElementLocated(By.id("ballots"), "Elect 2 of 3"));
        screenshot(secretary, "ballot-prepare-3-list-en");

        List<Map<String, Object>> prepared = ballots(meetingId);
        assertEquals(2, prepared.size());
        Map<String, Object> election = prepared.get(0);
        Map<String, Object> vote = prepared.get(1);
        assertEquals(List.of("ELECTION", "SECRET", "DRAFT", 2, itemId), List.of(election.get("kind"), election.get("secrecy"),
                election.get("status"), election.get("seats"), election.get("item")));
        assertEquals(List.of("APPROVAL", "OPEN", "DRAFT", itemId), List.of(vote.get("kind"), vote.get("secrecy"), vote.get("status"), vote.get("item")));
        assertEquals(List.of("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"), optionLabels((Long) election.get("id")));
        assertEquals(List.of("Tán thành", "Không tán thành", "Không biểu quyết"), optionLabels((Long) vote.get("id")));

        // the chair: both prepared on the console; open the election
        WebDriver chair = browser(1280, 1000);
        signInStaff(chair, "chutri", TestEnvironment.password("chutri"));
        chair.get(app("chair/meeting.xhtml?id=" + meetingId));
        until(chair).until(d -> d.findElements(By.cssSelector(".q-draft")).size() == 2);
        String drafts = chair.findElement(By.cssSelector(".q-drafts")).getText();
        assertTrue(drafts.contains("Bầu Tổ kiểm phiếu") && drafts.contains("Đề nghị xét công nhận xã Đắk Gằn"), drafts);
        screenshot(chair, "ballot-console-1-prepared-vi");
        openDraft(chair, "Bầu Tổ kiểm phiếu");
        until(chair).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".q-turnout-figure"), "0 / 3"));
        String whileOpen = chair.findElement(By.id("chair:ballot")).getText();
        assertTrue(chair.findElements(By.cssSelector(".q-draft")).isEmpty() && !whileOpen.contains("Đề nghị xét công nhận"),
                "while a ballot is open only its turnout shows: " + whileOpen);
        screenshot(chair, "ballot-console-2-open-vi");
        assertEquals("OPEN", ballots(meetingId).get(0).get("status"));

        List<Long> voters = voters(meetingId);
        List<Long> candidates = optionIds((Long) election.get("id"));
        castPlain((Long) election.get("id"), voters.get(0), candidates.get(0) + "," + candidates.get(1), false);
        castPlain((Long) election.get("id"), voters.get(1), candidates.get(0) + "," + candidates.get(2), false);
        castPlain((Long) election.get("id"), voters.get(2), candidates.get(0) + "," + candidates.get(1), false);
        closeBallot(chair);
        until(chair).until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "Đã bầu đủ"));
        String result = chair.findElement(By.id("result")).getText();
        assertTrue(result.contains("Nguyễn Văn An 3 100,0% Trúng cử") && result.contains("Trần Thị Bình 2 66,7% Trúng cử")
                && result.contains("Lê Văn Cường 1 33,3% Không trúng cử") && result.contains("Phiếu trắng 0"), result);
        assertTrue(chair.findElements(By.id("rollCall")).isEmpty(), "a secret ballot has no roll-call");
        screenshot(chair, "ballot-console-3-election-result-vi");

        // the open vote: who chose what, once closed
        openDraft(chair, "Đề nghị xét công nhận xã Đắk Gằn");
        until(chair).until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".q-turnout-figure"), "0 / 3"));
        castPlain((Long) vote.get("id"), voters.get(0), "YES", true);
        castPlain((Long) vote.get("id"), voters.get(1), "YES", true);
        castPlain((Long) vote.get("id"), voters.get(2), "NO", true);
        assertTrue(chair.findElements(By.id("rollCall")).isEmpty(), "no roll-call while the vote is open");
        closeBallot(chair);
        until(chair).until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "Thông qua"));
        String rollCall = chair.findElement(By.id("rollCall")).getText();
        assertTrue(rollCall.contains("Lê Văn Hùng Tán thành") && rollCall.contains("Trần Thị Mai Tán thành")
                && rollCall.contains("Nguyễn Đức Thắng Không tán thành"), rollCall);
        screenshot(chair, "ballot-console-4-roll-call-vi");
        switchLanguage(chair, "en");
        until(chair).until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "Passed"));
        assertTrue(chair.findElement(By.id("chair:ballot")).getText().contains("Who chose what (open vote)"));
        screenshot(chair, "ballot-console-5-roll-call-en");
        click(chair, By.xpath("//ul[contains(@class,'q-ballot-list-compact')]//a[contains(., 'Bầu Tổ kiểm phiếu')]"));
        until(chair).until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "All seats filled"));
        assertTrue(chair.findElement(By.id("result")).getText().contains("Elected"));
        screenshot(chair, "ballot-console-6-election-result-en");
    }

    private static void openDraft(WebDriver chair, String question) {
        click(chair, By.xpath("//li[contains(@class,'q-draft')][.//p[contains(., '" + question + "')]]//button[contains(@class,'q-open-ballot')]"));
    }

    /**
     * Clicks what the locator finds, finding it again if it went stale: after an action the page's own answer and
     * then the push that follows the commit may each re-render it.
     */
    private static void click(WebDriver browser, By locator) {
        until(browser).ignoring(StaleElementReferenceException.class).until(d -> {
            d.findElement(locator).click();
            return true;
        });
    }

    private static void closeBallot(WebDriver chair) {
        click(chair, By.id("chair:closeBallot"));
        until(chair).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
    }

    /** Clicks the option of a PrimeFaces one-of buttons that reads {@code label}, and waits for its ajax update. */
    private static void choose(WebDriver browser, String id, String label) {
        click(browser, By.xpath("//*[@id='" + id + "']//label[normalize-space()='" + label + "']"));
        ajaxDone(browser);
    }

    private static void retype(WebDriver browser, String id, String text) {
        WebElement field = browser.findElement(By.id(id));
        field.click();
        field.sendKeys(Keys.chord(Keys.CONTROL, "a"), text);
    }

    private static void ajaxDone(WebDriver browser) {
        until(browser).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return !!window.PrimeFaces && PrimeFaces.ajax.Queue.isEmpty() && document.readyState === 'complete'")));
    }

    private static void switchLanguage(WebDriver browser, String language) {
        click(browser, By.cssSelector("nav.q-lang a[hreflang='" + language + "']"));
        until(browser).until(d -> language.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    static long agendaItem(long meetingId, String title) throws Exception {
        try (Connection db = database(); PreparedStatement insert = db.prepareStatement(
                "INSERT INTO agenda_item (meeting_id, sort_order, title) VALUES (?, 1, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, meetingId);
            insert.setString(2, title);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The meeting's ballots in the order prepared: id, kind, secrecy, status, seats, item. */
    static List<Map<String, Object>> ballots(long meetingId) throws Exception {
        List<Map<String, Object>> found = new ArrayList<>();
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(
                "SELECT id, kind, secrecy, status, seats, agenda_item_id FROM ballot WHERE meeting_id = ? ORDER BY id")) {
            query.setLong(1, meetingId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Map<String, Object> ballot = new LinkedHashMap<>();
                    ballot.put("id", rows.getLong(1));
                    ballot.put("kind", rows.getString(2));
                    ballot.put("secrecy", rows.getString(3));
                    ballot.put("status", rows.getString(4));
                    ballot.put("seats", rows.getInt(5));
                    ballot.put("item", rows.getObject(6) == null ? null : rows.getLong(6));
                    found.add(ballot);
                }
            }
        }
        return found;
    }

    static List<String> optionLabels(long ballotId) throws Exception {
        return column("SELECT label FROM ballot_option WHERE ballot_id = ? ORDER BY sort_order", ballotId, String.class);
    }

    static List<Long> optionIds(long ballotId) throws Exception {
        return column("SELECT id FROM ballot_option WHERE ballot_id = ? ORDER BY sort_order", ballotId, Long.class);
    }

    /** The voting members, in the order meetingWithThreeVoters made them: Lê Văn Hùng, Trần Thị Mai, Nguyễn Đức Thắng. */
    static List<Long> voters(long meetingId) throws Exception {
        return column("SELECT id FROM participant WHERE meeting_id = ? ORDER BY id", meetingId, Long.class);
    }

    private static <T> List<T> column(String sql, long parameter, Class<T> type) throws Exception {
        List<T> values = new ArrayList<>();
        try (Connection db = database(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, parameter);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getObject(1, type));
                }
            }
        }
        return values;
    }

    /**
     * One paper, as the casting service writes it once a ballot's choices are readable: the participation, the paper
     * with its random id and choice code, and for an open vote the roll-call line.
     */
    static void castPlain(long ballotId, long participantId, String choice, boolean rollCall) throws Exception {
        byte[] paper = new byte[16];
        new java.security.SecureRandom().nextBytes(paper);
        try (Connection db = database()) {
            db.setAutoCommit(false);
            try (PreparedStatement participation = db.prepareStatement("INSERT INTO participation (ballot_id, participant_id) VALUES (?, ?)");
                    PreparedStatement castVote = db.prepareStatement("INSERT INTO cast_vote (id, ballot_id, choice) VALUES (?, ?, ?)");
                    PreparedStatement line = db.prepareStatement("INSERT INTO roll_call (ballot_id, participant_id, choice) VALUES (?, ?, ?)")) {
                participation.setLong(1, ballotId);
                participation.setLong(2, participantId);
                participation.executeUpdate();
                castVote.setBytes(1, paper);
                castVote.setLong(2, ballotId);
                castVote.setString(3, choice);
                castVote.executeUpdate();
                if (rollCall) {
                    line.setLong(1, ballotId);
                    line.setLong(2, participantId);
                    line.setString(3, choice);
                    line.executeUpdate();
                }
            }
            db.commit();
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
