package app.quorum;

import static app.quorum.testing.Pages.addAgendaItem;
import static app.quorum.testing.Pages.agendaRow;
import static app.quorum.testing.Pages.agendaTitles;
import static app.quorum.testing.Pages.attachDocument;
import static app.quorum.testing.Pages.await;
import static app.quorum.testing.Pages.markPage;
import static app.quorum.testing.Pages.marked;
import static app.quorum.testing.Pages.messages;
import static app.quorum.testing.Pages.openAgendaRow;
import static app.quorum.testing.Pages.rosterNames;
import static app.quorum.testing.Pages.uploadRoster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.ballot.entity.BoxFingerprint;
import app.quorum.platform.i18n.Bundle;
import app.quorum.testing.Accessibility;
import app.quorum.testing.Browsers;
import app.quorum.testing.Deployments;
import app.quorum.testing.MinimalPdf;
import app.quorum.testing.Pages;
import app.quorum.testing.TestEnvironment;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The acceptance scenario of issue #7: the Đắk Mil meeting of 19/01/2024 replayed through the UI in real browsers,
 * once in Vietnamese and once in English, each person in a browser of their own. The input is the demo meeting's
 * text ({@code src/main/resources/demo/dak-mil-2024.json}): its title, organiser, venue, agenda and its roster of 20
 * people of whom 9 are voting members of the steering committee. Everything is created new by the scenario (the
 * test database is shared with the other classes of the "web" container), and every assertion is about that one
 * meeting. Each step leaves a full-page screenshot, target/screenshots/acceptance-LANG-NN-step.png; the duration of
 * each step and of the whole scenario goes to target/acceptance/LANG-durations.txt. The main screens — the roster,
 * the ballots page, the chair's console with a ballot open and closed, the tablet's ballot, confirmation, receipt and
 * closed states, the projector's turnout and result, the secretary's results before and after publication and the
 * public page with the published result — are audited with axe-core as they are shown, and none may have a serious or
 * critical violation (target/accessibility/report.md, with AccessibilityIT's audits).
 *
 * <ol>
 * <li>The admin signs in and creates the secretary's and the chair's accounts with a first password; each of them
 * signs in, sets a password of their own on the password page, signs out and signs in with it.</li>
 * <li>The secretary creates the meeting (public, check-in on sign-in), its six agenda items (a PDF on the report; 7
 * collectives and 9 individuals on the commendation item), imports the roster from a CSV file (in the scenario's
 * language), prints the sign-in cards (the PDF downloaded; each card's name and code read with PDFBox, every QR code
 * decoded with ZXing), prepares the secret ballot on the Đắk Gằn item on the ballots page (its options named in
 * English in the English run) and schedules the meeting.</li>
 * <li>The chair opens the meeting and sees no quorum; the projector view opens in the hall; the nine voting members
 * sign in on 768×1024 tablets (eight by the QR code's address, one typing the code), which checks them in, and the
 * chair's quorum turns green without reload; the chair makes each item current in turn and every tablet follows, the
 * projector too.</li>
 * <li>The chair opens the prepared ballot; the nine vote "Đồng ý" / "Approve" and each sees a receipt; the chair and
 * the projector see 9 / 9 and no count until the close; then the chair sees 9, 100%, passed, and the fingerprint of
 * the ballot box, and the projector still no result.</li>
 * <li>The secretary publishes the result; the projector turns to it with its chart by itself; the public page shows it
 * with its chart and finds a delegate's receipt; the open-data API answers 9 yes, 100.0, and the papers from which the
 * fingerprint is recomputed; the minutes PDF (anonymous, as for anyone) holds "Đắk Gằn", 100 and the fingerprint —
 * one fingerprint everywhere.</li>
 * </ol>
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AcceptanceIT {

    static final Path FILES = Path.of("target", "acceptance");
    static final int TABLET_WIDTH = 768;
    static final int TABLET_HEIGHT = 1024;
    /** The day the scenario's meeting is scheduled for (as in the article); it is held today. */
    static final LocalDate SCHEDULED_DAY = LocalDate.of(2024, 1, 19);

    /** Today at the venue. */
    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    @Deployment(testable = false)
    @TargetsContainer("web")
    static WebArchive war() {
        return Deployments.built();
    }

    @ArquillianResource
    URL deployed;

    @Test
    void theDakMilMeetingInVietnamese() throws Exception {
        new Scenario("vi").run();
    }

    @Test
    void theDakMilMeetingInEnglish() throws Exception {
        new Scenario("en").run();
    }

    @AfterEach
    void closeBrowsers() {
        Browsers.closeAll();
    }

    String app(String path) {
        return "http://127.0.0.1:" + deployed.getPort() + deployed.getPath() + path;
    }

    // ---------------------------------------------------------------- the seed

    record Item(String title, String description, String presenter, int minutes) {
    }

    record Person(String fullName, String position, String unit, String role, boolean voting) {
    }

    record Seed(String title, String organiser, String venue, String description, List<Item> agenda, List<Person> roster) {

        List<Person> voters() {
            return roster.stream().filter(Person::voting).toList();
        }

        /** The agenda item of the vote on Đắk Gằn. */
        int ballotItem() {
            for (int i = 0; i < agenda.size(); i++) {
                if (agenda.get(i).title().startsWith("Bỏ phiếu") && agenda.get(i).title().contains("Đắk Gằn")) {
                    return i;
                }
            }
            throw new IllegalStateException("no ballot item in the demo agenda");
        }

        /** The commendation item. */
        int commendationItem() {
            for (int i = 0; i < agenda.size(); i++) {
                if (agenda.get(i).title().startsWith("Khen thưởng")) {
                    return i;
                }
            }
            throw new IllegalStateException("no commendation item in the demo agenda");
        }
    }

    /** The demo meeting's text, read as the application reads it. */
    @SuppressWarnings("unchecked")
    static Seed seed() throws IOException {
        Map<String, Object> demo;
        try (InputStream in = AcceptanceIT.class.getResourceAsStream("/demo/dak-mil-2024.json")) {
            demo = new Json().toType(new String(in.readAllBytes(), StandardCharsets.UTF_8), Json.MAP_TYPE);
        }
        List<Item> agenda = ((List<Map<String, Object>>) demo.get("agenda")).stream()
                .map(item -> new Item((String) item.get("title"), (String) item.get("description"), (String) item.get("presenter"),
                        ((Number) item.get("plannedMinutes")).intValue()))
                .toList();
        List<Person> roster = ((List<Map<String, Object>>) demo.get("roster")).stream()
                .map(person -> new Person((String) person.get("fullName"), (String) person.get("position"), (String) person.get("unit"),
                        (String) person.get("role"), (Boolean) person.get("voting")))
                .toList();
        return new Seed((String) demo.get("title"), (String) demo.get("organiser"), (String) demo.get("venue"),
                (String) demo.get("description"), agenda, roster);
    }

    /**
     * The commendations of the article: 07 collectives and 09 individuals. The article names none of them: these
     * are illustrative, the collectives from the places it names.
     */
    static final List<String> COLLECTIVES = List.of("UBND xã Đắk Gằn", "UBND xã Đức Minh", "UBND xã Thuận An",
            "Khu dân cư thôn Xuân Trang, xã Đức Minh", "Phòng Nông nghiệp và PTNT huyện",
            "Văn phòng Điều phối nông thôn mới huyện", "Hội Nông dân huyện Đắk Mil");
    static final List<String> INDIVIDUALS = List.of("Y Bhin Niê", "Nguyễn Văn Bình", "Trần Thị Thu", "Lê Quang Vinh",
            "Phạm Thị Hoa", "H'Luyến Ayun", "Đinh Văn Tâm", "Vũ Thị Ngọc", "Hồ Sỹ Lâm");
    static final String AWARD = "Giấy khen của Chủ tịch UBND huyện";
    static final String ACHIEVEMENT = "Thành tích xuất sắc trong phong trào xây dựng nông thôn mới năm 2023";

    // ---------------------------------------------------------------- the scenario

    /** One run of the scenario in one language: its people's browsers, its meeting and what it learns on the way. */
    final class Scenario {

        final String language;
        final Locale locale;
        final Seed seed;
        final String suffix = Integer.toString(ThreadLocalRandom.current().nextInt(10_000, 100_000));
        final String secretaryUser;
        final String chairUser;
        final Map<String, Long> durations = new LinkedHashMap<>();
        int shot;
        long stepStarted;
        /** The serious and critical accessibility violations found, by screenshot; the time the audits took. */
        final Map<String, List<Accessibility.Violation>> severe = new LinkedHashMap<>();
        long auditing;

        WebDriver admin;
        WebDriver secretary;
        WebDriver chair;
        final List<WebDriver> tablets = new ArrayList<>();
        long meetingId;
        /** Each card's holder and code, as printed. */
        final Map<String, String> codes = new LinkedHashMap<>();
        /** The QR codes' addresses, by code. */
        final Map<String, String> qrAddresses = new LinkedHashMap<>();
        final List<String> receipts = new ArrayList<>();
        String fingerprint;
        /** The ballot's "yes" as the tablets show it. */
        String label;
        WebDriver projector;

        Scenario(String language) throws IOException {
            this.language = language;
            this.locale = Bundle.supported(language);
            this.seed = seed();
            this.secretaryUser = "thuky-" + language + "-" + suffix;
            this.chairUser = "chutri-" + language + "-" + suffix;
        }

        void run() throws Exception {
            // the screenshots of an earlier run would mix with this one's
            Files.createDirectories(Browsers.SCREENSHOTS);
            try (var old = Files.newDirectoryStream(Browsers.SCREENSHOTS, "acceptance-" + language + "-*.png")) {
                for (Path file : old) {
                    Files.delete(file);
                }
            }
            long started = System.nanoTime();
            stepStarted = started;
            try {
                accounts();
                done("1-accounts");
                prepare();
                done("2-preparation");
                session();
                done("3-session");
                ballot();
                done("4-ballot");
                publication();
                done("5-publication");
                assertEquals(Map.of(), severe, "serious or critical violations on the scenario's pages (target/accessibility/report.md)");
            } catch (Exception | AssertionError e) {
                for (Map.Entry<String, WebDriver> open : browsers().entrySet()) {
                    try {
                        screenshot(open.getValue(), "failed-" + open.getKey());
                    } catch (RuntimeException | IOException ignored) {
                        // the browser is gone: nothing to show
                    }
                }
                throw e;
            } finally {
                durations.put("total", millisSince(started));
                durations.put("of which axe-core audits", auditing / 1_000_000);
                Files.createDirectories(FILES);
                String report = durations.entrySet().stream().map(e -> e.getKey() + " " + e.getValue() + " ms")
                        .collect(Collectors.joining("\n", "", "\n"));
                Files.writeString(FILES.resolve(language + "-durations.txt"), report);
                System.out.println("Acceptance scenario (" + language + "):\n" + report);
            }
        }

        // ------------------------------------------------------------ 1. accounts

        void accounts() throws IOException {
            admin = staffBrowser();
            Pages.signIn(admin, app("sign-in.xhtml"), "admin", TestEnvironment.password("admin"));
            assertTrue(admin.getCurrentUrl().contains("/admin/accounts.xhtml"), admin.getCurrentUrl());
            String first = "Tạm-" + suffix + "-mật-khẩu";
            createAccount(secretaryUser, "Ngô Thị Hương", "SECRETARY", first);
            createAccount(chairUser, "Phan Bá Tịnh", "CHAIR", first);
            List<String> listed = admin.findElements(By.cssSelector("#accounts\\:list_data > tr")).stream()
                    .map(WebElement::getText).toList();
            assertTrue(listed.stream().anyMatch(row -> row.contains(secretaryUser) && row.contains("Ngô Thị Hương")
                    && row.contains(t("staffRole.SECRETARY"))), listed::toString);
            assertTrue(listed.stream().anyMatch(row -> row.contains(chairUser) && row.contains("Phan Bá Tịnh")
                    && row.contains(t("staffRole.CHAIR"))), listed::toString);
            screenshot(admin, "admin-accounts");
            Browsers.close(admin);
            admin = null;

            secretary = staffBrowser();
            ownPassword(secretary, secretaryUser, first, "Hương-" + suffix + "-Đắk-Mil", "secretary");
            assertTrue(secretary.getCurrentUrl().contains("/secretary/index.xhtml"), secretary.getCurrentUrl());
            chair = staffBrowser();
            ownPassword(chair, chairUser, first, "Tịnh-" + suffix + "-Đắk-Mil", "chair");
            assertTrue(chair.getCurrentUrl().contains("/chair/index.xhtml"), chair.getCurrentUrl());
        }

        void createAccount(String username, String displayName, String role, String password) {
            admin.findElement(By.id("accounts:add")).click();
            WebElement name = await(admin).until(ExpectedConditions.visibilityOfElementLocated(By.id("accountForm:username")));
            name.sendKeys(username);
            admin.findElement(By.id("accountForm:displayName")).sendKeys(displayName);
            // a new account starts as a secretary: the chair's gets the chair's role instead
            for (String each : List.of("SECRETARY", "CHAIR", "ADMIN")) {
                WebElement box = admin.findElement(By.xpath("//form[@id='accountForm']//label[normalize-space()='"
                        + t("staffRole." + each) + "']"));
                WebElement input = admin.findElement(By.id(box.getAttribute("for")));
                if (input.isSelected() != each.equals(role)) {
                    box.click();
                }
            }
            admin.findElement(By.id("accountForm:password")).sendKeys(password);
            admin.findElement(By.id("accountForm:save")).click();
            await(admin).until(d -> messages(d).contains(username));
            assertEquals(t("account.created", username), messages(admin));
            await(admin).until(ExpectedConditions.invisibilityOfElementLocated(By.id("accountDialog")));
        }

        /** Signs in with the first password, sets their own on the password page, signs out and in with it. */
        void ownPassword(WebDriver driver, String username, String first, String own, String who) throws IOException {
            Pages.signIn(driver, app("sign-in.xhtml"), username, first);
            driver.findElement(By.cssSelector(".q-user-name")).click();
            await(driver).until(d -> d.getCurrentUrl().contains("/account/password.xhtml"));
            driver.findElement(By.id("password:current")).sendKeys(first);
            driver.findElement(By.id("password:replacement")).sendKeys(own);
            driver.findElement(By.id("password:repeated")).sendKeys(own);
            driver.findElement(By.id("password:change")).click();
            await(driver).until(d -> messages(d).contains(t("account.password.changed")));
            screenshot(driver, who + "-own-password");
            driver.findElement(By.cssSelector(".q-sign-out-button")).click();
            await(driver).until(d -> d.getCurrentUrl().contains("sign-in.xhtml"));
            Pages.signIn(driver, app("sign-in.xhtml"), username, own);
        }

        // ------------------------------------------------------------ 2. preparation

        void prepare() throws Exception {
            createMeeting();
            buildAgenda();
            importRoster();
            printRoster();
            printCards();
            prepareBallot();
            schedule();
        }

        void createMeeting() throws IOException {
            secretary.findElement(By.id("newMeeting:title")).sendKeys(seed.title());
            secretary.findElement(By.id("newMeeting:organiser")).sendKeys(seed.organiser());
            secretary.findElement(By.id("newMeeting:venue")).sendKeys(seed.venue());
            secretary.findElement(By.id("newMeeting:description")).sendKeys(seed.description());
            typeDate("newMeeting:startsAt", "19/01/2024 07:30");
            typeDate("newMeeting:endsAt", "19/01/2024 11:30");
            assertTrue(secretary.findElement(By.id("newMeeting:checkInOnSignIn_input")).isSelected(),
                    "a new meeting checks delegates in when they sign in");
            WebElement isPublic = secretary.findElement(By.id("newMeeting:publicMeeting_input"));
            if (!isPublic.isSelected()) {
                secretary.findElement(By.cssSelector("#newMeeting\\:publicMeeting .ui-chkbox-box")).click();
            }
            await(secretary).until(d -> d.findElement(By.id("newMeeting:publicMeeting_input")).isSelected());
            screenshot(secretary, "new-meeting");
            secretary.findElement(By.id("newMeeting:create")).click();
            await(secretary).until(d -> d.getCurrentUrl().contains("/secretary/meeting.xhtml?id="));
            Matcher id = Pattern.compile("[?&]id=(\\d+)").matcher(secretary.getCurrentUrl());
            assertTrue(id.find(), secretary.getCurrentUrl());
            meetingId = Long.parseLong(id.group(1));
            assertEquals(seed.title(), secretary.findElement(By.cssSelector(".q-meeting-head h1")).getText());
            assertEquals(t("meetingStatus.DRAFT"), secretary.findElement(By.cssSelector(".q-meeting-head .q-status")).getText());
            assertEquals(t("meeting.created"), messages(secretary));
            assertTrue(secretary.findElement(By.id("details:publicMeeting_input")).isSelected(), "the meeting is public");
        }

        /**
         * Types a date as the pattern says and leaves the field with Tab, which closes the calendar that opened. On a
         * busy machine the calendar may still be opening while the keys arrive and take the date for another: the
         * field is then typed again, as a person would.
         */
        void typeDate(String id, String value) {
            WebElement input = secretary.findElement(By.id(id + "_input"));
            for (int attempt = 1; attempt <= 3; attempt++) {
                input.sendKeys(Keys.chord(Keys.CONTROL, "a"), value, Keys.TAB);
                await(secretary).until(d -> {
                    List<WebElement> panel = d.findElements(By.id(id + "_panel"));
                    if (panel.isEmpty() || !panel.get(0).isDisplayed()) {
                        return true;
                    }
                    d.findElement(By.cssSelector("h1.q-page-title")).click();
                    return false;
                });
                if (value.equals(input.getDomProperty("value"))) {
                    break;
                }
            }
            assertEquals(value, input.getDomProperty("value"));
        }

        void buildAgenda() throws IOException {
            secretary.get(app("secretary/agenda.xhtml?id=" + meetingId));
            for (Item item : seed.agenda()) {
                addAgendaItem(secretary, item.title(), item.description(), item.presenter(), item.minutes());
            }
            assertEquals(seed.agenda().stream().map(Item::title).toList(), agendaTitles(secretary));

            // the report's PDF
            Path pdf = Files.createDirectories(FILES).resolve("Báo cáo kết quả 2023.pdf");
            Files.write(pdf, MinimalPdf.withText("Bao cao ket qua thuc hien Chuong trinh MTQG xay dung nong thon moi nam 2023"));
            attachDocument(secretary, 1, pdf);
            assertEquals(t("document.uploaded", pdf.getFileName().toString()), messages(secretary));
            await(secretary).until(d -> agendaRow(d, 1).findElement(By.cssSelector(".q-agenda-meta")).getText()
                    .contains(t("agenda.documentCount", 1)));

            // the commendations: 7 collectives, 9 individuals, through the awardee dialog
            int row = seed.commendationItem();
            WebElement details = openAgendaRow(secretary, row);
            details.findElement(By.xpath(".//button[normalize-space()='" + t("agenda.awardees.add") + "']")).click();
            await(secretary).until(ExpectedConditions.visibilityOfElementLocated(By.id("awardeeForm:name")));
            int added = 0;
            for (String name : COLLECTIVES) {
                addAwardee("COLLECTIVE", name);
                if (++added == 1) {
                    screenshot(secretary, "awardee-dialog");
                }
            }
            for (String name : INDIVIDUALS) {
                addAwardee("INDIVIDUAL", name);
            }
            secretary.findElement(By.xpath("//div[@id='awardeeDialog']//button[normalize-space()='" + t("action.close") + "']")).click();
            await(secretary).until(ExpectedConditions.invisibilityOfElementLocated(By.id("awardeeDialog")));
            int total = COLLECTIVES.size() + INDIVIDUALS.size();
            await(secretary).until(d -> agendaRow(d, row).findElement(By.cssSelector(".q-agenda-meta")).getText()
                    .contains(t("agenda.awardeeCount", total)));
            List<WebElement> awardees = openAgendaRow(secretary, row).findElements(By.cssSelector("ol.q-awardees > li"));
            assertEquals(total, awardees.size());
            assertEquals(COLLECTIVES.size(), awardees.stream()
                    .filter(li -> li.findElement(By.cssSelector(".q-tag")).getText().equals(t("awardeeKind.COLLECTIVE"))).count());
            assertEquals(INDIVIDUALS.size(), awardees.stream()
                    .filter(li -> li.findElement(By.cssSelector(".q-tag")).getText().equals(t("awardeeKind.INDIVIDUAL"))).count());
            screenshot(secretary, "agenda");

            // the printable list, as the public sees it
            secretary.get(app("public/commendations.xhtml?id=" + meetingId));
            List<String> listed = secretary.findElements(By.cssSelector(".q-print-table tbody tr td:nth-child(3)")).stream()
                    .map(WebElement::getText).toList();
            List<String> expected = new ArrayList<>(COLLECTIVES);
            expected.addAll(INDIVIDUALS);
            assertEquals(new TreeSet<>(expected), new TreeSet<>(listed));
            screenshotAndAudit(secretary, "commendations");
        }

        void addAwardee(String kind, String name) {
            WebElement kinds = secretary.findElement(By.id("awardeeForm:kind"));
            kinds.findElement(By.xpath(".//label[normalize-space()='" + t("awardeeKind." + kind) + "']")).click();
            retype(By.id("awardeeForm:name"), name);
            retype(By.id("awardeeForm:award"), AWARD);
            retype(By.id("awardeeForm:reason"), ACHIEVEMENT);
            String before = messages(secretary);
            secretary.findElement(By.id("awardeeForm:addAwardee")).click();
            await(secretary).until(d -> !messages(d).equals(before) && messages(d).contains(name));
            assertEquals(t("awardee.added", name), messages(secretary));
        }

        void retype(By field, String text) {
            WebElement input = secretary.findElement(field);
            input.clear();
            input.sendKeys(text);
        }

        void importRoster() throws IOException {
            Path file = Files.createDirectories(FILES).resolve("danh-sach-dai-bieu-" + language + ".csv");
            Files.write(file, csv());
            secretary.get(app("secretary/roster.xhtml?id=" + meetingId));
            uploadRoster(secretary, file);
            int people = seed.roster().size();
            await(secretary).until(d -> !d.findElements(By.cssSelector("#import\\:preview .q-ok-text")).isEmpty());
            assertEquals(t("roster.import.summary", people, 0),
                    secretary.findElement(By.cssSelector("#import\\:preview .q-ok-text")).getText());
            screenshot(secretary, "roster-preview");
            secretary.findElement(By.id("import:confirmImport")).click();
            await(secretary).until(d -> messages(d).contains(t("roster.import.done", people)));
            await(secretary).until(d -> rosterNames(d).size() == people);
            assertEquals(seed.roster().stream().map(Person::fullName).sorted().toList(),
                    rosterNames(secretary).stream().sorted().toList());
            long voting = secretary.findElements(By.cssSelector("#roster\\:people_data > tr > td:nth-child(4)")).stream()
                    .filter(cell -> cell.getText().equals(t("roster.voting.yes"))).count();
            assertEquals(seed.voters().size(), voting, "voting members in the roster");
            screenshotAndAudit(secretary, "roster");
        }

        /** The sign-in sheet: everyone on the roster with a column to sign, printed by the browser on A4. */
        void printRoster() throws IOException {
            secretary.findElement(By.id("roster:printList")).click();
            await(secretary).until(d -> d.getCurrentUrl().contains("/secretary/roster-print.xhtml"));
            List<String> listed = secretary.findElements(By.cssSelector("#roster-print tbody td.q-print-name")).stream()
                    .map(WebElement::getText).toList();
            assertEquals(seed.roster().stream().map(Person::fullName).sorted().toList(), listed.stream().sorted().toList());
            assertEquals(t("roster.print.count", seed.roster().size(), seed.voters().size()),
                    secretary.findElement(By.cssSelector(".q-roster-sheet .q-help")).getText());
            screenshotAndAudit(secretary, "roster-print");
            String paper = printed(secretary, "roster");
            assertTrue(paper.contains(t("roster.print.title")) && paper.contains(t("roster.print.signature"))
                    && paper.contains(seed.organiser()), paper);
            // (a long name may wrap in its cell: compared without white space)
            assertTrue(paper.replaceAll("\\s+", "").contains(seed.voters().get(0).fullName().replaceAll("\\s+", "")), paper);
            assertFalse(paper.contains(t("action.print")), "the print button on paper: " + paper);
        }

        /** The page as the browser prints it (A4, print styles), kept as target/acceptance/LANG-NAME.pdf; its text. */
        String printed(WebDriver driver, String name) throws IOException {
            org.openqa.selenium.print.PrintOptions options = new org.openqa.selenium.print.PrintOptions();
            options.setPageSize(new org.openqa.selenium.print.PageSize(29.7, 21.0));
            options.setBackground(true);
            byte[] pdf = java.util.Base64.getDecoder().decode(((org.openqa.selenium.PrintsPage) driver).print(options).getContent());
            Files.write(Files.createDirectories(FILES).resolve(language + "-" + name + ".pdf"), pdf);
            try (PDDocument document = Loader.loadPDF(pdf)) {
                return new PDFTextStripper().getText(document);
            }
        }

        /** The roster as a spreadsheet saves it, headers and words in the scenario's language. */
        byte[] csv() {
            boolean english = "en".equals(language);
            StringBuilder csv = new StringBuilder(english ? "\uFEFFNo.,Full name,Position,Unit,Role,Voting\r\n"
                    : "\uFEFFSTT,Họ và tên,Chức vụ,Đơn vị,Vai trò,Biểu quyết\r\n");
            for (int i = 0; i < seed.roster().size(); i++) {
                Person person = seed.roster().get(i);
                String voting = english ? (person.voting() ? "Yes" : "No") : (person.voting() ? "Có" : "Không");
                csv.append(i + 1).append(",\"").append(person.fullName()).append("\",\"").append(person.position()).append("\",\"")
                        .append(person.unit()).append("\",").append(t("role." + person.role())).append(',').append(voting).append("\r\n");
            }
            return csv.toString().getBytes(StandardCharsets.UTF_8);
        }

        void printCards() throws Exception {
            secretary.get(app("secretary/roster.xhtml?id=" + meetingId));
            Path pdf = Pages.download(secretary, FILES.resolve("cards-" + language), () -> {
                secretary.findElement(By.id("roster:printCards")).click();
                await(secretary).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
            });
            assertTrue(pdf.getFileName().toString().endsWith(".pdf"), pdf.toString());
            readCards(Files.readAllBytes(pdf));
            assertEquals(seed.roster().stream().map(Person::fullName).collect(Collectors.toCollection(TreeSet::new)),
                    new TreeSet<>(codes.keySet()), "a card for everyone on the roster");
            assertEquals(new TreeSet<>(codes.values()), new TreeSet<>(qrAddresses.keySet()),
                    "the QR codes carry the printed codes");
            screenshotAndAudit(secretary, "cards-printed");
        }

        /** Every card's holder and code (PDFBox, card by card) and every QR code's address (ZXing, page by page). */
        void readCards(byte[] bytes) throws Exception {
            Pattern code = Pattern.compile("[2-9A-Z]{6}-[2-9A-Z]{6}-[2-9A-Z]{6}");
            Set<String> names = seed.roster().stream().map(Person::fullName).collect(Collectors.toSet());
            try (PDDocument pdf = Loader.loadPDF(bytes)) {
                PDFRenderer renderer = new PDFRenderer(pdf);
                for (int page = 0; page < pdf.getNumberOfPages(); page++) {
                    PDPage sheet = pdf.getPage(page);
                    float margin = 8 * 72 / 25.4f;
                    float width = (sheet.getMediaBox().getWidth() - 2 * margin) / 2;
                    float height = (sheet.getMediaBox().getHeight() - 2 * margin) / 4;
                    PDFTextStripperByArea stripper = new PDFTextStripperByArea();
                    for (int slot = 0; slot < 8; slot++) {
                        stripper.addRegion("card" + slot, new Rectangle2D.Float(margin + (slot % 2) * width,
                                margin + (slot / 2) * height, width, height));
                    }
                    stripper.extractRegions(sheet);
                    for (int slot = 0; slot < 8; slot++) {
                        String text = stripper.getTextForRegion("card" + slot);
                        Matcher found = code.matcher(text);
                        if (!found.find()) {
                            continue;
                        }
                        String holder = text.lines().map(String::strip).filter(names::contains).findFirst()
                                .orElseThrow(() -> new AssertionError("no roster name on the card: " + text));
                        codes.put(holder, found.group());
                    }
                    BufferedImage image = renderer.renderImageWithDPI(page, 150, ImageType.GRAY);
                    var qr = new QRCodeMultiReader().decodeMultiple(new BinaryBitmap(new HybridBinarizer(
                            new BufferedImageLuminanceSource(image))), Map.of(DecodeHintType.TRY_HARDER, true));
                    Arrays.stream(qr).map(com.google.zxing.Result::getText).forEach(address -> {
                        Matcher inAddress = Pattern.compile("[?&]code=([^&]+)").matcher(address);
                        assertTrue(inAddress.find(), address);
                        qrAddresses.put(inAddress.group(1), address);
                    });
                }
            }
        }

        /** The secretary prepares the secret ballot on the Đắk Gằn item (its labels in English in the English run). */
        void prepareBallot() throws IOException {
            Item item = seed.agenda().get(seed.ballotItem());
            secretary.get(app("secretary/ballots.xhtml?id=" + meetingId));
            WebElement group = secretary.findElements(By.cssSelector(".q-ballot-group")).stream()
                    .filter(g -> g.findElement(By.cssSelector(".q-ballot-group-title")).getText().equals(item.title()))
                    .findFirst().orElseThrow(() -> new AssertionError("no group of the item " + item.title()));
            group.findElement(By.cssSelector("button[id$='prepareForItem']")).click();
            await(secretary).until(d -> item.title().equals(d.findElement(By.id("ballotForm:question")).getDomProperty("value")));
            assertEquals(t("approvalChoice.YES"), secretary.findElement(By.id("ballotForm:labelYes")).getDomProperty("value"),
                    "the options start with their names in the language of the page");
            if ("en".equals(language)) {
                retype(By.id("ballotForm:labelYes"), Words.ENGLISH.yes());
                retype(By.id("ballotForm:labelNo"), "Disapprove");
                retype(By.id("ballotForm:labelAbstain"), "Abstain");
            }
            screenshot(secretary, "ballot-form");
            secretary.findElement(By.id("ballotForm:saveBallot")).click();
            await(secretary).until(d -> messages(d).contains(t("ballot.prepared")));
            await(secretary).until(d -> d.findElements(By.cssSelector("#ballots .q-ballot-entry")).stream()
                    .anyMatch(entry -> entry.getText().contains(item.title()) && entry.getText().contains(t("secrecy.SECRET"))));
            screenshotAndAudit(secretary, "ballot-prepared");
        }

        void schedule() throws IOException {
            secretary.get(app("secretary/meeting.xhtml?id=" + meetingId));
            secretary.findElement(By.cssSelector("button.q-status-action-SCHEDULED")).click();
            await(secretary).until(d -> d.findElement(By.cssSelector(".q-meeting-head .q-status")).getText()
                    .equals(t("meetingStatus.SCHEDULED")));
            screenshot(secretary, "scheduled");
        }

        // ------------------------------------------------------------ 3. the session

        void session() throws IOException {
            chair.get(app("chair/index.xhtml"));
            chair.findElement(By.cssSelector("#meeting-list a[href$='id=" + meetingId + "']")).click();
            await(chair).until(d -> d.getCurrentUrl().contains("/chair/meeting.xhtml?id=" + meetingId));
            chair.findElement(By.id("chair:open")).click();
            if (!SCHEDULED_DAY.equals(today())) {
                // the meeting is dated 19/01/2024 and held today: the chair is asked first, both days named
                WebElement asked = await(chair).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
                String expected = t("chair.otherDay.confirm", day("format.date", SCHEDULED_DAY), day("format.date", today()));
                assertTrue(asked.getText().replaceAll("\\s+", " ").contains(expected), asked.getText());
                screenshot(chair, "chair-open-other-day");
                asked.findElement(By.cssSelector(".ui-confirmdialog-yes")).click();
            }
            await(chair).until(d -> d.findElement(By.cssSelector(".q-meeting-head .q-status")).getText()
                    .equals(t("meetingStatus.IN_SESSION")));
            int required = seed.voters().size() / 2 + 1;
            assertQuorum(false, 0, required);
            markPage(chair);
            screenshot(chair, "chair-opened-no-quorum");

            // the projector in the hall, open for the whole session (a public meeting: no sign-in)
            projector = Browsers.open(1920, 1080);
            chooseLanguage(projector);
            projector.get(app("public/projector.xhtml?id=" + meetingId));
            await(projector).until(ExpectedConditions.attributeToBe(By.id("projector:screen"), "data-shown", "AGENDA"));
            markPage(projector);

            List<Person> voters = seed.voters();
            for (int i = 0; i < voters.size(); i++) {
                Person voter = voters.get(i);
                WebDriver tablet = Browsers.open(TABLET_WIDTH, TABLET_HEIGHT);
                tablets.add(tablet);
                chooseLanguage(tablet);
                String code = codes.get(voter.fullName());
                if (i == 0) { // typed from the card
                    tablet.get(app("sign-in.xhtml"));
                    tablet.findElement(By.id("delegate:code")).sendKeys(code);
                    screenshot(tablet, "tablet-sign-in");
                } else { // the card's QR code scanned
                    tablet.get(qrAddresses.get(code));
                    assertEquals(code, tablet.findElement(By.id("delegate:code")).getAttribute("value"));
                }
                tablet.findElement(By.id("delegate:signInDelegate")).click();
                await(tablet).until(d -> d.getCurrentUrl().contains("/delegate/index.xhtml"));
                assertEquals(voter.fullName(), tablet.findElement(By.cssSelector("#delegate\\:who strong")).getText());
                assertTrue(tablet.findElement(By.id("delegate:who")).getText().contains(t("attendance.present")),
                        () -> "checked in on sign-in: " + tablet.findElement(By.id("delegate:who")).getText());
                if (i == 0) {
                    screenshot(tablet, "tablet-signed-in");
                }
                int present = i + 1;
                await(chair).until(d -> d.findElement(By.cssSelector("#chair\\:quorum .q-quorum-present")).getText()
                        .equals(Integer.toString(present)));
                assertQuorum(present >= required, present, required);
                if (present == required - 1) {
                    screenshot(chair, "chair-one-short");
                } else if (present == required) {
                    screenshotAndAudit(chair, "chair-quorum");
                }
            }
            assertTrue(marked(chair), "the chair's page was reloaded");

            List<WebElement> items = chair.findElements(By.cssSelector("#agenda > li"));
            assertEquals(seed.agenda().size(), items.size());
            for (int i = 0; i < seed.agenda().size(); i++) {
                int index = i;
                chair.findElements(By.cssSelector("#agenda > li")).get(i).findElement(By.cssSelector("button.q-make-current")).click();
                await(chair).until(d -> d.findElements(By.cssSelector("#agenda > li")).get(index).getAttribute("class")
                        .contains("q-agenda-current"));
                String now = (i + 1) + ". " + seed.agenda().get(i).title();
                for (WebDriver tablet : tablets) {
                    await(tablet).until(d -> d.findElement(By.cssSelector("#delegate\\:now .q-now-title")).getText().equals(now));
                }
                if (i == 0 || i == seed.commendationItem()) {
                    screenshot(chair, "chair-item-" + (i + 1));
                    screenshot(tablets.get(0), "tablet-item-" + (i + 1));
                }
                if (i == seed.ballotItem()) {
                    break;
                }
            }
            assertTrue(marked(chair), "the chair's page was reloaded");
            String projected = projector.findElement(By.id("projector:screen")).getText();
            assertTrue(projected.contains(seed.agenda().get(seed.ballotItem()).title()) && projected.contains(words().quorumReached()),
                    projected);
            assertTrue(marked(projector), "the projector was reloaded");
            // the long Vietnamese titles are whole, in at most their lines, not cut with "…"
            assertWhole(projector, ".q-projector-meeting-title", 2);
            assertWhole(projector, ".q-projector-item", 4);
            screenshotAndAudit(projector, "projector-item-and-quorum");
        }

        /** The projector's text is inside the screen, in at most {@code lines} lines, and not cut with an ellipsis. */
        void assertWhole(WebDriver driver, String css, int lines) {
            Map<String, Object> box = Pages.fresh(driver, d -> {
                @SuppressWarnings("unchecked")
                Map<String, Object> measured = (Map<String, Object>) ((org.openqa.selenium.JavascriptExecutor) d).executeScript("""
                        const e = document.querySelector(arguments[0]), s = getComputedStyle(e), r = e.getBoundingClientRect();
                        return {height: r.height, line: parseFloat(s.lineHeight), right: r.right, bottom: r.bottom,
                            width: innerWidth, screen: innerHeight, overflow: s.textOverflow, clipped: e.scrollHeight > e.clientHeight + 1};
                        """, css);
                return measured;
            });
            double height = ((Number) box.get("height")).doubleValue();
            double line = ((Number) box.get("line")).doubleValue();
            assertTrue(height <= lines * line + 1, css + " takes more than " + lines + " lines: " + box);
            assertTrue(((Number) box.get("right")).doubleValue() <= ((Number) box.get("width")).doubleValue()
                    && ((Number) box.get("bottom")).doubleValue() <= ((Number) box.get("screen")).doubleValue(), css + " leaves the screen: " + box);
            assertNotEquals("ellipsis", box.get("overflow"), css);
            assertEquals(Boolean.FALSE, box.get("clipped"), css + " is cut: " + box);
        }

        /** The chair's quorum indicator now (read again should a push re-render it meanwhile). */
        void assertQuorum(boolean reached, int present, int required) {
            await(chair).until(d -> {
                assertQuorumOnce(reached, present, required);
                return true;
            });
        }

        void assertQuorumOnce(boolean reached, int present, int required) {
            WebElement indicator = chair.findElement(By.cssSelector("#chair\\:quorum .q-quorum"));
            assertEquals(Boolean.toString(reached), indicator.getAttribute("data-reached"));
            assertEquals(Integer.toString(present), indicator.findElement(By.cssSelector(".q-quorum-present")).getText());
            assertEquals(t("quorum.figureOf", required), indicator.findElement(By.cssSelector(".q-quorum-of")).getText());
            assertEquals(reached ? words().quorumReached() : t("quorum.missing"),
                    indicator.findElement(By.cssSelector(".q-quorum-text strong")).getText());
        }

        // ------------------------------------------------------------ 4. the ballot

        void ballot() throws IOException {
            Item item = seed.agenda().get(seed.ballotItem());
            // the ballot the secretary prepared is the first on the chair's console: the current item's
            WebElement draft = await(chair).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".q-drafts .q-draft")));
            assertTrue(draft.getText().contains(item.title()), draft.getText());
            screenshotAndAudit(chair, "chair-ballot-prepared");
            await(chair).until(d -> {
                d.findElement(By.id("chair:drafts:0:openBallot")).click();
                return true;
            });
            await(chair).until(d -> d.findElement(By.cssSelector(".q-turnout-figure")).getText().equals("0 / " + tablets.size()));
            await(projector).until(ExpectedConditions.attributeToBe(By.id("projector:screen"), "data-shown", "TURNOUT"));

            for (WebDriver tablet : tablets) {
                await(tablet).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".q-vote-YES")));
            }
            screenshotAndAudit(tablets.get(0), "tablet-ballot");
            screenshotAndAudit(projector, "projector-turnout");
            label = tablets.get(0).findElement(By.cssSelector(".q-vote-YES")).getText();
            assertEquals(words().yes(), label);
            for (int i = 0; i < tablets.size(); i++) {
                WebDriver tablet = tablets.get(i);
                tablet.findElement(By.cssSelector(".q-vote-YES")).click();
                await(tablet).until(d -> d.findElement(By.id("vote-confirm-text")).getText().equals(t("vote.confirm", label)));
                if (i == 0) {
                    screenshotAndAudit(tablet, "tablet-confirm");
                }
                tablet.findElement(By.id("vote-confirm")).click();
                // the vote box re-renders as the other tablets' votes come in: read it within a wait that tries again
                String receipt = await(tablet).until(d -> {
                    List<WebElement> code = d.findElements(By.cssSelector("#vote-receipt code"));
                    if (code.isEmpty() || code.get(0).getText().isBlank()) {
                        return null;
                    }
                    String recorded = d.findElement(By.id("vote-step-recorded")).getText();
                    assertTrue(recorded.contains(t("vote.recorded")), recorded);
                    return code.get(0).getText();
                });
                receipts.add(receipt);
                if (i == 0) {
                    screenshotAndAudit(tablet, "tablet-receipt");
                }
            }
            assertEquals(tablets.size(), new TreeSet<>(receipts).size(), "every receipt differs");

            String all = tablets.size() + " / " + tablets.size();
            await(chair).until(d -> d.findElement(By.cssSelector(".q-turnout-figure")).getText().equals(all));
            await(projector).until(d -> d.findElement(By.cssSelector(".q-projector-turnout-figure")).getText().equals(all));
            String whileOpen = chair.findElement(By.id("chair:ballot")).getText();
            assertTrue(chair.findElements(By.id("result")).isEmpty(), "a result while the ballot is open: " + whileOpen);
            assertFalse(whileOpen.contains(words().passed()) || whileOpen.contains("100"), whileOpen);
            String projected = projector.findElement(By.id("projector:screen")).getText();
            assertFalse(projected.contains(label) || projected.contains("%"), "a choice on the projector while open: " + projected);
            screenshotAndAudit(chair, "chair-turnout-all-voted");

            chair.findElement(By.id("chair:closeBallot")).click();
            await(chair).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
            await(chair).until(d -> !d.findElements(By.id("result")).isEmpty());
            await(chair).until(d -> {
                WebElement result = d.findElement(By.id("result"));
                assertEquals(words().passed(), result.findElement(By.tagName("caption")).getText());
                List<String> yesRow = result.findElements(By.cssSelector("tbody tr")).get(0).findElements(By.tagName("td")).stream()
                        .map(WebElement::getText).toList();
                assertEquals(List.of(label, Integer.toString(tablets.size()), words().hundredPercent()), yesRow);
                fingerprint = d.findElement(By.cssSelector(".q-fingerprint code")).getText();
                return true;
            });
            assertTrue(fingerprint.matches("[0-9a-f]{64}"), fingerprint);
            screenshotAndAudit(chair, "chair-result");
            for (WebDriver tablet : tablets) {
                await(tablet).until(d -> d.findElement(By.id("vote-box")).getText().contains(t("vote.closed.CLOSED")));
            }
            screenshotAndAudit(tablets.get(0), "tablet-closed");
            // closed, not yet published: the projector shows no result
            await(projector).until(ExpectedConditions.attributeToBe(By.id("projector:screen"), "data-shown", "AGENDA"));
            for (WebDriver tablet : tablets) {
                Browsers.close(tablet);
            }
            tablets.clear();
        }

        // ------------------------------------------------------------ 5. publication

        void publication() throws Exception {
            Item item = seed.agenda().get(seed.ballotItem());
            secretary.get(app("secretary/results.xhtml?id=" + meetingId));
            WebElement counted = secretary.findElement(By.cssSelector(".q-result-panel"));
            assertTrue(counted.getText().contains(fingerprint), counted.getText());
            screenshotAndAudit(secretary, "secretary-results-closed");
            secretary.findElement(By.cssSelector("[id$='publish']")).click();
            await(secretary).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
            await(secretary).until(d -> messages(d).contains(t("results.published", item.title())));
            await(secretary).until(d -> !d.findElements(By.cssSelector(".q-result-panel.q-result-published")).isEmpty());
            String publishedBy = Pages.textOf(secretary, By.cssSelector(".q-result-published .q-ballot-PUBLISHED"));
            assertTrue(publishedBy.contains("Ngô Thị Hương (" + secretaryUser + ")"), "the publisher by name: " + publishedBy);
            screenshotAndAudit(secretary, "secretary-published");
            // on paper: the result and its fingerprint, not what is done on screen
            String paper = printed(secretary, "results");
            // (a long title may wrap on paper, where the line breaks fall depends on Chromium's fonts: compared with
            // white space folded)
            assertTrue(paper.replaceAll("\\s+", " ").contains(item.title().replaceAll("\\s+", " "))
                    && paper.replaceAll("\\s", "").contains(fingerprint), paper);
            assertFalse(paper.contains(t("results.downloads")) || paper.contains(t("results.correction.label")), "controls on paper: " + paper);

            // the projector, open since the session began, turns to the result by itself
            await(projector).until(ExpectedConditions.attributeToBe(By.id("projector:screen"), "data-shown", "RESULT"));
            await(projector).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#projector\\:screen canvas")));
            String projected = projector.findElement(By.id("projector:screen")).getText();
            assertTrue(projected.contains(item.title()) && projected.contains(words().passed())
                    && projected.contains(words().hundredPercent()), projected);
            assertTrue(marked(projector), "the projector was reloaded");
            screenshotAndAudit(projector, "projector-result");

            // the public page: the result with its chart and fingerprint, a delegate's receipt looked up
            WebDriver visitor = Browsers.open(1280, 1000);
            chooseLanguage(visitor);
            visitor.get(app("public/meeting.xhtml?id=" + meetingId));
            await(visitor).until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#results-panel .q-published canvas")));
            WebElement published = visitor.findElement(By.cssSelector("#results-panel .q-published"));
            assertEquals(words().passed(), published.findElement(By.cssSelector(".q-published-outcome")).getText());
            assertTrue(published.getText().contains(words().hundredPercent()), published.getText());
            assertEquals(fingerprint, published.findElement(By.cssSelector(".q-fingerprint code")).getText());
            visitor.findElement(By.id("lookup:receipt")).sendKeys(receipts.get(0));
            visitor.findElement(By.id("lookup:find")).click();
            await(visitor).until(d -> d.findElement(By.id("lookup:answer")).getText()
                    .contains(t("publicResults.lookup.found", receipts.get(0), label)));
            screenshotAndAudit(visitor, "public-result-and-receipt");

            // the open-data API: 9 in favour, 100.0, the same fingerprint, every receipt in the box
            List<Map<String, Object>> results = json("api/meetings/" + meetingId + "/results");
            assertEquals(1, results.size(), results::toString);
            Map<String, Object> result = results.get(0);
            assertEquals("PASSED", result.get("outcome"));
            assertEquals(fingerprint, result.get("fingerprint"));
            @SuppressWarnings("unchecked")
            Map<String, Object> yes = ((List<Map<String, Object>>) result.get("choices")).get(0);
            assertEquals("YES", yes.get("choice"));
            assertEquals(receipts.size(), ((Number) yes.get("votes")).intValue());
            assertEquals(100.0, ((Number) yes.get("percent")).doubleValue(), 0.0);
            long ballotId = ((Number) result.get("ballotId")).longValue();
            Map<String, Object> box = json("api/ballots/" + ballotId + "/receipts");
            assertEquals(fingerprint, box.get("fingerprint"));
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> papers = (List<Map<String, Object>>) box.get("papers");
            assertEquals(new TreeSet<>(receipts), papers.stream().map(p -> (String) p.get("receipt")).collect(Collectors.toCollection(TreeSet::new)));
            assertEquals(fingerprint, BoxFingerprint.of(papers.stream()
                    .map(p -> new BoxFingerprint.Paper((String) p.get("receipt"), (String) p.get("choice"))).toList()),
                    "the fingerprint recomputed from the published papers");

            // the minutes (biên bản kiểm phiếu), as anyone downloads them from a public meeting
            HttpResponse<byte[]> minutes = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(app("minutes/ballot/" + ballotId + ".pdf?lang=" + language))).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals(200, minutes.statusCode());
            Files.write(FILES.resolve("minutes-" + language + ".pdf"), minutes.body());
            String text;
            try (PDDocument pdf = Loader.loadPDF(minutes.body())) {
                text = new PDFTextStripper().getText(pdf);
            }
            String flat = text.replaceAll("\\s+", "");
            assertTrue(text.contains("Đắk Gằn"), text);
            assertTrue(text.contains("100"), text);
            assertTrue(flat.contains(fingerprint), "the fingerprint in the minutes:\n" + text);
            if (!SCHEDULED_DAY.equals(today())) { // the day it was scheduled for and the day it was held
                String held = t("minutes.held.otherDay", day("minutes.format.date", SCHEDULED_DAY), day("minutes.format.date", today()));
                assertTrue(text.replaceAll("\\s+", " ").contains(held.substring(0, held.length() - 1)), held + " in:\n" + text);
            }
        }

        /** A JSON answer of the open-data API, read anonymously. */
        @SuppressWarnings("unchecked")
        <T> T json(String path) throws IOException, InterruptedException {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(app(path)))
                    .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            assertEquals(200, answer.statusCode(), path + ": " + answer.body());
            return (T) new Json().toType(answer.body(), Object.class);
        }

        // ------------------------------------------------------------ helpers

        /** The browsers still open, by who holds them. */
        Map<String, WebDriver> browsers() {
            Map<String, WebDriver> open = new LinkedHashMap<>();
            open.put("admin", admin);
            open.put("secretary", secretary);
            open.put("chair", chair);
            open.put("projector", projector);
            for (int i = 0; i < tablets.size(); i++) {
                open.put("tablet-" + (i + 1), tablets.get(i));
            }
            open.values().removeIf(java.util.Objects::isNull);
            return open;
        }

        String t(String key, Object... arguments) {
            return Bundle.text(locale, key, arguments);
        }

        /** A day as the bundle's pattern under this key writes it. */
        String day(String patternKey, LocalDate day) {
            return DateTimeFormatter.ofPattern(t(patternKey), locale).format(day);
        }

        /** A few words checked as written, not through the bundle: what each language must say. */
        Words words() {
            return "en".equals(language) ? Words.ENGLISH : Words.VIETNAMESE;
        }

        WebDriver staffBrowser() throws IOException {
            WebDriver driver = Browsers.open(1280, 1000);
            chooseLanguage(driver);
            return driver;
        }

        /** The scenario's language, chosen once per browser (a cookie); Vietnamese is the default. */
        void chooseLanguage(WebDriver driver) {
            driver.get(app("sign-in.xhtml?lang=" + language));
            await(driver).until(d -> language.equals(d.findElement(By.tagName("html")).getAttribute("lang")));
        }

        void screenshot(WebDriver driver, String name) throws IOException {
            Browsers.screenshot(driver, String.format("acceptance-%s-%02d-%s", language, ++shot, name));
        }

        /**
         * A screenshot, and an axe-core audit of the page in the state it shows (target/accessibility/report.md):
         * the scenario's pages as its people see them — with a ballot open, a receipt, a result, a published result.
         */
        void screenshotAndAudit(WebDriver driver, String name) throws IOException {
            screenshot(driver, name);
            long started = System.nanoTime();
            List<Accessibility.Violation> found = Accessibility.severe(Accessibility.audit(driver, "acceptance " + language + " " + name));
            if (!found.isEmpty()) {
                severe.put(name, found);
            }
            auditing += System.nanoTime() - started;
        }

        void done(String step) {
            long now = System.nanoTime();
            durations.put(step, (now - stepStarted) / 1_000_000);
            stepStarted = now;
        }
    }

    record Words(String quorumReached, String yes, String passed, String hundredPercent) {
        static final Words VIETNAMESE = new Words("Đủ số đại biểu", "Đồng ý", "Thông qua", "100,0%");
        static final Words ENGLISH = new Words("Quorum reached", "Approve", "Passed", "100.0%");
    }

    static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
