package app.quorum.platform.web;

import app.quorum.platform.Limits;
import app.quorum.testing.Browsers;
import app.quorum.testing.Deployments;
import app.quorum.testing.FacesClient;
import app.quorum.testing.FacesForm;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Quorum as its users reach it: the whole WAR (target/quorum.war) on Payara Micro, seen over HTTP and in headless
 * Chromium. One deployment for both kinds of checks.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WebIT {

    static final String DAK_GAN = "Đắk Gằn";
    static final String DEMO_ORGANISER = "UBND huyện Đắk Mil";
    static final String DEMO_TITLE = "Hội nghị đánh giá kết quả thực hiện Chương trình MTQG xây dựng nông thôn mới năm 2023";

    @Deployment(testable = false)
    @TargetsContainer("web")
    static WebArchive war() {
        return Deployments.built();
    }

    /** Where Payara says the WAR is: the machine's address, though Payara listens on the loopback interface only. */
    @ArquillianResource
    URL deployed;

    private static final HttpClient HTTP = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private static WebDriver browser;

    // ---------------------------------------------------------------- over HTTP

    @Test
    void healthChecksAreUp() throws Exception {
        HttpResponse<String> ready = get(server("/health/ready"));
        assertEquals(200, ready.statusCode(), ready::body);
        assertTrue(isUp(ready.body()), ready.body());
        assertTrue(ready.body().contains("\"database\""), () -> "no database check in " + ready.body());

        HttpResponse<String> live = get(server("/health/live"));
        assertEquals(200, live.statusCode(), live::body);
        assertTrue(isUp(live.body()), live.body());
    }

    @Test
    void theFirstPageListsTheDemoMeeting() throws Exception {
        HttpResponse<String> page = get(app(""));
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT).contains("charset=utf-8"),
                () -> "Content-Type " + page.headers().firstValue("Content-Type"));
        assertTrue(page.body().contains(DEMO_TITLE), "the demo meeting's title, with its diacritics, on the first page");
        assertNotNull(demoMeetingPath(page.body()), "a link to the demo meeting");
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (URI uri : List.of(app(""), app("public/meeting.xhtml?id=999999999"))) {
            HttpResponse<String> response = get(uri);
            String policy = response.headers().firstValue("Content-Security-Policy").orElse("");
            assertAll(uri.toString(),
                    () -> assertTrue(policy.contains("frame-ancestors 'none'"), "Content-Security-Policy: " + policy),
                    () -> assertTrue(policy.contains("default-src 'self'"), "Content-Security-Policy: " + policy),
                    () -> assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null)));
        }
    }

    @Test
    void theSessionCookieIsSameSiteStrictAndHttpOnly() throws Exception {
        HttpResponse<String> page = get(app(""));
        String session = page.headers().allValues("Set-Cookie").stream()
                .filter(cookie -> cookie.startsWith("JSESSIONID="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie in " + page.headers().map()));
        assertTrue(Pattern.compile(";\\s*SameSite=Strict(;|$)", Pattern.CASE_INSENSITIVE).matcher(session).find(), session);
        assertTrue(Pattern.compile(";\\s*HttpOnly(;|$)", Pattern.CASE_INSENSITIVE).matcher(session).find(), session);
    }

    @Test
    void anUnknownMeetingIsA404InTheVisitorsLanguage() throws Exception {
        for (String id : List.of("999999999", "abc", "1%27%20OR%201=1")) {
            HttpResponse<String> vi = get(app("public/meeting.xhtml?id=" + id));
            assertEquals(404, vi.statusCode(), "id " + id);
            assertTrue(vi.body().contains("Không tìm thấy trang"), () -> "id " + id + ": " + vi.body());
            assertTrue(vi.body().contains("lang=\"vi\""), "id " + id);

            HttpResponse<String> en = get(app("public/meeting.xhtml?id=" + id), "quorum-lang=en");
            assertEquals(404, en.statusCode(), "id " + id);
            assertTrue(en.body().contains("Page not found"), () -> "id " + id + ": " + en.body());
            assertTrue(en.body().contains("lang=\"en\""), "id " + id);
        }
    }

    @Test
    void theLanguageSwitchSetsACookieAndRedirectsWithoutTheParameter() throws Exception {
        HttpResponse<String> switched = get(app("public/meeting.xhtml?id=999999999&lang=en"));
        assertEquals(302, switched.statusCode());
        URI location = app("public/meeting.xhtml").resolve(switched.headers().firstValue("Location").orElseThrow());
        assertEquals(app("public/meeting.xhtml").getPath(), location.getPath());
        assertEquals("id=999999999", location.getQuery());
        String cookie = switched.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("quorum-lang="))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no quorum-lang cookie in " + switched.headers().map()));
        assertTrue(cookie.startsWith("quorum-lang=en;"), cookie);

        HttpResponse<String> followed = get(location, "quorum-lang=en");
        assertEquals(404, followed.statusCode());
        assertTrue(followed.body().contains("Page not found"), followed::body);

        HttpResponse<String> unsupported = get(app("?lang=fr"));
        assertEquals(200, unsupported.statusCode(), "an unsupported language is ignored");
        assertTrue(unsupported.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("quorum-lang=")));
    }

    /**
     * The minutes over HTTP: a public meeting's for anyone, in Vietnamese or English by {@code ?lang=} (which does
     * not switch the pages' language); a meeting not public, an unknown ballot or a malformed address are 404 for
     * the anonymous; the signed-in secretary gets the minutes of a meeting that is not public, and her meeting page
     * links to them.
     */
    @Test
    void theMinutesAreServedToWhoMayReadThem() throws Exception {
        String demoPath = demoMeetingPath(get(app("")).body());
        assertNotNull(demoPath, "a link to the demo meeting on the first page");
        long demoId = Long.parseLong(demoPath.replaceAll(".*[?&]id=(\\d+).*", "$1"));

        HttpResponse<byte[]> vi = getBytes(app("minutes/meeting/" + demoId + ".pdf?lang=vi"));
        assertEquals(200, vi.statusCode());
        assertEquals("application/pdf", vi.headers().firstValue("Content-Type").orElse("").replaceAll(";.*", ""));
        assertTrue(vi.headers().firstValue("Content-Disposition").orElse("").contains("bien-ban-hoi-nghi-" + demoId + ".pdf"),
                () -> "Content-Disposition " + vi.headers().firstValue("Content-Disposition"));
        assertTrue(vi.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("quorum-lang=")),
                "asking for the minutes in a language does not switch the pages");
        String text = pdfText(vi.body());
        assertAll(
                () -> assertTrue(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), text),
                () -> assertTrue(text.contains("BIÊN BẢN HỘI NGHỊ"), text),
                () -> assertTrue(text.contains(DAK_GAN), text),
                () -> assertTrue(text.contains("Phan Bá Tịnh"), text));

        HttpResponse<byte[]> en = getBytes(app("minutes/meeting/" + demoId + ".pdf?lang=en"));
        assertEquals(200, en.statusCode(), "no redirect of the language switch");
        String english = pdfText(en.body());
        assertTrue(english.contains("SOCIALIST REPUBLIC OF VIET NAM") && english.contains("MINUTES OF THE MEETING"), english);
        assertTrue(en.headers().firstValue("Content-Disposition").orElse("").contains("meeting-minutes-" + demoId + ".pdf"));

        long closedDoors = meetingNotPublic();
        for (String path : List.of("minutes/meeting/" + closedDoors + ".pdf", "minutes/meeting/" + closedDoors + ".pdf?lang=en",
                "minutes/ballot/999999999.pdf", "minutes/meeting/999999999.pdf", "minutes/meeting/abc.pdf",
                "minutes/meeting/0.pdf", "minutes/meeting/" + demoId, "minutes/")) {
            assertEquals(404, getBytes(app(path)).statusCode(), path);
        }

        // the secretary signed in: the minutes of a meeting that is not public, and the links on her page
        WebDriver driver = browser();
        try {
            driver.manage().deleteAllCookies();
            driver.get(app("sign-in.xhtml").toString());
            driver.findElement(By.id("staff:username")).sendKeys("thuky");
            driver.findElement(By.id("staff:password")).sendKeys(app.quorum.testing.TestEnvironment.password("thuky"));
            driver.findElement(By.id("staff:signInStaff")).click();
            new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.not(ExpectedConditions.urlContains("sign-in")));
            String session = "JSESSIONID=" + driver.manage().getCookieNamed("JSESSIONID").getValue();
            HttpResponse<byte[]> staff = getBytes(app("minutes/meeting/" + closedDoors + ".pdf"), session);
            assertEquals(200, staff.statusCode(), "the secretary reads the minutes of a meeting that is not public");
            assertTrue(staff.headers().firstValue("Cache-Control").orElse("").contains("no-store"));
            assertTrue(pdfText(staff.body()).contains("Họp kín"), "the meeting's own minutes");

            driver.get(app("secretary/meeting.xhtml?id=" + demoId).toString());
            WebElement panel = new WebDriverWait(driver, Duration.ofSeconds(15))
                    .until(ExpectedConditions.presenceOfElementLocated(By.id("minutes")));
            assertTrue(panel.getText().contains("Biên bản hội nghị"), panel.getText());
            assertTrue(driver.findElement(By.id("minutesMeetingEn")).getAttribute("href")
                    .endsWith("/minutes/meeting/" + demoId + ".pdf?lang=en"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView()", panel);
            screenshot(driver, "minutes-secretary-panel");
        } finally {
            driver.manage().deleteAllCookies();
        }
    }

    // ---------------------------------------------------------------- limits, as a client that ignores maxlength

    /**
     * Issue 12, defect 5: a megabyte of description posted through the meeting's form, as a client that ignores the
     * field's maxlength does, is refused with the field's own message next to it, in the user's language, and the
     * meeting keeps its description; three megabytes — past what the HTTP layer takes — are refused with the page's
     * message, never the general error page.
     */
    @Test
    void aMegabyteDescriptionIsRefusedNextToItsFieldAndNothingIsStored() throws Exception {
        long meeting = meetingInPreparation("Mô tả ban đầu.");
        FacesClient secretary = new FacesClient(app("")).signIn("thuky", app.quorum.testing.TestEnvironment.password("thuky"));
        String page = "secretary/meeting.xhtml?id=" + meeting;

        HttpResponse<String> megabyte = secretary.ajax(secretary.form(page, "details"), "details", "details:save",
                Map.of("details:description", "a".repeat(1_000_000)));
        assertEquals(200, megabyte.statusCode());
        assertEquals("Phần mô tả dài tối đa 10000 ký tự.", fieldMessage(megabyte.body(), "details:description"));
        assertFalse(megabyte.body().contains("Đã xảy ra lỗi"), "the general error page");
        assertEquals("Mô tả ban đầu.", column("SELECT description FROM meeting WHERE id = " + meeting));

        HttpResponse<String> three = secretary.ajax(secretary.form(page, "details"), "details", "details:save",
                Map.of("details:description", "ệ".repeat(1_000_000)));
        assertEquals(200, three.statusCode());
        assertTrue(three.body().contains("Dữ liệu gửi lên lớn hơn 2 MB, mức tối đa máy chủ nhận: không có gì được lưu."), three::body);
        assertEquals("Mô tả ban đầu.", column("SELECT description FROM meeting WHERE id = " + meeting));

        secretary.language("en");
        HttpResponse<String> english = secretary.ajax(secretary.form(page, "details"), "details", "details:save",
                Map.of("details:description", "a".repeat(Limits.MEETING_DESCRIPTION + 1)));
        assertEquals("The description is at most 10000 characters long.", fieldMessage(english.body(), "details:description"));
        HttpResponse<String> longest = secretary.ajax(secretary.form(page, "details"), "details", "details:save",
                Map.of("details:description", "ệ".repeat(Limits.MEETING_DESCRIPTION)));
        assertEquals(null, fieldMessage(longest.body(), "details:description"), "the longest description is taken");
        assertEquals(Integer.toString(Limits.MEETING_DESCRIPTION), column("SELECT CHAR_LENGTH(description) FROM meeting WHERE id = " + meeting),
                "the longest description, stored whole");
    }

    /**
     * Issue 12, defect 6: a 50 MB roster file posted past the browser's check is refused by the HTTP layer before it is
     * read, one over the roster's 10 MB by the upload component on the server, both with a message in the page's
     * message area; nothing is imported, no preview is shown.
     */
    @Test
    void aRosterFileOverTheLimitIsRefusedWithAMessageAndNothingIsStored() throws Exception {
        long meeting = meetingInPreparation(null);
        FacesClient secretary = new FacesClient(app("")).signIn("thuky", app.quorum.testing.TestEnvironment.password("thuky"));
        String page = "secretary/roster.xhtml?id=" + meeting;

        byte[] fifty = rosterCsv(50 * 1024 * 1024);
        HttpResponse<String> refused = secretary.upload(secretary.form(page, "import"), "import", "import:file", "danh-sach.csv", fifty);
        assertEquals(200, refused.statusCode());
        assertEquals(List.of("Dữ liệu gửi lên lớn hơn 20 MB, mức tối đa máy chủ nhận: không có gì được lưu. "
                + "Hãy rút ngắn nội dung hoặc chọn tệp nhỏ hơn."), pageMessages(refused.body()));

        byte[] eleven = rosterCsv(11 * 1024 * 1024);
        HttpResponse<String> overRoster = secretary.upload(secretary.form(page, "import"), "import", "import:file", "danh-sach.csv", eleven);
        assertEquals(List.of("Tệp “danh-sach.csv” lớn hơn 10,0 MB, mức tối đa được tải lên: tệp không được lưu."),
                pageMessages(overRoster.body()));
        assertFalse(overRoster.body().contains("q-preview"), "no preview of a refused file");
        assertEquals("0", column("SELECT COUNT(*) FROM participant WHERE meeting_id = " + meeting));

        HttpResponse<String> small = secretary.upload(secretary.form(page, "import"), "import", "import:file", "danh-sach.csv",
                "Họ và tên,Đơn vị\nNguyễn Văn An,UBND xã Đắk Gằn\n".getBytes(StandardCharsets.UTF_8));
        assertTrue(small.body().contains("1 dòng, 0 dòng có lỗi."), "a file within the limit is read: " + pageMessages(small.body()));
    }

    /** A CSV roster of about this many bytes. */
    private static byte[] rosterCsv(int bytes) {
        byte[] row = "Nguyễn Văn An,UBND xã Đắk Gằn\n".getBytes(StandardCharsets.UTF_8);
        byte[] header = "Họ và tên,Đơn vị\n".getBytes(StandardCharsets.UTF_8);
        byte[] csv = new byte[header.length + (bytes / row.length) * row.length];
        System.arraycopy(header, 0, csv, 0, header.length);
        for (int at = header.length; at < csv.length; at += row.length) {
            System.arraycopy(row, 0, csv, at, row.length);
        }
        return csv;
    }

    /** The message a p:message shows for this field in a partial response, or null. */
    private static String fieldMessage(String response, String field) {
        Matcher message = Pattern.compile("data-target=\"" + Pattern.quote(field) + "\"[^>]*class=\"ui-message ui-message-error[^\"]*\">"
                + ".*?class=\"ui-message-error-detail\"[^>]*>([^<]*)<", Pattern.DOTALL).matcher(response);
        return message.find() ? FacesForm.unescape(message.group(1)).strip() : null;
    }

    /** The messages of the page's message area in a partial response. */
    private static List<String> pageMessages(String response) {
        Matcher area = Pattern.compile("<update id=\"messages\"><!\\[CDATA\\[(.*?)]]></update>", Pattern.DOTALL).matcher(response);
        if (!area.find()) {
            return List.of();
        }
        Matcher item = Pattern.compile("<li[^>]*>(.*?)</li>", Pattern.DOTALL).matcher(area.group(1));
        List<String> messages = new java.util.ArrayList<>();
        while (item.find()) {
            messages.add(FacesForm.unescape(item.group(1)).strip());
        }
        return messages;
    }

    /** A new meeting in preparation, written straight to the database; its id. */
    private static long meetingInPreparation(String description) throws Exception {
        try (java.sql.Connection db = database();
                java.sql.PreparedStatement insert = db.prepareStatement("INSERT INTO meeting (title, organiser, starts_at, status, "
                        + "description) VALUES ('Hội nghị sơ kết', 'UBND huyện Đắk Mil', '2024-07-19 08:00:00', 'DRAFT', ?)",
                        java.sql.Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, description);
            insert.executeUpdate();
            try (java.sql.ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    /** The one value a query reads, as text. */
    private static String column(String query) throws Exception {
        try (java.sql.Connection db = database(); java.sql.Statement statement = db.createStatement();
                java.sql.ResultSet result = statement.executeQuery(query)) {
            return result.next() ? result.getString(1) : null;
        }
    }

    private static java.sql.Connection database() throws java.sql.SQLException {
        return java.sql.DriverManager.getConnection(System.getProperty("quorum.test.db.url"),
                System.getProperty("quorum.test.db.user"), System.getProperty("quorum.test.db.password"));
    }

    // ---------------------------------------------------------------- in the browser

    @Test
    void theMeetingPageShowsVietnameseThenEnglish() throws Exception {
        WebDriver driver = browser();
        driver.manage().window().setSize(new Dimension(1280, 900));
        driver.manage().deleteAllCookies();
        driver.get(app("").toString());
        WebElement demo = driver.findElements(By.cssSelector("a.q-card-link")).stream()
                .filter(link -> link.getText().contains(DEMO_TITLE))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no demo meeting card on the first page"));
        demo.click();
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("agenda")));

        assertEquals("vi", driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals(DEMO_ORGANISER, driver.findElement(By.cssSelector(".q-context-organiser")).getText());
        assertEquals("Chương trình hội nghị", driver.findElement(By.cssSelector("h2.q-section-title")).getText());
        List<WebElement> items = driver.findElements(By.cssSelector("#agenda .q-agenda-title"));
        assertEquals(6, items.size());
        assertTrue(items.get(5).getText().contains(DAK_GAN), items.get(5).getText());
        assertTrue(factLabels(driver).contains("chủ trì"), () -> "labels " + factLabels(driver));
        screenshot(driver, "meeting-vi");

        driver.findElement(By.cssSelector("nav.q-lang a[hreflang='en']")).click();
        new WebDriverWait(driver, Duration.ofSeconds(15))
                .until(d -> "en".equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        assertEquals("Agenda", driver.findElement(By.cssSelector("h2.q-section-title")).getText());
        assertTrue(factLabels(driver).contains("chair"), () -> "labels " + factLabels(driver));
        items = driver.findElements(By.cssSelector("#agenda .q-agenda-title"));
        assertEquals(6, items.size());
        assertTrue(items.get(5).getText().contains(DAK_GAN), items.get(5).getText());
        assertFalse(driver.getCurrentUrl().contains("lang="), driver.getCurrentUrl());
        Cookie lang = driver.manage().getCookieNamed("quorum-lang");
        assertNotNull(lang, "the language cookie");
        assertEquals("en", lang.getValue());
        screenshot(driver, "meeting-en");
    }

    @ParameterizedTest(name = "{0}×{1}")
    @CsvSource({"768, 1024", "1920, 1080"})
    void noPageScrollsSideways(int width, int height) throws Exception {
        WebDriver driver = browser();
        driver.manage().window().setSize(new Dimension(width, height));
        driver.manage().deleteAllCookies();
        String demoPath = demoMeetingPath(get(app("")).body());
        assertNotNull(demoPath, "a link to the demo meeting on the first page");
        String meeting = server(demoPath).toString();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("meetings-vi", app("").toString());
        pages.put("meeting-vi", meeting);
        pages.put("meeting-en", meeting + "&lang=en");
        pages.put("not-found-en", app("public/meeting.xhtml?id=0").toString());
        for (Map.Entry<String, String> page : pages.entrySet()) {
            driver.get(page.getValue());
            JavascriptExecutor js = (JavascriptExecutor) driver;
            long innerWidth = ((Number) js.executeScript("return window.innerWidth")).longValue();
            long scrollWidth = ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue();
            // the width the page lays out in: the viewport less a vertical scroll bar, where there is one
            long clientWidth = ((Number) js.executeScript("return document.documentElement.clientWidth")).longValue();
            screenshot(driver, page.getKey() + "-" + width + "x" + height);
            assertEquals(width, innerWidth, "the viewport's width");
            assertTrue(scrollWidth <= innerWidth && scrollWidth <= clientWidth, () -> page.getKey() + ": scrollWidth "
                    + scrollWidth + " > innerWidth " + innerWidth + " or clientWidth " + clientWidth + "; too wide: "
                    + js.executeScript(TOO_WIDE));
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The elements that reach past the page's right edge, for the message of a failed layout check. */
    private static final String TOO_WIDE = """
            const limit = document.documentElement.clientWidth;
            return Array.from(document.querySelectorAll('body *'))
                .filter(e => e.getBoundingClientRect().right > limit + 0.5)
                .slice(0, 10)
                .map(e => e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).trim().replace(/\\s+/g, '.') : '')
                    + ' right=' + Math.round(e.getBoundingClientRect().right))
                .join(', ');
            """;

    private static boolean isUp(String healthJson) {
        return Pattern.compile("^\\{\\s*\"status\"\\s*:\\s*\"UP\"").matcher(healthJson.strip()).find();
    }

    /** The path of the demo meeting's page, from the links of the first page. */
    private static String demoMeetingPath(String firstPage) {
        Matcher link = Pattern.compile("<a href=\"([^\"]*/public/meeting\\.xhtml\\?id=\\d+)\"[^>]*>(?:(?!</a>).)*?"
                + "<span class=\"q-card-title\">" + Pattern.quote(DEMO_TITLE), Pattern.DOTALL).matcher(firstPage);
        return link.find() ? link.group(1) : null;
    }

    /** The labels of the meeting's facts (when, venue, chair …), in lower case: CSS shows them in capitals. */
    private static List<String> factLabels(WebDriver driver) {
        return driver.findElements(By.cssSelector(".q-facts dt")).stream()
                .map(dt -> dt.getText().toLowerCase(Locale.ROOT))
                .toList();
    }

    /** An address of the application, on the loopback interface. */
    private URI app(String path) {
        return URI.create("http://127.0.0.1:" + deployed.getPort() + deployed.getPath()).resolve(path);
    }

    /** An address of the server, from an absolute path (outside the application's context root, or a link's). */
    private URI server(String absolutePath) {
        return URI.create("http://127.0.0.1:" + deployed.getPort() + absolutePath);
    }

    private static HttpResponse<String> get(URI uri, String... cookies) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET();
        if (cookies.length > 0) {
            request.header("Cookie", String.join("; ", cookies));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> getBytes(URI uri, String... cookies) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET();
        if (cookies.length > 0) {
            request.header("Cookie", String.join("; ", cookies));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** The text of a PDF, every run of white space as one space. */
    private static String pdfText(byte[] pdf) throws IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    /** A new meeting that is not public (written straight to the database); its id. */
    private static long meetingNotPublic() throws Exception {
        try (java.sql.Connection db = database();
                java.sql.PreparedStatement insert = db.prepareStatement("INSERT INTO meeting (title, organiser, starts_at, status, "
                        + "public_meeting) VALUES ('Họp kín Ban Thường vụ', 'UBND huyện Đắk Mil', '2024-01-20 08:00:00', 'SCHEDULED', FALSE)",
                        java.sql.Statement.RETURN_GENERATED_KEYS)) {
            insert.executeUpdate();
            try (java.sql.ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    private static synchronized WebDriver browser() throws IOException {
        if (browser == null) {
            browser = Browsers.open(1280, 1000);
        }
        return browser;
    }

    private static void screenshot(WebDriver driver, String name) throws IOException {
        Browsers.screenshot(driver, name);
    }

    @AfterAll
    static void closeBrowser() {
        Browsers.closeAll();
        browser = null;
    }
}
