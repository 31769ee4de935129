package app.quorum.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Headless Chromium for the browser tests: Debian's chromium and chromedriver, the flags this machine needs, a
 * fresh profile per browser (deleted by {@link #closeAll}), the console kept for diagnostics, and full-page
 * screenshots under target/screenshots. A test without Chromium on the machine is skipped, saying why.
 */
public final class Browsers {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private static final List<WebDriver> OPEN = new ArrayList<>();
    private static final List<Path> PROFILES = new ArrayList<>();

    private Browsers() {
    }

    /** A new browser window of the given size (a tablet is 768×1024). */
    public static synchronized WebDriver open(int width, int height) throws IOException {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Skipped: no Chromium at " + CHROMIUM + " (apt-get install chromium chromium-driver)");
        Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "chromium-profile-");
        PROFILES.add(profile);
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM.toFile())
                .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--user-data-dir=" + profile.toAbsolutePath(), "--lang=vi");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        WebDriver driver = new ChromeDriver(new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build(), options);
        driver.manage().window().setSize(new Dimension(width, height));
        OPEN.add(driver);
        return driver;
    }

    /** The whole page, laid out at the window's width, as target/screenshots/NAME.png. */
    public static void screenshot(WebDriver driver, String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        @SuppressWarnings("unchecked")
        Map<String, Object> metrics = ((ChromeDriver) driver).executeCdpCommand("Page.getLayoutMetrics", Map.of());
        @SuppressWarnings("unchecked")
        Map<String, Object> content = (Map<String, Object>) metrics.get("cssContentSize");
        double width = Math.max(((Number) content.get("width")).doubleValue(),
                ((Number) ((JavascriptExecutor) driver).executeScript("return window.innerWidth")).doubleValue());
        Map<String, Object> image = ((ChromeDriver) driver).executeCdpCommand("Page.captureScreenshot", Map.of(
                "format", "png",
                "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "scale", 1, "width", width,
                        "height", ((Number) content.get("height")).doubleValue())));
        Files.write(SCREENSHOTS.resolve(name + ".png"), Base64.getDecoder().decode((String) image.get("data")));
    }

    /** Quits one browser now (its profile goes with {@link #closeAll}). */
    public static synchronized void close(WebDriver driver) {
        if (OPEN.remove(driver)) {
            driver.quit();
        }
    }

    /** Quits every browser opened here and deletes their profiles. */
    public static synchronized void closeAll() {
        OPEN.forEach(WebDriver::quit);
        OPEN.clear();
        for (Path profile : PROFILES) {
            try (Stream<Path> files = Files.walk(profile)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        PROFILES.clear();
    }
}
