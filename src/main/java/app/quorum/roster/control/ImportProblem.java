package app.quorum.roster.control;

import app.quorum.platform.i18n.Bundle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Something wrong with an imported file or one of its rows, said by a message key of the shared bundle and the
 * key's arguments (a value, a line, a limit), so that the preview shows it in the user's language.
 */
public record ImportProblem(String key, List<Object> args) {

    // problems of a row
    public static final String NAME_MISSING = "roster.import.nameMissing";
    public static final String NAME_TOO_LONG = "roster.import.nameTooLong";
    public static final String POSITION_TOO_LONG = "roster.import.positionTooLong";
    public static final String UNIT_TOO_LONG = "roster.import.unitTooLong";
    public static final String ROLE_UNKNOWN = "roster.import.roleUnknown";
    public static final String VOTING_UNKNOWN = "roster.import.votingUnknown";
    public static final String GUEST_VOTING = "roster.import.guestVoting";
    public static final String PHONE_INVALID = "roster.import.phoneInvalid";
    public static final String PHONE_TOO_LONG = "roster.import.phoneTooLong";
    public static final String EMAIL_INVALID = "roster.import.emailInvalid";
    public static final String EMAIL_TOO_LONG = "roster.import.emailTooLong";
    public static final String DUPLICATE_IN_FILE = "roster.import.duplicateInFile";
    public static final String DUPLICATE_ON_ROSTER = "roster.import.duplicateOnRoster";

    // problems of the whole file
    public static final String EMPTY = "roster.import.empty";
    public static final String UNREADABLE = "roster.import.unreadable";
    public static final String OLD_EXCEL = "roster.import.oldExcel";
    public static final String CSV_MALFORMED = "roster.import.csvMalformed";
    public static final String NAME_COLUMN_MISSING = "roster.import.nameColumnMissing";
    public static final String COLUMN_REPEATED = "roster.import.columnRepeated";
    public static final String TOO_MANY_ROWS = "roster.import.tooManyRows";
    public static final String FILE_TOO_LARGE = "roster.import.fileTooLarge";
    public static final String XLSX_UNSAFE = "roster.import.xlsxUnsafe";
    public static final String SHEET_TOO_LARGE = "roster.import.sheetTooLarge";

    /** Every key above: each one is in both languages' bundles. */
    public static final List<String> KEYS = List.of(NAME_MISSING, NAME_TOO_LONG, POSITION_TOO_LONG, UNIT_TOO_LONG,
            ROLE_UNKNOWN, VOTING_UNKNOWN, GUEST_VOTING, PHONE_INVALID, PHONE_TOO_LONG, EMAIL_INVALID, EMAIL_TOO_LONG,
            DUPLICATE_IN_FILE, DUPLICATE_ON_ROSTER, EMPTY, UNREADABLE, OLD_EXCEL, CSV_MALFORMED, NAME_COLUMN_MISSING,
            COLUMN_REPEATED, TOO_MANY_ROWS, FILE_TOO_LARGE, XLSX_UNSAFE, SHEET_TOO_LARGE);

    public ImportProblem {
        Objects.requireNonNull(key, "key");
        args = List.copyOf(args);
    }

    public static ImportProblem of(String key, Object... args) {
        return new ImportProblem(key, Arrays.asList(args));
    }

    /** The problem, said in a language of the bundle. */
    public String text(Locale locale) {
        return Bundle.text(locale, key, args.toArray());
    }
}
