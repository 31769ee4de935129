package app.quorum.platform.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPageEvent;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One printed document from its opening to its bytes: the writer, the language of the text (so screen readers
 * and search read Vietnamese as Vietnamese), the title and the author in the document's properties, the page
 * events, and the content written between opening and closing.
 *
 * <pre>{@code
 * byte[] pdf = new PdfOutput(new Document(PageSize.A4), language).title(title).write(writer -> ...);
 * }</pre>
 */
public final class PdfOutput {

    private final Document document;
    private final Locale language;
    private String title;
    private String author;
    private String creator;
    private PdfPageEvent events;

    public PdfOutput(Document document, Locale language) {
        this.document = document;
        this.language = language;
    }

    public PdfOutput title(String title) {
        this.title = title;
        return this;
    }

    public PdfOutput author(String author) {
        this.author = author;
        return this;
    }

    public PdfOutput creator(String creator) {
        this.creator = creator;
        return this;
    }

    /** What happens at the end of each page and of the document, such as a footer with "page n of N". */
    public PdfOutput events(PdfPageEvent events) {
        this.events = events;
        return this;
    }

    /** Opens the document, writes the content into it and closes it. */
    public byte[] write(Consumer<PdfWriter> content) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        try {
            PdfWriter writer = PdfWriter.getInstance(document, pdf);
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString(language.toLanguageTag()));
            if (events != null) {
                writer.setPageEvent(events);
            }
            if (title != null) {
                document.addTitle(title);
            }
            if (author != null) {
                document.addAuthor(author);
            }
            if (creator != null) {
                document.addCreator(creator);
            }
            document.open();
            content.accept(writer);
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException(e); // a layout OpenPDF cannot make: a defect of the document's code
        }
        return pdf.toByteArray();
    }
}
