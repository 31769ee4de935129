package app.quorum.roster.control;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** What the roster's import and export do to the text of a spreadsheet cell. */
final class Cells {

    /** Characters that make a spreadsheet read a cell as a formula (or a DDE call) when they come first. */
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\uFEFF]+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^a-z0-9]+");

    private Cells() {
    }

    /**
     * The cell as it is meant: Unicode composed (NFC, as a Vietnamese keyboard writes it, whatever the file
     * used), runs of spaces (non-breaking ones too) made one space, trimmed; {@code null} when nothing is left.
     * An apostrophe that {@link #neutralised} put before an executable start is taken off again.
     */
    static String clean(String raw) {
        if (raw == null) {
            return null;
        }
        String text = SPACES.matcher(Normalizer.normalize(raw, Normalizer.Form.NFC)).replaceAll(" ").strip();
        text = app.quorum.platform.SpreadsheetCsv.withoutNeutraliser(text);
        return text.isEmpty() ? null : text;
    }

    /**
     * A word folded for tolerant matching of headers and values: no diacritics, đ as d, lower case, letters and
     * digits only ("Họ và tên" → "hovaten", "E-mail" → "email").
     */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String bare = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("")
                .replace('đ', 'd').replace('Đ', 'd')
                .toLowerCase(Locale.ROOT);
        return NOT_LETTER_OR_DIGIT.matcher(bare).replaceAll("");
    }

    /** Text a spreadsheet will show and never execute; {@link #clean} takes the apostrophe off on import. */
    static String neutralised(String text) {
        return app.quorum.platform.SpreadsheetCsv.neutralised(text);
    }
}
