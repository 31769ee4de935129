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
import org.openqa.selenium.WebElement;
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

        WebDriver chair = browser(1280, 1000);
        signInStaff(chair, "chutri", TestEnvironment.password("chutri"));
        chair.get(app("chair/meeting.xhtml?id=" + meetingId));
        chair.findElement(By.id("chair:question")).sendKeys(question);
        chair.findElement(By.id("chair:defineBallot")).click();
        until(chair).until(ExpectedConditions.elementToBeClickable(By.id("chair:openBallot")));

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

        chair.findElement(By.id("chair:openBallot")).click();
        until(projector).until(ExpectedConditions.attributeToBe(By.id("projector:screen"), "data-shown", "TURNOUT"));
        until(projector).until(ExpectedConditions.textToBe(By.cssSelector(".q-projector-turnout-figure"), "0 / 3"));
        assertTrue(projector.findElement(By.id("projector:screen")).getText().contains(question));
        screenshot(projector, "projector-1-turnout-1920x1080");

        List<String> receipts = new ArrayList<>();
        int voted = 0;
        for (WebDriver tablet : tablets) {
            until(tablet).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".q-vote-YES"))).click();
            until(tablet).until(ExpectedConditions.textToBePresentInElementLocated(By.id("delegate:vote"), "Bạn chọn: Đồng ý"));
            tablet.findElement(By.id("delegate:confirmVote")).click();
            until(tablet).until(ExpectedConditions.textToBePresentInElementLocated(By.id("delegate:vote"), "Phiếu của bạn đã được ghi nhận"));
            receipts.add(tablet.findElement(By.cssSelector(".q-receipt code")).getText());
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
        until(chair).until(ExpectedConditions.elementToBeClickable(By.id("chair:question"))).clear();
        chair.findElement(By.id("chair:question")).sendKeys(unpublished);
        chair.findElement(By.id("chair:defineBallot")).click();
        until(chair).until(ExpectedConditions.elementToBeClickable(By.id("chair:openBallot"))).click();
        until(chair).until(ExpectedConditions.elementToBeClickable(By.id("chair:closeBallot"))).click();
        until(chair).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        until(chair).until(ExpectedConditions.presenceOfElementLocated(By.id("result")));
        everyone.get(app("public/meeting.xhtml?id=" + meetingId));
        String page = everyone.findElement(By.tagName("body")).getText();
        assertTrue(page.contains(question), page);
        assertFalse(page.contains(unpublished), "an unpublished ballot on the public page: " + page);
        assertEquals(1, everyone.findElements(By.cssSelector(".q-published")).size());
    }

    /** Clicks, again if a pushed update replaced the element between finding and clicking it. */
    static void click(WebDriver browser, By what) {
        until(browser).until(driver -> {
            try {
                driver.findElement(what).click();
                return true;
            } catch (org.openqa.selenium.ElementNotInteractableException e) { // or another element would receive it
                return false;
            }
        });
    }

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
        // a pushed update replaces the element being watched: look again
        return (WebDriverWait) new WebDriverWait(browser, Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class);
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
