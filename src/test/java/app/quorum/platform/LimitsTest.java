package app.quorum.platform;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.ballot.boundary.BallotConsoleBacking;
import app.quorum.ballot.boundary.BallotForm;
import app.quorum.ballot.entity.Ballot;
import app.quorum.identity.boundary.AccountsBacking;
import app.quorum.identity.boundary.AuditBacking;
import app.quorum.identity.boundary.PasswordBacking;
import app.quorum.identity.boundary.SignInBacking;
import app.quorum.identity.entity.Account;
import app.quorum.meeting.boundary.AgendaBacking;
import app.quorum.meeting.control.AgendaItemDraft;
import app.quorum.meeting.entity.AgendaItem;
import app.quorum.meeting.entity.Awardee;
import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.i18n.Bundle;
import app.quorum.roster.boundary.AttendanceBacking;
import app.quorum.roster.boundary.RosterBacking;
import app.quorum.roster.entity.Participant;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every text field's limit, from its one source ({@link Limits}): it fits its column as the migrations define it,
 * Bean Validation holds it on every entity, draft and form bean with the bundle's message (which names the limit) in
 * both languages, every text input of the pages carries it, and the README's table of limits says it.
 */
class LimitsTest {

    /** Where each limit is stored: table.column of the migrations. */
    static final Map<String, String> COLUMNS = Map.ofEntries(
            Map.entry("MEETING_TITLE", "meeting.title"),
            Map.entry("MEETING_ORGANISER", "meeting.organiser"),
            Map.entry("MEETING_VENUE", "meeting.venue"),
            Map.entry("MEETING_TIME_ZONE", "meeting.time_zone"),
            Map.entry("MEETING_DESCRIPTION", "meeting.description"),
            Map.entry("AGENDA_TITLE", "agenda_item.title"),
            Map.entry("AGENDA_DESCRIPTION", "agenda_item.description"),
            Map.entry("AGENDA_PRESENTER", "agenda_item.presenter"),
            Map.entry("AWARDEE_NAME", "awardee.name"),
            Map.entry("AWARDEE_AWARD", "awardee.award"),
            Map.entry("AWARDEE_REASON", "awardee.reason"),
            Map.entry("FILE_NAME", "agenda_document.file_name"),
            Map.entry("PARTICIPANT_FULL_NAME", "participant.full_name"),
            Map.entry("PARTICIPANT_POSITION", "participant.position_name"),
            Map.entry("PARTICIPANT_UNIT", "participant.unit"),
            Map.entry("PARTICIPANT_PHONE", "participant.phone"),
            Map.entry("PARTICIPANT_EMAIL", "participant.email"),
            Map.entry("BALLOT_QUESTION", "ballot.question"),
            Map.entry("BALLOT_LABEL", "ballot_option.label"),
            Map.entry("BALLOT_CANCEL_REASON", "ballot.cancel_reason"),
            Map.entry("RESULT_CORRECTION", "ballot_correction.statement"),
            Map.entry("ACCOUNT_USERNAME", "account.username"),
            Map.entry("ACCOUNT_DISPLAY_NAME", "account.display_name"));
    /** The limits of what is never stored as typed: hashed, looked up, counted, or split into stored parts. */
    static final Set<String> NOT_STORED = Set.of("TEXT_CHARACTERS", "BALLOT_CANDIDATES", "BALLOT_CANDIDATES_TEXT",
            "PASSWORD", "CARD_CODE_INPUT", "RECEIPT_INPUT", "SEARCH");

    private static final Pattern COLUMN = Pattern.compile("^\\s*(?:ADD COLUMN\\s+)?(\\w+)\\s+(VARCHAR\\((\\d+)\\)|TEXT\\b)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TABLE = Pattern.compile("^\\s*(?:CREATE|ALTER) TABLE (\\w+)", Pattern.CASE_INSENSITIVE);

    private static ValidatorFactory factory;

    @BeforeAll
    static void validation() {
        factory = Validation.buildDefaultValidatorFactory();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    // ------------------------------------------------------------------------------------------------ the columns

    @Test
    void everyLimitIsStoredInAColumnItFitsOrIsNeverStored() throws IOException {
        Set<String> accounted = new TreeSet<>(COLUMNS.keySet());
        accounted.addAll(NOT_STORED);
        assertEquals(new TreeSet<>(Limits.all().keySet()), accounted, "each limit is mapped to its column, or said never stored");

        Map<String, String> types = columnTypes();
        for (Map.Entry<String, String> entry : COLUMNS.entrySet()) {
            int limit = Limits.all().get(entry.getKey());
            String type = types.get(entry.getValue());
            assertTrue(type != null, "no column " + entry.getValue() + " in the migrations");
            if (type.equals("TEXT")) {
                assertTrue(limit * 4 <= 65_535, entry.getKey() + ": " + limit + " characters of 4 bytes overflow TEXT");
                assertTrue(limit <= Limits.TEXT_CHARACTERS, entry.getKey());
            } else {
                assertTrue(limit <= Integer.parseInt(type), entry.getKey() + ": " + limit + " > VARCHAR(" + type + ")");
            }
        }
        // the columns the database derives from the roster's texts hold the longest of them
        assertTrue(Limits.PARTICIPANT_FULL_NAME + 1 + Limits.PARTICIPANT_UNIT <= Integer.parseInt(types.get("participant.identity_key")));
        assertTrue(Limits.PARTICIPANT_FULL_NAME + Limits.PARTICIPANT_POSITION + Limits.PARTICIPANT_UNIT + 2
                <= Integer.parseInt(types.get("participant.search_text")));
    }

    /** table.column → "TEXT" or the VARCHAR's length, as the migrations leave them (a later one wins). */
    static Map<String, String> columnTypes() throws IOException {
        Map<String, String> types = new HashMap<>();
        try (Stream<Path> migrations = Files.list(Path.of("src/main/resources/db/migration"))) {
            for (Path migration : migrations.sorted().toList()) {
                String table = null;
                for (String line : Files.readAllLines(migration, StandardCharsets.UTF_8)) {
                    Matcher start = TABLE.matcher(line);
                    if (start.find()) {
                        table = start.group(1);
                        line = line.substring(start.end());
                    }
                    Matcher column = COLUMN.matcher(line);
                    if (table != null && column.find()) {
                        types.put(table + "." + column.group(1), column.group(3) == null ? "TEXT" : column.group(3));
                    }
                }
            }
        }
        return types;
    }

    // ------------------------------------------------------------------------------------------------ Bean Validation

    /** Class, property, limit, message key: every text a page or a service takes, where Bean Validation holds it. */
    static List<Object[]> constrained() {
        List<Object[]> all = new ArrayList<>();
        add(all, Meeting.class, "title", Limits.MEETING_TITLE, "meeting.title.size");
        add(all, Meeting.class, "organiser", Limits.MEETING_ORGANISER, "meeting.organiser.size");
        add(all, Meeting.class, "venue", Limits.MEETING_VENUE, "meeting.venue.size");
        add(all, Meeting.class, "timeZone", Limits.MEETING_TIME_ZONE, "meeting.timeZone.size");
        add(all, Meeting.class, "description", Limits.MEETING_DESCRIPTION, "meeting.description.size");
        add(all, AgendaItem.class, "title", Limits.AGENDA_TITLE, "agenda.title.size");
        add(all, AgendaItem.class, "description", Limits.AGENDA_DESCRIPTION, "agenda.description.size");
        add(all, AgendaItem.class, "presenter", Limits.AGENDA_PRESENTER, "agenda.presenter.size");
        add(all, AgendaItemDraft.class, "title", Limits.AGENDA_TITLE, "agenda.title.size");
        add(all, AgendaItemDraft.class, "description", Limits.AGENDA_DESCRIPTION, "agenda.description.size");
        add(all, AgendaItemDraft.class, "presenter", Limits.AGENDA_PRESENTER, "agenda.presenter.size");
        add(all, AgendaBacking.class, "title", Limits.AGENDA_TITLE, "agenda.title.size");
        add(all, AgendaBacking.class, "description", Limits.AGENDA_DESCRIPTION, "agenda.description.size");
        add(all, AgendaBacking.class, "presenter", Limits.AGENDA_PRESENTER, "agenda.presenter.size");
        add(all, Awardee.class, "name", Limits.AWARDEE_NAME, "awardee.name.size");
        add(all, Awardee.class, "award", Limits.AWARDEE_AWARD, "awardee.award.size");
        add(all, Awardee.class, "reason", Limits.AWARDEE_REASON, "awardee.reason.size");
        add(all, AgendaBacking.class, "awardeeName", Limits.AWARDEE_NAME, "awardee.name.size");
        add(all, AgendaBacking.class, "award", Limits.AWARDEE_AWARD, "awardee.award.size");
        add(all, AgendaBacking.class, "awardReason", Limits.AWARDEE_REASON, "awardee.reason.size");
        add(all, Participant.class, "fullName", Limits.PARTICIPANT_FULL_NAME, "participant.fullName.size");
        add(all, Participant.class, "position", Limits.PARTICIPANT_POSITION, "participant.position.size");
        add(all, Participant.class, "unit", Limits.PARTICIPANT_UNIT, "participant.unit.size");
        add(all, Participant.class, "phone", Limits.PARTICIPANT_PHONE, "participant.phone.size");
        add(all, Participant.class, "email", Limits.PARTICIPANT_EMAIL, "participant.email.size");
        add(all, RosterBacking.class, "fullName", Limits.PARTICIPANT_FULL_NAME, "participant.fullName.size");
        add(all, RosterBacking.class, "position", Limits.PARTICIPANT_POSITION, "participant.position.size");
        add(all, RosterBacking.class, "unit", Limits.PARTICIPANT_UNIT, "participant.unit.size");
        add(all, RosterBacking.class, "phone", Limits.PARTICIPANT_PHONE, "participant.phone.size");
        add(all, RosterBacking.class, "email", Limits.PARTICIPANT_EMAIL, "participant.email.size");
        add(all, RosterBacking.class, "search", Limits.SEARCH, "search.size");
        add(all, AttendanceBacking.class, "search", Limits.SEARCH, "search.size");
        add(all, AttendanceBacking.class, "code", Limits.CARD_CODE_INPUT, "card.code.size");
        add(all, AuditBacking.class, "actor", Limits.SEARCH, "search.size");
        add(all, AuditBacking.class, "action", Limits.SEARCH, "search.size");
        add(all, Ballot.class, "question", Limits.BALLOT_QUESTION, "ballot.question.size");
        add(all, Ballot.class, "cancelReason", Limits.BALLOT_CANCEL_REASON, "ballot.cancel.reasonSize");
        add(all, BallotForm.class, "question", Limits.BALLOT_QUESTION, "ballot.question.size");
        add(all, BallotForm.class, "labelYes", Limits.BALLOT_LABEL, "ballot.label.size");
        add(all, BallotForm.class, "labelNo", Limits.BALLOT_LABEL, "ballot.label.size");
        add(all, BallotForm.class, "labelAbstain", Limits.BALLOT_LABEL, "ballot.label.size");
        add(all, BallotForm.class, "candidates", Limits.BALLOT_CANDIDATES_TEXT, "ballot.candidates.size");
        add(all, BallotConsoleBacking.class, "cancelReason", Limits.BALLOT_CANCEL_REASON, "ballot.cancel.reasonSize");
        add(all, Account.class, "username", Limits.ACCOUNT_USERNAME, "account.username.size");
        add(all, Account.class, "displayName", Limits.ACCOUNT_DISPLAY_NAME, "account.displayName.size");
        add(all, AccountsBacking.class, "username", Limits.ACCOUNT_USERNAME, "account.username.size");
        add(all, AccountsBacking.class, "displayName", Limits.ACCOUNT_DISPLAY_NAME, "account.displayName.size");
        add(all, AccountsBacking.class, "password", Limits.PASSWORD, "account.password.size");
        add(all, PasswordBacking.class, "current", Limits.PASSWORD, "account.password.size");
        add(all, PasswordBacking.class, "replacement", Limits.PASSWORD, "account.password.size");
        add(all, PasswordBacking.class, "repeated", Limits.PASSWORD, "account.password.size");
        add(all, SignInBacking.class, "username", Limits.ACCOUNT_USERNAME, "account.username.size");
        add(all, SignInBacking.class, "password", Limits.PASSWORD, "account.password.size");
        add(all, SignInBacking.class, "code", Limits.CARD_CODE_INPUT, "card.code.size");
        return all;
    }

    private static void add(List<Object[]> all, Class<?> type, String property, int limit, String key) {
        all.add(new Object[] {type.getSimpleName() + "." + property, type, property, limit, key});
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constrained")
    void oneCharacterOverTheLimitIsRefusedWithTheBundlesMessageInBothLanguages(String name, Class<?> type, String property,
            int limit, String key) {
        for (Locale locale : Bundle.SUPPORTED) {
            Validator validator = validator(locale);
            String expected = Bundle.of(locale).getString(key).replace("{max}", Integer.toString(limit));
            assertTrue(expected.contains(Integer.toString(limit)), key + " names the limit");
            assertFalse(messages(validator, type, property, "a".repeat(limit)).contains(expected), name + " at its limit");
            assertTrue(messages(validator, type, property, "a".repeat(limit + 1)).contains(expected),
                    () -> name + " one over its limit: " + messages(validator, type, property, "a".repeat(limit + 1)));
        }
    }

    /** A megabyte, as a hostile client sends it: refused like one character too many, whatever the field. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("constrained")
    void aMegabyteIsRefused(String name, Class<?> type, String property, int limit, String key) {
        String expected = Bundle.of(Bundle.VIETNAMESE).getString(key).replace("{max}", Integer.toString(limit));
        assertTrue(messages(validator(Bundle.VIETNAMESE), type, property, "ệ".repeat(1 << 20)).contains(expected), name);
    }

    private static List<String> messages(Validator validator, Class<?> type, String property, String value) {
        return validator.validateValue(type, property, value).stream().map(ConstraintViolation::getMessage).toList();
    }

    /** The application's validator (Quorum's interpolator, from META-INF/validation.xml) speaking one language. */
    private static Validator validator(Locale locale) {
        MessageInterpolator interpolator = factory.getMessageInterpolator();
        return factory.usingContext().messageInterpolator(new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
                return interpolator.interpolate(template, context, locale);
            }

            @Override
            public String interpolate(String template, Context context, Locale ignored) {
                return interpolator.interpolate(template, context, locale);
            }
        }).getValidator();
    }

    // ------------------------------------------------------------------------------------------------ the pages

    private static final Pattern TEXT_INPUT = Pattern.compile("<(p:inputText|p:inputTextarea|p:password|h:inputText|h:inputTextarea|h:inputSecret)\\b([^>]*)>",
            Pattern.DOTALL);
    private static final Pattern PASSTHROUGH_LIMIT = Pattern.compile("\\bpt:maxlength=\"#\\{limits\\.(\\w+)}\"");

    /**
     * Every text input of every page carries its limit as the HTML attribute, from {@link Limits} — and not as the
     * component's own {@code maxlength}, with which PrimeFaces cuts a longer text on the server without a word.
     */
    @Test
    void everyTextInputOfThePagesCarriesItsLimit() throws IOException {
        Map<String, String> wrong = new LinkedHashMap<>();
        int inputs = 0;
        try (Stream<Path> pages = Files.walk(Path.of("src/main/webapp"))) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".xhtml")).toList()) {
                Matcher input = TEXT_INPUT.matcher(Files.readString(page, StandardCharsets.UTF_8));
                while (input.find()) {
                    inputs++;
                    String where = page.getFileName() + " " + input.group(1) + attributeOf(input.group(2), "id");
                    Matcher limit = PASSTHROUGH_LIMIT.matcher(input.group(2));
                    if (!limit.find() || !Limits.all().containsKey(limit.group(1))) {
                        wrong.put(where, "no pt:maxlength=\"#{limits.…}\" naming a limit");
                    } else if (Pattern.compile("(?<![:\\w])maxlength=").matcher(input.group(2)).find()) {
                        wrong.put(where, "the component's own maxlength cuts the text on the server");
                    }
                }
            }
        }
        assertTrue(inputs >= 35, "found only " + inputs + " text inputs");
        assertEquals(Map.of(), wrong);
    }

    private static String attributeOf(String tag, String name) {
        Matcher value = Pattern.compile("\\b" + name + "=\"([^\"]*)\"").matcher(tag);
        return value.find() ? "#" + value.group(1) : "";
    }

    // ------------------------------------------------------------------------------------------------ the README

    /** The README's table of limits has a row for each limit that names its constant and says its value. */
    @Test
    void theReadmeSaysEveryLimit() throws IOException {
        String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf("\n## Limits");
        assertTrue(start >= 0, "README has a section \"Limits\"");
        int end = readme.indexOf("\n## ", start + 1);
        List<String> rows = readme.substring(start, end < 0 ? readme.length() : end).lines()
                .filter(line -> line.startsWith("|")).toList();
        assertAll(Limits.all().entrySet().stream().filter(limit -> !limit.getKey().equals("TEXT_CHARACTERS")).map(limit -> () -> {
            String value = String.format(Locale.ROOT, "%,d", limit.getValue());
            assertTrue(rows.stream().anyMatch(row -> row.contains("`" + limit.getKey() + "`") && row.contains(value)),
                    "a row naming `" + limit.getKey() + "` with " + value);
        }));
        UploadLimits defaults = new UploadLimits();
        assertTrue(rows.stream().anyMatch(row -> row.contains("QUORUM_ROSTER_MAX_MB") && row.contains(defaults.getRosterMegabytes() + " MB")));
        assertTrue(rows.stream().anyMatch(row -> row.contains("QUORUM_DOCUMENTS_MAX_MB") && row.contains(defaults.getDocumentMegabytes() + " MB")));
    }
}
