package app.quorum.platform.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The footer of every page, written by OpenPDF's page events as the pages are made: a line on the left (where the
 * document comes from) and "page n of N" on the right, both on one baseline between the margins.
 *
 * <p>N is known only when the document closes: each page places an empty {@link PdfTemplate} where its page
 * number goes ({@link #onEndPage}), and when the document closes every template is filled with its page's words
 * ({@link #onCloseDocument}); OpenPDF writes templates after that. A template per page, rather than one holding N
 * after a fixed "page n of", keeps the whole of "Trang 2/12" right-aligned on the margin.
 */
public final class PageFooter extends PdfPageEventHelper {

    private final Font font;
    private final float baseline;
    private final String left;
    private final BiFunction<Integer, Integer, String> pageOf;
    /** How far a page number's template reaches beyond its text on every side. */
    private final float bleed;
    private final List<PdfTemplate> numbers = new ArrayList<>();

    /**
     * @param font     of the whole footer
     * @param baseline its height above the bottom of the page, in points
     * @param left     the text on the left of every page
     * @param pageOf   the words of page n of N, such as "Trang 2/3"
     */
    public PageFooter(Font font, float baseline, String left, BiFunction<Integer, Integer, String> pageOf) {
        this.font = font;
        this.baseline = baseline;
        this.left = left;
        this.pageOf = pageOf;
        this.bleed = font.getSize();
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte canvas = writer.getDirectContent();
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(left, font), document.left(), baseline, 0);
        // the template spans the text column and a little more on every side, for what a glyph draws beyond its
        // advance width and for the descenders: a form's bounding box clips what is drawn into it
        PdfTemplate number = canvas.createTemplate(document.right() - document.left() + 2 * bleed, 3 * bleed);
        canvas.addTemplate(number, document.left() - bleed, baseline - bleed);
        numbers.add(number);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        int pages = numbers.size();
        for (int page = 1; page <= pages; page++) {
            PdfTemplate number = numbers.get(page - 1);
            ColumnText.showTextAligned(number, Element.ALIGN_RIGHT, new Phrase(pageOf.apply(page, pages), font),
                    number.getWidth() - bleed, bleed, 0);
        }
    }
}
