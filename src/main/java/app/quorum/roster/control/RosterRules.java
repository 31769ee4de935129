package app.quorum.roster.control;

import app.quorum.platform.Limits;
import app.quorum.platform.i18n.Bundle;
import app.quorum.roster.control.RosterReader.Row;
import app.quorum.roster.entity.Participant;
import app.quorum.roster.entity.Role;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules a roster file's rows must follow, each row checked on its own and against the rows above it and the
 * roster: a full name, no cell longer than its field ({@link Limits}), a role and a voting right in words the
 * roster knows (Vietnamese or English, whatever the case or the diacritics), no guest with a vote, a plausible
 * phone number and address, and nobody twice. Every problem of every row is named ({@link ImportProblem}); a
 * row with a problem is shown, never imported, and what a problem quotes from a cell is cut to
 * {@value #QUOTED_MAX} characters.
 *
 * <p>Two people are the same when their full names and units are equal, ignoring case but not accents, as the
 * database compares them (see {@link #identityKey}).
 *
 * <p>One instance checks one file: it remembers the rows it has seen.
 */
final class RosterRules {

    /** The longest text of a cell a problem quotes ("Unknown role “…”"): longer ones are cut. */
    static final int QUOTED_MAX = 40;

    private static final Pattern PHONE = Pattern.compile(Participant.PHONE);
    /**
     * A plausible address: a dot-atom local part of ASCII (RFC 5322) and a domain of at least two labels ending
     * in a top-level domain of letters — stricter than Bean Validation's {@code @Email}, which the entity uses.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}{2,63}");
    private static final int EMAIL_LOCAL_MAX = 64;
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\uFEFF]+");

    private static final int NAME_MAX = Limits.PARTICIPANT_FULL_NAME;
    private static final int POSITION_MAX = Limits.PARTICIPANT_POSITION;
    private static final int UNIT_MAX = Limits.PARTICIPANT_UNIT;
    private static final int PHONE_MAX = Limits.PARTICIPANT_PHONE;
    private static final int EMAIL_MAX = Limits.PARTICIPANT_EMAIL;

    private static final Map<String, Role> ROLES = roles();
    private static final Map<String, Boolean> VOTING = voting();

    private final Set<String> onRoster;
    private final int maxRows;
    private final Map<String, Integer> firstLines = new HashMap<>();

    /**
     * @param onRoster who is already on the roster, as {@link #identityKey} makes them or as the database derives
     *                 them ({@code CONCAT(TRIM(full_name), '|', COALESCE(TRIM(unit), ''))})
     * @param maxRows  the most participants one file may hold
     */
    RosterRules(Set<String> onRoster, int maxRows) {
        this.onRoster = onRoster.stream().map(RosterRules::normalisedKey).collect(Collectors.toSet());
        this.maxRows = maxRows;
    }

    /** The preview of the file's rows: every row with its problems; refused with more than {@code maxRows}. */
    ImportPreview preview(Iterator<Row> rows) {
        List<ImportRow> checked = new ArrayList<>();
        while (rows.hasNext()) {
            Row row = rows.next();
            if (checked.size() == maxRows) {
                return ImportPreview.refused(ImportProblem.TOO_MANY_ROWS, maxRows);
            }
            checked.add(row(row.line(), row.cells()));
        }
        return checked.isEmpty() ? ImportPreview.refused(ImportProblem.EMPTY) : new ImportPreview(checked, List.of());
    }

    private ImportRow row(int number, Map<RosterColumn, String> cells) {
        List<ImportProblem> problems = new ArrayList<>();
        String fullName = cells.get(RosterColumn.FULL_NAME);
        String position = cells.get(RosterColumn.POSITION);
        String unit = cells.get(RosterColumn.UNIT);
        if (fullName == null) {
            problems.add(ImportProblem.of(ImportProblem.NAME_MISSING));
        } else if (fullName.length() > NAME_MAX) {
            problems.add(ImportProblem.of(ImportProblem.NAME_TOO_LONG, NAME_MAX));
        }
        if (position != null && position.length() > POSITION_MAX) {
            problems.add(ImportProblem.of(ImportProblem.POSITION_TOO_LONG, POSITION_MAX));
        }
        if (unit != null && unit.length() > UNIT_MAX) {
            problems.add(ImportProblem.of(ImportProblem.UNIT_TOO_LONG, UNIT_MAX));
        }

        String roleText = cells.get(RosterColumn.ROLE);
        Role role = roleText == null ? Role.DELEGATE : ROLES.get(Cells.fold(roleText));
        if (role == null) {
            problems.add(ImportProblem.of(ImportProblem.ROLE_UNKNOWN, quoted(roleText)));
        }
        String votingText = cells.get(RosterColumn.VOTING);
        Boolean voting = votingText == null ? Boolean.FALSE : VOTING.get(Cells.fold(votingText));
        if (voting == null) {
            problems.add(ImportProblem.of(ImportProblem.VOTING_UNKNOWN, quoted(votingText)));
            voting = Boolean.FALSE;
        } else if (voting && role == Role.GUEST) {
            problems.add(ImportProblem.of(ImportProblem.GUEST_VOTING));
        }

        String phone = phone(cells.get(RosterColumn.PHONE));
        if (phone != null && phone.length() > PHONE_MAX) {
            problems.add(ImportProblem.of(ImportProblem.PHONE_TOO_LONG, PHONE_MAX));
        } else if (phone != null && !PHONE.matcher(phone).matches()) {
            problems.add(ImportProblem.of(ImportProblem.PHONE_INVALID, phone));
        }
        String email = cells.get(RosterColumn.EMAIL);
        if (email != null && email.length() > EMAIL_MAX) {
            problems.add(ImportProblem.of(ImportProblem.EMAIL_TOO_LONG, EMAIL_MAX));
        } else if (email != null && !plausibleEmail(email)) {
            problems.add(ImportProblem.of(ImportProblem.EMAIL_INVALID, quoted(email)));
        }

        if (fullName != null) {
            String key = identityKey(fullName, unit);
            Integer first = firstLines.putIfAbsent(key, number);
            if (first != null) {
                problems.add(ImportProblem.of(ImportProblem.DUPLICATE_IN_FILE, first));
            }
            if (onRoster.contains(key)) {
                problems.add(ImportProblem.of(ImportProblem.DUPLICATE_ON_ROSTER));
            }
        }
        if (!problems.isEmpty()) {
            // a row with a problem is shown, never imported: what it shows of an overlong cell is its start
            return new ImportRow(number, quoted(fullName, NAME_MAX), quoted(position, POSITION_MAX), quoted(unit, UNIT_MAX),
                    role, voting, quoted(phone, PHONE_MAX), quoted(email, EMAIL_MAX), problems);
        }
        return new ImportRow(number, fullName, position, unit, role, voting, phone, email, problems);
    }

    /**
     * Who a participant is, as the roster compares people: the full name and the unit, trimmed, with runs of
     * spaces as one, in composed Unicode, in lower case — so "NGUYỄN VĂN AN" is "Nguyễn Văn An" but not
     * "Nguyễn Văn Ân" (the database's collation is case-insensitive and accent-sensitive).
     */
    static String identityKey(String fullName, String unit) {
        return normalisedKey(part(fullName) + "|" + part(unit));
    }

    private static String part(String text) {
        return text == null ? "" : SPACES.matcher(text).replaceAll(" ").strip();
    }

    private static String normalisedKey(String key) {
        return SPACES.matcher(Normalizer.normalize(key, Normalizer.Form.NFC)).replaceAll(" ").strip()
                .toLowerCase(Locale.ROOT);
    }

    /** A cell's text as a problem quotes it: at most {@value #QUOTED_MAX} characters, an ellipsis for the rest. */
    static String quoted(String text) {
        return quoted(text, QUOTED_MAX);
    }

    private static String quoted(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max) + "…";
    }

    /**
     * The phone number as written; a spreadsheet that took a Vietnamese number for a number dropped its leading
     * zero (912345678 for 0912345678, 2613xxxxxx for 0261 3xxx xxx), which is put back.
     */
    static String phone(String text) {
        if (text == null || !DIGITS.matcher(text).matches()) {
            return text;
        }
        boolean mobile = text.length() == 9 && "35789".indexOf(text.charAt(0)) >= 0;
        boolean landline = text.length() == 10 && text.charAt(0) == '2';
        return mobile || landline ? "0" + text : text;
    }

    static boolean plausibleEmail(String email) {
        int at = email.lastIndexOf('@');
        return email.length() <= EMAIL_MAX && at > 0 && at <= EMAIL_LOCAL_MAX && EMAIL.matcher(email).matches();
    }

    // --- vocabulary --------------------------------------------------------------------------------------------

    private static Map<String, Role> roles() {
        Map<String, Role> roles = new HashMap<>();
        for (Role role : Role.values()) {
            roles.put(Cells.fold(role.name()), role);
            for (Locale locale : Bundle.SUPPORTED) {
                roles.put(Cells.fold(Bundle.text(locale, RosterExport.roleKey(role))), role);
            }
        }
        roles.put(Cells.fold("Chủ trì"), Role.CHAIR);
        roles.put(Cells.fold("Chủ tọa"), Role.CHAIR);
        roles.put(Cells.fold("Thư ký"), Role.SECRETARY);
        roles.put(Cells.fold("Đại biểu"), Role.DELEGATE);
        roles.put(Cells.fold("Khách mời"), Role.GUEST);
        roles.put(Cells.fold("Khách"), Role.GUEST);
        return Map.copyOf(roles);
    }

    private static Map<String, Boolean> voting() {
        Map<String, Boolean> voting = new HashMap<>();
        for (String yes : List.of("Có", "x", "yes", "1", "true")) {
            voting.put(Cells.fold(yes), Boolean.TRUE);
        }
        for (String no : List.of("Không", "no", "0", "false")) {
            voting.put(Cells.fold(no), Boolean.FALSE);
        }
        for (Locale locale : Bundle.SUPPORTED) {
            voting.put(Cells.fold(Bundle.text(locale, RosterExport.YES)), Boolean.TRUE);
            voting.put(Cells.fold(Bundle.text(locale, RosterExport.NO)), Boolean.FALSE);
        }
        return Map.copyOf(voting);
    }
}
