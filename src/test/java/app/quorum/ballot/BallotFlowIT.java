package app.quorum.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import app.quorum.ballot.entity.BoxFingerprint;
import app.quorum.ballot.crypto.Receipts;
import app.quorum.roster.control.CardCodes;
import app.quorum.platform.i18n.Bundle;
import app.quorum.testing.Browsers;
import app.quorum.testing.DatabaseRelay;
import app.quorum.testing.Deployments;
import app.quorum.testing.FacesForm;
import app.quorum.testing.Pages;
import app.quorum.testing.PayaraLog;
import app.quorum.testing.TestEnvironment;
import app.quorum.platform.api.RequestBodies;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
import java.util.TreeMap;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
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
        return Deployments.built();
    }

    @ArquillianResource
    URL deployed;

    @Test
    void threeDelegatesVoteInSecretAndTheChairSeesOnlyTurnoutUntilTheClose() throws Exception {
        List<String> codes = new ArrayList<>();
        long meetingId = meetingWithThreeVoters(codes);

        WebDriver chair = chairWithBallotPrepared(meetingId, "Đề nghị xét công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023");

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
        // no agenda item is current: above the ballot the tablet says a ballot is under way, never that the chair will
        // move on (read as text content: the part is folded away while the ballot's choices take the screen)
        for (WebDriver tablet : tablets) {
            String now = until(tablet).until(d -> d.findElement(By.id("delegate:now")).getAttribute("textContent"));
            assertTrue(now.contains("Đang biểu quyết") && !now.contains("Chủ trì sẽ chuyển"), "while the ballot is open: " + now);
        }
        for (WebDriver tablet : tablets) {
            tablet.findElement(By.cssSelector(".q-vote-YES")).click();
            until(tablet).until(ExpectedConditions.textToBePresentInElementLocated(By.id("delegate:vote"), "Bạn chọn: Đồng ý"));
            tablet.findElement(By.id("vote-confirm")).click();
            until(tablet).until(ExpectedConditions.textToBePresentInElementLocated(By.id("delegate:vote"), "Phiếu của bạn đã được ghi nhận"));
        }
        screenshot(tablets.get(0), "ballot-3-delegate-recorded");
        for (WebDriver tablet : tablets) { // voted, the others still voting: shown (its label in capitals), and still true
            String now = until(tablet).until(d -> {
                String shown = d.findElement(By.id("delegate:now")).getText();
                return shown.toLowerCase(java.util.Locale.forLanguageTag("vi")).contains("đang biểu quyết") ? shown : null;
            });
            assertFalse(now.contains("Chủ trì sẽ chuyển"), now);
        }
        List<String> receipts = new ArrayList<>();
        for (WebDriver tablet : tablets) {
            receipts.add(Pages.textOf(tablet, By.cssSelector(".q-receipt code")));
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
            try {
                d.findElement(locator).click();
                return true;
            } catch (org.openqa.selenium.ElementNotInteractableException e) { // or another element would receive it
                return false;
            }
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

    // ---------------------------------------------------------------- the tablet on flaky Wi-Fi

    /**
     * A tablet loses its connection: while waiting (a ballot opens meanwhile, without a push: the page shows it as
     * soon as the connection is back) and again while the delegate confirms. It shows the reconnecting state, keeps
     * the confirmed vote and sends it when the connection is back: recorded once, with the receipt, which a reload
     * still shows.
     */
    @Test
    void aTabletThatLosesItsConnectionWhileConfirmingVotesOnceWhenItIsBack() throws Exception {
        List<String> codes = new ArrayList<>();
        long meetingId = meetingWithThreeVoters(codes);
        WebDriver tablet = tablet(codes.get(0), "vi");
        assertEquals("waiting", view(tablet));
        screenshot(tablet, "tablet-vi-01-waiting");

        network(tablet, true, 0);
        until(tablet).until(d -> connectionLost(d));
        assertEquals("Mất kết nối — đang kết nối lại…", Pages.textOf(tablet, By.id("vote-connection")));
        screenshot(tablet, "tablet-vi-02-offline-waiting");
        long ballotId = openBallot(meetingId, "APPROVAL", "SECRET", "Đề nghị xét công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023",
                List.of(), 1, 1, false); // opened while the tablet is away: no push reaches it
        Thread.sleep(1500);
        assertEquals("waiting", view(tablet), "offline, the tablet cannot know yet");
        network(tablet, false, 0);
        new WebDriverWait(tablet, Duration.ofSeconds(8)).until(d -> "open".equals(view(d)) && !connectionLost(d));
        assertEquals("Đang biểu quyết — mời bạn bỏ phiếu", chip(tablet));
        assertFitsOnScreen(tablet, ".q-vote-ABSTAIN");
        screenshot(tablet, "tablet-vi-03-open");

        tablet.findElement(By.cssSelector(".q-vote-NO")).click();
        until(tablet).until(ExpectedConditions.textToBePresentInElementLocated(By.id("vote-confirm-text"), "Bạn chọn: Không đồng ý — Xác nhận?"));
        assertFitsOnScreen(tablet, "#vote-confirm");
        screenshot(tablet, "tablet-vi-04-confirm");

        network(tablet, true, 0); // the Wi-Fi drops while the delegate reads the confirmation
        until(tablet).until(d -> connectionLost(d));
        assertEquals("confirm", step(tablet), "the confirmation stays");
        screenshot(tablet, "tablet-vi-05-offline-confirming");
        tablet.findElement(By.id("vote-confirm")).click();
        until(tablet).until(d -> "Chưa gửi được — đang thử lại".equals(chip(d)));
        assertTrue(Pages.textOf(tablet, By.id("vote-box")).contains("phiếu của bạn chưa được ghi nhận"),
                () -> Pages.textOf(tablet, By.id("vote-box")));
        Thread.sleep(3000); // a few retries go nowhere
        assertEquals(List.of(0L, 0L), rows(ballotId), "nothing arrived while offline");
        screenshot(tablet, "tablet-vi-06-retrying");

        network(tablet, false, 0);
        until(tablet).until(d -> !receipt(d).isEmpty() && "voted".equals(view(d)));
        String receipt = receipt(tablet);
        assertFalse(connectionLost(tablet));
        assertTrue(Pages.textOf(tablet, By.id("vote-box")).contains("Phiếu của bạn đã được ghi nhận"));
        screenshot(tablet, "tablet-vi-07-recorded");
        assertEquals(List.of(1L, 1L), rows(ballotId), "recorded exactly once");
        assertEquals(List.of(receipt), receipts(ballotId), "the receipt shown is the paper's in the box");

        tablet.navigate().refresh();
        until(tablet).until(d -> !receipt(d).isEmpty());
        assertEquals(receipt, receipt(tablet), "a reload shows the receipt kept on the device");
        assertEquals(List.of(1L, 1L), rows(ballotId));
        tablet.quit();
    }

    /** Voting with the keyboard alone (Tab, Enter, Space), in English: real buttons with a visible focus. */
    @Test
    void aDelegateVotesWithTheKeyboardAlone() throws Exception {
        List<String> codes = new ArrayList<>();
        long meetingId = meetingWithThreeVoters(codes);
        long ballotId = openBallot(meetingId, "APPROVAL", "SECRET", "Đề nghị xét công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023",
                List.of(), 1, 1, false);
        WebDriver tablet = tablet(codes.get(1), "en");
        assertEquals("Ballot open — please vote", chip(tablet));
        assertEquals("vote-question", active(tablet).getAttribute("id"), "an open ballot starts the keyboard at its question");
        screenshot(tablet, "tablet-en-03-open");

        Actions keys = new Actions(tablet);
        keys.sendKeys(Keys.TAB).perform();
        assertEquals("Đồng ý", active(tablet).getText(), "Tab reaches the first choice (the ballot's own words)");
        assertTrue(visibleFocus(tablet), "the focused choice shows its focus");
        keys.sendKeys(Keys.TAB).perform();
        assertEquals("Không đồng ý", active(tablet).getText());
        keys.sendKeys(Keys.ENTER).perform();
        until(tablet).until(d -> "confirm".equals(step(d)));
        assertEquals("You chose: Không đồng ý — Confirm?", Pages.textOf(tablet, By.id("vote-confirm-text")));
        assertEquals("Check your choice", chip(tablet));
        keys.sendKeys(Keys.TAB).perform();
        assertEquals("vote-confirm", active(tablet).getAttribute("id"), "Tab goes on to Confirm");
        assertTrue(visibleFocus(tablet), "the focused Confirm shows its focus");
        screenshot(tablet, "tablet-en-04-confirm-keyboard");
        keys.sendKeys(Keys.SPACE).perform();
        until(tablet).until(d -> !receipt(d).isEmpty());
        assertEquals("Vote recorded", chip(tablet));
        assertTrue(Pages.textOf(tablet, By.id("vote-box")).contains("Your vote is recorded"));
        assertEquals(List.of(receipt(tablet)), receipts(ballotId));
        until(tablet).until(d -> "voted".equals(view(d)));
        screenshot(tablet, "tablet-en-07-recorded");
        assertEquals("Vote recorded", chip(tablet));
        tablet.quit();
    }

    /**
     * An election of 2 among 4 on tablets, as an open (roll-call) ballot so the papers can be read: the delegate sees
     * that name and choice will be published, picks with toggle buttons and a live counter, cannot go on with too
     * many or too few, confirms the listed names; another casts a blank ballot.
     */
    @Test
    void anElectionIsVotedOnATablet() throws Exception {
        List<String> codes = new ArrayList<>();
        long meetingId = meetingWithThreeVoters(codes);
        List<String> candidates = List.of("Ngô Thị Hương", "Hoàng Minh Tuấn", "Võ Thị Lan", "Đặng Quốc Bảo");
        long ballotId = openBallot(meetingId, "ELECTION", "OPEN", "Bầu Tổ thư ký hội nghị (chọn 2 trong 4)", candidates, 2, 2, true);
        List<Long> optionIds = optionIds(ballotId);

        WebDriver tablet = tablet(codes.get(0), "vi");
        String box = Pages.textOf(tablet, By.id("vote-box"));
        assertTrue(box.contains("Biểu quyết công khai: họ tên và lựa chọn của bạn sẽ được công bố"), box);
        assertTrue(box.contains("Chọn đúng 2 người trong danh sách."), box);
        assertEquals("Đã chọn 0/2", counter(tablet));
        assertEquals("true", tablet.findElement(By.id("vote-next")).getAttribute("aria-disabled"));
        List<WebElement> toggles = tablet.findElements(By.cssSelector(".q-vote-candidate"));
        assertEquals(candidates, toggles.stream().map(WebElement::getText).toList());
        for (WebElement toggle : toggles) {
            assertTrue(toggle.getSize().getHeight() >= 44 && toggle.getSize().getWidth() >= 44, "a touch target of 44 px at least");
        }
        toggles.get(0).click();
        assertEquals("Đã chọn 1/2", counter(tablet));
        tablet.findElement(By.id("vote-next")).click();
        assertEquals("choose", step(tablet), "one of two: cannot go on");
        assertEquals("Hãy chọn ít nhất 2 người.", Pages.textOf(tablet, By.id("vote-range-note")));
        toggles.get(2).click();
        assertEquals("Đã chọn 2/2", counter(tablet));
        toggles.get(3).click();
        assertEquals("Đã chọn 2/2", counter(tablet), "a third is refused");
        assertEquals("false", toggles.get(3).getAttribute("aria-pressed"));
        assertEquals("Chỉ được chọn tối đa 2 người: hãy bỏ chọn một người trước.", Pages.textOf(tablet, By.id("vote-range-note")));
        assertEquals(List.of("true", "false", "true", "false"), toggles.stream().map(t -> t.getAttribute("aria-pressed")).toList());
        assertFitsOnScreen(tablet, "#vote-next");
        screenshot(tablet, "tablet-vi-10-election");
        tablet.findElement(By.id("vote-next")).click();
        until(tablet).until(d -> "confirm".equals(step(d)));
        assertEquals("Bạn chọn 2 người sau — Xác nhận?", Pages.textOf(tablet, By.id("vote-confirm-text")));
        assertEquals(List.of("Ngô Thị Hương", "Võ Thị Lan"),
                tablet.findElements(By.cssSelector("#vote-chosen-list li")).stream().map(WebElement::getText).toList());
        assertFitsOnScreen(tablet, "#vote-confirm");
        screenshot(tablet, "tablet-vi-11-election-confirm");
        tablet.findElement(By.id("vote-confirm")).click();
        until(tablet).until(d -> !receipt(d).isEmpty());
        screenshot(tablet, "tablet-vi-12-election-recorded");

        WebDriver blank = tablet(codes.get(1), "en");
        assertTrue(Pages.textOf(blank, By.id("vote-box")).contains("Open (roll-call) vote"));
        screenshot(blank, "tablet-en-10-election");
        blank.findElement(By.id("vote-blank")).click();
        until(blank).until(d -> "confirm".equals(step(d)));
        assertEquals("You cast a blank ballot (nobody chosen) — Confirm?", Pages.textOf(blank, By.id("vote-confirm-text")));
        screenshot(blank, "tablet-en-11-election-blank-confirm");
        blank.findElement(By.id("vote-confirm")).click();
        until(blank).until(d -> !receipt(d).isEmpty());

        Map<String, String> papers = new TreeMap<>();
        try (Connection db = database(); PreparedStatement query = db.prepareStatement("SELECT id, choice FROM cast_vote WHERE ballot_id = ?")) {
            query.setLong(1, ballotId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    papers.put(Receipts.of(rows.getBytes(1)), rows.getString(2));
                }
            }
        }
        assertEquals(Map.of(receipt(tablet), optionIds.get(0) + "," + optionIds.get(2), receipt(blank), "-"), papers);
        tablet.quit();
        blank.quit();
    }

    /**
     * Every face of the tablet, in Vietnamese and English, screenshot at 768×1024: waiting, open, confirming, sending,
     * retrying, recorded, refused, closed, published, cancelled, not checked in, no vote, connection lost. Each looks
     * different: its own words, and its own colour on the ballot's edge.
     */
    @Test
    void everyStateOfTheTabletLooksDifferent() throws Exception {
        for (String lang : List.of("vi", "en")) {
            Map<String, String> colours = new LinkedHashMap<>();
            Map<String, String> words = new LinkedHashMap<>();
            List<String> codes = new ArrayList<>();
            long meetingId = meetingWithThreeVoters(codes);
            WebDriver tablet = tablet(codes.get(0), lang);
            look(tablet, lang, "waiting", colours, words);
            openBallot(meetingId, "APPROVAL", "SECRET", "Đề nghị xét công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023", List.of(), 1, 1, false);
            ((JavascriptExecutor) tablet).executeScript("refreshDelegate()");
            until(tablet).until(d -> "open".equals(view(d)));
            look(tablet, lang, "open", colours, words);
            tablet.findElement(By.cssSelector(".q-vote-YES")).click();
            look(tablet, lang, "confirm", colours, words);
            network(tablet, false, 2500); // slow: the answer takes seconds
            tablet.findElement(By.id("vote-confirm")).click();
            until(tablet).until(d -> "sending".equals(step(d)));
            look(tablet, lang, "sending", colours, words);
            until(tablet).until(d -> !receipt(d).isEmpty() && "voted".equals(view(d)));
            look(tablet, lang, "recorded", colours, words);
            tablet.quit();

            WebDriver retrying = tablet(codes.get(2), lang);
            retrying.findElement(By.cssSelector(".q-vote-NO")).click();
            network(retrying, true, 0);
            retrying.findElement(By.id("vote-confirm")).click();
            until(retrying).until(d -> connectionLost(d) && d.findElement(By.id("vote-box")).getAttribute("class").contains("q-vote-retrying"));
            look(retrying, lang, "retrying", colours, words);
            network(retrying, false, 0);
            until(retrying).until(d -> !receipt(d).isEmpty() && "voted".equals(view(d)));
            retrying.quit();

            WebDriver refused = tablet(codes.get(1), lang); // a forged choice: the server's refusal, translated
            ((JavascriptExecutor) refused).executeScript("document.querySelector('.q-vote-YES').dataset.choice = 'MAYBE'");
            refused.findElement(By.cssSelector(".q-vote-YES")).click();
            refused.findElement(By.id("vote-confirm")).click();
            until(refused).until(d -> "refused".equals(step(d)));
            assertTrue(Pages.textOf(refused, By.id("vote-refusal"))
                    .equals("vi".equals(lang) ? "Lựa chọn không có trong phiếu." : "That choice is not on the ballot."));
            look(refused, lang, "refused", colours, words);
            refused.quit();

            for (String status : List.of("CLOSED", "PUBLISHED", "CANCELLED")) {
                List<String> more = new ArrayList<>();
                long meeting = meetingWithThreeVoters(more);
                long ballot = openBallot(meeting, "APPROVAL", "SECRET", "Đề nghị xét công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023",
                        List.of(), 1, 1, false);
                setStatus(ballot, status);
                WebDriver closed = tablet(more.get(0), lang);
                look(closed, lang, status.toLowerCase(java.util.Locale.ROOT), colours, words);
                closed.quit();
            }
            List<String> absentCodes = new ArrayList<>();
            long absentMeeting = meetingWithThreeVoters(absentCodes);
            try (Connection db = database(); Statement update = db.createStatement()) {
                update.executeUpdate("UPDATE meeting SET check_in_on_sign_in = FALSE WHERE id = " + absentMeeting);
                update.executeUpdate("UPDATE participant SET checked_in_at = NULL WHERE meeting_id = " + absentMeeting);
            }
            openBallot(absentMeeting, "APPROVAL", "SECRET", "Đề nghị xét công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023",
                    List.of(), 1, 1, false);
            WebDriver absent = tablet(absentCodes.get(0), lang);
            look(absent, lang, "absent", colours, words);
            network(absent, true, 0);
            until(absent).until(d -> connectionLost(d));
            screenshot(absent, "tablet-" + lang + "-offline");
            assertTrue(absent.findElement(By.id("vote-connection")).isDisplayed());
            absent.quit();

            assertEquals(colours.size(), new java.util.HashSet<>(colours.values()).size(), "one colour per state: " + colours);
            assertEquals(words.size(), new java.util.HashSet<>(words.values()).size(), "one label per state: " + words);
        }
    }

    /** Screenshots the tablet in a state and notes its edge colour and its label. */
    void look(WebDriver tablet, String lang, String state, Map<String, String> colours, Map<String, String> words) throws IOException {
        colours.put(state, Pages.fresh(tablet, d -> d.findElement(By.id("vote-box")).getCssValue("border-top-color")));
        words.put(state, chip(tablet));
        screenshot(tablet, "tablet-" + lang + "-state-" + state);
    }

    WebDriver tablet(String code, String lang) throws IOException {
        WebDriver tablet = browser(768, 1024);
        if ("en".equals(lang)) {
            tablet.get(app("?lang=en"));
        }
        tablet.get(app("sign-in.xhtml?code=" + code));
        tablet.findElement(By.id("delegate:signInDelegate")).click();
        until(tablet).until(ExpectedConditions.presenceOfElementLocated(By.id("vote-box")));
        until(tablet).until(d -> ((JavascriptExecutor) d).executeScript("return document.readyState").equals("complete"));
        return tablet;
    }

    /** Chromium's network emulation: offline, or online with a delay on every request. */
    static void network(WebDriver tablet, boolean offline, int latencyMillis) {
        ChromeDriver chromium = (ChromeDriver) tablet;
        chromium.executeCdpCommand("Network.enable", Map.of());
        chromium.executeCdpCommand("Network.emulateNetworkConditions", Map.of("offline", offline, "latency", latencyMillis,
                "downloadThroughput", -1, "uploadThroughput", -1));
    }

    static String view(WebDriver tablet) {
        return Pages.fresh(tablet, d -> d.findElement(By.id("vote-box")).getAttribute("data-view"));
    }

    static String step(WebDriver tablet) {
        return Pages.fresh(tablet, d -> d.findElement(By.id("vote-box")).getAttribute("data-step"));
    }

    static String chip(WebDriver tablet) {
        return Pages.fresh(tablet, d -> d.findElement(By.id("vote-chip-text")).getText());
    }

    static String counter(WebDriver tablet) {
        return Pages.fresh(tablet, d -> d.findElement(By.id("vote-counter")).getText());
    }

    static String receipt(WebDriver tablet) {
        return Pages.fresh(tablet, d -> {
            List<WebElement> code = d.findElements(By.cssSelector("#vote-receipt code"));
            return code.isEmpty() ? "" : code.get(0).getText();
        });
    }

    static boolean connectionLost(WebDriver tablet) {
        return Pages.fresh(tablet, d -> d.findElement(By.id("vote-connection")).isDisplayed());
    }

    static WebElement active(WebDriver tablet) {
        return tablet.switchTo().activeElement();
    }

    /** Whether the focused element draws a focus ring (an outline of some width). */
    static boolean visibleFocus(WebDriver tablet) {
        WebElement focused = active(tablet);
        return !"none".equals(focused.getCssValue("outline-style")) && !focused.getCssValue("outline-width").startsWith("0");
    }

    /** The element is on the first screen of a 768×1024 tablet: nothing to scroll to reach it. */
    static void assertFitsOnScreen(WebDriver tablet, String css) {
        Number bottom = (Number) ((JavascriptExecutor) tablet).executeScript(
                "return document.querySelector(arguments[0]).getBoundingClientRect().bottom + window.scrollY", css);
        Number height = (Number) ((JavascriptExecutor) tablet).executeScript("return window.innerHeight");
        assertTrue(bottom.doubleValue() <= height.doubleValue(), css + " ends at " + bottom + " px, below the screen's " + height + " px");
    }

    /** The receipts of a ballot's papers. */
    static List<String> receipts(long ballotId) throws Exception {
        List<String> receipts = new ArrayList<>();
        try (Connection db = database(); PreparedStatement query = db.prepareStatement("SELECT id FROM cast_vote WHERE ballot_id = ?")) {
            query.setLong(1, ballotId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    receipts.add(Receipts.of(rows.getBytes(1)));
                }
            }
        }
        return receipts;
    }

    /** Before any page has read the ballot (the server caches what it reads). */
    static void setStatus(long ballotId, String status) throws Exception {
        try (Connection db = database(); PreparedStatement update = db.prepareStatement(
                "UPDATE ballot SET status = ?, closed_at = CURRENT_TIMESTAMP(3), cancel_reason = ? WHERE id = ?")) {
            update.setString(1, status);
            update.setString(2, "CANCELLED".equals(status) ? "Nhầm nội dung phiếu" : null);
            update.setLong(3, ballotId);
            update.executeUpdate();
        }
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

        List<String> forged = List.of("{\"choice\": \"MAYBE\"}", "{\"choice\": \"YES,NO\"}", "{\"choice\": \"yes\"}");
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
        // nobody signed in: the API's 401 in JSON, never the HTML sign-in page (the tablet reads it as "signed out")
        var anonymous = put(null, ballotId, paper(), "application/json", "{\"choice\": \"YES\"}");
        assertSignedOut(anonymous, "a stranger's vote");
        var anonymousLookup = get(null, "api/delegate/ballots/" + ballotId + "/participation?paper=" + paper);
        assertSignedOut(anonymousLookup, "a stranger's lookup");
        assertFalse(anonymousLookup.body().contains(receipt), anonymousLookup.body());
        assertSignedOut(get(null, "api/delegate/tablet"), "a stranger's tablet check");
        assertSignedOut(get("JSESSIONID=" + paper(), "api/delegate/tablet"), "an expired or forged session");
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

    /** The API's answer to a caller who is not signed in: 401, JSON, translated, with a challenge, never cached. */
    static void assertSignedOut(HttpResponse<String> answer, String what) {
        assertEquals(401, answer.statusCode(), () -> what + ": " + answer.headers().map() + " " + answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), what);
        assertEquals("api.signedOut", jsonString(answer.body(), "error"), what);
        assertEquals(Bundle.text(Bundle.VIETNAMESE, "api.signedOut"), jsonString(answer.body(), "message"), what);
        assertTrue(answer.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Cookie realm=\"Quorum\""), what);
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(null), what);
    }

    /** A request body a client got wrong, and the error key the API must answer it with. */
    record BadBody(String what, byte[] body, String error, Object... arguments) {

        static BadBody of(String what, String body, String error, Object... arguments) {
            return new BadBody(what, body.getBytes(StandardCharsets.UTF_8), error, arguments);
        }
    }

    /**
     * Hostile and broken bodies for the casting API: every one is answered 400 with the API's JSON error in the caller's
     * language, stores nothing, and leaves no stack trace in the server's log (before, an array, an object, a truncated
     * body or a Latin-1 one gave the HTML error page with 500 and a trace). A good vote then still counts.
     */
    @Test
    void theCastingApiAnswersEveryMalformedBodyWith400InJsonAndLogsNoTrace() throws Exception {
        List<String> codes = new ArrayList<>();
        long meetingId = meetingWithThreeVoters(codes);
        long ballotId = openBallot(meetingId, "APPROVAL", "SECRET", "Thông qua chương trình công tác năm 2024", List.of(), 1, 1, false);
        String session = signInOverHttp(codes.get(0));
        String deep = "[".repeat(5000) + "]".repeat(5000);
        List<BadBody> bodies = List.of(
                BadBody.of("an array", "{\"choice\": [\"YES\"]}", "ballot.body.invalid"),
                BadBody.of("an object", "{\"choice\": {\"value\": \"YES\"}}", "ballot.body.invalid"),
                BadBody.of("a number", "{\"choice\": 1}", "ballot.body.invalid"),
                BadBody.of("true", "{\"choice\": true}", "ballot.body.invalid"),
                BadBody.of("null", "{\"choice\": null}", "ballot.body.invalid"),
                BadBody.of("no choice", "{}", "ballot.body.invalid"),
                BadBody.of("another field", "{\"choice\": \"YES\", \"voter\": 2}", "ballot.body.invalid"),
                BadBody.of("the choice twice", "{\"choice\": \"YES\", \"choice\": \"NO\"}", "api.body.invalid"),
                BadBody.of("truncated", "{", "api.body.invalid"),
                BadBody.of("truncated in a string", "{\"choice\": \"YE", "api.body.invalid"),
                BadBody.of("something after the object", "{\"choice\": \"YES\"} {", "api.body.invalid"),
                BadBody.of("a top-level array", "[\"YES\"]", "api.body.invalid"),
                BadBody.of("a bare string", "\"YES\"", "api.body.invalid"),
                BadBody.of("not JSON", "choice=YES", "api.body.invalid"),
                BadBody.of("nested 5000 deep", "{\"choice\": " + deep + "}", "api.body.invalid"),
                BadBody.of("empty", "", "api.body.missing"),
                new BadBody("Latin-1", "{\"choice\": \"YÉS\"}".getBytes(StandardCharsets.ISO_8859_1), "api.body.encoding"),
                new BadBody("invalid UTF-8", new byte[] {'{', '"', 'c', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'}, "api.body.encoding"),
                new BadBody("an overlong UTF-8 '/'", new byte[] {'{', '"', 'c', '"', ':', '"', (byte) 0xc0, (byte) 0xaf, '"', '}'}, "api.body.encoding"),
                new BadBody("a UTF-8 surrogate", new byte[] {'{', '"', 'c', '"', ':', '"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}'}, "api.body.encoding"),
                BadBody.of("1 kB over the limit", "{\"choice\": \"" + "Y".repeat(RequestBodies.MAX_BYTES + 1024) + "\"}",
                        "api.body.tooLarge", RequestBodies.MAX_BYTES),
                BadBody.of("1 MB", "{\"choice\": \"" + "Y".repeat(1024 * 1024) + "\"}", "api.body.tooLarge", RequestBodies.MAX_BYTES));
        PayaraLog log = PayaraLog.web();
        for (BadBody bad : bodies) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(app("api/delegate/ballots/" + ballotId + "/papers/" + paper())))
                    .timeout(Duration.ofSeconds(30)).header("Cookie", session).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bad.body())).build());
            assertEquals(400, answer.statusCode(), () -> bad.what() + " → " + answer.statusCode() + " " + answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), bad.what());
            assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(null), bad.what());
            assertEquals(bad.error(), jsonString(answer.body(), "error"), () -> bad.what() + " → " + answer.body());
            assertEquals(Bundle.text(Bundle.VIETNAMESE, bad.error(), bad.arguments()), unescapeJson(jsonString(answer.body(), "message")), bad.what());
        }
        // a Content-Type that does not parse (Jersey answers it before any mapper: it was the HTML 400 page), and a large
        // body of the wrong type (unread, it kept an HTTP/2 client waiting for ever)
        String large = "{\"choice\": \"" + "Y".repeat(1024 * 1024) + "\"}";
        for (String[] typed : List.of(new String[] {"application/", "400", "api.badRequest", "{\"choice\": \"YES\"}"},
                new String[] {"a/b/c; ;", "400", "api.badRequest", "{\"choice\": \"YES\"}"},
                new String[] {"text/plain", "415", "api.mediaType", large})) {
            HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(app("api/delegate/ballots/" + ballotId + "/papers/" + paper())))
                    .timeout(Duration.ofSeconds(30)).header("Cookie", session).header("Content-Type", typed[0])
                    .PUT(HttpRequest.BodyPublishers.ofString(typed[3])).build());
            assertEquals(Integer.parseInt(typed[1]), answer.statusCode(), () -> typed[0] + " → " + answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), typed[0]);
            assertEquals(typed[2], jsonString(answer.body(), "error"), typed[0]);
        }
        var english = send(HttpRequest.newBuilder(URI.create(app("api/delegate/ballots/" + ballotId + "/papers/" + paper())))
                .header("Cookie", session + "; quorum-lang=en").header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{")).build());
        assertEquals("The request body is not valid JSON.", jsonString(english.body(), "message"));
        assertEquals(List.of(0L, 0L), rows(ballotId), "participations and papers after the bad bodies");
        String written = log.written();
        List<String> traces = PayaraLog.traces(written);
        int requests = bodies.size() + 4;
        assertTrue(traces.isEmpty(), () -> traces.size() + " lines of stack traces in the log for " + requests + " bad requests:\n" + written);
        long lines = written.lines().filter(line -> !line.isBlank()).count();
        System.out.println("bad requests: " + requests + ", each answered in JSON (400, or 415); " + lines + " log lines, 0 of stack traces");

        var good = put(session, ballotId, paper(), "application/json; charset=UTF-8", "{\"choice\": \"NO\"}");
        assertEquals(200, good.statusCode(), good::body);
        assertEquals(List.of(1L, 1L), rows(ballotId));
    }

    /**
     * While the database is away a cast gets the API's 503 with Retry-After — JSON, translated — and stores nothing; once
     * it is back the tablet's resend of the same paper is counted once. The web container reaches the database through
     * a relay of the test JVM ({@link DatabaseRelay}) that this test cuts, so the MariaDB server and every other test go
     * on undisturbed; the relay is restored whatever happens.
     */
    @Test
    void whileTheDatabaseIsAwayACastGets503InJsonAndTheSamePaperCountsOnceWhenItIsBack() throws Exception {
        DatabaseRelay relay = DatabaseRelay.instance().orElse(null);
        assumeTrue(relay != null, "the web container's database URL has no relay");
        List<String> codes = new ArrayList<>();
        long meetingId = meetingWithThreeVoters(codes);
        long ballotId = openBallot(meetingId, "APPROVAL", "SECRET", "Thông qua quy chế làm việc của Ban Chỉ đạo", List.of(), 1, 1, false);
        String session = signInOverHttp(codes.get(1));
        String paper = paper();
        HttpResponse<String> recorded;
        try {
            relay.cut();
            for (HttpResponse<String> answer : List.of(
                    put(session, ballotId, paper, "application/json", "{\"choice\": \"YES\"}"),
                    get(session, "api/delegate/ballots/" + ballotId + "/participation?paper=" + paper),
                    get(session, "api/delegate/tablet"))) {
                assertEquals(503, answer.statusCode(), () -> answer.uri() + " → " + answer.headers().map() + " " + answer.body());
                assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), answer::body);
                assertEquals("api.unavailable", jsonString(answer.body(), "error"), answer::body);
                assertEquals(Bundle.text(Bundle.VIETNAMESE, "api.unavailable"), jsonString(answer.body(), "message"));
                assertEquals("5", answer.headers().firstValue("Retry-After").orElse(null), "Retry-After");
            }
        } finally {
            relay.restore();
        }
        assertEquals(List.of(0L, 0L), rows(ballotId), "nothing stored while the database was away");
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        do {
            recorded = put(session, ballotId, paper, "application/json", "{\"choice\": \"YES\"}");
            if (recorded.statusCode() == 200) {
                break;
            }
            assertEquals(503, recorded.statusCode(), recorded::body);
            Thread.sleep(1000);
        } while (System.nanoTime() < deadline);
        assertEquals(200, recorded.statusCode(), "the database is back: " + recorded.body());
        assertEquals(Receipts.of(java.util.HexFormat.of().parseHex(paper)), jsonString(recorded.body(), "receipt"));
        var again = put(session, ballotId, paper, "application/json", "{\"choice\": \"YES\"}");
        assertEquals(jsonString(recorded.body(), "receipt"), jsonString(again.body(), "receipt"));
        assertEquals(List.of(1L, 1L), rows(ballotId), "the resent paper counted once");
    }

    /**
     * Signs a delegate in over HTTP as the tablet's browser does — the card's QR code opens the sign-in page with the
     * code filled in, the form is posted — and returns the session cookie, "JSESSIONID=…".
     */
    String signInOverHttp(String code) throws Exception {
        java.net.CookieManager cookies = new java.net.CookieManager(null, java.net.CookiePolicy.ACCEPT_ALL);
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .cookieHandler(cookies).followRedirects(java.net.http.HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        URI page = URI.create(app("sign-in.xhtml?code=" + code));
        HttpResponse<String> signIn = client.send(HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        FacesForm form = FacesForm.find(signIn.body(), "delegate").orElseThrow(() -> new AssertionError("no delegate form: " + signIn.body()));
        String fields = form.with(Map.of("delegate:signInDelegate", "")).entrySet().stream()
                .map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + java.net.URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        HttpResponse<String> posted = client.send(HttpRequest.newBuilder(page.resolve(form.action())).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(fields)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(302, posted.statusCode(), posted::body);
        assertTrue(posted.headers().firstValue("Location").orElse("").contains("/delegate/"), () -> posted.headers().map().toString());
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(c -> "JSESSIONID=" + c.getValue()).findFirst().orElseThrow();
    }

    /** A JSON string's text: the escapes the API's answers may hold (quotes, backslashes, \\uXXXX) undone. */
    static String unescapeJson(String text) {
        if (text == null) {
            return null;
        }
        java.util.regex.Matcher escape = java.util.regex.Pattern.compile("\\\\(u[0-9a-fA-F]{4}|.)").matcher(text);
        StringBuilder plain = new StringBuilder();
        while (escape.find()) {
            String e = escape.group(1);
            String replacement = e.length() == 5 ? Character.toString(Integer.parseInt(e.substring(1), 16))
                    : switch (e) { case "n" -> "\n"; case "t" -> "\t"; default -> e; };
            escape.appendReplacement(plain, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        escape.appendTail(plain);
        return plain.toString();
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

    /**
     * The hall's projector and the public page follow the ballot by push, never by reload: the projector, opened
     * anonymously on a public meeting, shows turnout only while the ballot is open (0 / 3 to 3 / 3, no count per
     * choice, no chart); the close shows no result; the secretary publishes on her results page and the projector
     * and the open public page show the result with its chart. The chair chooses a blank screen and a result from
     * the console. On the public page a tablet's receipt is found and counted, a wrong one is not, and a ballot
     * closed but not published is not there. Screenshots projector-*.png at 1920×1080 and 1280×720.
     * <p>
     * Publishing goes through the secretary's results page ({@code secretary/results.xhtml?id=}, a button whose id
     * ends in {@code publish}, confirmed in a p:confirm dialog), which comes from branch {@code api}.
     */
    @Test
    void theProjectorShowsTurnoutWhileOpenAndThePublishedResultWithItsChartWithoutReload() throws Exception {
        List<String> codes = new ArrayList<>();
        long meetingId = meetingWithThreeVoters(codes);
        WebDriver projector = browser(1920, 1080);
        projector.get(app("public/projector.xhtml?id=" + meetingId));
        assertTrue(projector.getCurrentUrl().contains("/sign-in.xhtml"),
                "the projector of a meeting not marked public sends a visitor to sign in: " + projector.getCurrentUrl());
        try (Connection db = database(); PreparedStatement update = db.prepareStatement("UPDATE meeting SET public_meeting = TRUE WHERE id = ?")) {
            update.setLong(1, meetingId);
            update.executeUpdate();
        }
        String question = "Đề nghị xét công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023";

        WebDriver chair = chairWithBallotPrepared(meetingId, question);

        ((ChromeDriver) projector).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 1920, "height", 1080, "deviceScaleFactor", 1, "mobile", false));
        projector.get(app("public/projector.xhtml?id=" + meetingId));
        until(projector).until(ExpectedConditions.attributeToBe(By.id("projector:screen"), "data-shown", "AGENDA"));
        assertTrue(projector.findElements(By.cssSelector("header.q-header, nav, .ui-button, input:not([type=hidden]), button, select, textarea")).isEmpty(),
                "the projector has no header, navigation or controls");
        ((org.openqa.selenium.JavascriptExecutor) projector).executeScript("window.__sameDocument = true;");

        WebDriver everyone = browser(1280, 1000); // the public page, anonymous, left open
        everyone.get(app("public/meeting.xhtml?id=" + meetingId));
        until(everyone).until(ExpectedConditions.presenceOfElementLocated(By.id("results-panel")));
        assertTrue(everyone.findElements(By.cssSelector(".q-published")).isEmpty());
        ((org.openqa.selenium.JavascriptExecutor) everyone).executeScript("window.__sameDocument = true;");

        List<WebDriver> tablets = new ArrayList<>();
        for (String code : codes) {
            WebDriver tablet = browser(768, 1024);
            tablet.get(app("sign-in.xhtml?code=" + code));
            tablet.findElement(By.id("delegate:signInDelegate")).click();
            until(tablet).until(ExpectedConditions.textToBePresentInElementLocated(By.id("delegate:vote"), "Chưa có biểu quyết"));
            tablets.add(tablet);
        }

        click(chair, By.id("chair:drafts:0:openBallot")); // found again if a tablet's sign-in re-rendered the console
        until(projector).until(ExpectedConditions.attributeToBe(By.id("projector:screen"), "data-shown", "TURNOUT"));
        until(projector).until(ExpectedConditions.textToBe(By.cssSelector(".q-projector-turnout-figure"), "0 / 3"));
        assertTrue(projector.findElement(By.id("projector:screen")).getText().contains(question));
        screenshot(projector, "projector-1-turnout-1920x1080");

        List<String> receipts = new ArrayList<>();
        int voted = 0;
        for (WebDriver tablet : tablets) {
            until(tablet).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".q-vote-YES"))).click();
            until(tablet).until(ExpectedConditions.textToBePresentInElementLocated(By.id("delegate:vote"), "Bạn chọn: Đồng ý"));
            tablet.findElement(By.id("vote-confirm")).click();
            until(tablet).until(ExpectedConditions.textToBePresentInElementLocated(By.id("delegate:vote"), "Phiếu của bạn đã được ghi nhận"));
            receipts.add(Pages.textOf(tablet, By.cssSelector(".q-receipt code")));
            voted++;
            until(projector).until(ExpectedConditions.textToBe(By.cssSelector(".q-projector-turnout-figure"), voted + " / 3"));
            String screen = projector.findElement(By.tagName("body")).getText();
            for (String choice : List.of("Đồng ý", "Không đồng ý", "Không biểu quyết", "Thông qua", "%")) {
                assertFalse(screen.contains(choice), "the projector shows \"" + choice + "\" while the ballot is open: " + screen);
            }
            assertTrue(projector.findElements(By.tagName("canvas")).isEmpty(), "a chart while the ballot is open");
        }
        tablets.forEach(WebDriver::quit);
        screenshot(projector, "projector-2-turnout-done-1920x1080");
        ((ChromeDriver) projector).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 1280, "height", 720, "deviceScaleFactor", 1, "mobile", false));
        screenshot(projector, "projector-2-turnout-done-1280x720");

        chair.findElement(By.id("chair:closeBallot")).click();
        until(chair).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        until(chair).until(ExpectedConditions.textToBePresentInElementLocated(By.id("result"), "Thông qua"));
        ((org.openqa.selenium.JavascriptExecutor) chair).executeScript("window.__sameDocument = true;");
        assertTrue(chair.findElements(By.cssSelector(".q-projector-result-button")).isEmpty(), "an unpublished result offered to the projector");
        until(projector).until(ExpectedConditions.attributeToBe(By.id("projector:screen"), "data-shown", "AGENDA"));
        assertTrue(projector.findElements(By.tagName("canvas")).isEmpty(), "a closed, unpublished result on the projector");
        assertFalse(projector.findElement(By.tagName("body")).getText().contains("Thông qua"));

        WebDriver secretary = browser(1280, 1000);
        signInStaff(secretary, "thuky", TestEnvironment.password("thuky"));
        secretary.get(app("secretary/results.xhtml?id=" + meetingId));
        until(secretary).until(ExpectedConditions.elementToBeClickable(By.cssSelector("[id$='publish']"))).click();
        until(secretary).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();

        until(projector).until(ExpectedConditions.attributeToBe(By.id("projector:screen"), "data-shown", "RESULT"));
        until(projector).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#projector\\:screen canvas")));
        String shown = projector.findElement(By.id("projector:screen")).getText();
        assertTrue(shown.contains("Thông qua") && shown.contains("100,0%") && shown.contains(question), shown);
        assertEquals(Boolean.TRUE, ((org.openqa.selenium.JavascriptExecutor) projector).executeScript("return window.__sameDocument === true"),
                "the projector reloaded");
        Thread.sleep(1000); // the chart's animation
        screenshot(projector, "projector-3-result-1280x720");
        ((ChromeDriver) projector).executeCdpCommand("Emulation.setDeviceMetricsOverride",
                java.util.Map.of("width", 1920, "height", 1080, "deviceScaleFactor", 1, "mobile", false));
        Thread.sleep(1000);
        screenshot(projector, "projector-3-result-1920x1080");

        String refused = projector.manage().logs().get("browser").getAll().stream().map(Object::toString)
                .filter(line -> line.contains("Content Security Policy") || line.contains("Uncaught")).collect(java.util.stream.Collectors.joining("\n"));
        assertEquals("", refused, "the projector's console");

        // the public page, open since before the ballot, shows the result without reload
        until(everyone).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results-panel .q-published canvas")));
        String published = everyone.findElement(By.id("results-panel")).getText();
        assertTrue(published.contains(question) && published.contains("Thông qua") && published.contains("100,0%"), published);
        assertEquals(Boolean.TRUE, ((org.openqa.selenium.JavascriptExecutor) everyone).executeScript("return window.__sameDocument === true"),
                "the public page reloaded");
        assertEquals("4px", everyone.findElement(By.cssSelector(".q-published")).getCssValue("border-top-width"),
                "the result pushed into the page is styled (results.css)");

        // the chair chooses what the projector shows; the published result is there without reload
        assertEquals(Boolean.TRUE, ((org.openqa.selenium.JavascriptExecutor) chair).executeScript("return window.__sameDocument === true"),
                "the chair's page reloaded");
        until(chair).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".q-projector-result-button")));
        click(chair, By.cssSelector(".q-projector-mode-BLANK"));
        until(projector).until(ExpectedConditions.attributeToBe(By.id("projector:screen"), "data-shown", "BLANK"));
        screenshot(projector, "projector-4-blank-1920x1080");
        click(chair, By.cssSelector(".q-projector-result-button"));
        until(projector).until(ExpectedConditions.attributeToBe(By.id("projector:screen"), "data-shown", "RESULT"));
        click(chair, By.cssSelector(".q-projector-mode-AGENDA"));
        until(projector).until(ExpectedConditions.attributeToBe(By.id("projector:screen"), "data-shown", "AGENDA"));
        Thread.sleep(1500); // the pushed refreshes of the chair's page settle
        until(chair).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".q-projector-mode-AGENDA.q-toggle-on")));
        assertTrue(chair.findElements(By.cssSelector(".q-projector-result-button.q-toggle-on")).isEmpty());
        screenshot(chair, "projector-5-chair-control");
        click(chair, By.cssSelector(".q-projector-mode-AUTOMATIC"));
        until(projector).until(ExpectedConditions.attributeToBe(By.id("projector:screen"), "data-shown", "RESULT"));

        // the receipt lookup: found and counted; a wrong receipt is not; a malformed one is told apart
        lookUp(everyone, receipts.get(0).toLowerCase(java.util.Locale.ROOT));
        String answer = everyone.findElement(By.id("lookup:answer")).getText();
        assertTrue(answer.contains("Phiếu có mã " + receipts.get(0) + " đã được kiểm: Đồng ý") && answer.contains(question), answer);
        screenshot(everyone, "public-1-result-and-receipt");
        String wrong = receipts.get(0).startsWith("0") ? "1" + receipts.get(0).substring(1) : "0" + receipts.get(0).substring(1);
        lookUp(everyone, wrong);
        assertTrue(everyone.findElement(By.id("lookup:answer")).getText().contains("Không có phiếu nào mang mã " + wrong),
                everyone.findElement(By.id("lookup:answer")).getText());
        lookUp(everyone, receipts.get(0).substring(0, 9));
        assertTrue(everyone.findElement(By.id("lookup:answer")).getText().contains("không phải là mã biên nhận"),
                everyone.findElement(By.id("lookup:answer")).getText());

        // a ballot closed but not published is not on the public page
        String unpublished = "Biểu quyết chưa công bố: thông qua chương trình công tác năm 2024";
        // under a result, the form for another ballot waits behind its button
        assertTrue(chair.findElements(By.id("chair:question")).isEmpty(), "the ballot form under the result");
        chair.findElement(By.id("chair:prepareOnTheSpot")).click();
        until(chair).until(ExpectedConditions.elementToBeClickable(By.id("chair:question"))).clear();
        chair.findElement(By.id("chair:question")).sendKeys(unpublished);
        chair.findElement(By.id("chair:saveBallot")).click();
        click(chair, By.id("chair:drafts:0:openBallot")); // found again if the push after the save re-rendered it
        until(chair).until(ExpectedConditions.elementToBeClickable(By.id("chair:closeBallot"))).click();
        until(chair).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        until(chair).until(ExpectedConditions.presenceOfElementLocated(By.id("result")));
        everyone.get(app("public/meeting.xhtml?id=" + meetingId));
        String page = everyone.findElement(By.tagName("body")).getText();
        assertTrue(page.contains(question), page);
        assertFalse(page.contains(unpublished), "an unpublished ballot on the public page: " + page);
        assertEquals(1, everyone.findElements(By.cssSelector(".q-published")).size());
    }

    /**
     * The demo's date: a meeting scheduled for 19/01/2024 is opened today. The console says so before, and opening asks
     * first, naming both days (in Vietnamese and in English); "no" leaves it scheduled, "yes" opens it and records when;
     * the meeting's minutes then give the scheduled day and the day it was really held. A meeting scheduled for today
     * opens at once. Screenshots chair-other-day-*.png.
     */
    @Test
    void aMeetingScheduledForAnotherDayOpensOnceTheChairHasConfirmedAndItsMinutesSayBothDays() throws Exception {
        java.time.LocalDate today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        String todayShown = today.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        long demo = scheduledMeeting("2024-01-19 07:30:00");
        long ofToday = scheduledMeeting(today + " 07:30:00");

        WebDriver chair = browser(1280, 1000);
        signInStaff(chair, "chutri", TestEnvironment.password("chutri"));
        chair.get(app("chair/meeting.xhtml?id=" + demo));
        String note = Pages.textOf(chair, By.id("chair:otherDay"));
        assertTrue(note.contains("19/01/2024") && note.contains(todayShown), note);
        screenshot(chair, "chair-other-day-1-console");

        chair.findElement(By.id("chair:open")).click();
        WebElement dialog = until(chair).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        String asked = dialog.getText();
        assertTrue(asked.contains("Cuộc họp dự kiến họp ngày 19/01/2024, không phải hôm nay (" + todayShown + ")")
                && asked.contains("Vẫn khai mạc hôm nay?"), asked);
        screenshot(chair, "chair-other-day-2-confirm-vi");
        chair.findElement(By.cssSelector(".ui-confirmdialog-no")).click();
        until(chair).until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        Thread.sleep(500);
        assertEquals("SCHEDULED", status(demo), "not opened without the chair's yes");

        chair.get(app("chair/meeting.xhtml?id=" + demo + "&lang=en"));
        chair.findElement(By.id("chair:open")).click();
        String english = until(chair).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog"))).getText();
        String englishToday = today.format(java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH));
        assertTrue(english.contains("This meeting is scheduled for 19 Jan 2024, not for today (" + englishToday + ")"), english);
        screenshot(chair, "chair-other-day-3-confirm-en");
        chair.findElement(By.cssSelector(".ui-confirmdialog-no")).click();

        chair.get(app("chair/meeting.xhtml?id=" + demo + "&lang=vi"));
        java.time.Instant before = java.time.Instant.now().minusSeconds(5);
        chair.findElement(By.id("chair:open")).click();
        until(chair).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        until(chair).until(ExpectedConditions.elementToBeClickable(By.id("chair:close")));
        assertTrue(chair.findElements(By.id("chair:otherDay")).isEmpty(), "the note is gone once the meeting is open");
        screenshot(chair, "chair-other-day-4-opened");
        assertEquals("IN_SESSION", status(demo));
        java.time.Instant opened = sessionOpenedAt(demo);
        assertTrue(opened != null && !opened.isBefore(before) && !opened.isAfter(java.time.Instant.now().plusSeconds(5)),
                "the session's opening is recorded: " + opened);

        HttpResponse<byte[]> minutes = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                app("minutes/meeting/" + demo + ".pdf?lang=vi"))).header("Cookie", "JSESSIONID="
                + chair.manage().getCookieNamed("JSESSIONID").getValue()).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, minutes.statusCode());
        String text;
        try (org.apache.pdfbox.pdmodel.PDDocument pdf = org.apache.pdfbox.Loader.loadPDF(minutes.body())) {
            text = new org.apache.pdfbox.text.PDFTextStripper().getText(pdf).replaceAll("\\s+", " ");
        }
        assertTrue(text.contains("Hội nghị dự kiến ngày 19/01/2024; thực tế họp ngày " + todayShown + ", khai mạc lúc "), text);

        // scheduled for today: no question
        chair.get(app("chair/meeting.xhtml?id=" + ofToday));
        assertTrue(chair.findElements(By.id("chair:otherDay")).isEmpty(), "no note for a meeting of today");
        chair.findElement(By.id("chair:open")).click();
        until(chair).until(ExpectedConditions.elementToBeClickable(By.id("chair:close")));
        assertEquals("IN_SESSION", status(ofToday));
    }

    /** A scheduled meeting (no roster, no agenda) starting at the given local time. */
    static long scheduledMeeting(String startsAt) throws Exception {
        try (Connection db = database(); PreparedStatement insert = db.prepareStatement("INSERT INTO meeting (title, organiser, "
                + "starts_at, status) VALUES ('Hội nghị tổng kết chương trình nông thôn mới', 'UBND huyện Đắk Mil', ?, 'SCHEDULED')",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, startsAt);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static String status(long meetingId) throws Exception {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement("SELECT status FROM meeting WHERE id = ?")) {
            query.setLong(1, meetingId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    static java.time.Instant sessionOpenedAt(long meetingId) throws Exception {
        try (Connection db = database(); PreparedStatement query = db.prepareStatement("SELECT session_opened_at FROM meeting WHERE id = ?")) {
            query.setLong(1, meetingId);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                java.sql.Timestamp at = row.getTimestamp(1);
                return at == null ? null : at.toInstant();
            }
        }
    }

    /** Clicks, again if a pushed update replaced the element between finding and clicking it. */
    void lookUp(WebDriver browser, String receipt) {
        String before = browser.findElement(By.id("lookup:answer")).getText();
        WebElement field = browser.findElement(By.id("lookup:receipt"));
        field.clear();
        field.sendKeys(receipt);
        browser.findElement(By.id("lookup:find")).click();
        until(browser).until(driver -> {
            String now = driver.findElement(By.id("lookup:answer")).getText();
            return !now.isBlank() && !now.equals(before);
        });
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

    /** The chair, signed in on the meeting's console, has prepared a secret approval ballot on the spot, ready to open. */
    WebDriver chairWithBallotPrepared(long meetingId, String question) throws IOException {
        WebDriver chair = browser(1280, 1000);
        signInStaff(chair, "chutri", TestEnvironment.password("chutri"));
        chair.get(app("chair/meeting.xhtml?id=" + meetingId));
        chair.findElement(By.id("chair:question")).sendKeys(question);
        chair.findElement(By.id("chair:saveBallot")).click(); // the console's form for a ballot prepared on the spot
        until(chair).until(ExpectedConditions.elementToBeClickable(By.id("chair:drafts:0:openBallot")));
        return chair;
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
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class); // a live page re-renders its parts
        return wait;
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
