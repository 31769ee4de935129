package app.quorum.platform.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.BaseFont;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts of Quorum's printed documents: the Liberation faces of OpenPDF's font artifact (openpdf-fonts-extra),
 * embedded as subsets with Identity-H encoding, so every Vietnamese letter prints, and can be copied and searched.
 * Liberation Serif has the metrics of Times New Roman, the face of Vietnamese administrative documents.
 *
 * <p>The files are read from the classpath once; a {@link BaseFont} is parsed for each document (a font collects
 * the glyphs its document uses, so it is not shared between documents).
 */
public final class PdfFonts {

    public static final String SANS = "liberation/LiberationSans-Regular.ttf";
    public static final String SANS_BOLD = "liberation/LiberationSans-Bold.ttf";
    public static final String SERIF = "liberation/LiberationSerif-Regular.ttf";
    public static final String SERIF_BOLD = "liberation/LiberationSerif-Bold.ttf";
    public static final String SERIF_ITALIC = "liberation/LiberationSerif-Italic.ttf";
    public static final String SERIF_BOLD_ITALIC = "liberation/LiberationSerif-BoldItalic.ttf";
    public static final String MONO = "liberation/LiberationMono-Regular.ttf";
    public static final String MONO_BOLD = "liberation/LiberationMono-Bold.ttf";

    private static final Map<String, byte[]> FILES = new ConcurrentHashMap<>();

    private PdfFonts() {
    }

    /** A new embedded font of one of the files above, for one document. */
    public static BaseFont load(String resource) {
        try {
            String name = resource.substring(resource.lastIndexOf('/') + 1);
            return BaseFont.createFont(name, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                    FILES.computeIfAbsent(resource, PdfFonts::read), null);
        } catch (DocumentException | IOException e) {
            throw new IllegalStateException("font " + resource, e);
        }
    }

    /** Text as printed: composed (NFC) so each Vietnamese letter is one glyph of the font, no control characters. */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        return Normalizer.normalize(text, Normalizer.Form.NFC).replaceAll("\\p{Cntrl}", " ").strip();
    }

    private static byte[] read(String resource) {
        try (InputStream in = PdfFonts.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font not on the classpath: " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
