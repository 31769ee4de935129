package app.quorum.ballot.drill;

import app.quorum.testing.Browsers;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The staff side of the drill, in headless Chromium through the application's own pages: the admin creates the chair's
 * account; the chair prepares and opens the secret ballot (opening draws the ballot's key salt) and, after the votes,
 * closes it and reads the result and the box's fingerprint from the console.
 */
final class ChairConsole {

    static final String CHAIR = "chutri";

    private final URI base;
    private final String chairPassword;

    ChairConsole(URI base, String chairPassword) {
        this.base = base;
        this.chairPassword = chairPassword;
    }

    /** As the admin, on Tài khoản: a new account with the chair's role only. */
    void createChairAccount(String adminPassword) throws IOException {
        WebDriver admin = Browsers.open(1280, 1000);
        try {
            signIn(admin, "admin", adminPassword);
            admin.get(page("admin/accounts.xhtml"));
            until(admin).until(ExpectedConditions.elementToBeClickable(By.id("accounts:add"))).click();
            until(admin).until(ExpectedConditions.visibilityOfElementLocated(By.id("accountForm:username"))).sendKeys(CHAIR);
            admin.findElement(By.id("accountForm:displayName")).sendKeys("Phan Bá Tịnh");
            // the new account starts with the secretary's role ticked: untick it, tick the chair's (ADMIN, SECRETARY, CHAIR)
            List<WebElement> boxes = admin.findElements(By.cssSelector("[id='accountForm:roles'] .ui-chkbox-box"));
            boxes.get(1).click();
            boxes.get(2).click();
            admin.findElement(By.id("accountForm:password")).sendKeys(chairPassword);
            admin.findElement(By.id("accountForm:save")).click();
            until(admin).until(ExpectedConditions.textToBePresentInElementLocated(By.id("accounts:list"), CHAIR));
            Browsers.screenshot(admin, "drill-0-chair-account");
        } finally {
            admin.quit();
        }
    }

    /** As the chair, on the meeting's console: prepares the secret approval ballot with the question, and opens it. */
    void openBallot(long meetingId, String question) throws IOException {
        WebDriver chair = Browsers.open(1280, 1000);
        try {
            signIn(chair, CHAIR, chairPassword);
            chair.get(page("chair/meeting.xhtml?id=" + meetingId));
            until(chair).until(ExpectedConditions.visibilityOfElementLocated(By.id("chair:question"))).clear();
            chair.findElement(By.id("chair:question")).sendKeys(question);
            chair.findElement(By.id("chair:saveBallot")).click();
            // the console may render its drafts again just after the save (a push of the meeting's change): a button
            // found before that is gone, and is looked up again
            until(chair).ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(d -> {
                org.openqa.selenium.WebElement open = ExpectedConditions.elementToBeClickable(By.id("chair:drafts:0:openBallot")).apply(d);
                if (open == null) {
                    return false;
                }
                open.click();
                return true;
            });
            until(chair).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".q-turnout-figure")));
            Browsers.screenshot(chair, "drill-1-chair-opened");
        } finally {
            chair.quit();
        }
    }

    /** What the chair's console shows once the ballot is closed. */
    record Shown(Map<String, Integer> votesByLabel, String fingerprint, String outcome, String turnout) {
    }

    /** As the chair, after the votes (a new session: the old one died with the server): closes the ballot. */
    Shown closeBallot(long meetingId) throws IOException {
        WebDriver chair = Browsers.open(1280, 1000);
        try {
            signIn(chair, CHAIR, chairPassword);
            chair.get(page("chair/meeting.xhtml?id=" + meetingId));
            String turnout = until(chair).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".q-turnout-figure"))).getText();
            Browsers.screenshot(chair, "drill-2-chair-before-close");
            chair.findElement(By.id("chair:closeBallot")).click();
            until(chair).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
            until(chair).until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
            // the console re-renders itself when the close is pushed back to it: read the result from a fresh page
            chair.get(page("chair/meeting.xhtml?id=" + meetingId));
            WebElement result = until(chair).until(ExpectedConditions.visibilityOfElementLocated(By.id("result")));
            Browsers.screenshot(chair, "drill-3-chair-result");
            Map<String, Integer> votes = new LinkedHashMap<>();
            for (WebElement row : result.findElements(By.cssSelector("tbody tr"))) {
                List<WebElement> cells = row.findElements(By.tagName("td"));
                votes.put(cells.get(0).getText().strip(), Integer.valueOf(cells.get(1).getText().strip()));
            }
            String outcome = result.findElement(By.tagName("caption")).getText().strip();
            String fingerprint = chair.findElement(By.cssSelector(".q-fingerprint code")).getText().strip();
            return new Shown(votes, fingerprint, outcome, turnout);
        } finally {
            chair.quit();
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
        return new WebDriverWait(browser, Duration.ofSeconds(60));
    }
}
