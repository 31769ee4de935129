package app.quorum.ballot.tablet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.testing.Browsers;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The secret ballot's browser modules in headless Chromium, loaded as a tablet loads them: from a page over plain
 * http (not a secure context, no {@code crypto.subtle}), through the import map, under Quorum's
 * Content-Security-Policy, with no bundler. The page (src/test/resources/crypto/tablet.html) runs the trustees'
 * ceremony, papers (checked one by one and in a batch), an audit, two trustees' devices checking the list and
 * decrypting the aggregate they recompute — and refusing a tampered list, a short list and another aggregate — and the
 * passphrase vault; this test checks each came out right and that the console holds no error.
 */
class TabletCryptoIT {

    /** The test site's port: {@code -Dtablet.port} (a helper's own range), 8311 by default. */
    static final int PORT = Integer.getInteger("tablet.port", 8311);

    @AfterAll
    static void closeBrowsers() {
        Browsers.closeAll();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theModulesWorkInChromiumOverPlainHttp() throws Exception {
        WebDriver browser = Browsers.open(768, 1024);
        try (TabletTestSite site = new TabletTestSite(PORT)) {
            browser.get(site.page());
            new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> "ready".equals(d.findElement(By.id("status")).getText()));
            JavascriptExecutor js = (JavascriptExecutor) browser;
            Map<String, Object> environment = (Map<String, Object>) js.executeScript("return window.tablet.environment()");
            assertEquals("function", environment.get("getRandomValues"));
            if (site.overTheNetwork()) {
                assertEquals(false, environment.get("secureContext"), "a page at " + site.page() + " is no secure context");
                assertEquals("undefined", environment.get("subtle"), "so it has no crypto.subtle");
            }
            browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(180));
            Map<String, Object> result = (Map<String, Object>) js.executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                    + "window.tablet.selfTest().then(done, e => done({error: String(e && e.stack || e)}));");
            assertEquals(null, result.get("error"), String.valueOf(result.get("error")));
            for (String check : List.of("round1", "papers", "tampered", "audit", "decryptions", "vault")) {
                assertEquals(true, result.get(check), check + " in " + result);
            }
            assertEquals(0L, ((Number) result.get("complaints")).longValue());
            assertTrue(String.valueOf(result.get("receipt")).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}"));
            List<LogEntry> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(entry -> entry.getLevel().intValue() >= Level.WARNING.intValue()).toList();
            assertEquals(List.of(), errors.stream().map(LogEntry::getMessage).toList(), "console errors or warnings");
            System.out.println("tablet crypto in " + environment.get("userAgent") + " at " + site.page()
                    + " (secure context: " + environment.get("secureContext") + "): " + result);
        } finally {
            Browsers.close(browser);
        }
    }
}
