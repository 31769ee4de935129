package app.quorum.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.ballot.crypto.Ceremony;
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
        // two passphrases that differ are refused before anything is drawn
        WebDriver first = tablets.get(0);
        first.findElement(By.id("trustee-pass1")).sendKeys("mưa rào tháng sáu");
        first.findElement(By.id("trustee-pass2")).sendKeys("mưa rào tháng bảy");
        first.findElement(By.id("trustee-begin")).click();
        Pages.await(first).until(ExpectedConditions.textToBePresentInElementLocated(By.id("trustee-error"), "không giống nhau"));
        Browsers.screenshot(first, "trustees-2-trustee-passphrase-vi");
        first.findElement(By.id("trustee-pass2")).clear();
        first.findElement(By.id("trustee-pass2")).sendKeys("mưa rào tháng sáu");
        first.findElement(By.id("trustee-begin")).click();
        Pages.await(first).until(ExpectedConditions.textToBePresentInElementLocated(By.id("trustee-step"), "Đang chờ"));
        Browsers.screenshot(first, "trustees-3-trustee-waiting-vi");
        for (int i = 1; i < 3; i++) {
            WebDriver tablet = tablets.get(i);
            tablet.findElement(By.id("trustee-pass1")).sendKeys("cụm mật khẩu " + i);
            tablet.findElement(By.id("trustee-pass2")).sendKeys("cụm mật khẩu " + i);
            tablet.findElement(By.id("trustee-begin")).click();
        }
        for (WebDriver tablet : tablets) {
            try {
                new WebDriverWait(tablet, CEREMONY).until(ExpectedConditions.textToBePresentInElementLocated(By.id("trustee-step"), "Hoàn tất"));
            } catch (org.openqa.selenium.TimeoutException e) {
                Browsers.screenshot(tablet, "trustees-debug");
                throw new AssertionError(tablet.findElement(By.id("trustee-step")).getText() + " / "
                        + tablet.findElement(By.id("trustee-error")).getText() + " / console: "
                        + tablet.manage().logs().get("browser").getAll(), e);
            }
        }
        Pages.await(secretary).until(ExpectedConditions.textToBe(By.id("ceremony-status"), "Sẵn sàng"));
        String key = Pages.textOf(secretary, By.cssSelector("#ceremony-key code"));

        // each device keeps its backup (its key share sealed under the passphrase) and offers the file
        for (int i = 0; i < 3; i++) {
            WebDriver tablet = tablets.get(i);
            Object kept = ((JavascriptExecutor) tablet).executeScript("return Object.keys(localStorage)"
                    + ".filter(k => k.startsWith('quorum/trustee/" + roster.meetingId() + "/')).map(k => localStorage.getItem(k))");
            assertEquals(1, ((List<?>) kept).size(), "one backup kept on the device");
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
        String ceremonyId;
        try (var db = CeremonyIT.database(); var query = db.prepareStatement("SELECT ceremony_id FROM ceremony WHERE meeting_id = ?")) {
            query.setLong(1, roster.meetingId());
            try (var row = query.executeQuery()) {
                row.next();
                ceremonyId = row.getString(1);
            }
        }
        Ceremony ceremony = Ceremony.of(roster.meetingId(), ceremonyId, 2, keys);
        assertEquals(List.of(), ceremony.problems());
        assertEquals(app.quorum.ballot.crypto.Codec.hex(ceremony.publicKey()), key);

        Browsers.screenshot(first, "trustees-4-trustee-ready-vi");
        Browsers.screenshot(secretary, "trustees-5-secretary-ready-vi");
        Pages.switchLanguage(secretary, "en");
        Pages.await(secretary).until(ExpectedConditions.textToBe(By.id("ceremony-status"), "Ready"));
        Browsers.screenshot(secretary, "trustees-6-secretary-ready-en");
        Pages.switchLanguage(first, "en");
        Pages.await(first).until(ExpectedConditions.textToBePresentInElementLocated(By.id("trustee-step"), "Done"));
        Browsers.screenshot(first, "trustees-7-trustee-ready-en");
    }

    String app(String path) {
        return "http://127.0.0.1:" + deployed.getPort() + deployed.getPath() + path;
    }
}
