package app.quorum.platform.web;

import static app.quorum.testing.Pages.agendaRow;
import static app.quorum.testing.Pages.agendaTitles;
import static app.quorum.testing.Pages.await;
import static app.quorum.testing.Pages.markPage;
import static app.quorum.testing.Pages.messages;
import static app.quorum.testing.Pages.rosterNames;
import static app.quorum.testing.Pages.switchLanguage;
import static app.quorum.testing.Pages.tabs;
import static app.quorum.testing.Pages.uploadRoster;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.testing.Browsers;
import app.quorum.testing.Deployments;
import app.quorum.testing.MinimalPdf;
import app.quorum.testing.Pages;
import app.quorum.testing.TestEnvironment;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The secretary prepares the seed meeting through the UI, on the whole WAR: signs in, creates the meeting, builds
 * its agenda (dialog, reorder, a PDF on an item), imports the roster from a 20-row CSV whose one bad row the preview
 * names before anything is written, imports the fixed file, schedules the meeting and checks voting members in until
 * the quorum indicator turns green — on her page and, without reload, on the chair's page in a second browser. The
 * key checks again in English. Screenshots of every step in target/screenshots/prepare-*.png.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PrepareMeetingIT {

    static final Path FILES = Path.of("target", "prepare-meeting");

    static final String TITLE = "Hội nghị đánh giá kết quả xây dựng nông thôn mới năm 2023 và xét công nhận xã Đắk Gằn đạt chuẩn";
    static final String ORGANISER = "UBND huyện Đắk Mil";
    static final List<String> AGENDA = List.of(
            "Khai mạc, giới thiệu đại biểu",
            "Báo cáo kết quả thực hiện Chương trình MTQG xây dựng nông thôn mới năm 2023",
            "Thảo luận: tồn tại, hạn chế và giải pháp năm 2024",
            "Bỏ phiếu đề nghị xét công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023");
    static final String BAD_ROLE = "Thành viên";
    /** The bad row's line as a spreadsheet shows it: the header is line 1, Võ Thị Lan the 7th person. */
    static final int BAD_LINE = 8;
    static final String BAD_NAME = "Võ Thị Lan";
    static final int VOTING_MEMBERS = 9;
    /** More than half of nine. */
    static final int REQUIRED = 5;

    /**
     * The seed meeting's roster: the chair and eight members of the steering committee vote; the secretary, the
     * province's and communes' guests and the press do not. Positions with commas, quoted as a spreadsheet quotes them.
     */
    static final List<List<String>> PEOPLE = List.of(
            List.of("Phan Bá Tịnh", "Uỷ viên Ban Thường vụ Huyện uỷ, Phó Chủ tịch UBND huyện, Trưởng ban Chỉ đạo", "UBND huyện Đắk Mil", "Chủ trì", "Có"),
            List.of("Ngô Thị Hương", "Chuyên viên Văn phòng", "Văn phòng HĐND và UBND huyện Đắk Mil", "Thư ký", "Không"),
            List.of("Phan Văn Thân", "Phó Chủ tịch HĐND huyện, thành viên Ban Chỉ đạo", "HĐND huyện Đắk Mil", "Đại biểu", "Có"),
            List.of("Lê Văn Hùng", "Trưởng phòng Nông nghiệp và PTNT, Phó Trưởng ban Chỉ đạo", "Phòng Nông nghiệp và PTNT huyện", "Đại biểu", "Có"),
            List.of("Trần Thị Mai", "Trưởng phòng Tài chính – Kế hoạch, thành viên Ban Chỉ đạo", "Phòng Tài chính – Kế hoạch huyện", "Đại biểu", "Có"),
            List.of("Nguyễn Đức Thắng", "Trưởng phòng Kinh tế – Hạ tầng, thành viên Ban Chỉ đạo", "Phòng Kinh tế – Hạ tầng huyện", "Đại biểu", "Có"),
            List.of(BAD_NAME, "Trưởng phòng Văn hoá – Thông tin, thành viên Ban Chỉ đạo", "Phòng Văn hoá – Thông tin huyện", "Đại biểu", "Có"),
            List.of("Đặng Quốc Bảo", "Trưởng phòng Tài nguyên và Môi trường, thành viên Ban Chỉ đạo", "Phòng Tài nguyên và Môi trường huyện", "Đại biểu", "Có"),
            List.of("Hoàng Minh Tuấn", "Chánh Văn phòng Điều phối nông thôn mới huyện", "Văn phòng Điều phối nông thôn mới huyện", "Đại biểu", "Có"),
            List.of("Bùi Thị Ánh", "Chủ tịch Uỷ ban MTTQ Việt Nam huyện, thành viên Ban Chỉ đạo", "Uỷ ban MTTQ Việt Nam huyện", "Đại biểu", "Có"),
            List.of("Phạm Văn Đức", "Lãnh đạo Văn phòng Điều phối nông thôn mới tỉnh", "Văn phòng Điều phối nông thôn mới tỉnh Đắk Nông", "Khách mời", "Không"),
            List.of("Y Kông", "Chủ tịch UBND xã Đắk Gằn", "UBND xã Đắk Gằn", "Khách mời", "Không"),
            List.of("Nguyễn Thị Hồng", "Chủ tịch UBND xã Đức Minh", "UBND xã Đức Minh", "Khách mời", "Không"),
            List.of("Lương Văn Sơn", "Chủ tịch UBND xã Thuận An", "UBND xã Thuận An", "Khách mời", "Không"),
            List.of("Trịnh Công Minh", "Chủ tịch UBND xã Long Sơn", "UBND xã Long Sơn", "Khách mời", "Không"),
            List.of("Đỗ Thị Thuỷ", "Chủ tịch UBND xã Đức Mạnh", "UBND xã Đức Mạnh", "Khách mời", "Không"),
            List.of("Hà Văn Quang", "Bí thư Đảng uỷ xã Đắk Gằn", "Đảng uỷ xã Đắk Gằn", "Khách mời", "Không"),
            List.of("Mai Xuân Trường", "Chủ tịch UBND thị trấn Đắk Mil", "UBND thị trấn Đắk Mil", "Khách mời", "Không"),
            List.of("Kiều Thị Oanh", "Trưởng phòng Nội vụ", "Phòng Nội vụ huyện", "Khách mời", "Không"),
            List.of("Lâm Quốc Việt", "Phóng viên", "Trung tâm Văn hoá – Thể thao và Truyền thông huyện", "Khách mời", "Không"));

    @Deployment(testable = false)
    @TargetsContainer("web")
    static WebArchive war() {
        return Deployments.built();
    }

    @ArquillianResource
    URL deployed;

    private static int shot;

    @Test
    void theSecretaryPreparesTheSeedMeetingAndTheQuorumTurnsGreenOnHerPageAndTheChairs() throws Exception {
        WebDriver secretary = browser();
        signIn(secretary, "thuky");

        long meetingId = createMeeting(secretary);
        buildAgenda(secretary, meetingId);
        importRoster(secretary, meetingId);
        schedule(secretary, meetingId);

        WebDriver chair = browser();
        signIn(chair, "chutri");
        checkInUntilQuorum(secretary, chair, meetingId);
        quorumInEnglish(secretary, chair, meetingId);
    }

    // ---------------------------------------------------------------- the steps

    private void signIn(WebDriver driver, String username) throws IOException {
        Pages.signIn(driver, app("sign-in.xhtml").toString(), username, TestEnvironment.password(username));
        screenshot(driver, "signed-in-" + username);
    }

    private long createMeeting(WebDriver driver) throws IOException {
        assertTrue(driver.getCurrentUrl().contains("/secretary/index.xhtml"), driver.getCurrentUrl());
        driver.findElement(By.id("newMeeting:title")).sendKeys(TITLE);
        driver.findElement(By.id("newMeeting:organiser")).sendKeys(ORGANISER);
        driver.findElement(By.id("newMeeting:venue")).sendKeys("Hội trường UBND huyện Đắk Mil");
        driver.findElement(By.id("newMeeting:description")).sendKeys("Đánh giá kết quả năm 2023; khen thưởng; Ban Chỉ đạo bỏ phiếu kín.");
        // the date last, typed as the pattern says; the calendar that opens is closed before going on
        WebElement startsAt = driver.findElement(By.id("newMeeting:startsAt_input"));
        startsAt.sendKeys("19/01/2024 07:30");
        startsAt.sendKeys(Keys.ESCAPE);
        driver.findElement(By.cssSelector("h1.q-page-title")).click();
        await(driver).until(ExpectedConditions.invisibilityOfElementLocated(By.id("newMeeting:startsAt_panel")));
        assertEquals("19/01/2024 07:30", startsAt.getAttribute("value"));
        screenshot(driver, "new-meeting-form");
        assertEquals("", overflowing(driver, "newMeeting"), "fields reaching past the form's right edge");
        driver.findElement(By.id("newMeeting:create")).click();
        await(driver).until(d -> d.getCurrentUrl().contains("/secretary/meeting.xhtml?id="));
        Matcher id = Pattern.compile("[?&]id=(\\d+)").matcher(driver.getCurrentUrl());
        assertTrue(id.find(), driver.getCurrentUrl());
        long meetingId = Long.parseLong(id.group(1));

        assertEquals(TITLE, driver.findElement(By.cssSelector(".q-meeting-head h1")).getText());
        assertEquals(ORGANISER, driver.findElement(By.cssSelector(".q-context-organiser")).getText());
        assertEquals("Đang chuẩn bị", driver.findElement(By.cssSelector(".q-meeting-head .q-status")).getText());
        assertEquals("19/01/2024 07:30", driver.findElement(By.id("details:startsAt_input")).getAttribute("value"));
        assertTrue(messages(driver).contains("Đã tạo cuộc họp"), messages(driver));
        assertEquals("", overflowing(driver, "details"), "fields reaching past the form's right edge");
        screenshot(driver, "meeting-created");
        return meetingId;
    }

    private void buildAgenda(WebDriver driver, long meetingId) throws IOException {
        driver.get(app("secretary/agenda.xhtml?id=" + meetingId).toString());
        assertEquals(List.of(), agendaTitles(driver));
        // added out of order: the vote before the discussion, put right with the arrow buttons afterwards
        List<String> typed = List.of(AGENDA.get(0), AGENDA.get(1), AGENDA.get(3), AGENDA.get(2));
        List<String> presenters = List.of("Văn phòng HĐND và UBND huyện", "Văn phòng Điều phối nông thôn mới huyện",
                "Ban Chỉ đạo huyện", "Các đại biểu");
        List<Integer> minutes = List.of(10, 30, 15, 60);
        for (int i = 0; i < typed.size(); i++) {
            driver.findElement(By.id("agenda:add")).click();
            WebElement title = await(driver).until(ExpectedConditions.visibilityOfElementLocated(By.id("itemForm:title")));
            title.sendKeys(typed.get(i));
            driver.findElement(By.id("itemForm:presenter")).sendKeys(presenters.get(i));
            driver.findElement(By.id("itemForm:minutes_input")).sendKeys(Integer.toString(minutes.get(i)));
            if (i == 0) {
                screenshot(driver, "agenda-dialog");
            }
            driver.findElement(By.id("itemForm:saveItem")).click();
            int count = i + 1;
            await(driver).until(d -> agendaTitles(d).size() == count);
            await(driver).until(ExpectedConditions.invisibilityOfElementLocated(By.id("itemDialog")));
        }
        assertEquals(typed, agendaTitles(driver));
        screenshot(driver, "agenda-added");

        // the discussion (4th) moves up above the vote (3rd)
        agendaRow(driver, 3).findElement(By.cssSelector("button:has(.pi-arrow-up)")).click();
        await(driver).until(d -> agendaTitles(d).equals(AGENDA));
        assertEquals(List.of("1", "2", "3", "4"), driver.findElements(By.cssSelector("#agenda\\:items .q-agenda-number")).stream()
                .map(WebElement::getText).toList());
        screenshot(driver, "agenda-reordered");

        // a PDF on the report (2nd item): open its row, choose the file; the upload starts by itself
        Path pdf = Files.createDirectories(FILES).resolve("Báo cáo kết quả 2023.pdf");
        Files.write(pdf, MinimalPdf.withText("Bao cao ket qua thuc hien Chuong trinh MTQG xay dung nong thon moi nam 2023"));
        agendaRow(driver, 1).findElement(By.cssSelector(".ui-row-toggler")).click();
        WebElement file = await(driver).until(ExpectedConditions.presenceOfElementLocated(
                By.cssSelector("#agenda\\:items .ui-expanded-row-content input[type=file]")));
        screenshot(driver, "agenda-item-opened");
        file.sendKeys(pdf.toAbsolutePath().toString());
        await(driver).until(d -> messages(d).contains("Báo cáo kết quả 2023.pdf"));
        assertEquals("Đã tải lên \"Báo cáo kết quả 2023.pdf\".", messages(driver));
        assertTrue(agendaRow(driver, 1).findElement(By.cssSelector(".q-agenda-meta")).getText().contains("1 tài liệu"),
                () -> agendaRow(driver, 1).getText());
        if (driver.findElements(By.cssSelector("#agenda\\:items .ui-expanded-row-content")).isEmpty()) {
            agendaRow(driver, 1).findElement(By.cssSelector(".ui-row-toggler")).click();
        }
        WebElement link = await(driver).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("ul.q-documents a")));
        assertEquals("Báo cáo kết quả 2023.pdf", link.getText());
        screenshot(driver, "agenda-pdf");
        for (int row = 0; row < AGENDA.size(); row++) {
            List<WebElement> actions = agendaRow(driver, row).findElements(By.cssSelector(".q-col-actions button"));
            assertEquals(4, actions.size());
            assertTrue(actions.stream().allMatch(WebElement::isDisplayed), "the actions of item " + (row + 1));
        }
    }

    private void importRoster(WebDriver driver, long meetingId) throws IOException {
        Path bad = Files.createDirectories(FILES).resolve("danh-sach-dai-bieu.csv");
        Files.write(bad, csv(BAD_ROLE));
        Path fixed = FILES.resolve("danh-sach-dai-bieu-da-sua.csv");
        Files.write(fixed, csv("Đại biểu"));

        driver.get(app("secretary/roster.xhtml?id=" + meetingId).toString());
        assertEquals("Chưa có đại biểu nào.", driver.findElement(By.cssSelector("#roster\\:people .ui-datatable-empty-message")).getText());
        refuseTooLargeRoster(driver);
        uploadRoster(driver, bad);
        assertBadRowNamed(driver, "Vai trò “Thành viên” không hợp lệ", "20 dòng, 1 dòng có lỗi.");
        screenshot(driver, "import-preview-bad-vi");

        // the same preview in English
        switchLanguage(driver, "en");
        uploadRoster(driver, bad);
        assertBadRowNamed(driver, "Unknown role “Thành viên”", "20 rows, 1 with problems.");
        screenshot(driver, "import-preview-bad-en");
        switchLanguage(driver, "vi");

        uploadRoster(driver, fixed);
        await(driver).until(d -> !d.findElements(By.cssSelector("#import\\:preview .q-ok-text")).isEmpty());
        assertEquals("20 dòng, 0 dòng có lỗi.", driver.findElement(By.cssSelector("#import\\:preview .q-ok-text")).getText());
        assertTrue(driver.findElements(By.id("import:problems")).isEmpty(), "no row with a problem");
        WebElement confirm = driver.findElement(By.id("import:confirmImport"));
        assertTrue(confirm.isEnabled(), "the import button once the file has no problem");
        screenshot(driver, "import-preview-fixed");
        confirm.click();
        await(driver).until(d -> messages(d).contains("Đã nhập"));
        assertEquals("Đã nhập 20 đại biểu.", messages(driver));
        await(driver).until(d -> rosterNames(d).size() == PEOPLE.size());
        List<String> names = rosterNames(driver);
        assertEquals(PEOPLE.stream().map(person -> person.get(0)).sorted().toList(), names.stream().sorted().toList());
        // Vietnamese order, by given name: Ánh first (A before B, the tone aside), Việt last
        assertEquals("Bùi Thị Ánh", names.get(0));
        assertEquals("Lâm Quốc Việt", names.get(names.size() - 1));
        assertTrue(names.indexOf("Ngô Thị Hương") < names.indexOf("Phan Văn Thân")
                && names.indexOf("Phan Văn Thân") < names.indexOf("Phan Bá Tịnh"), names::toString);
        screenshot(driver, "roster-imported");
        // every column readable at 1280 pixels, the unit too
        for (WebElement header : driver.findElements(By.cssSelector("#roster\\:people thead th"))) {
            assertTrue(header.getSize().getWidth() >= 100, () -> "column " + header.getText() + " is " + header.getSize().getWidth() + " px wide");
        }
        assertEquals("Uỷ ban MTTQ Việt Nam huyện", driver.findElement(By.cssSelector("#roster\\:people_data > tr:first-child > td:nth-child(2)")).getText());
    }

    /**
     * Issue 12, defect 6: a roster file over QUORUM_ROSTER_MAX_MB (10 MB) is refused in the browser before it is sent,
     * with the bundle's words in the page's message area, in Vietnamese and in English; no preview, nothing imported.
     */
    private void refuseTooLargeRoster(WebDriver driver) throws IOException {
        Path tooLarge = FILES.resolve("danh-sach-qua-lon.csv");
        try (var out = Files.newOutputStream(tooLarge)) {
            byte[] rows = "Nguyễn Văn An,UBND xã Đắk Gằn\n".repeat(1024).getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written <= 11L * 1024 * 1024; written += rows.length) {
                out.write(rows);
            }
        }
        Pages.chooseRosterFile(driver, tooLarge);
        await(driver).until(d -> messages(d).contains("danh-sach-qua-lon.csv"));
        assertEquals("Tệp “danh-sach-qua-lon.csv” lớn hơn 10.0 MB, mức tối đa được tải lên: tệp không được lưu.", messages(driver));
        assertTrue(driver.findElements(By.id("import:preview")).isEmpty(), "no preview of a refused file");
        screenshot(driver, "import-too-large-vi");

        switchLanguage(driver, "en");
        Pages.chooseRosterFile(driver, tooLarge);
        await(driver).until(d -> messages(d).contains("danh-sach-qua-lon.csv"));
        assertEquals("The file “danh-sach-qua-lon.csv” is larger than 10.0 MB, the most an upload may be: it was not saved.", messages(driver));
        switchLanguage(driver, "vi");
        assertEquals("Chưa có đại biểu nào.", driver.findElement(By.cssSelector("#roster\\:people .ui-datatable-empty-message")).getText());
    }

    private void schedule(WebDriver driver, long meetingId) throws IOException {
        driver.get(app("secretary/meeting.xhtml?id=" + meetingId).toString());
        WebElement schedule = driver.findElement(By.cssSelector("button.q-status-action-SCHEDULED"));
        assertEquals("Lên lịch", schedule.getText());
        schedule.click();
        await(driver).until(d -> d.findElements(By.cssSelector("button.q-status-action-SCHEDULED")).isEmpty());
        // the steps are numbered by CSS counters, which the text may or may not carry
        assertTrue(driver.findElement(By.cssSelector("#lifecycle .q-step-current")).getText().endsWith("Đã lên lịch"));
        // the status under the title follows too, without reload
        await(driver).until(d -> d.findElement(By.cssSelector(".q-meeting-head .q-status")).getText().equals("Đã lên lịch"));
        assertTrue(messages(driver).contains("Cuộc họp chuyển sang: Đã lên lịch."), messages(driver));
        screenshot(driver, "scheduled");
    }

    private void checkInUntilQuorum(WebDriver secretary, WebDriver chair, long meetingId) throws IOException {
        chair.get(app("chair/meeting.xhtml?id=" + meetingId).toString());
        assertEquals(List.of("Điều hành", "Trang công khai"), tabs(chair), "the chair's tabs: only pages the chair may open");
        assertQuorum(chair, "chair", false, 0);
        assertEquals(List.of("Chưa đủ số đại biểu", "0 trên 9 thành viên có quyền biểu quyết có mặt; cần 5.", "Cần thêm 5 người.",
                "Quá nửa số thành viên có quyền biểu quyết"), quorumText(chair, "chair"));
        markPage(chair);
        screenshot(chair, "chair-before");

        secretary.get(app("secretary/attendance.xhtml?id=" + meetingId).toString());
        assertQuorum(secretary, "attendance", false, 0);
        assertEquals(PEOPLE.size(), secretary.findElements(By.cssSelector(".q-people-list > li")).size());
        assertEquals(VOTING_MEMBERS, votingRows(secretary).size());
        assertEquals(List.of("Thông tin", "Chương trình", "Đại biểu", "Biểu quyết", "Người giữ khóa", "Điểm danh", "Kết quả", "Trang công khai"), tabs(secretary),
                "the secretary's tabs: only pages the secretary may open");
        markPage(secretary);
        screenshot(secretary, "attendance-before");

        // a guest first: present, but no vote, so the quorum does not move
        checkIn(secretary, "Y Kông");
        assertQuorum(secretary, "attendance", false, 0);
        for (int present = 1; present <= REQUIRED; present++) {
            checkIn(secretary, votingName(secretary, false));
            boolean reached = present >= REQUIRED;
            assertQuorum(secretary, "attendance", reached, present);
            awaitQuorum(chair, "chair", reached, present);
            if (present == REQUIRED - 1) {
                screenshot(secretary, "attendance-one-short");
                screenshot(chair, "chair-one-short");
                assertEquals("Cần thêm 1 người.", chair.findElement(By.cssSelector("#chair\\:quorum .q-quorum-more")).getText());
            }
        }
        assertEquals("Đủ số đại biểu", secretary.findElement(By.cssSelector("#attendance\\:quorum .q-quorum-text strong")).getText());
        assertEquals("Đủ số đại biểu", chair.findElement(By.cssSelector("#chair\\:quorum .q-quorum-text strong")).getText());
        assertEquals(List.of("Đủ số đại biểu", "5 trên 9 thành viên có quyền biểu quyết có mặt; cần 5.",
                "Quá nửa số thành viên có quyền biểu quyết"), quorumText(chair, "chair"));
        assertMarked(secretary, "the secretary's attendance page");
        assertMarked(chair, "the chair's page");
        screenshot(secretary, "attendance-quorum");
        screenshot(chair, "chair-quorum");
    }

    /** The indicator's text in English; one member leaves and comes back, the chair's page follows both ways. */
    private void quorumInEnglish(WebDriver secretary, WebDriver chair, long meetingId) throws IOException {
        switchLanguage(secretary, "en");
        assertQuorum(secretary, "attendance", true, REQUIRED);
        assertEquals(List.of("Quorum reached", "5 of 9 voting members present; 5 required.", "More than half of the voting members"),
                quorumText(secretary, "attendance"));
        screenshot(secretary, "attendance-quorum-en");

        switchLanguage(chair, "en");
        markPage(chair);
        WebElement leaving = votingRows(secretary).stream()
                .filter(row -> row.getAttribute("class").contains("q-person-present"))
                .findFirst().orElseThrow();
        String name = leaving.findElement(By.tagName("strong")).getText();
        leaving.findElement(By.cssSelector("button.q-toggle")).click();
        await(secretary).until(d -> messages(d).contains(name));
        assertEquals("Check-in undone: " + name + ".", messages(secretary));
        assertQuorum(secretary, "attendance", false, REQUIRED - 1);
        assertEquals("No quorum yet", secretary.findElement(By.cssSelector("#attendance\\:quorum .q-quorum-text strong")).getText());
        assertEquals("1 more needed.", secretary.findElement(By.cssSelector("#attendance\\:quorum .q-quorum-more")).getText());
        awaitQuorum(chair, "chair", false, REQUIRED - 1);
        assertEquals("No quorum yet", chair.findElement(By.cssSelector("#chair\\:quorum .q-quorum-text strong")).getText());
        screenshot(chair, "chair-one-left-en");

        checkIn(secretary, name);
        assertQuorum(secretary, "attendance", true, REQUIRED);
        awaitQuorum(chair, "chair", true, REQUIRED);
        assertEquals("Quorum reached", chair.findElement(By.cssSelector("#chair\\:quorum .q-quorum-text strong")).getText());
        assertMarked(chair, "the chair's page in English");
        screenshot(chair, "chair-quorum-en");
    }

    // ---------------------------------------------------------------- page helpers

    private void assertBadRowNamed(WebDriver driver, String problem, String summary) {
        WebElement preview = driver.findElement(By.id("import:preview"));
        assertEquals("danh-sach-dai-bieu.csv", preview.findElement(By.cssSelector("h3")).getText());
        assertEquals(summary, preview.findElement(By.cssSelector(".q-error-text[role=status]")).getText());
        List<WebElement> rows = driver.findElements(By.cssSelector("#import\\:problems_data > tr"));
        assertEquals(1, rows.size(), "rows with a problem");
        List<String> cells = rows.get(0).findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
        assertEquals(Integer.toString(BAD_LINE), cells.get(0), "the bad row's line");
        assertEquals(BAD_NAME, cells.get(1));
        assertTrue(cells.get(2).startsWith(problem), cells.get(2));
        WebElement confirm = driver.findElement(By.id("import:confirmImport"));
        assertFalse(confirm.isEnabled(), "the import button while the file has a problem");
    }

    /** The indicator's text, line by line. */
    private static List<String> quorumText(WebDriver driver, String form) {
        return driver.findElement(By.cssSelector("#" + form + "\\:quorum .q-quorum-text")).getText().lines().map(String::strip).toList();
    }

    /**
     * The fields of a form that reach past its right edge, or into the next field on the same line: "" when none does.
     */
    private static String overflowing(WebDriver driver, String form) {
        return (String) ((JavascriptExecutor) driver).executeScript("""
                const form = document.getElementById(arguments[0]);
                const limit = form.getBoundingClientRect().right + 0.5;
                const wide = Array.from(form.querySelectorAll('.q-field > *'))
                    .filter(e => e.getBoundingClientRect().right > limit);
                const sameLine = (a, b) => b.getBoundingClientRect().top < a.getBoundingClientRect().bottom;
                const crowded = Array.from(form.querySelectorAll('.q-field-row > .q-field'))
                    .filter(f => f.nextElementSibling && sameLine(f, f.nextElementSibling) && Array.from(f.children)
                        .some(c => c.getBoundingClientRect().right > f.nextElementSibling.getBoundingClientRect().left + 0.5));
                return wide.concat(crowded).map(e => (e.id || e.className) + ' right=' + Math.round(e.getBoundingClientRect().right)
                    + ' limit=' + Math.round(limit)).join(', ');
                """, form);
    }

    private static List<WebElement> votingRows(WebDriver driver) {
        return driver.findElements(By.cssSelector(".q-people-list > li")).stream()
                .filter(row -> !row.findElements(By.cssSelector(".q-tag-ok")).isEmpty())
                .toList();
    }

    private void checkIn(WebDriver driver, String name) {
        // a push may re-render the list under the test's feet: find the row again then
        await(driver).until(d -> {
            WebElement row = d.findElements(By.cssSelector(".q-people-list > li")).stream()
                    .filter(li -> li.findElement(By.tagName("strong")).getText().equals(name))
                    .findFirst().orElseThrow(() -> new AssertionError("no " + name + " on the attendance page"));
            row.findElement(By.cssSelector("button.q-toggle")).click();
            return true;
        });
        await(driver).until(d -> d.findElements(By.cssSelector(".q-people-list > li.q-person-present strong")).stream()
                .anyMatch(strong -> strong.getText().equals(name)));
    }

    /** The name of the first voting member checked in (or not), read again if the list re-rendered meanwhile. */
    private static String votingName(WebDriver driver, boolean present) {
        return await(driver).until(d -> votingRows(d).stream()
                .filter(row -> row.getAttribute("class").contains("q-person-present") == present)
                .findFirst().map(row -> row.findElement(By.tagName("strong")).getText()).orElse(null));
    }

    /** Asserts the indicator now: red or green, and the count of present voting members. */
    private static void assertQuorum(WebDriver driver, String form, boolean reached, int present) {
        // a push may re-render the indicator while it is read: read it again
        for (int attempt = 1; ; attempt++) {
            try {
                assertQuorumOnce(driver, form, reached, present);
                return;
            } catch (StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private static void assertQuorumOnce(WebDriver driver, String form, boolean reached, int present) {
        WebElement indicator = driver.findElement(By.cssSelector("#" + form + "\\:quorum .q-quorum"));
        assertEquals(Boolean.toString(reached), indicator.getAttribute("data-reached"), form + " data-reached");
        assertTrue(indicator.getAttribute("class").contains(reached ? "q-quorum-reached" : "q-quorum-missing"), indicator.getAttribute("class"));
        assertEquals(Integer.toString(present), indicator.findElement(By.cssSelector(".q-quorum-present")).getText());
        boolean english = "en".equals(driver.findElement(By.tagName("html")).getAttribute("lang"));
        assertEquals(english ? "present · " + REQUIRED + " needed" : "có mặt · cần " + REQUIRED,
                indicator.findElement(By.cssSelector(".q-quorum-of")).getText(), "how many are needed, under how many are present");
        // green once reached, amber before: what the eye sees, not only the class
        int[] rgb = rgb(indicator.getCssValue("background-color"));
        assertEquals(reached, rgb[1] > rgb[0], () -> form + " background " + indicator.getCssValue("background-color"));
    }

    /** The red, green and blue of a computed CSS colour, "rgb(…)" or "rgba(…)". */
    private static int[] rgb(String colour) {
        Matcher parts = Pattern.compile("rgba?\\((\\d+),\\s*(\\d+),\\s*(\\d+)").matcher(colour);
        assertTrue(parts.find(), colour);
        return new int[] {Integer.parseInt(parts.group(1)), Integer.parseInt(parts.group(2)), Integer.parseInt(parts.group(3))};
    }

    /** Waits for a page that another browser changes (over the websocket), then asserts its indicator. */
    private static void awaitQuorum(WebDriver driver, String form, boolean reached, int present) {
        await(driver).until(d -> {
            List<WebElement> figure = d.findElements(By.cssSelector("#" + form + "\\:quorum .q-quorum-present"));
            return !figure.isEmpty() && figure.get(0).getText().equals(Integer.toString(present));
        });
        assertQuorum(driver, form, reached, present);
    }

    private static void assertMarked(WebDriver driver, String page) {
        assertTrue(Pages.marked(driver), page + " was reloaded");
    }

    /** The roster as a secretary saves it from Excel: "CSV UTF-8" with a byte order mark, CRLF, quoted cells. */
    static byte[] csv(String badRole) {
        StringBuilder csv = new StringBuilder("\uFEFFSTT,Họ và tên,Chức vụ,Đơn vị,Vai trò,Biểu quyết\r\n");
        for (int i = 0; i < PEOPLE.size(); i++) {
            List<String> person = PEOPLE.get(i);
            String role = person.get(0).equals(BAD_NAME) ? badRole : person.get(3);
            csv.append(i + 1).append(',').append(person.get(0)).append(",\"").append(person.get(1)).append("\",\"")
                    .append(person.get(2)).append("\",").append(role).append(',').append(person.get(4)).append("\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private URI app(String path) {
        return URI.create("http://127.0.0.1:" + deployed.getPort() + deployed.getPath()).resolve(path);
    }

    // ---------------------------------------------------------------- browsers

    private static WebDriver browser() throws IOException {
        return Browsers.open(1280, 1000);
    }

    /** The whole page as prepare-NN-name.png, numbered in the order taken. */
    private static void screenshot(WebDriver driver, String name) throws IOException {
        Browsers.screenshot(driver, String.format("prepare-%02d-%s", ++shot, name));
    }

    @AfterAll
    static void closeBrowsers() {
        Browsers.closeAll();
    }
}
