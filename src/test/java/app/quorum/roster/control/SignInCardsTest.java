package app.quorum.roster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.platform.Refusal;
import app.quorum.platform.i18n.Bundle;
import app.quorum.roster.control.CardSheet.Card;
import app.quorum.roster.entity.Role;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.Result;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import com.google.zxing.qrcode.QRCodeReader;
import com.lowagie.text.pdf.BaseFont;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.PDFTextStripperByArea;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The printed sign-in cards, read back as a delegate's tablet and a secretary's eyes would: the text (every
 * Vietnamese diacritic), the QR codes (decoded from the rendered page), and the layout (no text outside its card
 * or in a QR code's quiet zone).
 */
class SignInCardsTest {

    private static final String BASE = "https://quorum.dakmil.gov.vn/delegate/sign-in";
    private static final float DPI = 150;
    private static final List<String> NAMES = List.of(
            "Phan Bá Tịnh", "Ngô Thị Hương", "Nguyễn Thị Ánh Tuyết", "Đặng Quốc Bảo", "Y Kông",
            "H'Hen Niê", "Trần Văn Lực", "Lê Thị Mỹ Dung", "Võ Đình Khiêm", "Huỳnh Ngọc Ẩn",
            "Bùi Thị Thu Hằng", "Đỗ Xuân Quỳnh", "Hoàng Văn Ửng", "Dương Thị Ỷ Lan", "Lương Thế Vinh",
            "Trịnh Quang Dũng", "Phạm Thị Ngọc Trâm", "Y Ngông Niê Kdăm", "Vũ Đức Thắng", "Lâm Ơn");
    private static final List<String[]> POSITIONS = List.of(
            new String[] {"Phó Chủ tịch UBND huyện", "Ủy ban nhân dân huyện Đắk Mil"},
            new String[] {"Chuyên viên", "Văn phòng HĐND và UBND huyện"},
            new String[] {"Trưởng phòng", "Phòng Nông nghiệp và Phát triển nông thôn huyện Đắk Mil"},
            new String[] {"Chủ tịch UBND xã", "Ủy ban nhân dân xã Đắk Gằn"},
            new String[] {"Bí thư Đảng ủy xã", "Xã Đức Mạnh"});

    private static CardSheet sheet;
    private static byte[] vietnamese;
    private static byte[] english;

    @BeforeAll
    static void render() {
        Random random = new Random(20240119);
        List<Card> cards = new ArrayList<>();
        for (int i = 0; i < NAMES.size(); i++) {
            Role role = i == 0 ? Role.CHAIR : i == 1 ? Role.SECRETARY : i == 19 ? Role.GUEST : Role.DELEGATE;
            String code = code(random);
            String[] position = POSITIONS.get(i % POSITIONS.size());
            cards.add(new Card(NAMES.get(i), position[0], position[1], role, role != Role.GUEST, code,
                    BASE + "?code=" + code));
        }
        sheet = new CardSheet("Ủy ban nhân dân huyện Đắk Mil",
                "Hội nghị tổng kết Chương trình xây dựng nông thôn mới năm 2023", BASE, cards);
        vietnamese = new SignInCards().render(sheet, Bundle.VIETNAMESE);
        english = new SignInCards().render(sheet, Bundle.ENGLISH);
    }

    @Test
    void twentyCardsFillThreeA4Pages() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(vietnamese)) {
            assertEquals(3, pdf.getNumberOfPages());
            for (PDPage page : pdf.getPages()) {
                assertEquals(595.3, page.getMediaBox().getWidth(), 0.5);
                assertEquals(841.9, page.getMediaBox().getHeight(), 0.5);
            }
            assertEquals("vi", pdf.getDocumentCatalog().getLanguage());
            assertEquals("Thẻ đăng nhập đại biểu — " + sheet.meetingTitle(), pdf.getDocumentInformation().getTitle());
        }
    }

    @Test
    void everyNameWithItsDiacriticsAndEveryCodeIsInTheText() throws IOException {
        String text = text(vietnamese);
        for (Card card : sheet.cards()) {
            assertTrue(text.contains(card.fullName()), card.fullName() + " not in:\n" + text);
            assertTrue(text.contains(card.code()), card.code());
        }
        assertTrue(text.contains("Ủy ban nhân dân huyện Đắk Mil"), text);
        assertTrue(text.replaceAll("\\s+", " ").contains("Phòng Nông nghiệp và Phát triển nông thôn huyện Đắk Mil"), text);
    }

    @Test
    void eachCardCarriesItsOwnParticipant() throws IOException {
        try (PDDocument pdf = Loader.loadPDF(vietnamese)) {
            for (int i = 0; i < sheet.cards().size(); i++) {
                Card card = sheet.cards().get(i);
                String onCard = textIn(pdf, i / SignInCards.PER_PAGE, i % SignInCards.PER_PAGE);
                assertTrue(onCard.contains(card.fullName()), i + ": " + onCard);
                assertTrue(onCard.contains(card.code()), i + ": " + onCard);
                assertTrue(onCard.contains(card.position()), i + ": " + onCard);
                assertTrue(onCard.contains(sheet.organiser()), i + ": " + onCard);
                assertTrue(onCard.replaceAll("\\s+", " ").contains("Quét mã QR bằng camera của máy tính bảng, hoặc nhập mã tại " + BASE),
                        onCard);
                String role = Bundle.text(Bundle.VIETNAMESE, Bundle.enumKey(card.role()));
                String vote = card.voting() ? "Có quyền biểu quyết" : "Không biểu quyết";
                assertTrue(onCard.contains(role + " · " + vote), i + ": " + onCard);
            }
            String emptySlot = textIn(pdf, 2, 4);
            assertEquals("", emptySlot.strip(), "the last page holds 4 cards");
        }
    }

    @Test
    void everyQrCodeOpensItsOwnCardsSignInAddress() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(vietnamese)) {
            PDFRenderer renderer = new PDFRenderer(pdf);
            for (int page = 0; page < pdf.getNumberOfPages(); page++) {
                BufferedImage image = renderer.renderImageWithDPI(page, DPI, ImageType.GRAY);
                int onPage = Math.min(SignInCards.PER_PAGE, sheet.cards().size() - page * SignInCards.PER_PAGE);
                for (int slot = 0; slot < onPage; slot++) {
                    Card card = sheet.cards().get(page * SignInCards.PER_PAGE + slot);
                    Result read = read(crop(image, DPI, SignInCards.cell(slot)), "page " + page + " slot " + slot);
                    assertEquals(card.signInUrl(), read.getText(), "page " + page + " slot " + slot);
                    assertEquals("]Q1", read.getResultMetadata().get(ResultMetadataType.SYMBOLOGY_IDENTIFIER),
                            "a plain QR code, without an ECI header that some scanners misread");
                }
            }
        }
    }

    @Test
    void anAddressOutsideAsciiIsPercentEncodedInTheQrCode() throws Exception {
        assertEquals("https://hop.vn/%C4%91%C4%83ng-nh%E1%BA%ADp?code=A%20B", SignInCards.ascii(" https://hop.vn/đăng-nhập?code=A B"));
        assertEquals(BASE + "?code=7KQ9XM-4RT8WA-P2HC6N", SignInCards.ascii(BASE + "?code=7KQ9XM-4RT8WA-P2HC6N"));
        Card card = new Card("Y Kông", "", "", Role.DELEGATE, true, "7KQ9XM-4RT8WA-P2HC6N",
                "https://hop.vn/đăng-nhập?code=7KQ9XM-4RT8WA-P2HC6N");
        byte[] pdf = new SignInCards().render(new CardSheet("", "Hội nghị", "https://hop.vn/đăng-nhập", List.of(card)), Bundle.VIETNAMESE);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, DPI, ImageType.GRAY);
            assertEquals("https://hop.vn/%C4%91%C4%83ng-nh%E1%BA%ADp?code=7KQ9XM-4RT8WA-P2HC6N",
                    read(crop(page, DPI, SignInCards.cell(0)), "the card").getText());
        }
    }

    @Test
    void aWholePageScannedAtOnceShowsEightDistinctCodes() throws Exception {
        try (PDDocument pdf = Loader.loadPDF(vietnamese)) {
            BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, DPI, ImageType.GRAY);
            Result[] found = new QRCodeMultiReader().decodeMultiple(bitmap(page), Map.of(DecodeHintType.TRY_HARDER, true));
            Set<String> decoded = Arrays.stream(found).map(Result::getText).collect(Collectors.toCollection(TreeSet::new));
            Set<String> expected = sheet.cards().subList(0, 8).stream().map(Card::signInUrl)
                    .collect(Collectors.toCollection(TreeSet::new));
            assertEquals(expected, decoded);
        }
    }

    @Test
    void anEnglishSheetSpeaksEnglishAndKeepsTheNames() throws IOException {
        String text = text(english);
        assertTrue(text.contains("Chair · Voting member"), text);
        assertTrue(text.contains("Secretary · Voting member"), text);
        assertTrue(text.contains("Guest · Non-voting"), text);
        assertTrue(text.replaceAll("\\s+", " ").contains("Scan the QR code with the tablet's camera, or type the code at " + BASE),
                text);
        assertTrue(text.contains("Nguyễn Thị Ánh Tuyết"), text);
        assertFalse(text.contains("biểu quyết"), text);
        assertFalse(text.contains("Quét mã"), text);
        try (PDDocument pdf = Loader.loadPDF(english)) {
            assertEquals("en", pdf.getDocumentCatalog().getLanguage());
        }
        String vietnameseText = text(vietnamese);
        assertTrue(vietnameseText.contains(Bundle.text(Bundle.VIETNAMESE, "role.CHAIR") + " · Có quyền biểu quyết"),
                vietnameseText);
        assertFalse(vietnameseText.contains("Voting member"), vietnameseText);
    }

    @Test
    void textStaysInsideItsCardAndOutOfTheQrCodesQuietZone() throws IOException {
        assertLaidOutCleanly(vietnamese);
        assertLaidOutCleanly(english);
        assertLaidOutCleanly(new SignInCards().render(longWinded(), Bundle.VIETNAMESE));
    }

    @Test
    void tooLongTextIsShortenedWithAnEllipsis() throws IOException {
        CardSheet sheet = longWinded();
        String text = text(new SignInCards().render(sheet, Bundle.VIETNAMESE));
        assertFalse(text.replaceAll("\\s+", " ").contains(sheet.meetingTitle()), text);
        assertFalse(text.replaceAll("\\s+", " ").contains(sheet.organiser()), text);
        assertTrue(text.contains("…"), text);
        assertTrue(text.contains("Hội nghị tổng kết"), text);
        Card card = sheet.cards().getFirst();
        assertTrue(text.contains(card.code()), "the code is never cut: " + text);
        assertTrue(text.contains("Tôn Nữ"), "the name begins: " + text);
    }

    @Test
    void aNameTooWideForOneLineWrapsOntoTwo() throws IOException {
        Card card = card("Công Tôn Nữ Thị Phương Thảo Nguyên", "Đại biểu", "Xã Đắk Lao", Role.DELEGATE);
        CardSheet sheet = new CardSheet("UBND huyện Đắk Mil", "Hội nghị", BASE, List.of(card));
        String text = text(new SignInCards().render(sheet, Bundle.VIETNAMESE));
        assertTrue(text.replaceAll("\\s+", " ").contains(card.fullName()), text);
        assertFalse(text.contains(card.fullName()), "on two lines: " + text);
    }

    @Test
    void decomposedInputPrintsAsComposedLetters() throws IOException {
        String decomposed = java.text.Normalizer.normalize("Nguyễn Thị Ánh Tuyết", java.text.Normalizer.Form.NFD);
        Card card = card(decomposed, "", "", Role.DELEGATE);
        String text = text(new SignInCards().render(new CardSheet("", "Hội nghị", BASE, List.of(card)), Bundle.VIETNAMESE));
        assertTrue(text.contains("Nguyễn Thị Ánh Tuyết"), text);
    }

    @Test
    void theFontsHaveEveryVietnameseLetter() {
        String letters = vietnameseLetters();
        assertEquals(2 * (12 * 6 + 1), letters.length(), letters);
        SignInCards.Fonts fonts = SignInCards.Fonts.load();
        for (BaseFont font : List.of(fonts.sans(), fonts.sansBold())) {
            String missing = letters.chars().filter(c -> !font.charExists(c))
                    .mapToObj(Character::toString).collect(Collectors.joining());
            assertEquals("", missing, font.getPostscriptFontName());
        }
    }

    @Test
    void everyVietnameseLetterSurvivesPrintingAndCopying() throws IOException {
        String letters = vietnameseLetters();
        List<Card> cards = new ArrayList<>();
        for (int from = 0; from < letters.length(); from += 10) {
            cards.add(card(letters.substring(from, Math.min(letters.length(), from + 10)), "", "", Role.DELEGATE));
        }
        CardSheet sheet = new CardSheet("Ủy ban", "Hội nghị", BASE, cards);
        String text = text(new SignInCards().render(sheet, Bundle.VIETNAMESE));
        for (Card card : cards) {
            assertTrue(text.contains(card.fullName()), card.fullName() + " in " + text);
        }
    }

    @Test
    void anEmptyRosterIsRefused() {
        CardSheet empty = new CardSheet("UBND huyện Đắk Mil", "Hội nghị", BASE, List.of());
        assertEquals("card.noCards", assertThrows(Refusal.class, () -> new SignInCards().render(empty, Bundle.VIETNAMESE)).key());
    }

    @Test
    void fittingBreaksAtSpacesAndCutsOnlyTheLastLine() {
        BaseFont font = SignInCards.Fonts.load().sans();
        float width = font.getWidthPoint("Phòng Nông nghiệp và", 10);
        List<String> lines = SignInCards.fit("Phòng  Nông nghiệp và\tPhát triển nông thôn huyện Đắk Mil", font, 10, width, 2);
        assertEquals(2, lines.size());
        assertEquals("Phòng Nông nghiệp và", lines.get(0));
        assertTrue(lines.get(1).startsWith("Phát triển") && lines.get(1).endsWith("…"), lines.get(1));
        assertTrue(font.getWidthPoint(lines.get(1), 10) <= width);
        assertEquals(List.of("Ngắn"), SignInCards.fit("Ngắn", font, 10, width, 2));
        assertEquals(List.of(), SignInCards.fit("  ", font, 10, width, 2));
        List<String> word = SignInCards.fit("Xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", font, 10, 50, 3);
        assertEquals(3, word.size(), "a word wider than the line is broken inside: " + word);
        word.forEach(line -> assertTrue(font.getWidthPoint(line, 10) <= 50, line));
    }

    @Test
    void savesPageOneInBothLanguagesAndALongWindedCardForPeopleToLookAt() throws IOException {
        byte[] longWinded = new SignInCards().render(longWinded(), Bundle.VIETNAMESE);
        for (Map.Entry<String, byte[]> pdf : Map.of("vi", vietnamese, "en", english, "long", longWinded).entrySet()) {
            try (PDDocument document = Loader.loadPDF(pdf.getValue())) {
                BufferedImage page = new PDFRenderer(document).renderImageWithDPI(0, 110, ImageType.RGB);
                Path png = Path.of("target", "sign-in-cards-" + pdf.getKey() + ".png");
                Files.createDirectories(png.getParent());
                assertTrue(ImageIO.write(page, "png", png.toFile()));
                assertTrue(Files.size(png) > 10_000);
                Files.write(Path.of("target", "sign-in-cards-" + pdf.getKey() + ".pdf"), pdf.getValue());
            }
        }
    }

    // --- helpers

    private static CardSheet longWinded() {
        Card card = card("Tôn Nữ Thị Hoàng Phương Thảo Nguyên Bích Ngọc Khánh Linh Xuân Hạ Thu Đông",
                "Phó Trưởng ban Thường trực Ban Chỉ đạo các Chương trình mục tiêu quốc gia giai đoạn 2021–2025 kiêm Chánh Văn phòng Điều phối",
                "Văn phòng Điều phối Chương trình mục tiêu quốc gia xây dựng nông thôn mới huyện Đắk Mil, tỉnh Đắk Nông, Việt Nam",
                Role.SECRETARY);
        return new CardSheet(
                "Ban Chỉ đạo các Chương trình mục tiêu quốc gia giai đoạn 2021–2025 huyện Đắk Mil, tỉnh Đắk Nông",
                "Hội nghị tổng kết Chương trình mục tiêu quốc gia xây dựng nông thôn mới năm 2023, triển khai nhiệm vụ năm 2024 và xét công nhận xã Đắk Gằn đạt chuẩn nông thôn mới",
                BASE, List.of(card, card("Y Kông", "", "", Role.GUEST)));
    }

    /**
     * A card code like {@link CardCodes#generate()}, but the same at every run: ZXing's one-shot reading of a
     * rendered page can, for about one code in five hundred, depend on how the modules fall on the pixel grid, and
     * a test must not pass or fail by chance.
     */
    private static String code(Random random) {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < CardCodes.LENGTH; i++) {
            code.append(i > 0 && i % 6 == 0 ? "-" : "").append(CardCodes.ALPHABET.charAt(random.nextInt(CardCodes.ALPHABET.length())));
        }
        return code.toString();
    }

    private static Card card(String name, String position, String unit, Role role) {
        String code = CardCodes.generate();
        return new Card(name, position, unit, role, role != Role.GUEST, code, BASE + "?code=" + code);
    }

    /** Every letter of Vietnamese with a diacritic or not: 12 vowels × 6 tones and đ, lower case then upper case. */
    private static String vietnameseLetters() {
        String lower = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
        return lower + lower.toUpperCase(Locale.ROOT);
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String textIn(PDDocument pdf, int page, int slot) throws IOException {
        com.lowagie.text.Rectangle cell = SignInCards.cell(slot);
        PDFTextStripperByArea stripper = new PDFTextStripperByArea();
        float pageHeight = pdf.getPage(page).getMediaBox().getHeight();
        stripper.addRegion("card", new Rectangle2D.Float(cell.getLeft(), pageHeight - cell.getTop(), cell.getWidth(), cell.getHeight()));
        stripper.extractRegions(pdf.getPage(page));
        return stripper.getTextForRegion("card");
    }

    private static BufferedImage crop(BufferedImage page, float dpi, com.lowagie.text.Rectangle cell) {
        double scale = dpi / 72.0;
        int x = (int) Math.round(cell.getLeft() * scale);
        int y = (int) Math.round((SignInCards.PAGE.getHeight() - cell.getTop()) * scale);
        int w = Math.min((int) Math.round(cell.getWidth() * scale), page.getWidth() - x);
        int h = Math.min((int) Math.round(cell.getHeight() * scale), page.getHeight() - y);
        return page.getSubimage(x, y, w, h);
    }

    private static BinaryBitmap bitmap(BufferedImage image) {
        return new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    }

    /** The one QR code in a card's picture, read by ZXing; a failure saves the picture under target/. */
    private static Result read(BufferedImage card, String where) throws IOException {
        try {
            return new QRCodeReader().decode(bitmap(card), Map.of(DecodeHintType.TRY_HARDER, true));
        } catch (NotFoundException | ChecksumException | FormatException e) {
            Path png = Path.of("target", "unreadable-qr-" + where.replaceAll("\\W+", "-") + ".png");
            Files.createDirectories(png.getParent());
            ImageIO.write(card, "png", png.toFile());
            throw new AssertionError("no QR code read on " + where + " (" + e + "), see " + png, e);
        }
    }

    /** Every glyph inside its card's box, and none in a QR code or the white margin it needs. */
    private static void assertLaidOutCleanly(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            for (int page = 0; page < document.getNumberOfPages(); page++) {
                float pageHeight = document.getPage(page).getMediaBox().getHeight();
                List<TextPosition> glyphs = glyphs(document, page);
                assertFalse(glyphs.isEmpty());
                for (TextPosition glyph : glyphs) {
                    float left = glyph.getXDirAdj();
                    float right = left + glyph.getWidthDirAdj();
                    float top = pageHeight - (glyph.getYDirAdj() - glyph.getHeightDir());
                    float bottom = pageHeight - glyph.getYDirAdj();
                    String what = "page " + page + " '" + glyph.getUnicode() + "' at " + left + "," + bottom;
                    int slot = slotOf((left + right) / 2, (top + bottom) / 2);
                    assertTrue(slot >= 0, "outside every card: " + what);
                    com.lowagie.text.Rectangle inner = SignInCards.inner(slot);
                    assertTrue(left >= inner.getLeft() - 0.5 && right <= inner.getRight() + 0.5, "overflows its card: " + what);
                    assertTrue(bottom >= inner.getBottom() - 0.5 && top <= inner.getTop() + 3, "overflows its card: " + what);
                    com.lowagie.text.Rectangle qr = SignInCards.qrBox(slot);
                    float quiet = SignInCards.QUIET - 0.5f;
                    boolean inQuietZone = right > qr.getLeft() - quiet && left < qr.getRight() + quiet
                            && top > qr.getBottom() - quiet && bottom < qr.getTop() + quiet;
                    assertFalse(inQuietZone, "in the QR code's quiet zone: " + what);
                }
                for (TextPosition a : glyphs) {
                    for (TextPosition b : glyphs) {
                        if (a.getYDirAdj() < b.getYDirAdj() - 0.5f && a.getXDirAdj() < b.getXDirAdj() + b.getWidthDirAdj()
                                && b.getXDirAdj() < a.getXDirAdj() + a.getWidthDirAdj()) {
                            assertTrue(a.getYDirAdj() <= b.getYDirAdj() - b.getHeightDir() + 0.5f, "page " + page + ": '"
                                    + a.getUnicode() + "' overlaps '" + b.getUnicode() + "' on the line below, at " + a.getXDirAdj());
                        }
                    }
                }
            }
        }
    }

    private static int slotOf(float x, float y) {
        for (int slot = 0; slot < SignInCards.PER_PAGE; slot++) {
            com.lowagie.text.Rectangle cell = SignInCards.cell(slot);
            if (x >= cell.getLeft() && x <= cell.getRight() && y >= cell.getBottom() && y <= cell.getTop()) {
                return slot;
            }
        }
        return -1;
    }

    private static List<TextPosition> glyphs(PDDocument document, int page) throws IOException {
        List<TextPosition> glyphs = new ArrayList<>();
        PDFTextStripper stripper = new PDFTextStripper() {
            @Override
            protected void processTextPosition(TextPosition text) {
                glyphs.add(text);
                super.processTextPosition(text);
            }
        };
        stripper.setStartPage(page + 1);
        stripper.setEndPage(page + 1);
        stripper.getText(document);
        return glyphs;
    }
}
