package app.quorum.platform;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import app.quorum.meeting.control.DemoMeetingAccess;
import app.quorum.meeting.control.MeetingService;
import app.quorum.meeting.entity.AgendaItem;
import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.i18n.Bundle;
import app.quorum.platform.i18n.BundleMessageInterpolator;
import app.quorum.roster.control.ParticipantDraft;
import app.quorum.roster.control.RosterService;
import app.quorum.platform.SpreadsheetCsv;
import app.quorum.testing.AsChair;
import app.quorum.testing.AsSecretary;
import app.quorum.testing.Deployments;
import app.quorum.roster.entity.Participant;
import app.quorum.roster.entity.Role;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.ValidatorFactory;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
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
