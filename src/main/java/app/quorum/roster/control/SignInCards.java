package app.quorum.roster.control;

import app.quorum.platform.Refusal;
import app.quorum.platform.i18n.Bundle;
import app.quorum.platform.pdf.PdfFonts;
import app.quorum.platform.pdf.PdfOutput;
import app.quorum.platform.pdf.TextFit;
import app.quorum.roster.control.CardSheet.Card;
import com.google.zxing.WriterException;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * Prints a meeting's delegate sign-in cards: A4 pages of {@value #COLUMNS} × {@value #ROWS} cards with light
 * dashed cut lines. Each card shows the organiser and the meeting's title, the participant's full name (large),
 * position and unit, role and voting right, the sign-in code in large monospaced type, a QR code that opens the
 * sign-in page with the code filled in, and one line telling how to use them. Every text comes from the bundle in
 * the given language; every text is fitted to its box (smaller, wrapped, or cut with an ellipsis), never
 * overflowing. The Liberation fonts of OpenPDF's font artifact are embedded ({@link PdfFonts}), so every
 * Vietnamese diacritic prints and can be copied and searched.
 *
 * <p>Stateless and thread-safe: fonts are parsed for each document from bytes read once from the classpath.
 */
@ApplicationScoped
public class SignInCards {

    static final int COLUMNS = 2;
    static final int ROWS = 4;
    static final int PER_PAGE = COLUMNS * ROWS;

    /** Page margin: 8 mm, inside what office printers can print. */
    static final float MARGIN = 8 * 72 / 25.4f;
    static final Rectangle PAGE = PageSize.A4;
    static final float CARD_WIDTH = (PAGE.getWidth() - 2 * MARGIN) / COLUMNS;
    static final float CARD_HEIGHT = (PAGE.getHeight() - 2 * MARGIN) / ROWS;
    /** White space inside a card, all round. */
    static final float PADDING = 12;
    static final float QR_SIZE = 88;
    /** The white space a QR code needs around it: about four modules. */
    static final float QUIET = 9;

    private static final String HEX = "0123456789ABCDEF";

    // distances from the top of a card's inner box, in points
    private static final float ORGANISER_BASELINE = 6.5f;
    private static final float TITLE_BASELINE = 18;
    private static final float RULE = 34;
    private static final float BODY_TOP = RULE + QUIET;
    private static final float BODY_BOTTOM = BODY_TOP + QR_SIZE;
    private static final float CODE_BASELINE = BODY_BOTTOM + QUIET + 12;
    private static final float INSTRUCTION_BASELINE = CODE_BASELINE + 13;

    private static final float NAME_LARGEST = 16;
    private static final float NAME_SMALLEST = 12;
    private static final float NAME_TWO_LINES = 13;
    private static final float DETAIL = 8.5f;
    private static final float DETAIL_LEADING = 10;
    private static final float CODE = 16;

    /** Renders the sheet in the language given (Vietnamese unless English); refuses a sheet without cards. */
    public byte[] render(CardSheet sheet, Locale locale) {
        if (sheet.cards().isEmpty()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "card.noCards");
        }
        Locale language = Bundle.supported(locale);
        Fonts fonts = Fonts.load();
        Document document = new Document(PAGE, 0, 0, 0, 0);
        return new PdfOutput(document, language)
                .title(Bundle.text(language, "card.documentTitle", clean(sheet.meetingTitle())))
                .write(writer -> pages(document, writer.getDirectContent(), sheet, fonts, language));
    }

    /** The cards, {@value #PER_PAGE} to a page, each page with its cut lines. */
    private static void pages(Document document, PdfContentByte canvas, CardSheet sheet, Fonts fonts, Locale language) {
        List<Card> cards = sheet.cards();
        for (int first = 0; first < cards.size(); first += PER_PAGE) {
            if (first > 0) {
                document.newPage();
            }
            int onPage = Math.min(PER_PAGE, cards.size() - first);
            cutLines(canvas, onPage);
            for (int slot = 0; slot < onPage; slot++) {
                new CardWriter(canvas, fonts, language, inner(slot)).write(sheet, cards.get(first + slot));
            }
        }
    }

    /** A card's place on its page (slot 0 top left, then across, then down), in PDF points from bottom left. */
    static Rectangle cell(int slot) {
        float left = MARGIN + (slot % COLUMNS) * CARD_WIDTH;
        float top = PAGE.getHeight() - MARGIN - (slot / COLUMNS) * CARD_HEIGHT;
        return new Rectangle(left, top - CARD_HEIGHT, left + CARD_WIDTH, top);
    }

    /** Where a card's text and QR code may go. */
    static Rectangle inner(int slot) {
        Rectangle cell = cell(slot);
        return new Rectangle(cell.getLeft() + PADDING, cell.getBottom() + PADDING,
                cell.getRight() - PADDING, cell.getTop() - PADDING);
    }

    /** Where a card's QR code is drawn (its modules; the quiet zone is around it). */
    static Rectangle qrBox(int slot) {
        Rectangle inner = inner(slot);
        float top = inner.getTop() - BODY_TOP;
        return new Rectangle(inner.getRight() - QR_SIZE, top - QR_SIZE, inner.getRight(), top);
    }

    /** Dashed light-grey lines around the cards on this page, each edge drawn once. */
    private static void cutLines(PdfContentByte canvas, int onPage) {
        canvas.saveState();
        canvas.setGrayStroke(0.7f);
        canvas.setLineWidth(0.4f);
        canvas.setLineDash(3, 3, 0);
        for (int slot = 0; slot < onPage; slot++) {
            Rectangle cell = cell(slot);
            line(canvas, cell.getLeft(), cell.getTop(), cell.getRight(), cell.getTop());
            line(canvas, cell.getLeft(), cell.getBottom(), cell.getLeft(), cell.getTop());
            boolean cardRight = slot % COLUMNS < COLUMNS - 1 && slot + 1 < onPage;
            if (!cardRight) {
                line(canvas, cell.getRight(), cell.getBottom(), cell.getRight(), cell.getTop());
            }
            boolean cardBelow = slot + COLUMNS < onPage;
            if (!cardBelow) {
                line(canvas, cell.getLeft(), cell.getBottom(), cell.getRight(), cell.getBottom());
            }
        }
        canvas.restoreState();
    }

    private static void line(PdfContentByte canvas, float x1, float y1, float x2, float y2) {
        canvas.moveTo(x1, y1);
        canvas.lineTo(x2, y2);
        canvas.stroke();
    }

    /** Text as printed: composed (NFC) so each Vietnamese letter is one glyph of the font, no control characters. */
    static String clean(String text) {
        return PdfFonts.clean(text);
    }

    /** The text fitted to {@code maxLines} lines of the width (see {@link TextFit#lines}). */
    static List<String> fit(String text, BaseFont font, float size, float width, int maxLines) {
        return TextFit.lines(text, font, size, width, maxLines);
    }

    /**
     * The QR code of an address: error correction M (a card may get creased or smudged), byte mode, and no ECI
     * character-set header: an address is ASCII (anything else is percent-encoded as UTF-8 first), and with an
     * ECI header about one code in seventy did not read back in ZXing's own reader in our trials.
     */
    static ByteMatrix qr(String url) {
        try {
            return Encoder.encode(ascii(url), ErrorCorrectionLevel.M).getMatrix();
        } catch (WriterException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The address with every non-ASCII character percent-encoded as UTF-8 (as a browser would send it). */
    static String ascii(String url) {
        StringBuilder ascii = new StringBuilder(url.length());
        for (byte b : url.strip().getBytes(StandardCharsets.UTF_8)) {
            if (b >= 0x21 && b < 0x7f) {
                ascii.append((char) b);
            } else {
                ascii.append('%').append(HEX.charAt((b >> 4) & 0xf)).append(HEX.charAt(b & 0xf));
            }
        }
        return ascii.toString();
    }

    /** The three faces a card uses, parsed for one document. */
    record Fonts(BaseFont sans, BaseFont sansBold, BaseFont monoBold) {

        static Fonts load() {
            return new Fonts(PdfFonts.load(PdfFonts.SANS), PdfFonts.load(PdfFonts.SANS_BOLD),
                    PdfFonts.load(PdfFonts.MONO_BOLD));
        }
    }

    /** Draws one card into its inner box. */
    private static final class CardWriter {

        private final PdfContentByte canvas;
        private final Fonts fonts;
        private final Locale locale;
        private final Rectangle box;

        CardWriter(PdfContentByte canvas, Fonts fonts, Locale locale, Rectangle box) {
            this.canvas = canvas;
            this.fonts = fonts;
            this.locale = locale;
            this.box = box;
        }

        void write(CardSheet sheet, Card card) {
            float width = box.getWidth();
            text(fonts.sans, 7, 0.4f, fit(sheet.organiser(), fonts.sans, 7, width, 1), ORGANISER_BASELINE, 0);
            text(fonts.sansBold, 9, 0, fit(sheet.meetingTitle(), fonts.sansBold, 9, width, 2), TITLE_BASELINE, 11);
            rule(RULE);

            float column = width - QR_SIZE - QUIET;
            float below = name(card.fullName(), column);
            // role and voting right sit at the foot of the column, level with the QR code's bottom edge
            List<String> role = roleLines(card, column);
            float roleBaseline = BODY_BOTTOM - 2 - (role.size() - 1) * DETAIL_LEADING;
            float roleTop = roleBaseline - DETAIL;
            below = detail(card.position(), fonts.sans, 0.2f, column, below, roleTop);
            detail(card.unit(), fonts.sans, 0.35f, column, below, roleTop);
            text(fonts.sansBold, DETAIL, 0, role, roleBaseline, DETAIL_LEADING);

            qrCode(card.signInUrl());
            text(fonts.monoBold, CODE, 0, List.of(TextFit.ellipsize(clean(card.code()), fonts.monoBold, CODE, width)),
                    CODE_BASELINE, 0);
            String instruction = Bundle.text(locale, "card.instruction", clean(sheet.signInBaseUrl()));
            text(fonts.sans, 6.5f, 0.35f, fit(instruction, fonts.sans, 6.5f, width, 2), INSTRUCTION_BASELINE, 8);
        }

        /** The full name as large as fits on one line, else on two; returns where the next text may start. */
        private float name(String fullName, float width) {
            String name = clean(fullName);
            for (float size = NAME_LARGEST; size >= NAME_SMALLEST; size -= 0.5f) {
                if (fonts.sansBold.getWidthPoint(name, size) <= width) {
                    float baseline = BODY_TOP + 0.75f * size;
                    text(fonts.sansBold, size, 0, List.of(name), baseline, 0);
                    return baseline + 0.25f * size + 3;
                }
            }
            List<String> lines = fit(name, fonts.sansBold, NAME_TWO_LINES, width, 2);
            float leading = NAME_TWO_LINES * 1.15f;
            float baseline = BODY_TOP + 0.75f * NAME_TWO_LINES;
            text(fonts.sansBold, NAME_TWO_LINES, 0, lines, baseline, leading);
            return baseline + (lines.size() - 1) * leading + 0.25f * NAME_TWO_LINES + 3;
        }

        /** Role and voting right on one line if they fit, else one under the other. */
        private List<String> roleLines(Card card, float width) {
            String role = Bundle.text(locale, Bundle.enumKey(card.role()));
            String vote = Bundle.text(locale, card.voting() ? "card.voting.yes" : "card.voting.no");
            String together = Bundle.text(locale, "card.roleAndVote", role, vote);
            if (fonts.sansBold.getWidthPoint(together, DETAIL) <= width) {
                return List.of(together);
            }
            return List.of(TextFit.ellipsize(role, fonts.sansBold, DETAIL, width), TextFit.ellipsize(vote, fonts.sansBold, DETAIL, width));
        }

        /** Up to two lines of detail from {@code top}, none past {@code limit}; returns where the next may start. */
        private float detail(String text, BaseFont font, float gray, float width, float top, float limit) {
            int room = (int) Math.floor((limit - 2 - top) / DETAIL_LEADING);
            if (room <= 0 || clean(text).isEmpty()) {
                return top;
            }
            List<String> lines = fit(text, font, DETAIL, width, Math.min(2, room));
            float baseline = top + 0.75f * DETAIL;
            text(font, DETAIL, gray, lines, baseline, DETAIL_LEADING);
            return top + lines.size() * DETAIL_LEADING;
        }

        private void text(BaseFont font, float size, float gray, List<String> lines, float firstBaseline, float leading) {
            canvas.saveState();
            canvas.beginText();
            canvas.setFontAndSize(font, size);
            canvas.setGrayFill(gray);
            for (int i = 0; i < lines.size(); i++) {
                canvas.setTextMatrix(box.getLeft(), box.getTop() - firstBaseline - i * leading);
                canvas.showText(lines.get(i));
            }
            canvas.endText();
            canvas.restoreState();
        }

        private void rule(float at) {
            canvas.saveState();
            canvas.setGrayStroke(0.6f);
            canvas.setLineWidth(0.5f);
            line(canvas, box.getLeft(), box.getTop() - at, box.getRight(), box.getTop() - at);
            canvas.restoreState();
        }

        /** The QR code as filled vector squares (one path, merged along rows), crisp at any print resolution. */
        private void qrCode(String url) {
            ByteMatrix matrix = qr(url);
            float module = QR_SIZE / matrix.getWidth();
            float left = box.getRight() - QR_SIZE;
            float top = box.getTop() - BODY_TOP;
            canvas.saveState();
            canvas.setGrayFill(0);
            for (int y = 0; y < matrix.getHeight(); y++) {
                int x = 0;
                while (x < matrix.getWidth()) {
                    if (matrix.get(x, y) != 1) {
                        x++;
                        continue;
                    }
                    int start = x;
                    while (x < matrix.getWidth() && matrix.get(x, y) == 1) {
                        x++;
                    }
                    canvas.rectangle(left + start * module, top - (y + 1) * module, (x - start) * module, module);
                }
            }
            canvas.fill();
            canvas.restoreState();
        }
    }
}
