package app.quorum.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.ballot.crypto.Tracker;
import app.quorum.testing.Browsers;
import app.quorum.testing.Deployments;
import app.quorum.testing.FacesClient;
import app.quorum.testing.FacesForm;
import app.quorum.testing.TestEnvironment;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

/**
 * The delegate's tablet on an end-to-end ballot, in headless Chromium against the real server: the trustees' ceremony
 * READY (three delegate sessions with the Java prover, as CeremonyIT), the chair opens a secret ballot, and a delegate
 * (in Vietnamese, then another in English) confirms YES, sees the sealed paper's code with "cast this paper" and
 * "check this paper first", checks it (the paper shown opened, the device's own verdict, listed as audited by the
 * server), seals a new one, casts it, and reads the receipt — the tracker's, as stored. Screenshots of each step
 * under target/screenshots (tablet-e2e-*).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class TabletEndToEndIT {

    @Deployment(testable = false)
    @TargetsContainer("web")
    static WebArchive war() {
        return Deployments.built();
    }

    @ArquillianResource
    URL deployed;

    @Test
    void aDelegateChecksOnePaperThenCastsAFreshOneAndKeepsTheTrackersReceipt() throws Exception {
        CeremonyIT.Roster roster = CeremonyIT.roster();
        readyCeremony(roster);

        BallotFlowIT flow = new BallotFlowIT();
        flow.deployed = deployed;
        WebDriver chair = flow.chairWithBallotPrepared(roster.meetingId(), "Đề nghị xét công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023");
        WebDriver vi = tablet(flow, roster.codes().get(3), "vi");
        WebDriver en = tablet(flow, roster.codes().get(2), "en");
        BallotFlowIT.until(chair).until(ExpectedConditions.elementToBeClickable(By.id("chair:drafts:0:openBallot"))).click();
        BallotFlowIT.until(chair).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".q-turnout-figure")));
        long ballotId = ballotOf(roster.meetingId());

        String viReceipt = voteCheckingFirst(vi, "vi", ballotId);
        String enReceipt = voteCheckingFirst(en, "en", ballotId);
        assertNotEquals(viReceipt, enReceipt);
        assertEquals(2, count("SELECT COUNT(*) FROM ballot_paper WHERE ballot_id = ?", ballotId));
        assertEquals(2, count("SELECT COUNT(*) FROM ballot_audited_paper WHERE ballot_id = ?", ballotId));
        List<String> stored = new ArrayList<>();
        try (Connection db = CeremonyIT.database(); PreparedStatement query = db.prepareStatement(
                "SELECT tracker FROM ballot_paper WHERE ballot_id = ?")) {
            query.setLong(1, ballotId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    stored.add(Tracker.display(rows.getString(1)));
                }
            }
        }
        assertTrue(stored.contains(viReceipt) && stored.contains(enReceipt), stored + " / " + viReceipt + ", " + enReceipt);
    }

    /** A tablet (768×1024) signed in with a card, in a language, waiting for the ballot. */
    static WebDriver tablet(BallotFlowIT flow, String code, String language) throws Exception {
        WebDriver tablet = BallotFlowIT.browser(768, 1024);
        tablet.get(flow.app("sign-in.xhtml?code=" + code));
        tablet.findElement(By.id("delegate:signInDelegate")).click();
        BallotFlowIT.until(tablet).until(ExpectedConditions.presenceOfElementLocated(By.id("vote-box")));
        tablet.get(flow.app("delegate/index.xhtml?lang=" + language));
        BallotFlowIT.until(tablet).until(ExpectedConditions.presenceOfElementLocated(By.id("vote-box")));
        return tablet;
    }

    /** YES, confirmed; the sealed paper checked first; a new one sealed and cast: the receipt shown at the end. */
    private String voteCheckingFirst(WebDriver tablet, String language, long ballotId) throws Exception {
        JavascriptExecutor js = (JavascriptExecutor) tablet;
        BallotFlowIT.until(tablet).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".q-vote-YES")));
        String yes = tablet.findElement(By.cssSelector(".q-vote-YES")).getDomAttribute("data-label");
        tablet.findElement(By.cssSelector(".q-vote-YES")).click();
        String fields = (String) js.executeScript("return document.getElementById('vote-box').dataset.election || ''");
        assertTrue(fields.contains("\"context\"") && fields.contains("\"publicKey\""), "the ballot is end-to-end: " + fields);
        assertEquals("YES", tablet.findElement(By.cssSelector(".q-vote-YES")).getDomAttribute("data-code"));
        assertTrue((Boolean) js.executeScript("return !!document.querySelector('script[type=\"importmap\"]')"),
                "the page inlines the import map");
        BallotFlowIT.until(tablet).until(ExpectedConditions.elementToBeClickable(By.id("vote-confirm"))).click();
        step(tablet, "check");
        String checked = tablet.findElement(By.cssSelector("#vote-e2e-receipt code")).getText();
        assertTrue(checked.matches("[0-9A-Z]{4}(-[0-9A-Z]{4}){3}"), checked);
        System.out.println("[tablet-e2e] " + language + " first paper sealed in "
                + js.executeScript("return document.getElementById('vote-box').dataset.sealMillis") + " ms");
        Browsers.screenshot(tablet, "tablet-e2e-" + language + "-1-cast-or-check");

        tablet.findElement(By.id("vote-e2e-audit")).click();
        step(tablet, "audited");
        assertEquals(List.of(yes), tablet.findElements(By.cssSelector("#vote-e2e-opened-list li")).stream()
                .map(item -> item.getText()).toList(), "the checked paper held YES");
        assertTrue(tablet.findElement(By.id("vote-e2e-verdict")).getDomAttribute("class").contains("q-vote-e2e-good"));
        String listed = tablet.findElement(By.id("vote-e2e-listed")).getText();
        assertEquals(checked, tablet.findElement(By.cssSelector("#vote-e2e-opened-receipt code")).getText());
        Browsers.screenshot(tablet, "tablet-e2e-" + language + "-2-checked-paper");
        assertTrue(listed.contains(language.equals("vi") ? "đã vào danh sách" : "is on the public list"), listed);

        tablet.findElement(By.id("vote-e2e-reseal")).click();
        step(tablet, "check");
        String fresh = tablet.findElement(By.cssSelector("#vote-e2e-receipt code")).getText();
        assertNotEquals(checked, fresh, "a new paper");
        System.out.println("[tablet-e2e] " + language + " new paper sealed in "
                + js.executeScript("return document.getElementById('vote-box').dataset.sealMillis") + " ms");
        tablet.findElement(By.id("vote-e2e-cast")).click();
        step(tablet, "recorded");
        BallotFlowIT.until(tablet).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#vote-receipt code")));
        String receipt = tablet.findElement(By.cssSelector("#vote-receipt code")).getText();
        assertEquals(fresh, receipt, "the receipt is the cast paper's tracker's");
        String kept = (String) js.executeScript("return JSON.stringify(sessionStorage)");
        assertFalse(kept.contains("randomness") || kept.contains("choice"), kept);
        Browsers.screenshot(tablet, "tablet-e2e-" + language + "-3-recorded");
        return receipt;
    }

    private static void step(WebDriver tablet, String step) {
        BallotFlowIT.until(tablet).until(ExpectedConditions.attributeToBe(By.id("vote-box"), "data-step", step));
    }

    /** The secretary starts the ceremony (chair, secretary, the third participant; t = 2); their devices make the key. */
    private void readyCeremony(CeremonyIT.Roster roster) throws Exception {
        CeremonyIT ceremony = new CeremonyIT();
        ceremony.deployed = deployed;
        FacesClient secretary = new FacesClient(ceremony.app("")).signIn("thuky", TestEnvironment.password("thuky"));
        String page = "secretary/trustees.xhtml?id=" + roster.meetingId();
        FacesForm choose = secretary.form(page, "choose");
        HttpResponse<String> started = secretary.ajax(choose, "choose", "choose:start",
                Map.of("choose:place:2:trustee", String.valueOf(roster.ids().get(2))));
        assertTrue(started.body().contains("Đã bắt đầu tạo khóa"), started.body());
        List<CeremonyIT.Device> trustees = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            trustees.add(ceremony.new Device(roster.codes().get(i)).signIn());
        }
        CeremonyIT.Run run = new CeremonyIT.Run(roster.meetingId(), trustees);
        for (int i = 0; i < 3; i++) {
            run.roundOne(i);
        }
        for (int i = 0; i < 3; i++) {
            run.roundTwo(i, run.drawn.get(i).roundTwo(run.published()));
        }
        for (int i = 0; i < 3; i++) {
            run.publishKey(i, run.roundThree(i));
        }
        assertEquals("READY", trustees.get(0).view().getString("status"));
    }

    private static long ballotOf(long meetingId) throws Exception {
        try (Connection db = CeremonyIT.database(); PreparedStatement query = db.prepareStatement(
                "SELECT id FROM ballot WHERE meeting_id = ? AND status = 'OPEN'")) {
            query.setLong(1, meetingId);
            try (ResultSet row = query.executeQuery()) {
                assertTrue(row.next(), "an open ballot");
                return row.getLong(1);
            }
        }
    }

    private static long count(String sql, long ballotId) throws Exception {
        try (Connection db = CeremonyIT.database(); PreparedStatement query = db.prepareStatement(sql)) {
            query.setLong(1, ballotId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    @AfterAll
    static void quit() {
        Browsers.closeAll();
    }
}
