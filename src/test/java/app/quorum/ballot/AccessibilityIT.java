package app.quorum.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.quorum.testing.Accessibility;
import app.quorum.testing.Browsers;
import app.quorum.testing.Deployments;
import app.quorum.testing.TestEnvironment;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * axe-core audits the pages each kind of user works with — public, sign-in, delegate tablet, chair, secretary,
 * admin — in Vietnamese and English, and finds no serious or critical violation of WCAG 2.1 A/AA. Every audit goes
 * into target/accessibility/report.md, with its counts by impact.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AccessibilityIT {

    @Deployment(testable = false)
    @TargetsContainer("web")
    static WebArchive war() {
        return Deployments.built();
    }

    @ArquillianResource
    URL deployed;

    @Test
    void noPageHasASeriousOrCriticalViolation() throws Exception {
        long demo = demoMeetingId();
        List<String> codes = new ArrayList<>();
        long session = BallotFlowIT.meetingWithThreeVoters(codes);
        Map<String, List<Accessibility.Violation>> severe = new LinkedHashMap<>();
        for (String lang : List.of("vi", "en")) {
            WebDriver visitor = Browsers.open(1280, 900);
            visitor.get(app("?lang=" + lang));
            audit(visitor, lang + " home", severe);
            visitor.get(app("public/meeting.xhtml?id=" + demo));
            audit(visitor, lang + " public meeting", severe);
            visitor.get(app("sign-in.xhtml"));
            audit(visitor, lang + " sign-in", severe);

            WebDriver tablet = Browsers.open(768, 1024);
            tablet.get(app("?lang=" + lang));
            tablet.get(app("sign-in.xhtml?code=" + codes.get(lang.equals("vi") ? 0 : 1)));
            tablet.findElement(By.id("delegate:signInDelegate")).click();
            until(tablet).until(ExpectedConditions.urlContains("delegate"));
            audit(tablet, lang + " delegate tablet", severe);

            WebDriver chair = staff("chutri", lang);
            chair.get(app("chair/index.xhtml"));
            audit(chair, lang + " chair meetings", severe);
            chair.get(app("chair/meeting.xhtml?id=" + session));
            audit(chair, lang + " chair console", severe);

            WebDriver secretary = staff("thuky", lang);
            for (String page : List.of("secretary/index.xhtml", "secretary/meeting.xhtml?id=" + demo,
                    "secretary/agenda.xhtml?id=" + demo, "secretary/roster.xhtml?id=" + demo,
                    "secretary/attendance.xhtml?id=" + demo, "audit/index.xhtml")) {
                secretary.get(app(page));
                audit(secretary, lang + " " + page.replaceAll("\\?.*", "").replace(".xhtml", ""), severe);
            }
            WebDriver admin = staff("admin", lang);
            admin.get(app("admin/accounts.xhtml"));
            audit(admin, lang + " admin accounts", severe);
            Browsers.closeAll();
        }
        assertEquals(Map.of(), severe, "serious or critical violations (target/accessibility/report.md)");
    }

    private void audit(WebDriver browser, String page, Map<String, List<Accessibility.Violation>> severe) throws Exception {
        List<Accessibility.Violation> found = Accessibility.severe(Accessibility.audit(browser, page));
        if (!found.isEmpty()) {
            severe.put(page, found);
        }
    }

    private WebDriver staff(String user, String lang) throws Exception {
        WebDriver browser = Browsers.open(1280, 900);
        browser.get(app("?lang=" + lang));
        browser.get(app("sign-in.xhtml"));
        browser.findElement(By.id("staff:username")).sendKeys(user);
        browser.findElement(By.id("staff:password")).sendKeys(TestEnvironment.password(user));
        browser.findElement(By.id("staff:signInStaff")).click();
        until(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("sign-in")));
        return browser;
    }

    private static long demoMeetingId() throws Exception {
        try (Connection db = BallotFlowIT.database();
                PreparedStatement query = db.prepareStatement("SELECT MIN(id) FROM meeting");
                ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private String app(String path) {
        return "http://127.0.0.1:" + deployed.getPort() + deployed.getPath() + path;
    }

    private static WebDriverWait until(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterAll
    static void quit() {
        Browsers.closeAll();
    }
}
