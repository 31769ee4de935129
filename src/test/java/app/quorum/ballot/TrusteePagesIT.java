package app.quorum.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.ballot.crypto.Ceremony;
import app.quorum.testing.Accessibility;
import app.quorum.testing.Browsers;
import app.quorum.testing.Deployments;
import app.quorum.testing.Pages;
import app.quorum.testing.TestEnvironment;
import jakarta.json.JsonObject;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The key ceremony in real browsers: the secretary chooses the trustees on her page (the chair and the secretary
 * proposed, a delegate picked) and starts; three trustees, each on their own tablet (768×1024), open the trustee page
 * from the delegate page, choose a passphrase, and their devices do the three rounds with the browser crypto modules;
 * each device keeps its secrets encrypted in its storage and offers the backup file; the secretary's page shows READY,
 * and the joint key stored is the one the record's commitments give. Screenshots of both pages in both languages.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TrusteePagesIT {

    private static final Duration CEREMONY = Duration.ofSeconds(180);

    @Deployment(testable = false)
    @TargetsContainer("web")
    static WebArchive war() {
        return Deployments.built();
    }

    @ArquillianResource
    URL deployed;

    @AfterAll
    static void close() {
        Browsers.closeAll();
    }

    @Test
    void threeTrusteesMakeTheKeyOnTheirTabletsAndTheSecretarySeesItReady() throws Exception {
        CeremonyIT.Roster roster = CeremonyIT.roster();
        WebDriver secretary = Browsers.open(1280, 1000);
        Pages.signIn(secretary, app("sign-in.xhtml"), "thuky", TestEnvironment.password("thuky"));
        secretary.get(app("secretary/trustees.xhtml?id=" + roster.meetingId()));
        assertEquals("Chưa tạo", Pages.textOf(secretary, By.id("ceremony-status")));
        Browsers.screenshot(secretary, "trustees-1-secretary-choose-vi");
        new Select(secretary.findElement(By.id("choose:place:2:trustee"))).selectByVisibleText("Trần Đức Thắng — Đại biểu");
        secretary.findElement(By.id("choose:start")).click();
        Pages.await(secretary).until(ExpectedConditions.textToBe(By.id("ceremony-status"), "Đang tạo"));

        List<WebDriver> tablets = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            WebDriver tablet = Browsers.open(768, 1024);
            tablet.get(app("sign-in.xhtml?code=" + roster.codes().get(i)));
            tablet.findElement(By.id("delegate:signInDelegate")).click();
            Pages.await(tablet).until(ExpectedConditions.elementToBeClickable(By.id("trustee-link"))).click();
            Pages.await(tablet).until(ExpectedConditions.visibilityOfElementLocated(By.id("trustee-pass1")));
            tablets.add(tablet);
        }
        // two passphrases that differ are refused before anything is drawn; nothing to unlock on a new device
        WebDriver first = tablets.get(0);
        assertFalse(first.findElement(By.id("trustee-unlock")).isDisplayed(), "no unlock form on a new device");
        first.findElement(By.id("trustee-pass1")).sendKeys("mưa rào tháng sáu");
        first.findElement(By.id("trustee-pass2")).sendKeys("mưa rào tháng bảy");
        first.findElement(By.id("trustee-begin")).click();
        Pages.await(first).until(ExpectedConditions.textToBePresentInElementLocated(By.id("trustee-error"), "không giống nhau"));
        Browsers.screenshot(first, "trustees-2-trustee-passphrase-vi");
        assertEquals(List.of(), Accessibility.severe(Accessibility.audit(first, "vi trustee passphrase")));

        // the first run: the first trustee's device sends shares that do not open (its requests tampered on the way);
        // the others' Feldman check names it, the ceremony fails, the secretary restarts
        ((JavascriptExecutor) first).executeScript("window.__realFetch = window.fetch;"
                + "window.fetch = (url, init) => { if (String(url).endsWith('ceremony/shares') && init && init.body) {"
                + "  const body = JSON.parse(init.body);"
                + "  body.shares.forEach(s => { s.ciphertext = s.ciphertext.slice(0, -2) + (s.ciphertext.endsWith('00') ? '01' : '00'); });"
                + "  init = Object.assign({}, init, { body: JSON.stringify(body) }); }"
                + "  return window.__realFetch(url, init); };");
        first.findElement(By.id("trustee-pass2")).clear();
        first.findElement(By.id("trustee-pass2")).sendKeys("mưa rào tháng sáu");
        first.findElement(By.id("trustee-begin")).click();
        Pages.await(first).until(ExpectedConditions.textToBePresentInElementLocated(By.id("trustee-step"), "Đang chờ"));
        assertFalse(first.findElement(By.id("trustee-passphrase")).isDisplayed(), "the passphrase form is gone once used");
        Browsers.screenshot(first, "trustees-3-trustee-waiting-vi");
        begin(tablets, 1);
        until(tablets.get(1), "Nguyễn Văn Minh (người giữ khóa số 1)"); // trustee 2 or 3 complains first, the other may not get to it
        until(first, "không thành công");
        until(tablets.get(2), "(người giữ khóa số 1)");
        Browsers.screenshot(tablets.get(1), "trustees-4-trustee-bad-share-vi");
        Pages.await(secretary).until(ExpectedConditions.textToBe(By.id("ceremony-status"), "Không thành công"));
        assertTrue(Pages.textOf(secretary, By.cssSelector(".q-ceremony-complaint")).contains("Nguyễn Văn Minh"));
        Browsers.screenshot(secretary, "trustees-5-secretary-failed-vi");
        ((JavascriptExecutor) first).executeScript("window.fetch = window.__realFetch;");
        secretary.findElement(By.id("progress:restart")).click();
        Pages.await(secretary).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        Pages.await(secretary).until(ExpectedConditions.textToBe(By.id("ceremony-status"), "Đang tạo"));

        // the second run: every device is back at step 1 by itself, and this time the key is made
        for (WebDriver tablet : tablets) {
            new WebDriverWait(tablet, CEREMONY).until(ExpectedConditions.visibilityOfElementLocated(By.id("trustee-pass1")));
        }
        begin(tablets, 0);
        for (WebDriver tablet : tablets) {
            until(tablet, "Hoàn tất");
        }
        assertFalse(first.findElement(By.id("trustee-passphrase")).isDisplayed() || first.findElement(By.id("trustee-unlock")).isDisplayed(),
                "no form once the key is made");
        Pages.await(secretary).until(ExpectedConditions.textToBe(By.id("ceremony-status"), "Sẵn sàng"));
        String key = Pages.textOf(secretary, By.cssSelector("#ceremony-key code"));

        String ceremonyId;
        try (var db = CeremonyIT.database(); var query = db.prepareStatement("SELECT ceremony_id FROM ceremony WHERE meeting_id = ?")) {
            query.setLong(1, roster.meetingId());
            try (var row = query.executeQuery()) {
                row.next();
                ceremonyId = row.getString(1);
            }
        }
        // each device keeps its backup (its key share sealed under the passphrase) and offers the file
        for (int i = 0; i < 3; i++) {
            WebDriver tablet = tablets.get(i);
            Object kept = ((JavascriptExecutor) tablet).executeScript("return Object.keys(localStorage)"
                    + ".filter(k => k.startsWith('quorum/trustee/" + roster.meetingId() + "/" + ceremonyId + "/')).map(k => localStorage.getItem(k))");
            assertEquals(1, ((List<?>) kept).size(), "one backup of this ceremony kept on the device");
            JsonObject backup = CeremonyIT.json((String) ((List<?>) kept).get(0));
            assertEquals("quorum-trustee-backup/1", backup.getString("format"));
            assertEquals(i + 1, backup.getInt("index"));
            assertTrue(backup.getString("ciphertext").length() > 100);
            assertTrue(tablet.findElement(By.id("trustee-download")).isDisplayed(), "the backup is offered");
        }
        Path file = Pages.download(first, Path.of("target", "downloads-trustee"), () -> first.findElement(By.id("trustee-download")).click());
        JsonObject downloaded = CeremonyIT.json(Files.readString(file));
        assertEquals("quorum-trustee-backup/1", downloaded.getString("format"));
        Pages.await(first).until(ExpectedConditions.visibilityOfElementLocated(By.id("trustee-downloaded")));

        // the joint key the secretary sees is Σ C_i0 of what the devices published, and the record verifies
        CeremonyIT.Run stored = new CeremonyIT.Run(roster.meetingId(), List.of());
        List<app.quorum.ballot.crypto.TrusteeKeys> keys = stored.readyCeremony();
        Ceremony ceremony = Ceremony.of(roster.meetingId(), ceremonyId, 2, keys);
        assertEquals(List.of(), ceremony.problems());
        assertEquals(app.quorum.ballot.crypto.Codec.hex(ceremony.publicKey()), key);

        Browsers.screenshot(first, "trustees-6-trustee-ready-vi");
        Browsers.screenshot(secretary, "trustees-7-secretary-ready-vi");
        assertEquals(List.of(), Accessibility.severe(Accessibility.audit(secretary, "vi secretary trustees ready")));
        assertEquals(List.of(), Accessibility.severe(Accessibility.audit(first, "vi trustee ready")));
        Pages.switchLanguage(secretary, "en");
        Pages.await(secretary).until(ExpectedConditions.textToBe(By.id("ceremony-status"), "Ready"));
        Browsers.screenshot(secretary, "trustees-8-secretary-ready-en");
        Pages.switchLanguage(first, "en");
        Pages.await(first).until(ExpectedConditions.textToBePresentInElementLocated(By.id("trustee-step"), "Done"));
        Browsers.screenshot(first, "trustees-9-trustee-ready-en");
    }

    /** The trustees from {@code from} on choose their passphrase and start. */
    private static void begin(List<WebDriver> tablets, int from) {
        for (int i = from; i < tablets.size(); i++) {
            WebDriver tablet = tablets.get(i);
            tablet.findElement(By.id("trustee-pass1")).sendKeys("cụm mật khẩu " + i);
            tablet.findElement(By.id("trustee-pass2")).sendKeys("cụm mật khẩu " + i);
            tablet.findElement(By.id("trustee-begin")).click();
        }
    }

    /** Waits until the device's step says this, or fails with what it says. */
    private static void until(WebDriver tablet, String text) throws java.io.IOException {
        try {
            new WebDriverWait(tablet, CEREMONY).until(ExpectedConditions.textToBePresentInElementLocated(By.id("trustee-step"), text));
        } catch (org.openqa.selenium.TimeoutException e) {
            Browsers.screenshot(tablet, "trustees-debug");
            throw new AssertionError(tablet.findElement(By.id("trustee-step")).getText() + " / "
                    + tablet.findElement(By.id("trustee-error")).getText() + " / console: "
                    + tablet.manage().logs().get("browser").getAll(), e);
        }
    }

    String app(String path) {
        return "http://127.0.0.1:" + deployed.getPort() + deployed.getPath() + path;
    }
}
