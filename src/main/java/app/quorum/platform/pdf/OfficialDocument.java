package app.quorum.platform.pdf;

import app.quorum.platform.i18n.Bundle;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.draw.LineSeparator;
import java.awt.Color;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * An A4 document laid out the way Vietnamese administrative documents are (Nghị định 30/2020/NĐ-CP, phụ lục I):
 * margins of 30 mm left, 20 mm right, top and bottom; the organiser in capitals on the left and the national name
 * and motto on the right, the place and date in italics under them; the title centred in bold; sections numbered
 * I, II, III; body paragraphs with their first line indented by 1 cm; tables of data; signature blocks at the end;
 * and on every page where it comes from and "page n of N". Liberation Serif (the metrics of Times New Roman) is
 * embedded, so every Vietnamese diacritic prints and can be searched; Liberation Mono sets fixed-width lines.
 *
 * <p>The texts of the layout itself (national name, motto, signing hint, page number) come from the bundle in
 * the document's language; every other text is given. One instance writes one document: not thread-safe.
 */
public final class OfficialDocument {

    public static final float LEFT = mm(30);
    public static final float RIGHT = mm(20);
    public static final float TOP = mm(20);
    public static final float BOTTOM = mm(22);

    /** Body text, tables, the header, and the footer, in points. */
    public static final float BODY = 13;
    public static final float TABLE = 11;
    public static final float HEADER = 12.5f;
    static final float FOOTER = 9;

    private static final String NATION = "minutes.nation";
    private static final String MOTTO = "minutes.motto";
    private static final String SIGN_HINT = "minutes.sign.hint";
    private static final String PAGE_OF = "minutes.page";
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};

    /** The faces of one document. */
    public record Faces(BaseFont serif, BaseFont bold, BaseFont italic, BaseFont boldItalic, BaseFont mono) {

        static Faces load() {
            return new Faces(PdfFonts.load(PdfFonts.SERIF), PdfFonts.load(PdfFonts.SERIF_BOLD),
                    PdfFonts.load(PdfFonts.SERIF_ITALIC), PdfFonts.load(PdfFonts.SERIF_BOLD_ITALIC),
                    PdfFonts.load(PdfFonts.MONO));
        }
    }

    /** Who signs, and the name printed under the space for the signature (lines separated by "\n"). */
    public record Signatory(String role, String names) {
    }

    private final Locale locale;
    private final Faces faces = Faces.load();
    private final Document document = new Document(PageSize.A4, LEFT, RIGHT, TOP, BOTTOM);
    private int section;

    public OfficialDocument(Locale locale) {
        this.locale = locale;
    }

    public Faces faces() {
        return faces;
    }

    /**
     * Writes the document: its properties, the body, and on every page the footer.
     *
     * @param title     the document's title in its properties
     * @param author    the organiser, in its properties
     * @param printed   the footer's left text, such as where and when it was printed
     */
    public byte[] write(String title, String author, String printed, Consumer<OfficialDocument> body) {
        PageFooter footer = new PageFooter(font(faces.italic, FOOTER, Color.DARK_GRAY), mm(12), printed,
                (page, pages) -> Bundle.text(locale, PAGE_OF, page, pages));
        return new PdfOutput(document, locale).title(title).author(author).creator("Quorum").events(footer)
                .write(writer -> body.accept(this));
    }

    // ------------------------------------------------------------ the parts of Nghị định 30/2020

    /** Organiser left, in capitals; national name, motto, place and date right (mẫu 1.1). */
    public void header(String organiser, String placeAndDate) {
        PdfPTable header = new PdfPTable(new float[] {40, 60});
        header.setWidthPercentage(100);
        float width = document.right() - document.left();

        PdfPCell left = cell();
        Paragraph name = centred(PdfFonts.clean(organiser).toUpperCase(Bundle.VIETNAMESE), font(faces.bold, HEADER));
        name.setLeading(HEADER * 1.2f);
        left.addElement(name);
        left.addElement(rule(35, 0));
        header.addCell(left);

        PdfPCell right = cell();
        String nation = text(NATION);
        right.addElement(centred(nation, font(faces.bold, TextFit.size(nation, faces.bold, HEADER, width * 0.6f - 4))));
        Chunk motto = new Chunk(text(MOTTO), font(faces.bold, HEADER + 0.5f));
        motto.setUnderline(0.6f, -3.5f);
        Paragraph mottoLine = new Paragraph(motto);
        mottoLine.setAlignment(Element.ALIGN_CENTER);
        mottoLine.setLeading(HEADER * 1.3f);
        right.addElement(mottoLine);
        Paragraph date = centred(placeAndDate, font(faces.italic, BODY));
        date.setSpacingBefore(10);
        right.addElement(date);
        header.addCell(right);
        document.add(header);
    }

    /** The kind of document in bold capitals, what it is about under it, and a short rule. */
    public void title(String title, String subject) {
        Paragraph heading = centred(title, font(faces.bold, 14.5f));
        heading.setSpacingBefore(22);
        document.add(heading);
        Paragraph about = centred(PdfFonts.clean(subject), font(faces.bold, BODY));
        about.setSpacingBefore(2);
        about.setLeading(BODY * 1.25f);
        document.add(about);
        document.add(rule(18, 0));
    }

    /** The next section's heading: the message of {@code key} with the section's Roman numeral as its argument. */
    public void section(String key) {
        Paragraph heading = new Paragraph(text(key, ROMAN[Math.min(section++, ROMAN.length - 1)]),
                font(faces.bold, BODY));
        heading.setLeading(BODY * 1.25f);
        heading.setSpacingBefore(8);
        heading.setSpacingAfter(3);
        heading.setKeepTogether(true);
        document.add(heading);
    }

    /**
     * Who signs, side by side (the last, on the right, being who presides), each with the signing hint and the
     * space for the signature over the names; after a closing sentence kept on the same page, so a signature
     * never stands on a page of its own.
     */
    public void signatures(String closing, List<Signatory> signatories) {
        PdfPTable table = new PdfPTable(signatories.size());
        table.setWidthPercentage(100);
        for (Signatory signatory : signatories) {
            PdfPCell cell = cell();
            cell.addElement(centred(signatory.role(), font(faces.bold, BODY)));
            cell.addElement(centred(text(SIGN_HINT), font(faces.italic, BODY - 1.5f)));
            Paragraph name = centred(signatory.names(), font(faces.bold, BODY));
            name.setSpacingBefore(64);
            cell.addElement(name);
            table.addCell(cell);
        }
        PdfPTable together = new PdfPTable(1);
        together.setWidthPercentage(100);
        together.setSpacingBefore(6);
        together.setKeepTogether(true);
        PdfPCell sentence = cell();
        Paragraph confirm = paragraph();
        confirm.add(new Chunk(closing, font(faces.serif, BODY)));
        sentence.addElement(confirm);
        sentence.setPaddingBottom(14);
        together.addCell(sentence);
        PdfPCell signing = cell();
        signing.setPadding(0);
        signing.addElement(table);
        together.addCell(signing);
        document.add(together);
    }

    // ------------------------------------------------------------ body text

    /**
     * A body paragraph, first line indented by 1 cm; ragged right rather than justified: OpenPDF spaces a
     * justified paragraph's last line like the line before it, which stretches short lines.
     */
    public Paragraph paragraph() {
        Paragraph paragraph = new Paragraph("", font(faces.serif, BODY)); // never the default, unembedded Helvetica
        paragraph.setAlignment(Element.ALIGN_LEFT);
        paragraph.setFirstLineIndent(mm(10));
        paragraph.setLeading(BODY * 1.25f);
        paragraph.setSpacingAfter(3);
        return paragraph;
    }

    public void line(String text) {
        Paragraph paragraph = paragraph();
        paragraph.add(new Chunk(text, font(faces.serif, BODY)));
        document.add(paragraph);
    }

    /** A line, if there is something to say. */
    public void lineIf(String text) {
        if (text != null) {
            line(text);
        }
    }

    /** A note in smaller italics. */
    public void small(String text) {
        Paragraph paragraph = paragraph();
        paragraph.setLeading((BODY - 2) * 1.25f);
        paragraph.add(new Chunk(text, font(faces.italic, BODY - 2)));
        document.add(paragraph);
    }

    /** A line of fixed-width characters, indented like a first line (wrapped only if the page were too narrow). */
    public void monospaced(String text, float size) {
        Paragraph line = new Paragraph(text, font(faces.mono, size));
        line.setIndentationLeft(mm(10));
        line.setSpacingBefore(2);
        line.setSpacingAfter(4);
        document.add(line);
    }

    /** A centred, framed notice in bold capitals of the colour given, over {@code percent} of the width. */
    public void notice(String text, Color colour, float percent) {
        PdfPTable box = new PdfPTable(1);
        box.setWidthPercentage(percent);
        box.setSpacingBefore(6);
        PdfPCell cell = new PdfPCell(new Phrase(text.toUpperCase(locale), font(faces.bold, BODY - 1, colour)));
        cell.setHorizontalAlignment(Element.ALIGN_CENTER);
        cell.setBorderColor(colour);
        cell.setBorderWidth(1);
        cell.setPadding(4);
        cell.setPaddingBottom(6);
        box.addCell(cell);
        document.add(box);
    }

    public Paragraph centred(String text, Font font) {
        Paragraph paragraph = new Paragraph(text, font);
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setLeading(font.getSize() * 1.25f);
        return paragraph;
    }

    /** A table of data, full width, its heading repeated on every page it runs over. */
    public DataTable table(float[] widths, float spacingBefore, float spacingAfter) {
        return new DataTable(faces, widths, spacingBefore, spacingAfter);
    }

    public void add(DataTable table) {
        document.add(table.table());
    }

    public void add(Element element) {
        document.add(element);
    }

    // ------------------------------------------------------------ building blocks

    /** A centred horizontal rule over {@code percent} of the width. */
    private Paragraph rule(float percent, float spacingBefore) {
        // the separator is drawn on its own line's baseline: a leading clear of the descenders above
        Chunk line = new Chunk(new LineSeparator(0.6f, percent, Color.BLACK, Element.ALIGN_CENTER, 0));
        line.setFont(font(faces.serif, 2)); // not the default Helvetica, which would not be embedded
        Paragraph rule = new Paragraph(line);
        rule.setLeading(7);
        rule.setSpacingBefore(spacingBefore);
        return rule;
    }

    /** A cell of layout: no border, no padding but 2 points left and right. */
    private static PdfPCell cell() {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        cell.setPaddingLeft(2);
        cell.setPaddingRight(2);
        return cell;
    }

    public static Font font(BaseFont face, float size) {
        return new Font(face, size);
    }

    public static Font font(BaseFont face, float size, Color colour) {
        return new Font(face, size, Font.NORMAL, colour);
    }

    public static float mm(float millimetres) {
        return millimetres * 72 / 25.4f;
    }

    private String text(String key, Object... arguments) {
        return Bundle.text(locale, key, arguments);
    }
}
