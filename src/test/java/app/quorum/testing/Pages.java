package app.quorum.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Driving Quorum's pages in the browser tests: what more than one scenario does the same way (sign in, switch the
 * language, read the messages, add agenda items, attach a PDF, upload a roster file, download a file a button
 * sends) and the waits that go with it. Each helper waits for the page to show that its action took effect.
 */
public final class Pages {

    /** How long a page may take to answer, on a busy two-core machine. */
    public static final Duration WAIT = Duration.ofSeconds(45);

    private Pages() {
    }

    /** A wait that tries again when the page re-rendered an element under the test's feet. */
    public static WebDriverWait await(WebDriver driver) {
        return (WebDriverWait) new WebDriverWait(driver, WAIT).ignoring(StaleElementReferenceException.class);
    }

    /**
     * What {@code read} reads from a live page, read again (up to ten times) while the page re-renders the elements
     * it found: unlike a wait, it takes the first answer, whatever it is (false and null included).
     */
    public static <T> T fresh(WebDriver driver, java.util.function.Function<WebDriver, T> read) {
        for (int attempt = 1;; attempt++) {
            try {
                return read.apply(driver);
            } catch (StaleElementReferenceException e) {
                if (attempt == 10) {
                    throw e;
                }
            }
        }
    }

    /** The text of an element of a live page, read again if the page re-rendered it between finding and reading. */
    public static String textOf(WebDriver driver, By element) {
        return await(driver).until(d -> d.findElement(element).getText());
    }

    /** Signs a staff member in on the sign-in page and waits for their start page. */
    public static void signIn(WebDriver driver, String signInPage, String username, String password) {
        driver.get(signInPage);
        driver.findElement(By.id("staff:username")).sendKeys(username);
        driver.findElement(By.id("staff:password")).sendKeys(password);
        driver.findElement(By.id("staff:signInStaff")).click();
        await(driver).until(d -> !d.getCurrentUrl().contains("sign-in.xhtml"));
        assertTrue(driver.findElement(By.cssSelector(".q-user-name")).getText().length() > 0, "the signed-in user's name in the header");
    }

    /** Clicks the header's language link and waits for the page in that language. */
    public static void switchLanguage(WebDriver driver, String language) {
        driver.findElement(By.cssSelector("nav.q-lang a[hreflang='" + language + "']")).click();
        await(driver).until(d -> language.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
    }

    /** The page's messages (the template's message list), or "" without any. */
    public static String messages(WebDriver driver) {
        List<WebElement> messages = driver.findElements(By.id("messages"));
        return messages.isEmpty() ? "" : messages.get(0).getText();
    }

    /** The tabs of a meeting's pages, as the signed-in user sees them. */
    public static List<String> tabs(WebDriver driver) {
        return driver.findElements(By.cssSelector("nav.q-tabs a")).stream().map(WebElement::getText).toList();
    }

    // ---------------------------------------------------------------- secretary/agenda.xhtml

    /** The agenda's titles on the secretary's agenda page, in order. */
    public static List<String> agendaTitles(WebDriver driver) {
        return driver.findElements(By.cssSelector("#agenda\\:items .q-item-title")).stream().map(WebElement::getText).toList();
    }

    /** A row of the agenda table, from 0 (expanded rows' content is not a row). */
    public static WebElement agendaRow(WebDriver driver, int index) {
        return driver.findElement(By.cssSelector("#agenda\\:items_data > tr[data-ri='" + index + "']"));
    }

    /** Adds an item through the agenda page's dialog and waits for it in the table and the dialog gone. */
    public static void addAgendaItem(WebDriver driver, String title, String description, String presenter, Integer minutes) {
        int before = agendaTitles(driver).size();
        driver.findElement(By.id("agenda:add")).click();
        WebElement field = await(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("itemForm:title")));
        field.sendKeys(title);
        if (description != null) {
            driver.findElement(By.id("itemForm:description")).sendKeys(description);
        }
        if (presenter != null) {
            driver.findElement(By.id("itemForm:presenter")).sendKeys(presenter);
        }
        if (minutes != null) {
            driver.findElement(By.id("itemForm:minutes_input")).sendKeys(Integer.toString(minutes));
        }
        driver.findElement(By.id("itemForm:saveItem")).click();
        await(driver).until(d -> agendaTitles(d).size() == before + 1);
        await(driver).until(ExpectedConditions.invisibilityOfElementLocated(By.id("itemDialog")));
    }

    /** Opens an agenda row's details (documents and awardees), if they are not open yet. */
    public static WebElement openAgendaRow(WebDriver driver, int index) {
        By content = By.cssSelector("#agenda\\:items_data > tr[data-ri='" + index + "'] + tr.ui-expanded-row-content");
        if (driver.findElements(content).isEmpty()) {
            agendaRow(driver, index).findElement(By.cssSelector(".ui-row-toggler")).click();
        }
        return await(driver).until(ExpectedConditions.presenceOfElementLocated(content));
    }

    /** Attaches a PDF to an agenda item (its row opened, the file chosen: the upload starts by itself). */
    public static void attachDocument(WebDriver driver, int index, Path pdf) {
        WebElement file = openAgendaRow(driver, index).findElement(By.cssSelector("input[type=file]"));
        String name = pdf.getFileName().toString();
        file.sendKeys(pdf.toAbsolutePath().toString());
        await(driver).until(d -> messages(d).contains(name));
    }

    // ---------------------------------------------------------------- secretary/roster.xhtml

    /** Uploads a roster file to the import panel (opened if closed) and waits for its new preview. */
    public static void uploadRoster(WebDriver driver, Path file) {
        String before = previewText(driver);
        chooseRosterFile(driver, file);
        await(driver).until(d -> !previewText(d).isEmpty() && !previewText(d).equals(before));
    }

    /** Opens the roster's import panel and chooses a file, which the page uploads at once if it passes its checks. */
    public static void chooseRosterFile(WebDriver driver, Path file) {
        WebElement panel = driver.findElement(By.id("import:importPanel"));
        if (!driver.findElement(By.id("import:importPanel_content")).isDisplayed()) {
            panel.findElement(By.tagName("summary")).click();
            await(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("import:importPanel_content")));
        }
        driver.findElement(By.id("import:file_input")).sendKeys(file.toAbsolutePath().toString());
    }

    /** The preview's file name and summary, or "" without a preview: changes with every upload (another file or language). */
    private static String previewText(WebDriver driver) {
        List<WebElement> preview = driver.findElements(By.id("import:preview"));
        return preview.isEmpty() ? "" : preview.get(0).getText() + "|" + driver.findElement(By.tagName("html")).getAttribute("lang");
    }

    /** The names in the roster table, in the page's order. */
    public static List<String> rosterNames(WebDriver driver) {
        return driver.findElements(By.cssSelector("#roster\\:people_data > tr > td:first-child strong")).stream()
                .map(WebElement::getText).toList();
    }

    // ---------------------------------------------------------------- live pages

    /** Marks the page's window: a reload or a navigation would lose the mark. */
    public static void markPage(WebDriver driver) {
        ((JavascriptExecutor) driver).executeScript("window.quorumTestMark = 'no reload';");
    }

    /** Whether the page still carries its {@link #markPage mark}, that is, was not reloaded. */
    public static boolean marked(WebDriver driver) {
        return "no reload".equals(((JavascriptExecutor) driver).executeScript("return window.quorumTestMark;"));
    }

    // ---------------------------------------------------------------- downloads

    /**
     * The file a click sends as a download (a non-Ajax button with a file download): the browser saves it into a
     * fresh folder, and this waits until the file is complete.
     */
    public static Path download(WebDriver driver, Path folder, Runnable click) {
        try {
            Files.createDirectories(folder);
            try (Stream<Path> old = Files.list(folder)) {
                for (Path file : old.toList()) {
                    Files.delete(file);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ((ChromeDriver) driver).executeCdpCommand("Browser.setDownloadBehavior", Map.of(
                "behavior", "allow", "downloadPath", folder.toAbsolutePath().toString(), "eventsEnabled", true));
        click.run();
        return await(driver).until(d -> {
            try (Stream<Path> files = Files.list(folder)) {
                List<Path> all = files.toList();
                boolean partial = all.stream().anyMatch(p -> p.getFileName().toString().endsWith(".crdownload"));
                return partial || all.isEmpty() ? null : all.get(0);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }
}
