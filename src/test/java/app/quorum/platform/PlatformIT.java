package app.quorum.platform;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.quorum.results.control.DemoMeetingAccess;
import app.quorum.meeting.control.AgendaItemDraft;
import app.quorum.meeting.control.DocumentService;
import app.quorum.meeting.control.MeetingService;
import app.quorum.meeting.entity.AgendaItem;
import app.quorum.meeting.entity.Meeting;
import app.quorum.meeting.entity.MeetingStatus;
import app.quorum.platform.Limits;
import app.quorum.platform.i18n.Bundle;
import app.quorum.platform.i18n.BundleMessageInterpolator;
import app.quorum.roster.control.ParticipantDraft;
import app.quorum.roster.control.ImportPreview;
import app.quorum.roster.control.ImportProblem;
import app.quorum.roster.control.ImportRow;
import app.quorum.roster.control.RosterImport;
import app.quorum.roster.control.RosterService;
import app.quorum.testing.AsChair;
import app.quorum.testing.AsSecretary;
import app.quorum.testing.Deployments;
import app.quorum.testing.MinimalPdf;
import app.quorum.testing.TestEnvironment;
import app.quorum.roster.entity.Participant;
import app.quorum.roster.entity.Role;
import app.quorum.roster.entity.Quorum;
import app.quorum.meeting.entity.QuorumRule;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.ValidatorFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The platform's wiring, in the container against a real MariaDB: datasource from MicroProfile Config, Flyway
 * migrations, the database's Vietnamese collation, the demo meeting, the services' rules and Bean Validation with
 * Quorum's own bundle. Runs on a micro-deployment: the packages it needs, no views, no launcher.
 */
@ExtendWith(ArquillianExtension.class)
class PlatformIT {

    static final String COLLATION = "utf8mb4_uca1400_vietnamese_as_ci";
    /** The acceptance figure's size: a district's worth of people. */
    static final int ROWS = 2_000;
    /** Where the in-container tests leave measured figures, in the application's data folder. */
    static final String FIGURES = "test-figures.txt";
    private static final Logger LOG = Logger.getLogger(PlatformIT.class.getName());
    static final String LAST_DEMO_ITEM = "Bỏ phiếu đề nghị xét công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023";

    @Deployment
    @TargetsContainer("platform")
    static WebArchive deployment() {
        return Deployments.platform("platform-it.war");
    }

    @Inject
    MeetingService meetings;

    @Inject
    RosterService roster;

    @Inject
    Migrations migrations;

    @Inject
    AsSecretary secretary;

    @Inject
    AsChair chair;

    @Inject
    DocumentService documents;

    @Inject
    RosterImport importer;

    @Inject
    DemoMeetingAccess demoAccess;

    @Inject
    ValidatorFactory validation;

    @Resource(lookup = QuorumDataSource.JNDI_NAME)
    DataSource dataSource;

    @Test
    void theSchemaIsMigratedToTheLatestVersion() throws Exception {
        MigrationInfoService info = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load()
                .info();
        MigrationInfo current = info.current();
        assertNotNull(current, "Flyway found no applied migration");
        assertAll(
                () -> assertNotNull(migrations.schemaVersion(), "Migrations reports no schema version"),
                () -> assertEquals(current.getVersion().getVersion(), migrations.schemaVersion()),
                () -> assertEquals(0, info.pending().length, "migrations left pending"),
                () -> assertTrue(info.applied().length > 0),
                () -> assertTrue(Stream.of(info.applied()).allMatch(m -> m.getState().isApplied() && !m.getState().isFailed()),
                        "a migration failed"));
    }

    @Test
    void everyTableAndTextColumnUsesTheVietnameseCollation() throws Exception {
        Map<String, String> tables = new LinkedHashMap<>();
        List<String> wrongColumns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT table_name, table_collation FROM information_schema.tables WHERE table_schema = DATABASE()");
                    ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.put(rows.getString(1), rows.getString(2));
                }
            }
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT table_name, column_name, collation_name FROM information_schema.columns "
                            + "WHERE table_schema = DATABASE() AND collation_name IS NOT NULL AND collation_name <> ?")) {
                query.setString(1, COLLATION);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        wrongColumns.add(rows.getString(1) + "." + rows.getString(2) + " " + rows.getString(3));
                    }
                }
            }
        }
        assertTrue(tables.keySet().containsAll(Set.of("meeting", "agenda_item", "participant", "flyway_schema_history")),
                () -> "tables found: " + tables.keySet());
        tables.forEach((table, collation) -> assertEquals(COLLATION, collation,
                () -> table + " (a table Flyway creates takes the database's default collation)"));
        // the one exception, on purpose: the roster search is accent-insensitive ("huong" finds "Hương"), still Vietnamese
        assertEquals(List.of("participant.search_text utf8mb4_uca1400_vietnamese_ai_ci"), wrongColumns);
    }

    @Test
    void theDemoMeetingIsLoadedOnceWithItsAgendaInOrder() throws Exception {
        String title = DemoMeetingAccess.demo().title();
        List<Meeting> demos = secretary.call(meetings::meetings).stream().filter(m -> m.getTitle().equals(title)).toList();
        assertEquals(1, demos.size(), "demo meetings");

        Meeting demo = meetings.withAgenda(demos.get(0).getId()).orElseThrow();
        List<AgendaItem> agenda = demo.getAgenda();
        assertEquals(6, agenda.size(), "agenda items");
        for (int i = 0; i < agenda.size(); i++) {
            assertEquals(i + 1, agenda.get(i).getSortOrder(), "sort order of item " + i);
            assertEquals(DemoMeetingAccess.demo().agenda().get(i).title(), agenda.get(i).getTitle());
        }
        assertEquals(LAST_DEMO_ITEM, agenda.get(5).getTitle());
        assertEquals(List.of("Phan Bá Tịnh"), roster.withRole(demo.getId(), Role.CHAIR).stream().map(Participant::getFullName).toList());

        long meetingsBefore = meetings.count();
        long rosterBefore = secretary.call(() -> roster.roster(demo.getId())).size();
        demoAccess.loadWhenEmpty();
        assertEquals(meetingsBefore, meetings.count(), "meetings after loading the demo again");
        assertEquals(rosterBefore, secretary.call(() -> roster.roster(demo.getId())).size(), "demo roster after loading the demo again");
    }

    /**
     * Rows stored in another order than the agenda's (EclipseLink inserts a new meeting's items in no set order) still
     * come back in agenda order. Many items, so that the database reads the table rather than the index in agenda order.
     */
    @Test
    void theAgendaComesInItsOrderWhateverOrderTheRowsWereStoredIn() throws Exception {
        int items = 40;
        long meetingId;
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO meeting (title, organiser, starts_at, description) "
                            + "VALUES ('Kỳ họp thường lệ', 'HĐND xã Đắk Gằn', '2024-06-28 07:30:00', 'Xem xét các tờ trình')",
                    PreparedStatement.RETURN_GENERATED_KEYS)) {
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    assertTrue(keys.next());
                    meetingId = keys.getLong(1);
                }
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO agenda_item (meeting_id, sort_order, title, description) VALUES (?, ?, ?, ?)")) {
                for (int sortOrder = items; sortOrder >= 1; sortOrder--) {
                    insert.setLong(1, meetingId);
                    insert.setInt(2, sortOrder);
                    insert.setString(3, "Tờ trình số " + sortOrder);
                    insert.setString(4, "Thảo luận và biểu quyết tờ trình số " + sortOrder);
                    insert.executeUpdate();
                }
            }
        }
        List<Integer> order = meetings.withAgenda(meetingId).orElseThrow().getAgenda().stream().map(AgendaItem::getSortOrder).toList();
        assertEquals(IntStream.rangeClosed(1, items).boxed().toList(), order);
    }

    @Test
    void aMeetingThatEndsBeforeItStartsIsRefusedAndNothingIsStored() throws Exception {
        long meetingsBefore = meetings.count();
        long itemsBefore = countRows("agenda_item");
        Meeting meeting = new Meeting("Kỳ họp thứ nhất", "HĐND xã Đắk Gằn", LocalDateTime.of(2024, 3, 1, 14, 0));
        meeting.setEndsAt(LocalDateTime.of(2024, 3, 1, 8, 0));
        meeting.addItem("Khai mạc");

        Refusal refusal = assertThrows(Refusal.class, () -> secretary.call(() -> meetings.create(meeting)));
        assertEquals("meeting.endsBeforeStart", refusal.key());
        assertEquals("Thời gian kết thúc phải sau thời gian bắt đầu.", Bundle.text(Bundle.VIETNAMESE, refusal.key()));
        assertNull(meeting.getId());
        assertEquals(meetingsBefore, meetings.count(), "meetings");
        assertEquals(itemsBefore, countRows("agenda_item"), "agenda items");
    }

    @Test
    void aBlankTitleIsRefusedWithTheBundlesTextInVietnameseAndEnglish() throws Exception {
        MessageInterpolator configured = validation.getMessageInterpolator();
        assertInstanceOf(BundleMessageInterpolator.class, configured, "the interpolator named in META-INF/validation.xml");
        Meeting blank = new Meeting("   ", "UBND huyện Đắk Mil", LocalDateTime.of(2024, 1, 19, 7, 30));

        assertEquals(List.of("Hãy nhập tên cuộc họp."), messages(validation.getValidator().validate(blank)));
        MessageInterpolator english = new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
                return configured.interpolate(template, context, Locale.ENGLISH);
            }

            @Override
            public String interpolate(String template, Context context, Locale locale) {
                return configured.interpolate(template, context, locale);
            }
        };
        assertEquals(List.of("Enter the meeting's title."),
                messages(validation.usingContext().messageInterpolator(english).getValidator().validate(blank)));
    }

    @Test
    void theServiceValidatesItsParameterAndStoresNothing() throws Exception {
        long before = meetings.count();
        Meeting blank = new Meeting("", "UBND huyện Đắk Mil", LocalDateTime.of(2024, 1, 19, 7, 30));
        RuntimeException thrown = assertThrows(RuntimeException.class, () -> secretary.call(() -> meetings.create(blank)));
        ConstraintViolationException violations = causeOfType(thrown, ConstraintViolationException.class);
        assertEquals(List.of("Hãy nhập tên cuộc họp."), messages(violations.getConstraintViolations()));
        assertEquals(before, meetings.count());
    }

    /**
     * Issue 12, defect 5: a text over its limit that reaches a service — a meeting's or an agenda item's description of
     * a megabyte, a participant's unit one character too long — is refused with the bundle's words and nothing is
     * stored; before, the database said "Data too long" and the page showed the general error.
     */
    @Test
    void aTextOverItsLimitIsRefusedByTheServiceWithTheBundlesWordsAndNothingIsStored() throws Exception {
        long meetingsBefore = meetings.count();
        Meeting described = new Meeting("Hội nghị sơ kết 6 tháng", "UBND huyện Đắk Mil", LocalDateTime.of(2024, 7, 19, 7, 30));
        described.setDescription("ệ".repeat(1 << 20));
        ConstraintViolationException meeting = causeOfType(
                assertThrows(RuntimeException.class, () -> secretary.call(() -> meetings.create(described))), ConstraintViolationException.class);
        assertEquals(List.of("Phần mô tả dài tối đa 10000 ký tự."), messages(meeting.getConstraintViolations()));
        assertEquals(meetingsBefore, meetings.count());

        Meeting stored = secretary.call(() -> meetings.create(new Meeting("Hội nghị sơ kết 6 tháng", "UBND huyện Đắk Mil",
                LocalDateTime.of(2024, 7, 19, 7, 30))));
        long itemsBefore = countRows("agenda_item");
        ConstraintViolationException item = causeOfType(assertThrows(RuntimeException.class, () -> secretary.call(() -> meetings.addItem(
                stored.getId(), new AgendaItemDraft("Khai mạc", "a".repeat(Limits.AGENDA_DESCRIPTION + 1), null, null)))),
                ConstraintViolationException.class);
        assertTrue(messages(item.getConstraintViolations()).contains("Phần mô tả nội dung dài tối đa 10000 ký tự."),
                () -> messages(item.getConstraintViolations()).toString());
        assertEquals(itemsBefore, countRows("agenda_item"), "agenda items");
        secretary.call(() -> meetings.addItem(stored.getId(), new AgendaItemDraft("Khai mạc", "ệ".repeat(Limits.AGENDA_DESCRIPTION), null, null)));
        assertEquals(itemsBefore + 1, countRows("agenda_item"), "the longest description is stored");

        Refusal unit = assertThrows(Refusal.class, () -> secretary.call(() -> roster.add(stored.getId(), new ParticipantDraft(
                "Nguyễn Văn An", null, "U".repeat(Limits.PARTICIPANT_UNIT + 1), Role.DELEGATE, true, null, null))));
        assertEquals("participant.invalid", unit.key());
        assertEquals("Đơn vị dài tối đa 300 ký tự.", Bundle.text(Bundle.VIETNAMESE, unit.key(), unit.arguments()));
        assertEquals(List.of(), secretary.call(() -> roster.roster(stored.getId())));
    }

    @Test
    void theRosterSortsByGivenNameTheVietnameseWay() throws Exception {
        Meeting meeting = secretary.call(() -> meetings.create(new Meeting("Họp Ban chỉ đạo", "UBND huyện Đắk Mil", LocalDateTime.of(2024, 1, 18, 14, 0))));
        for (String name : List.of("Ngô Thị Hương", "Phan Bá Tịnh", "Phan Văn Thân", "Nguyễn Văn An")) {
            secretary.call(() -> roster.add(meeting.getId(), new ParticipantDraft(name, null, null, Role.DELEGATE, true, null, null)));
        }
        assertEquals(List.of("Nguyễn Văn An", "Ngô Thị Hương", "Phan Văn Thân", "Phan Bá Tịnh"), names(secretary.call(() -> roster.roster(meeting.getId()))));
    }

    /** Â comes after A and Ư after U as letters of their own: a collation that ignores accents gets this wrong. */
    @Test
    void theRosterTreatsVietnameseLettersAsLetters() throws Exception {
        Meeting meeting = secretary.call(() -> meetings.create(new Meeting("Họp tổ đại biểu", "HĐND huyện Đắk Mil", LocalDateTime.of(2024, 1, 18, 8, 0))));
        for (String name : List.of("Hoàng Văn Ưng", "Lê Thị Ân", "Đỗ Thị Uyên", "Trần Văn Anh")) {
            secretary.call(() -> roster.add(meeting.getId(), new ParticipantDraft(name, null, null, Role.DELEGATE, true, null, null)));
        }
        assertEquals(List.of("Trần Văn Anh", "Lê Thị Ân", "Đỗ Thị Uyên", "Hoàng Văn Ưng"), names(secretary.call(() -> roster.roster(meeting.getId()))));
    }

    // ---------------------------------------------------------------- import: all or nothing

    /**
     * The service's own guard, whatever the preview said: a list whose last entry is already on the roster (written
     * differently), is invalid, or repeats an earlier entry stores nobody; the same list fixed stores everyone.
     */
    @Test
    void anImportStoresEveryEntryOrNone() throws Exception {
        long id = newMeeting("Kỳ họp thứ mười HĐND xã Đắk Gằn khoá XII").getId();
        secretary.call(() -> roster.add(id, new ParticipantDraft("Y Blô Niê", "Đại biểu HĐND xã", "Thôn 3", Role.DELEGATE, true, null, null)));
        List<ParticipantDraft> good = List.of(
                voter("Nguyễn Văn Hùng", "Chủ tịch HĐND xã"),
                voter("Trần Thị Lan", "Phó Chủ tịch HĐND xã"),
                voter("Lê Văn Bình", "Trưởng ban Kinh tế - Xã hội"),
                voter("Phạm Thị Ngọc Ánh", "Trưởng ban Pháp chế"),
                voter("H'Hen Êban", "Đại biểu HĐND xã"),
                new ParticipantDraft("Đỗ Quang Vinh", "Công chức Văn phòng - Thống kê", "UBND xã Đắk Gằn", Role.SECRETARY, false, "0912 345 678", "vinh.dq@dakmil.gov.vn"),
                new ParticipantDraft("Hoàng Minh Tuấn", "Phóng viên", "Đài Truyền thanh huyện", Role.GUEST, false, null, null));

        // the last entry is Y Blô Niê of Thôn 3 again: other case, other spacing, as the database compares names
        Refusal onRoster = assertThrows(Refusal.class, () -> secretary.call(() -> roster.importAll(id,
                with(good, new ParticipantDraft("  Y BLÔ   niê ", null, "Thôn 3", Role.DELEGATE, true, null, null)))));
        assertEquals("import.duplicateWithRoster", onRoster.key());
        assertEquals(List.of("Y Blô Niê"), names(secretary.call(() -> roster.roster(id))), "the roster after the refused import");

        // the last entry is invalid: a guest with a vote, then a blank name, then an address that is no address
        Refusal guest = assertThrows(Refusal.class, () -> secretary.call(() -> roster.importAll(id,
                with(good, new ParticipantDraft("Vũ Thị Hoa", "Phóng viên", "Báo Đắk Nông", Role.GUEST, true, null, null)))));
        assertEquals("import.entryRefused", guest.key());
        assertEquals(8, guest.arguments()[0], "the entry's position in the list");
        assertEquals("Vũ Thị Hoa", guest.arguments()[1]);
        assertEquals("Khách mời không có quyền biểu quyết.", guest.arguments()[2]);
        Refusal blank = assertThrows(Refusal.class, () -> secretary.call(() -> roster.importAll(id,
                with(good, new ParticipantDraft("   ", "Đại biểu", "Thôn 5", Role.DELEGATE, true, null, null)))));
        assertEquals("import.entryRefused", blank.key());
        assertEquals(8, blank.arguments()[0]);
        Refusal email = assertThrows(Refusal.class, () -> secretary.call(() -> roster.importAll(id,
                with(good, new ParticipantDraft("Vũ Thị Hoa", null, "Thôn 5", Role.DELEGATE, true, null, "hoa at dakmil")))));
        assertEquals("import.entryRefused", email.key());
        // the last entry repeats the first one of the list
        Refusal twice = assertThrows(Refusal.class, () -> secretary.call(() -> roster.importAll(id,
                with(good, voter("NGUYỄN VĂN HÙNG", "Chủ tịch HĐND xã")))));
        assertEquals("import.duplicateWithRoster", twice.key());
        assertEquals(1, rosterSize(id), "nobody stored by any refused import");
        assertEquals(1L, countRows("participant WHERE meeting_id = " + id));

        // fixed: the same name in another unit is another person
        List<ParticipantDraft> fixed = with(good, new ParticipantDraft("Y Blô Niê", "Đại biểu HĐND xã", "Thôn 5", Role.DELEGATE, true, null, null));
        assertEquals(8, secretary.call(() -> roster.importAll(id, fixed)));
        List<Participant> stored = secretary.call(() -> roster.roster(id));
        assertEquals(9, stored.size());
        assertEquals(Set.of("Thôn 3", "Thôn 5"), stored.stream().filter(p -> p.getFullName().equals("Y Blô Niê"))
                .map(Participant::getUnit).collect(java.util.stream.Collectors.toSet()));
        assertTrue(names(stored).containsAll(good.stream().map(ParticipantDraft::fullName).toList()), () -> names(stored).toString());
        Participant secretaryEntry = stored.stream().filter(p -> p.getRole() == Role.SECRETARY).findFirst().orElseThrow();
        assertEquals("Đỗ Quang Vinh", secretaryEntry.getFullName());
        assertFalse(secretaryEntry.isVoting());
        assertEquals("vinh.dq@dakmil.gov.vn", secretaryEntry.getEmail());
    }

    // ---------------------------------------------------------------- lifecycle

    @Test
    void aClosedMeetingRefusesEveryChangeToItsDetailsAgendaAndRoster() throws Exception {
        Meeting created = newMeeting("Kỳ họp chuyên đề HĐND xã Đắk Gằn", "Khai mạc", "Thông qua Nghị quyết", "Bế mạc");
        long id = created.getId();
        Participant member = secretary.call(() -> roster.add(id, voter("Nguyễn Thị Mai", "Đại biểu HĐND xã")));
        secretary.call(() -> meetings.changeStatus(id, MeetingStatus.SCHEDULED));
        chair.call(() -> meetings.changeStatus(id, MeetingStatus.IN_SESSION));
        chair.call(() -> meetings.changeStatus(id, MeetingStatus.CLOSED));
        Meeting closed = meetings.withAgenda(id).orElseThrow();
        assertEquals(MeetingStatus.CLOSED, closed.getStatus());
        List<Long> items = closed.getAgenda().stream().map(AgendaItem::getId).toList();
        long first = items.get(0);

        Map<String, Callable<?>> changes = new LinkedHashMap<>();
        changes.put("edit the details", () -> {
            closed.setTitle("Kỳ họp chuyên đề (sửa)");
            return meetings.update(closed);
        });
        changes.put("add an item", () -> meetings.addItem(id, new AgendaItemDraft("Chất vấn", null, null, 30)));
        changes.put("edit an item", () -> meetings.updateItem(id, first, new AgendaItemDraft("Khai mạc kỳ họp", null, null, 10)));
        changes.put("remove an item", () -> run(() -> meetings.removeItem(id, first)));
        changes.put("reorder the agenda", () -> run(() -> meetings.reorder(id, items.reversed())));
        changes.put("upload a document", () -> documents.upload(id, first, "to-trinh.pdf", MinimalPdf.withText("To trinh")));
        changes.put("add a participant", () -> roster.add(id, voter("Trần Văn Sáu", "Đại biểu HĐND xã")));
        changes.put("edit a participant", () -> roster.update(id, member.getId(), voter("Nguyễn Thị Mai", "Phó Chủ tịch HĐND xã")));
        changes.put("remove a participant", () -> run(() -> roster.remove(id, member.getId())));
        changes.put("import participants", () -> roster.importAll(id, List.of(voter("Lê Thị Bảy", "Đại biểu HĐND xã"))));
        changes.put("issue cards", () -> roster.issueCards(id, List.of()));
        for (Map.Entry<String, Callable<?>> change : changes.entrySet()) {
            Refusal refusal = assertThrows(Refusal.class, () -> secretary.call(change.getValue()), change.getKey());
            assertEquals("meeting.closedNoChanges", refusal.key(), change.getKey());
        }
        assertEquals("Cuộc họp đã bế mạc: không thể thay đổi thông tin, chương trình hay danh sách đại biểu.",
                Bundle.text(Bundle.VIETNAMESE, "meeting.closedNoChanges"));

        Meeting after = meetings.withAgenda(id).orElseThrow();
        assertEquals("Kỳ họp chuyên đề HĐND xã Đắk Gằn", after.getTitle());
        assertEquals(List.of("Khai mạc", "Thông qua Nghị quyết", "Bế mạc"), after.getAgenda().stream().map(AgendaItem::getTitle).toList());
        assertEquals(List.of(), documents.ofMeeting(id));
        List<Participant> people = secretary.call(() -> roster.roster(id));
        assertEquals(List.of("Nguyễn Thị Mai"), names(people));
        assertEquals("Đại biểu HĐND xã", people.get(0).getPosition());
    }

    @Test
    void aMeetingInSessionOrClosedCannotBeDeletedOneNotStartedCan() throws Exception {
        long running = newMeeting("Hội nghị giao ban tháng 7", "Báo cáo tình hình tháng 7").getId();
        secretary.call(() -> meetings.changeStatus(running, MeetingStatus.SCHEDULED));
        chair.call(() -> meetings.changeStatus(running, MeetingStatus.IN_SESSION));
        Refusal inSession = assertThrows(Refusal.class, () -> secretary.call(() -> run(() -> meetings.delete(running))));
        assertEquals("meeting.notDeletable", inSession.key());
        assertEquals(MeetingStatus.IN_SESSION, inSession.arguments()[0]);
        chair.call(() -> meetings.changeStatus(running, MeetingStatus.CLOSED));
        Refusal closed = assertThrows(Refusal.class, () -> secretary.call(() -> run(() -> meetings.delete(running))));
        assertEquals("meeting.notDeletable", closed.key());
        assertEquals(1, meetings.withAgenda(running).orElseThrow().getAgenda().size(), "the meeting that ran is kept whole");

        long draft = newMeeting("Hội nghị giao ban tháng 8", "Báo cáo tình hình tháng 8").getId();
        secretary.call(() -> roster.add(draft, voter("Nguyễn Văn Tám", "Trưởng thôn")));
        long scheduled = newMeeting("Hội nghị giao ban tháng 9").getId();
        secretary.call(() -> meetings.changeStatus(scheduled, MeetingStatus.SCHEDULED));
        long before = meetings.count();
        secretary.call(() -> run(() -> meetings.delete(draft)));
        secretary.call(() -> run(() -> meetings.delete(scheduled)));
        assertEquals(before - 2, meetings.count());
        assertTrue(meetings.withAgenda(draft).isEmpty());
        assertTrue(meetings.withAgenda(scheduled).isEmpty());
        assertEquals(0L, countRows("participant WHERE meeting_id = " + draft), "the deleted meeting's roster");
    }

    @Test
    void aMeetingMovesOnlyAlongItsLifecycle() throws Exception {
        long id = newMeeting("Kỳ họp bất thường HĐND xã Đắk Gằn").getId();
        Refusal skipped = assertThrows(Refusal.class, () -> chair.call(() -> meetings.changeStatus(id, MeetingStatus.IN_SESSION)));
        assertEquals("meeting.statusChangeRefused", skipped.key());
        assertEquals(List.of(MeetingStatus.DRAFT, MeetingStatus.IN_SESSION), List.of(skipped.arguments()));
        assertEquals("Không thể chuyển cuộc họp từ \"Đang chuẩn bị\" sang \"Đang họp\".",
                Bundle.text(Bundle.VIETNAMESE, skipped.key(), skipped.arguments()));
        assertEquals("The meeting cannot go from \"In preparation\" to \"In session\".",
                Bundle.text(Locale.ENGLISH, skipped.key(), skipped.arguments()));
        assertEquals(MeetingStatus.DRAFT, status(id));
        assertEquals("meeting.statusChangeRefused",
                assertThrows(Refusal.class, () -> secretary.call(() -> meetings.changeStatus(id, MeetingStatus.CLOSED))).key());
        assertEquals(MeetingStatus.DRAFT, status(id));

        secretary.call(() -> meetings.changeStatus(id, MeetingStatus.SCHEDULED));
        secretary.call(() -> meetings.changeStatus(id, MeetingStatus.DRAFT));
        secretary.call(() -> meetings.changeStatus(id, MeetingStatus.SCHEDULED));
        chair.call(() -> meetings.changeStatus(id, MeetingStatus.IN_SESSION));
        for (MeetingStatus back : List.of(MeetingStatus.SCHEDULED, MeetingStatus.DRAFT)) {
            assertEquals("meeting.statusChangeRefused",
                    assertThrows(Refusal.class, () -> chair.call(() -> meetings.changeStatus(id, back))).key(), "back to " + back);
        }
        chair.call(() -> meetings.changeStatus(id, MeetingStatus.CLOSED));
        assertEquals("meeting.statusChangeRefused",
                assertThrows(Refusal.class, () -> chair.call(() -> meetings.changeStatus(id, MeetingStatus.IN_SESSION))).key());
        assertEquals(MeetingStatus.CLOSED, status(id));
    }

    @Test
    void checkInIsRefusedBeforeTheMeetingIsScheduledAndAfterItCloses() throws Exception {
        long id = newMeeting("Hội nghị triển khai nhiệm vụ năm 2024").getId();
        Participant member = secretary.call(() -> roster.add(id, voter("Ngô Thị Hương", "Bí thư Đảng ủy xã")));

        Refusal draft = assertThrows(Refusal.class, () -> secretary.call(() -> roster.checkIn(id, member.getId())));
        assertEquals("attendance.closed", draft.key());
        assertFalse(present(id, member.getId()));
        assertEquals(0, secretary.call(() -> roster.quorum(id)).present());

        secretary.call(() -> meetings.changeStatus(id, MeetingStatus.SCHEDULED));
        secretary.call(() -> roster.checkIn(id, member.getId()));
        assertTrue(present(id, member.getId()));
        chair.call(() -> meetings.changeStatus(id, MeetingStatus.IN_SESSION));
        chair.call(() -> meetings.changeStatus(id, MeetingStatus.CLOSED));
        assertEquals("attendance.closed", assertThrows(Refusal.class, () -> secretary.call(() -> roster.checkOut(id, member.getId()))).key());
        assertTrue(present(id, member.getId()), "attendance stays as it was at the close");
    }

    @Test
    void aCopyKeepsTheAgendaAndRosterWithoutAttendance() throws Exception {
        Meeting original = new Meeting("Họp Ban chỉ đạo Chương trình MTQG xây dựng nông thôn mới tháng 6", "UBND huyện Đắk Mil",
                LocalDateTime.of(2024, 6, 14, 14, 0));
        original.setVenue("Hội trường UBND huyện");
        original.setQuorumRule(QuorumRule.TWO_THIRDS);
        original.addItem("Báo cáo tiến độ").setPresenter("Phòng Nông nghiệp và PTNT");
        original.addItem("Thảo luận");
        original.addItem("Kết luận").setPresenter("Phan Bá Tịnh");
        long id = secretary.call(() -> meetings.create(original)).getId();
        List<Participant> people = new ArrayList<>();
        people.add(secretary.call(() -> roster.add(id, new ParticipantDraft("Phan Bá Tịnh", "Phó Chủ tịch UBND huyện", "UBND huyện Đắk Mil", Role.CHAIR, true, null, null))));
        people.add(secretary.call(() -> roster.add(id, voter("Phan Văn Thân", "Trưởng phòng Nông nghiệp và PTNT"))));
        people.add(secretary.call(() -> roster.add(id, new ParticipantDraft("Nguyễn Văn An", "Chánh Văn phòng", "Văn phòng HĐND và UBND huyện", Role.SECRETARY, false, null, null))));
        secretary.call(() -> meetings.changeStatus(id, MeetingStatus.SCHEDULED));
        for (Participant person : people.subList(0, 2)) {
            secretary.call(() -> roster.checkIn(id, person.getId()));
        }

        Meeting copy = secretary.call(() -> meetings.copy(id));
        Meeting loaded = meetings.withAgenda(copy.getId()).orElseThrow();
        assertEquals(MeetingStatus.DRAFT, loaded.getStatus());
        assertEquals(original.getTitle(), loaded.getTitle());
        assertEquals("Hội trường UBND huyện", loaded.getVenue());
        assertEquals(LocalDateTime.of(2024, 7, 14, 14, 0), loaded.getStartsAt());
        assertEquals(QuorumRule.TWO_THIRDS, loaded.getQuorumRule());
        assertEquals(List.of("1 Báo cáo tiến độ Phòng Nông nghiệp và PTNT", "2 Thảo luận null", "3 Kết luận Phan Bá Tịnh"),
                loaded.getAgenda().stream().map(item -> item.getSortOrder() + " " + item.getTitle() + " " + item.getPresenter()).toList());
        List<Participant> copied = secretary.call(() -> roster.roster(copy.getId()));
        assertEquals(List.of("Nguyễn Văn An SECRETARY false", "Phan Văn Thân DELEGATE true", "Phan Bá Tịnh CHAIR true"),
                copied.stream().map(p -> p.getFullName() + " " + p.getRole() + " " + p.isVoting()).toList());
        assertTrue(copied.stream().noneMatch(Participant::isPresent), "nobody is present at the copy");
        assertEquals(new Quorum(0, 2, 2), secretary.call(() -> roster.quorum(copy.getId())));
        assertEquals(new Quorum(2, 2, 2), secretary.call(() -> roster.quorum(id)), "the original keeps its attendance");
    }

    // ---------------------------------------------------------------- quorum

    /** Nine voting members and two who do not vote; more than half of nine is five. */
    @Test
    void theQuorumOfNineVotingMembersIsReachedByTheFifth() throws Exception {
        long id = newMeeting("Họp Ban Thường vụ Đảng ủy xã Đắk Gằn").getId();
        List<Participant> voting = new ArrayList<>();
        for (String name : List.of("Nguyễn Văn An", "Ngô Thị Hương", "Phan Văn Thân", "Phan Bá Tịnh", "Lê Thị Ân",
                "Trần Văn Anh", "Đỗ Thị Uyên", "Hoàng Văn Ưng", "Y Blô Niê")) {
            voting.add(secretary.call(() -> roster.add(id, voter(name, "Ủy viên Ban Thường vụ"))));
        }
        Participant clerk = secretary.call(() -> roster.add(id, new ParticipantDraft("Đinh Thị Thu", "Văn phòng Đảng ủy", "Đảng ủy xã Đắk Gằn", Role.SECRETARY, false, null, null)));
        Participant guest = secretary.call(() -> roster.add(id, new ParticipantDraft("Vũ Văn Khách", "Phóng viên", "Báo Đắk Nông", Role.GUEST, false, null, null)));
        assertEquals(QuorumRule.MORE_THAN_HALF, meetings.withAgenda(id).orElseThrow().getQuorumRule(), "the default rule");
        assertEquals(new Quorum(0, 5, 9), secretary.call(() -> roster.quorum(id)));

        secretary.call(() -> meetings.changeStatus(id, MeetingStatus.SCHEDULED));
        secretary.call(() -> roster.checkIn(id, clerk.getId()));
        secretary.call(() -> roster.checkIn(id, guest.getId()));
        assertEquals(new Quorum(0, 5, 9), secretary.call(() -> roster.quorum(id)), "those without a vote do not count");
        for (Participant member : voting.subList(0, 4)) {
            secretary.call(() -> roster.checkIn(id, member.getId()));
        }
        Quorum four = chair.call(() -> roster.quorum(id));
        assertEquals(new Quorum(4, 5, 9), four);
        assertFalse(four.reached());
        assertEquals(1, four.missing());
        secretary.call(() -> roster.checkIn(id, voting.get(0).getId()));
        assertEquals(new Quorum(4, 5, 9), chair.call(() -> roster.quorum(id)), "checking in twice counts once");

        secretary.call(() -> roster.checkIn(id, voting.get(4).getId()));
        Quorum five = chair.call(() -> roster.quorum(id));
        assertEquals(new Quorum(5, 5, 9), five);
        assertTrue(five.reached());
        assertEquals(0, five.missing());

        secretary.call(() -> roster.checkOut(id, voting.get(2).getId()));
        assertFalse(chair.call(() -> roster.quorum(id)).reached(), "one leaves: four of nine");
        secretary.call(() -> roster.checkIn(id, voting.get(2).getId()));
        assertTrue(chair.call(() -> roster.quorum(id)).reached());

        // the same five under the meeting's other rules: two-thirds of nine is six; a fixed five
        Meeting edited = meetings.withAgenda(id).orElseThrow();
        edited.setQuorumRule(QuorumRule.TWO_THIRDS);
        secretary.call(() -> meetings.update(edited));
        assertEquals(new Quorum(5, 6, 9), chair.call(() -> roster.quorum(id)));
        Meeting fixed = meetings.withAgenda(id).orElseThrow();
        fixed.setQuorumRule(QuorumRule.FIXED);
        fixed.setQuorumFixed(5);
        secretary.call(() -> meetings.update(fixed));
        assertTrue(chair.call(() -> roster.quorum(id)).reached());
    }

    // ---------------------------------------------------------------- acceptance: 2,000 rows

    /**
     * The acceptance figure: a 2,000-row CSV with one bad row (no name) imports nothing and its preview names the
     * row's line; fixed, it is previewed and imported whole in at most 5 s. The time is logged, and repeated on the
     * test's console by {@link #printFigures}.
     */
    @Test
    void twoThousandRowsWithOneBadRowImportNothingAndFixedImportWithinFiveSeconds() throws Exception {
        long id = newMeeting("Hội nghị tổng kết Chương trình MTQG xây dựng nông thôn mới giai đoạn 2021-2025").getId();
        int bad = 1_500;

        ImportPreview refused = importer.preview(new ByteArrayInputStream(districtCsv(ROWS, bad)), "dai-bieu.csv",
                secretary.call(() -> roster.identityKeys(id)));
        assertFalse(refused.valid());
        assertEquals(ROWS, refused.rowCount());
        assertEquals(1, refused.problemCount());
        ImportRow wrong = refused.rowsWithProblems().get(0);
        assertEquals(bad + 2, wrong.line(), "row 1,501 of the list is line 1,502 of the file: the header is line 1");
        assertEquals(List.of(ImportProblem.of(ImportProblem.NAME_MISSING)), wrong.problems());
        assertEquals("Thiếu họ và tên.", wrong.problems().get(0).text(Bundle.VIETNAMESE));
        // the page imports only a valid preview; the service refuses the rows anyway
        Refusal refusal = assertThrows(Refusal.class, () -> secretary.call(() -> roster.importAll(id, drafts(refused))));
        assertEquals("import.entryRefused", refusal.key());
        assertEquals(bad + 1, refusal.arguments()[0]);
        assertEquals(0, rosterSize(id), "nothing imported");

        byte[] fixed = districtCsv(ROWS, -1);
        long start = System.nanoTime();
        ImportPreview preview = importer.preview(new ByteArrayInputStream(fixed), "dai-bieu.csv", secretary.call(() -> roster.identityKeys(id)));
        long previewed = System.nanoTime();
        int imported = secretary.call(() -> roster.importAll(id, drafts(preview)));
        long end = System.nanoTime();
        long previewMs = (previewed - start) / 1_000_000;
        long importMs = (end - previewed) / 1_000_000;
        long totalMs = (end - start) / 1_000_000;
        figure(String.format("roster import of %,d CSV rows (%,d bytes) on MariaDB: preview %d ms + import %d ms = %d ms (limit 5,000 ms)",
                ROWS, fixed.length, previewMs, importMs, totalMs));

        assertTrue(preview.valid(), () -> preview.rowsWithProblems().toString());
        assertEquals(ROWS, imported);
        assertEquals(ROWS, rosterSize(id));
        assertEquals(ROWS, secretary.call(() -> roster.quorum(id)).votingMembers() + countRows("participant WHERE voting = FALSE AND meeting_id = " + id));
        assertTrue(totalMs <= 5_000, "2,000 rows took " + totalMs + " ms");
    }

    /** On the test's console: the figures the in-container tests wrote (this runs in the container too, and does nothing there). */
    @AfterAll
    static void printFigures() throws IOException {
        String data = System.getProperty(TestEnvironment.DATA);
        if (data == null || !Files.exists(Path.of(data, FIGURES))) {
            return;
        }
        Files.readAllLines(Path.of(data, FIGURES)).forEach(line -> System.out.println("PlatformIT figure: " + line));
    }

    /** Logs a measured figure, and keeps it in the data folder for the console of the test JVM (same machine). */
    private static void figure(String line) throws IOException {
        LOG.info(line);
        String data = System.getProperty("quorum.data.dir");
        if (data != null) {
            Files.writeString(Path.of(data, FIGURES), line + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
    }

    /**
     * A district's roster as a secretary's CSV: a byte order mark, CRLF, a row number column; Vietnamese names, all
     * different; voting delegates, a few guests without a vote. Row {@code bad} (from 0) has no name.
     */
    static byte[] districtCsv(int rows, int bad) {
        String[] family = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
        String[] middle = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Xuân", "Bá"};
        String[] given = {"An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hà", "Hải", "Hằng", "Hương", "Khánh", "Lan", "Linh",
                "Long", "Mai", "Nam", "Nga", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Tuấn", "Việt", "Yến"};
        String[] units = {"UBND xã Đắk Gằn", "UBND xã Thuận An", "UBND thị trấn Đắk Mil", "UBND xã Đức Mạnh", "UBND xã Đắk Lao"};
        StringBuilder csv = new StringBuilder("\uFEFFSTT,Họ và tên,Chức vụ,Đơn vị,Vai trò,Biểu quyết,Điện thoại,Email\r\n");
        for (int i = 0; i < rows; i++) {
            String name = family[i % family.length] + " " + middle[i / family.length % middle.length] + " "
                    + given[i / (family.length * middle.length) % given.length];
            boolean guest = i % 50 == 49;
            csv.append(i + 1).append(',').append(i == bad ? "" : name).append(',')
                    .append(guest ? "Phóng viên" : "Đại biểu").append(',').append(units[i % units.length]).append(',')
                    .append(guest ? "Khách mời" : "Đại biểu").append(',').append(guest ? "Không" : "Có").append(',')
                    .append(String.format("09%08d", i)).append(',').append("dai.bieu").append(i).append("@dakmil.gov.vn\r\n");
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The preview's rows as the roster page hands them to the service. */
    private static List<ParticipantDraft> drafts(ImportPreview preview) {
        return preview.rows().stream()
                .map(row -> new ParticipantDraft(row.fullName(), row.position(), row.unit(), row.role(), row.voting(), row.phone(), row.email()))
                .toList();
    }

    private Meeting newMeeting(String title, String... items) throws Exception {
        Meeting meeting = new Meeting(title, "HĐND xã Đắk Gằn", LocalDateTime.of(2024, 7, 10, 7, 30));
        for (String item : items) {
            meeting.addItem(item);
        }
        return secretary.call(() -> meetings.create(meeting));
    }

    private static ParticipantDraft voter(String name, String position) {
        return new ParticipantDraft(name, position, "HĐND xã Đắk Gằn", Role.DELEGATE, true, null, null);
    }

    private static <T> List<T> with(List<T> list, T last) {
        List<T> longer = new ArrayList<>(list);
        longer.add(last);
        return longer;
    }

    private int rosterSize(long meetingId) throws Exception {
        return secretary.call(() -> roster.roster(meetingId)).size();
    }

    private boolean present(long meetingId, long participantId) {
        return roster.participant(meetingId, participantId).orElseThrow().isPresent();
    }

    private MeetingStatus status(long meetingId) {
        return meetings.withAgenda(meetingId).orElseThrow().getStatus();
    }

    private static Object run(Runnable work) {
        work.run();
        return null;
    }

    private long countRows(String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM " + table);
                ResultSet rows = query.executeQuery()) {
            assertTrue(rows.next());
            return rows.getLong(1);
        }
    }

    private static List<String> names(List<Participant> participants) {
        return participants.stream().map(Participant::getFullName).toList();
    }

    private static List<String> messages(Set<? extends ConstraintViolation<?>> violations) {
        return violations.stream().map(ConstraintViolation::getMessage).sorted().toList();
    }

    private static <T extends Throwable> T causeOfType(Throwable thrown, Class<T> type) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return fail("no " + type.getSimpleName() + " in " + thrown);
    }
}
