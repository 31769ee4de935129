package app.quorum.platform.pdf;

import static app.quorum.platform.pdf.OfficialDocument.TABLE;
import static app.quorum.platform.pdf.OfficialDocument.font;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.awt.Color;

/**
 * A table of data of an {@link OfficialDocument}: full width, thin rules, a shaded first row of headings that is
 * repeated on every page the table runs over, then the cells row by row (alignments are {@link Element}'s).
 */
public final class DataTable {

    private static final Color SHADE = new Color(0xEE, 0xEE, 0xEE);

    private final OfficialDocument.Faces faces;
    private final PdfPTable table;

    DataTable(OfficialDocument.Faces faces, float[] widths, float spacingBefore, float spacingAfter) {
        this.faces = faces;
        this.table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(spacingBefore);
        table.setSpacingAfter(spacingAfter);
        table.setHeaderRows(1);
    }

    /** A cell of the heading row, in bold on grey. */
    public DataTable heading(String text, int alignment) {
        PdfPCell cell = cell(text, font(faces.bold(), TABLE), alignment);
        cell.setBackgroundColor(SHADE);
        table.addCell(cell);
        return this;
    }

    public DataTable cell(String text, int alignment) {
        return cell(text, alignment, false);
    }

    public DataTable cell(String text, int alignment, boolean bold) {
        table.addCell(cell(text, font(bold ? faces.bold() : faces.serif(), TABLE), alignment));
        return this;
    }

    PdfPTable table() {
        return table;
    }

    private static PdfPCell cell(String text, Font font, int alignment) {
        PdfPCell cell = new PdfPCell(new Phrase(font.getSize() * 1.2f, text, font));
        cell.setHorizontalAlignment(alignment);
        cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
        cell.setBorderWidth(0.5f);
        cell.setPaddingTop(3);
        cell.setPaddingBottom(5);
        cell.setPaddingLeft(4);
        cell.setPaddingRight(4);
        return cell;
    }
}
