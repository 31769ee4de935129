package app.quorum.platform.pdf;

import com.lowagie.text.pdf.BaseFont;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;

/**
 * Fitting a text to the width it has, measured in the font it prints in: broken into lines, cut with an ellipsis,
 * or set smaller. The sign-in cards fit every text to its box; the administrative header sets the national name
 * on one line.
 */
public final class TextFit {

    public static final String ELLIPSIS = "…";

    private TextFit() {
    }

    /**
     * The text ({@linkplain PdfFonts#clean cleaned}, runs of white space as one) broken into at most
     * {@code maxLines} lines no wider than {@code width}: at spaces, inside a word only when the word alone is too
     * wide; whatever does not fit ends the last line with an ellipsis.
     */
    public static List<String> lines(String text, BaseFont font, float size, float width, int maxLines) {
        List<String> lines = new ArrayList<>();
        String rest = PdfFonts.clean(text).replaceAll("\\s+", " ");
        while (!rest.isEmpty() && lines.size() < maxLines) {
            if (lines.size() == maxLines - 1) {
                lines.add(ellipsize(rest, font, size, width));
                break;
            }
            int end = lineEnd(rest, font, size, width);
            lines.add(rest.substring(0, end).strip());
            rest = rest.substring(end).strip();
        }
        return lines;
    }

    /** The text if it fits, otherwise as much of it as fits followed by an ellipsis. */
    public static String ellipsize(String text, BaseFont font, float size, float width) {
        if (font.getWidthPoint(text, size) <= width) {
            return text;
        }
        int end = fittingCharacters(text, ELLIPSIS, font, size, width);
        String kept = text.substring(0, end).replaceAll("[\\s,.;:·–—-]+$", "");
        return kept + ELLIPSIS;
    }

    /** The largest size up to {@code size} at which the text fits the width on one line, but never under 8 points. */
    public static float size(String text, BaseFont font, float size, float width) {
        float natural = font.getWidthPoint(text, size);
        return natural <= width ? size : Math.max(8, size * width / natural);
    }

    /** Where the first line of {@code text} ends: after the last word that fits, or inside a too-long word. */
    private static int lineEnd(String text, BaseFont font, float size, float width) {
        if (font.getWidthPoint(text, size) <= width) {
            return text.length();
        }
        int end = -1;
        for (int space = text.indexOf(' '); space > 0; space = text.indexOf(' ', space + 1)) {
            if (font.getWidthPoint(text.substring(0, space), size) > width) {
                break;
            }
            end = space;
        }
        if (end > 0) {
            return end;
        }
        return Math.max(fittingCharacters(text, "", font, size, width), firstCharacterEnd(text));
    }

    /** How many chars of the text (whole user-perceived characters) fit before the suffix. */
    private static int fittingCharacters(String text, String suffix, BaseFont font, float size, float width) {
        BreakIterator characters = BreakIterator.getCharacterInstance();
        characters.setText(text);
        int fits = 0;
        for (int end = characters.next(); end != BreakIterator.DONE; end = characters.next()) {
            if (font.getWidthPoint(text.substring(0, end) + suffix, size) > width) {
                break;
            }
            fits = end;
        }
        return fits;
    }

    private static int firstCharacterEnd(String text) {
        BreakIterator characters = BreakIterator.getCharacterInstance();
        characters.setText(text);
        return characters.next();
    }
}
