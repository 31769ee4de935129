package app.quorum.meeting.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.quorum.platform.Refusal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DocumentServiceTest {

    private static final byte[] PDF = "%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    @Test
    void aPdfIsKnownByItsContent() {
        assertDoesNotThrow(() -> DocumentService.checkPdf(PDF, 20));
    }

    @Test
    void aRenamedFileIsNotAPdf() {
        Refusal refusal = assertThrows(Refusal.class,
                () -> DocumentService.checkPdf("MZ\u0090 not a pdf".getBytes(StandardCharsets.ISO_8859_1), 20));
        assertEquals("document.notPdf", refusal.key());
    }

    @Test
    void aTruncatedPdfIsRefused() {
        byte[] cut = java.util.Arrays.copyOf(PDF, 20);
        assertEquals("document.notPdf", assertThrows(Refusal.class, () -> DocumentService.checkPdf(cut, 20)).key());
    }

    @Test
    void emptyAndOversizedFilesAreRefused() {
        assertEquals("document.empty", assertThrows(Refusal.class, () -> DocumentService.checkPdf(new byte[0], 20)).key());
        byte[] big = new byte[1024 * 1024 + 1];
        System.arraycopy(PDF, 0, big, 0, 8);
        Refusal tooLarge = assertThrows(Refusal.class, () -> DocumentService.checkPdf(big, 1));
        assertEquals("document.tooLarge", tooLarge.key());
        assertEquals(1, tooLarge.arguments()[0]);
    }

    @Test
    void fileNamesLoseTheirFoldersAndControlCharacters() {
        assertEquals("Báo cáo NTM 2023.pdf", DocumentService.cleanName("C:\\Users\\thu ky\\Báo cáo NTM 2023.pdf"));
        assertEquals("x.pdf", DocumentService.cleanName("../../etc/x.pdf"));
        assertEquals("ab.pdf", DocumentService.cleanName("a\u0000b\n.pdf"));
        assertEquals("document.pdf", DocumentService.cleanName("/"));
    }
}
