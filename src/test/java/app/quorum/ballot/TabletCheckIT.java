package app.quorum.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.testing.Browsers;
import app.quorum.testing.Deployments;
import java.net.URL;
import java.time.Duration;
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
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A tablet whose push is gone hears of the open and the close from its light check (every 12 s,
 * resources/quorum/tablet/connection.js), whose answer carries the meeting's news: it draws the ballot's face and then
 * the closed face from it, as from a push, without asking the server for the page (issue 15: in a hall's open, the
 * tablets whose check came before their push were the slowest to show the ballot). In headless Chromium against the
 * real server; the Faces requests the page makes are counted.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TabletCheckIT {

    /** The light check's period and then some. */
    private static final Duration CHECK = Duration.ofSeconds(20);

    @Deployment(testable = false)
    @TargetsContainer("web")
    static WebArchive war() {
        return Deployments.built();
    }

    @ArquillianResource
    URL deployed;

    @Test
    void aTabletWithoutItsPushDrawsTheOpenAndTheCloseFromItsLightCheck() throws Exception {
        CeremonyIT.Roster roster = CeremonyIT.roster();
        BallotFlowIT flow = new BallotFlowIT();
        flow.deployed = deployed;
        WebDriver chair = flow.chairWithBallotPrepared(roster.meetingId(), "Thông qua chủ trương công nhận xã Đắk Gằn");
        WebDriver tablet = TabletEndToEndIT.tablet(flow, roster.codes().get(3), "vi");
        JavascriptExecutor js = (JavascriptExecutor) tablet;
        assertEquals("waiting", js.executeScript("return document.getElementById('vote-box').dataset.view"));
        js.executeScript("window.qFacesRequests = 0;"
                + "faces.ajax.addOnEvent(function (e) { if (e.status === 'begin') { window.qFacesRequests++; } });"
                + "faces.push.close('delegate:push');");

        BallotFlowIT.until(chair).until(ExpectedConditions.elementToBeClickable(By.id("chair:drafts:0:openBallot"))).click();
        new WebDriverWait(tablet, CHECK).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".q-vote-YES")));
        String signature = (String) js.executeScript("return document.getElementById('vote-box').dataset.signature");
        assertTrue(signature.endsWith(":OPEN:v:p:not-voted"), signature);
        assertEquals(0L, js.executeScript("return window.qFacesRequests"), "the open ballot was drawn from the check's news");
        Browsers.screenshot(tablet, "tablet-check-1-open-drawn");

        BallotFlowIT.until(chair).until(ExpectedConditions.elementToBeClickable(By.id("chair:closeBallot"))).click();
        BallotFlowIT.until(chair).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        new WebDriverWait(tablet, CHECK).until(ExpectedConditions.attributeToBe(By.id("vote-box"), "data-view", "closed"));
        assertEquals(0L, js.executeScript("return window.qFacesRequests"), "and the closed face too");
        assertTrue(((String) js.executeScript("return document.getElementById('vote-box').dataset.signature")).contains(":CLOSED:v:p:"));
        Browsers.screenshot(tablet, "tablet-check-2-closed-drawn");
        String now = tablet.findElement(By.id("delegate:now")).getText();
        String chip = tablet.findElement(By.id("vote-chip-text")).getText();
        assertEquals("Chủ trì sẽ chuyển đến nội dung tiếp theo.", now, "no ballot open, no item current: what comes next");

        tablet.navigate().refresh(); // the server's own rendering of the same state
        BallotFlowIT.until(tablet).until(ExpectedConditions.attributeToBe(By.id("vote-box"), "data-view", "closed"));
        assertEquals(now, tablet.findElement(By.id("delegate:now")).getText(), "drawn as the server renders it");
        assertEquals(chip, tablet.findElement(By.id("vote-chip-text")).getText());
    }

    @AfterAll
    static void quit() {
        Browsers.closeAll();
    }
}
