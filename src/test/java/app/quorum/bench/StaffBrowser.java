package app.quorum.bench;

import app.quorum.testing.Browsers;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff's clicks, in headless Chromium on the application's own pages: the admin creates the chair's account (chair
 * and secretary); the chair prepares a ballot (secret or open), opens it, closes it, and publishes the result. Between
 * the clicks the browser rests on a blank page: the console the hall watches is {@link HallBench}'s lean one.
 */
final class StaffBrowser implements AutoCloseable {

    static final String CHAIR = "chutri";

    private final URI base;
    private final String chairPassword;
    private WebDriver chair;

    StaffBrowser(URI base, String chairPassword) {
        this.base = base;
        this.chairPassword = chairPassword;
    }

    String chairPassword() {
        return chairPassword;
    }

    void createChairAccount(String adminPassword) throws IOException {
        WebDriver admin = Browsers.open(1280, 1000);
        try {
            signIn(admin, "admin", adminPassword);
            admin.get(page("admin/accounts.xhtml"));
            until(admin).until(ExpectedConditions.elementToBeClickable(By.id("accounts:add"))).click();
            until(admin).until(ExpectedConditions.visibilityOfElementLocated(By.id("accountForm:username"))).sendKeys(CHAIR);
            admin.findElement(By.id("accountForm:displayName")).sendKeys("Phan Bá Tịnh");
            // the new account starts with the secretary's role ticked (ADMIN, SECRETARY, CHAIR): keep it, tick the chair's
            List<WebElement> boxes = admin.findElements(By.cssSelector("[id='accountForm:roles'] .ui-chkbox-box"));
            boxes.get(2).click();
            admin.findElement(By.id("accountForm:password")).sendKeys(chairPassword);
            admin.findElement(By.id("accountForm:save")).click();
            until(admin).until(ExpectedConditions.textToBePresentInElementLocated(By.id("accounts:list"), CHAIR));
        } finally {
            admin.quit();
        }
        chair = Browsers.open(1280, 1000);
        signIn(chair, CHAIR, chairPassword);
        chair.get("about:blank");
    }

    /** On the meeting's console: a draft ballot with this question and secrecy, saved (not yet open). */
    void prepare(long meetingId, String question, boolean open) {
        chair.get(page("chair/meeting.xhtml?id=" + meetingId));
        until(chair).until(ExpectedConditions.presenceOfElementLocated(By.id("chair:ballotPrepare")));
        for (int tries = 0; ; tries++) { // the console re-renders on its pushes: a button found may be gone at the click
            try {
                List<WebElement> prepareOnTheSpot = chair.findElements(By.id("chair:prepareOnTheSpot"));
                if (!prepareOnTheSpot.isEmpty()) {
                    prepareOnTheSpot.get(0).click();
                    until(chair).until(ExpectedConditions.stalenessOf(prepareOnTheSpot.get(0)));
                }
                break;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (tries > 5) {
                    throw e;
                }
            }
        }
        for (int tries = 0; ; tries++) {
            try {
                until(chair).until(ExpectedConditions.visibilityOfElementLocated(By.id("chair:question"))).clear();
                chair.findElement(By.id("chair:question")).sendKeys(question);
                if (open) {
                    List<WebElement> radios = chair.findElements(By.cssSelector("[id='chair:secrecy'] .ui-radiobutton-box"));
                    radios.get(1).click();
                }
                chair.findElement(By.id("chair:saveBallot")).click();
                break;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (tries > 5) {
                    throw e;
                }
            }
        }
        until(chair).until(ExpectedConditions.elementToBeClickable(By.id("chair:drafts:0:openBallot")));
    }

    /** Clicks "open" on the first draft; answers System.nanoTime just before the click. Waits until the console shows it. */
    long open() throws IOException {
        long at;
        for (int tries = 0; ; tries++) { // the console re-renders on its pushes: the button found may be gone at the click
            try {
                WebElement button = chair.findElement(By.id("chair:drafts:0:openBallot"));
                at = System.nanoTime();
                button.click();
                break;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (tries > 5) {
                    throw e;
                }
            }
        }
        until(chair).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".q-turnout-figure")));
        Browsers.screenshot(chair, "bench-opened");
        chair.get("about:blank");
        return at;
    }

    /** Closes the ballot on the console, then publishes its result on the results page: the milliseconds the two took. */
    double closeAndPublish(long meetingId, long ballotId) throws IOException {
        return close(meetingId, false) + publish(meetingId, ballotId);
    }

    /**
     * Closes the ballot on the console: the milliseconds from the confirming click to the console showing the result,
     * or, for an end-to-end ballot, that it awaits its trustees (the count is theirs).
     */
    double close(long meetingId, boolean endToEnd) throws IOException {
        chair.get(page("chair/meeting.xhtml?id=" + meetingId));
        click(By.id("chair:closeBallot"));
        WebElement yes = until(chair).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes")));
        long closeAt = System.nanoTime();
        yes.click();
        until(chair).until(ExpectedConditions.visibilityOfElementLocated(By.id(endToEnd ? "awaitingTrustees" : "result")));
        long closed = System.nanoTime();
        Browsers.screenshot(chair, "bench-closed");
        chair.get("about:blank");
        return (closed - closeAt) / 1e6;
    }

    /** Publishes the counted result on the results page: the milliseconds from the confirming click to it shown published. */
    double publish(long meetingId, long ballotId) throws IOException {
        chair.get(page("secretary/results.xhtml?id=" + meetingId));
        until(chair).until(ExpectedConditions.elementToBeClickable(
                By.cssSelector("[id='ballot-" + ballotId + "'] button[id$=':publish']"))).click();
        WebElement publishYes = until(chair).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes")));
        long publishAt = System.nanoTime();
        publishYes.click();
        until(chair).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("[id='ballot-" + ballotId + "'].q-result-published")));
        long published = System.nanoTime();
        Browsers.screenshot(chair, "bench-published");
        chair.get("about:blank");
        return (published - publishAt) / 1e6;
    }

    /** Clicks the element once it is clickable, finding it again when the console re-rendered it in between (its pushes). */
    private void click(By element) {
        for (int tries = 0; ; tries++) {
            try {
                until(chair).until(ExpectedConditions.elementToBeClickable(element)).click();
                return;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                if (tries > 5) {
                    throw e;
                }
            }
        }
    }

    private void signIn(WebDriver browser, String user, String password) {
        browser.get(page("sign-in.xhtml"));
        until(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("staff:username"))).sendKeys(user);
        browser.findElement(By.id("staff:password")).sendKeys(password);
        browser.findElement(By.id("staff:signInStaff")).click();
        until(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("sign-in")));
    }

    private String page(String path) {
        return base.resolve(path).toString();
    }

    private static WebDriverWait until(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(180));
    }

    @Override
    public void close() {
        if (chair != null) {
            chair.quit();
        }
    }
}
