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
