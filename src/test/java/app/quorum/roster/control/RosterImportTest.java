package app.quorum.roster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.platform.i18n.Bundle;
import app.quorum.roster.entity.Role;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Reading CSV files, and every problem a row or a file can have. */
class RosterImportTest {

    private static final String HEADER = "Họ và tên,Chức vụ,Đơn vị,Vai trò,Biểu quyết,Điện thoại,Email\n";

    // --- the formats of a CSV file ---------------------------------------------------------------------------

    @Test
    void readsARosterWithVietnameseHeaders() throws IOException {
        ImportPreview preview = csv(HEADER
                + "Nguyễn Văn An,Phó Chủ tịch UBND huyện,UBND huyện Đắk Mil,Chủ trì,Có,0912 345 678,an.nv@dakmil.gov.vn\n"
                + "Ngô Thị Hương,Chánh Văn phòng,Văn phòng HĐND và UBND huyện,Thư ký,Không,,\n"
                + "Phan Bá Tịnh,Chủ tịch UBND xã,UBND xã Đắk Gằn,Đại biểu,x,,\n"
                + "Phan Văn Thân,Phóng viên,Báo Đắk Nông,Khách mời,,,\n");
        assertTrue(preview.valid(), () -> problems(preview));
        assertEquals(4, preview.rowCount());
        assertEquals(0, preview.problemCount());
        ImportRow chair = preview.rows().get(0);
        assertEquals(new ImportRow(2, "Nguyễn Văn An", "Phó Chủ tịch UBND huyện", "UBND huyện Đắk Mil", Role.CHAIR, true,
                "0912 345 678", "an.nv@dakmil.gov.vn", List.of()), chair);
        ImportRow guest = preview.rows().get(3);
        assertEquals(5, guest.line());
        assertEquals(Role.GUEST, guest.role());
        assertFalse(guest.voting());
        assertNull(guest.phone());
        assertNull(guest.email());
        assertEquals(List.of(Role.CHAIR, Role.SECRETARY, Role.DELEGATE, Role.GUEST),
                preview.rows().stream().map(ImportRow::role).toList());
        assertEquals(List.of(true, false, true, false), preview.rows().stream().map(ImportRow::voting).toList());
    }

    @Test
    void readsEnglishHeadersAndHeadersWithoutDiacriticsInAnyCase() throws IOException {
        ImportPreview english = csv("Full name,Position,Unit,Role,Voting,Phone,Email\n"
                + "Nguyen Van An,Vice Chairman,District People's Committee,Chair,yes,+84 912 345 678,an@example.vn\n");
        ImportPreview bare = csv("STT,HO VA TEN,chuc vu,DON VI,vai tro,QUYEN BIEU QUYET,so dien thoai,E-mail\n"
                + "1,Nguyễn Văn An,Phó Chủ tịch,UBND huyện,chủ trì,có,0912345678,an@example.vn\n");
        ImportPreview shortNames = csv("Họ tên;Name2;SĐT\nNguyễn Văn An;x;0912345678\n");
        for (ImportPreview preview : List.of(english, bare, shortNames)) {
            assertTrue(preview.valid(), () -> problems(preview));
            assertEquals(1, preview.rowCount());
        }
        assertEquals(new ImportRow(2, "Nguyen Van An", "Vice Chairman", "District People's Committee", Role.CHAIR, true,
                "+84 912 345 678", "an@example.vn", List.of()), english.rows().get(0));
        assertEquals(new ImportRow(2, "Nguyễn Văn An", "Phó Chủ tịch", "UBND huyện", Role.CHAIR, true,
                "0912345678", "an@example.vn", List.of()), bare.rows().get(0));
        assertEquals("0912345678", shortNames.rows().get(0).phone());
    }

    @Test
    void aByteOrderMarkMakesNoDifference() throws IOException {
        String text = HEADER + "Nguyễn Văn An,,UBND xã Đắk Gằn,,,,\n";
        byte[] plain = text.getBytes(StandardCharsets.UTF_8);
        byte[] withBom = ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        assertEquals((byte) 0xEF, withBom[0]);
        ImportPreview fromPlain = preview(plain, "roster.csv");
        ImportPreview fromBom = preview(withBom, "roster.csv");
        assertTrue(fromBom.valid(), () -> problems(fromBom));
        assertEquals(fromPlain, fromBom);
        assertEquals("Nguyễn Văn An", fromBom.rows().get(0).fullName());
    }

    @Test
    void commasOrSemicolonsSeparateTheCells() throws IOException {
        ImportPreview commas = csv("Họ và tên,Đơn vị,Vai trò\nNguyễn Văn An,UBND xã Đắk Gằn,Đại biểu\n");
        ImportPreview semicolons = csv("Họ và tên;Đơn vị;Vai trò\nNguyễn Văn An;UBND xã Đắk Gằn;Đại biểu\n");
        assertTrue(semicolons.valid(), () -> problems(semicolons));
        assertEquals(commas, semicolons);
        assertEquals("UBND xã Đắk Gằn", semicolons.rows().get(0).unit());
        // a semicolon file whose cells hold commas: the header decides
        ImportPreview mixed = csv("Họ và tên;Chức vụ\nNguyễn Văn An;Phó Chủ tịch UBND huyện, Trưởng ban\n");
        assertEquals("Phó Chủ tịch UBND huyện, Trưởng ban", mixed.rows().get(0).position());
    }

    @Test
    void crlfAndLfLineEndsReadTheSame() throws IOException {
        String lf = "Họ và tên,Đơn vị\nNguyễn Văn An,UBND xã Đắk Gằn\n\nNgô Thị Hương,UBND xã Thuận An\n";
        ImportPreview fromLf = csv(lf);
        ImportPreview fromCrlf = csv(lf.replace("\n", "\r\n"));
        assertTrue(fromCrlf.valid(), () -> problems(fromCrlf));
        assertEquals(fromLf, fromCrlf);
        assertEquals(List.of(2, 4), fromCrlf.rows().stream().map(ImportRow::line).toList());
        assertEquals("UBND xã Đắk Gằn", fromCrlf.rows().get(0).unit());
    }

    @Test
    void quotedFieldsMayHoldSeparatorsQuotesAndLineBreaks() throws IOException {
        ImportPreview preview = csv("Họ và tên,Chức vụ,Đơn vị\r\n"
                + "\"Nguyễn Văn An\",\"Phó Chủ tịch UBND huyện, Trưởng ban Chỉ đạo\",\"UBND huyện\r\nĐắk Mil\"\r\n"
                + "\"Ngô Thị \"\"Hương\"\"\", \"Chánh Văn phòng\" ,Văn phòng\r\n");
        assertTrue(preview.valid(), () -> problems(preview));
        ImportRow first = preview.rows().get(0);
        assertEquals("Phó Chủ tịch UBND huyện, Trưởng ban Chỉ đạo", first.position());
        assertEquals("UBND huyện Đắk Mil", first.unit(), "a line break in a cell is a space");
        ImportRow second = preview.rows().get(1);
        assertEquals(3, second.line(), "a line as the spreadsheet shows it, not as a text editor counts it");
        assertEquals("Ngô Thị \"Hương\"", second.fullName());
        assertEquals("Chánh Văn phòng", second.position());
    }

    @Test
    void cellsAreTrimmedComposedAndBlankRowsSkipped() throws IOException {
        String decomposed = Normalizer.normalize("Nguyễn Văn Ân", Normalizer.Form.NFD);
        ImportPreview preview = csv("STT,Họ và tên,Đơn vị\n"
                + "1,   " + decomposed + "  , \u00A0UBND  xã Đắk Gằn \n"
                + ",,\n"
                + "2,,\n"
                + "   \n"
                + "3,Ngô Thị Hương,\n");
        assertTrue(preview.valid(), () -> problems(preview));
        assertEquals(2, preview.rowCount(), "rows blank in every column read (a row number alone) are skipped");
        ImportRow first = preview.rows().get(0);
        assertEquals("Nguyễn Văn Ân", first.fullName());
        assertTrue(Normalizer.isNormalized(first.fullName(), Normalizer.Form.NFC));
        assertEquals("UBND xã Đắk Gằn", first.unit());
        assertEquals(6, preview.rows().get(1).line());
        assertNull(preview.rows().get(1).unit());
    }

    @Test
    void titleRowsMayComeBeforeTheHeader() throws IOException {
        ImportPreview preview = csv("DANH SÁCH ĐẠI BIỂU DỰ HỘI NGHỊ,,\n"
                + "Tổng kết Chương trình MTQG xây dựng nông thôn mới năm 2023,,\n"
                + ",,\n"
                + "STT,Họ và tên,Đơn vị\n"
                + "1,Nguyễn Văn An,UBND huyện Đắk Mil\n");
        assertTrue(preview.valid(), () -> problems(preview));
        assertEquals(5, preview.rows().get(0).line());
    }

    @Test
    void roleValuesAreReadInEitherLanguageWhateverTheCaseOrDiacritics() throws IOException {
        ImportPreview preview = csv("Họ và tên,Vai trò\n"
                + "A1,CHỦ TRÌ\nA2,chu tri\nA3,Chair\nA4,thư ký\nA5,SECRETARY\nA6,đại biểu\nA7,Delegate\nA8,\n"
                + "A9,khach moi\nA10,Guest\nA11,Khách mời\n");
        assertTrue(preview.valid(), () -> problems(preview));
        assertEquals(List.of(Role.CHAIR, Role.CHAIR, Role.CHAIR, Role.SECRETARY, Role.SECRETARY, Role.DELEGATE,
                        Role.DELEGATE, Role.DELEGATE, Role.GUEST, Role.GUEST, Role.GUEST),
                preview.rows().stream().map(ImportRow::role).toList());
    }

    @Test
    void votingValuesAreReadInEitherLanguage() throws IOException {
        ImportPreview preview = csv("Họ và tên,Biểu quyết\n"
                + "A1,Có\nA2,CO\nA3,x\nA4,X\nA5,yes\nA6,1\nA7,TRUE\n"
                + "A8,Không\nA9,khong\nA10,\nA11,no\nA12,0\nA13,false\n");
        assertTrue(preview.valid(), () -> problems(preview));
        assertEquals(List.of(true, true, true, true, true, true, true, false, false, false, false, false, false),
                preview.rows().stream().map(ImportRow::voting).toList());
    }

    @Test
    void aPhoneNumberThatASpreadsheetTookForANumberGetsItsLeadingZeroBack() {
        assertEquals("0912345678", RosterImport.phone("912345678"));
        assertEquals("02613123456", RosterImport.phone("2613123456"));
        assertEquals("84912345678", RosterImport.phone("84912345678"));
        assertEquals("0912345678", RosterImport.phone("0912345678"));
        assertEquals("+84 912 345 678", RosterImport.phone("+84 912 345 678"));
        assertEquals("123456789", RosterImport.phone("123456789"));
    }

    @Test
    void emailsMustBePlausibleAddresses() {
        for (String good : List.of("an.nv@dakmil.gov.vn", "an+hoinghi@example.vn", "AN_NV@Example.COM",
                "huong@ubnd.đắkmil.vn")) {
            assertTrue(RosterImport.plausibleEmail(good), good);
        }
        for (String bad : List.of("an", "an@", "@dakmil.gov.vn", "an@localhost", "an@@dakmil.gov.vn",
                "an nv@dakmil.gov.vn", "an@dakmil..vn", ".an@dakmil.vn", "an.@dakmil.vn", "an@-dakmil.vn",
                "an@dakmil.v", "an@dakmil.123", "nguyễn@dakmil.vn", "an@dakmil.gov.vn.", "a".repeat(65) + "@x.vn")) {
            assertFalse(RosterImport.plausibleEmail(bad), bad);
        }
    }

    // --- one test per problem of a row -----------------------------------------------------------------------

    @Test
    void aRowWithoutAFullName() throws IOException {
        ImportRow row = onlyRow(csv("Họ và tên,Chức vụ,Đơn vị\n ,Chủ tịch UBND xã,UBND xã Đắk Gằn\n"));
        assertEquals(List.of(ImportProblem.of(ImportProblem.NAME_MISSING)), row.problems());
        assertNull(row.fullName());
        assertNull(row.identityKey());
    }

    @Test
    void aNameAPositionOrAUnitTooLongForTheRoster() throws IOException {
        ImportPreview preview = csv("Họ và tên,Chức vụ,Đơn vị\n"
                + "A".repeat(201) + ",,\n"
                + "Nguyễn Văn An," + "B".repeat(301) + ",\n"
                + "Ngô Thị Hương,," + "C".repeat(301) + "\n"
                + "D".repeat(200) + "," + "E".repeat(300) + "," + "F".repeat(300) + "\n");
        assertEquals(List.of(ImportProblem.of(ImportProblem.NAME_TOO_LONG, 200)), preview.rows().get(0).problems());
        assertEquals(List.of(ImportProblem.of(ImportProblem.POSITION_TOO_LONG, 300)), preview.rows().get(1).problems());
        assertEquals(List.of(ImportProblem.of(ImportProblem.UNIT_TOO_LONG, 300)), preview.rows().get(2).problems());
        assertTrue(preview.rows().get(3).valid());
    }

    @Test
    void aPhoneOrAnEmailTooLongIsAProblemOfItsRow() throws IOException {
        ImportPreview preview = csv("Họ và tên,Điện thoại,Email\n"
                + "Nguyễn Văn An," + "0".repeat(31) + ",\n"
                + "Ngô Thị Hương,," + "a".repeat(250) + "@dakmil.gov.vn\n"
                + "Phan Bá Tịnh," + "0".repeat(10) + "," + "a".repeat(64) + "@dakmil.gov.vn\n");
        assertEquals(List.of(ImportProblem.of(ImportProblem.PHONE_TOO_LONG, 30)), preview.rows().get(0).problems());
        assertEquals(List.of(ImportProblem.of(ImportProblem.EMAIL_TOO_LONG, 254)), preview.rows().get(1).problems());
        assertTrue(preview.rows().get(2).valid(), () -> problems(preview));
        assertEquals("Số điện thoại dài hơn 30 ký tự.", preview.rows().get(0).problems().get(0).text(Bundle.VIETNAMESE));
        assertEquals("The email address is longer than 254 characters.", preview.rows().get(1).problems().get(0).text(Bundle.ENGLISH));
    }

    /** A megabyte in a cell: the row's problem names the limit, and neither it nor the row shows the megabyte. */
    @Test
    void aMegabyteCellIsAProblemOfItsRowShownByItsStartOnly() throws IOException {
        String megabyte = "Ệ".repeat(1 << 20);
        ImportPreview preview = csv("Họ và tên,Đơn vị,Vai trò\n" + "Nguyễn " + megabyte + ",UBND xã Đắk Gằn,\n"
                + "Ngô Thị Hương,UBND xã Đắk Gằn," + megabyte + "\n");
        ImportRow name = preview.rows().get(0);
        assertEquals(List.of(ImportProblem.of(ImportProblem.NAME_TOO_LONG, 200)), name.problems());
        assertEquals("Họ và tên dài quá 200 ký tự.", name.problems().get(0).text(Bundle.VIETNAMESE));
        assertEquals(201, name.fullName().length(), "the name is shown cut, with an ellipsis");
        assertTrue(name.fullName().startsWith("Nguyễn ỆỆ") && name.fullName().endsWith("…"), name.fullName());
        ImportRow role = preview.rows().get(1);
        assertEquals(ImportProblem.ROLE_UNKNOWN, role.problems().get(0).key());
        String said = role.problems().get(0).text(Bundle.VIETNAMESE);
        assertTrue(said.length() < 200 && said.contains("ỆỆỆ…"), said);
        assertFalse(preview.valid());
    }

    @Test
    void aFileOverTheSizeLimitIsRefusedWithoutReadingItToItsEnd() throws IOException {
        long limit = 2L * 1024 * 1024;
        AtomicLong read = new AtomicLong();
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                read.incrementAndGet();
                return 'a';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                java.util.Arrays.fill(buffer, offset, offset + length, (byte) 'a');
                read.addAndGet(length);
                return length;
            }
        };
        ImportPreview preview = new RosterImport(10, limit).preview(endless, "50MB.csv", Set.of());
        assertEquals(List.of(ImportProblem.of(ImportProblem.FILE_TOO_LARGE, "2")), preview.fileProblems());
        assertEquals("Tệp lớn hơn 2 MB, mức tối đa của danh sách đại biểu: hãy chia thành nhiều tệp.",
                preview.fileProblems().get(0).text(Bundle.VIETNAMESE));
        assertTrue(read.get() <= limit + 1, "read " + read.get() + " bytes");
        assertTrue(new RosterImport(10, limit).preview(new ByteArrayInputStream(bytes("Họ và tên\nA\n")), "r.csv", Set.of()).valid());
        assertEquals(10L * 1024 * 1024, new RosterImport().maxBytes(), "QUORUM_ROSTER_MAX_MB's default");
    }

    @Test
    void anUnknownRoleIsNamed() throws IOException {
        ImportRow row = onlyRow(csv("Họ và tên,Vai trò\nNguyễn Văn An,Trưởng ban\n"));
        assertEquals(List.of(ImportProblem.of(ImportProblem.ROLE_UNKNOWN, "Trưởng ban")), row.problems());
        assertNull(row.role());
    }

    @Test
    void anUnknownVotingValueIsNamed() throws IOException {
        ImportRow row = onlyRow(csv("Họ và tên,Biểu quyết\nNguyễn Văn An,có lẽ\n"));
        assertEquals(List.of(ImportProblem.of(ImportProblem.VOTING_UNKNOWN, "có lẽ")), row.problems());
        ImportRow symbol = onlyRow(csv("Họ và tên,Biểu quyết\nNguyễn Văn An,✓\n"));
        assertEquals(List.of(ImportProblem.of(ImportProblem.VOTING_UNKNOWN, "✓")), symbol.problems(),
                "a value of symbols only is not taken for an empty cell");
    }

    @Test
    void aGuestGivenAVote() throws IOException {
        ImportRow row = onlyRow(csv("Họ và tên,Vai trò,Biểu quyết\nPhan Văn Thân,Khách mời,Có\n"));
        assertEquals(List.of(ImportProblem.of(ImportProblem.GUEST_VOTING)), row.problems());
        assertTrue(onlyRow(csv("Họ và tên,Vai trò,Biểu quyết\nPhan Văn Thân,Khách mời,Không\n")).valid());
    }

    @Test
    void aBadPhoneNumber() throws IOException {
        ImportPreview preview = csv("Họ và tên,Điện thoại\nNguyễn Văn An,09123 ABC\nNgô Thị Hương,12\n"
                + "Phan Bá Tịnh,+84 (261) 3.123-456\n");
        assertEquals(List.of(ImportProblem.of(ImportProblem.PHONE_INVALID, "09123 ABC")), preview.rows().get(0).problems());
        assertEquals(List.of(ImportProblem.of(ImportProblem.PHONE_INVALID, "12")), preview.rows().get(1).problems());
        assertTrue(preview.rows().get(2).valid());
    }

    @Test
    void aBadEmail() throws IOException {
        ImportRow row = onlyRow(csv("Họ và tên,Email\nNguyễn Văn An,an.nv@dakmil\n"));
        assertEquals(List.of(ImportProblem.of(ImportProblem.EMAIL_INVALID, "an.nv@dakmil")), row.problems());
    }

    @Test
    void aDuplicateWithinTheFileNamesTheLineItRepeats() throws IOException {
        ImportPreview preview = csv("Họ và tên,Đơn vị\n"
                + "Nguyễn Văn An,UBND xã Đắk Gằn\n"
                + "Nguyễn Văn Ân,UBND xã Đắk Gằn\n"
                + "Nguyễn Văn An,UBND xã Thuận An\n"
                + "NGUYỄN VĂN AN,  ubnd xã đắk gằn \n"
                + Normalizer.normalize("Nguyễn Văn An,UBND xã Đắk Gằn", Normalizer.Form.NFD) + "\n"
                + "Ngô Thị Hương,\n"
                + "Ngô Thị Hương,\n");
        assertEquals(List.of(), preview.rows().get(1).problems(), "another accent is another person");
        assertEquals(List.of(), preview.rows().get(2).problems(), "another unit is another person");
        assertEquals(List.of(ImportProblem.of(ImportProblem.DUPLICATE_IN_FILE, 2)), preview.rows().get(3).problems());
        assertEquals(List.of(ImportProblem.of(ImportProblem.DUPLICATE_IN_FILE, 2)), preview.rows().get(4).problems());
        assertEquals(List.of(ImportProblem.of(ImportProblem.DUPLICATE_IN_FILE, 7)), preview.rows().get(6).problems());
        assertEquals(3, preview.problemCount());
        assertEquals(List.of(5, 6, 8), preview.rowsWithProblems().stream().map(ImportRow::line).toList());
    }

    @Test
    void aDuplicateOfSomeoneOnTheRoster() throws IOException {
        // the keys as the database derives them, and as RosterImport makes them
        Set<String> onRoster = Set.of("Nguyễn Văn An|UBND xã Đắk Gằn", RosterImport.identityKey("Ngô Thị Hương", null));
        ImportPreview preview = new RosterImport().preview(new ByteArrayInputStream(bytes("Họ và tên,Đơn vị\n"
                + "nguyễn văn an,UBND XÃ ĐẮK GẰN\n"
                + "Nguyễn Văn Ân,UBND xã Đắk Gằn\n"
                + "Ngô Thị Hương,\n")), "roster.csv", onRoster);
        assertEquals(List.of(ImportProblem.of(ImportProblem.DUPLICATE_ON_ROSTER)), preview.rows().get(0).problems());
        assertTrue(preview.rows().get(1).valid());
        assertEquals(List.of(ImportProblem.of(ImportProblem.DUPLICATE_ON_ROSTER)), preview.rows().get(2).problems());
    }

    @Test
    void aRowMayHaveSeveralProblems() throws IOException {
        ImportRow row = onlyRow(csv("Họ và tên,Vai trò,Biểu quyết,Điện thoại,Email\n,Khách mời,có,abc,x@\n"));
        assertEquals(List.of(ImportProblem.NAME_MISSING, ImportProblem.GUEST_VOTING, ImportProblem.PHONE_INVALID,
                ImportProblem.EMAIL_INVALID), row.problems().stream().map(ImportProblem::key).toList());
    }

    // --- one test per problem of a file ----------------------------------------------------------------------

    @Test
    void aFileWithoutAFullNameColumn() throws IOException {
        ImportPreview preview = csv("Chức vụ,Đơn vị\nPhó Chủ tịch,UBND huyện\n");
        assertEquals(List.of(ImportProblem.of(ImportProblem.NAME_COLUMN_MISSING)), preview.fileProblems());
        assertEquals(List.of(), preview.rows());
        assertFalse(preview.valid());
        assertEquals(1, preview.problemCount());
    }

    @Test
    void aColumnNamedTwice() throws IOException {
        ImportPreview preview = csv("Họ và tên,Email,E-mail\nNguyễn Văn An,an@example.vn,\n");
        assertEquals(List.of(ImportProblem.of(ImportProblem.COLUMN_REPEATED, "E-mail")), preview.fileProblems());
    }

    @Test
    void anEmptyFile() throws IOException {
        for (String empty : List.of("", "\uFEFF", "\n\r\n  \n", ",,,\n;;\n", "Họ và tên,Đơn vị\r\n", "Họ và tên,Đơn vị\n,\n")) {
            ImportPreview preview = csv(empty);
            assertEquals(List.of(ImportProblem.of(ImportProblem.EMPTY)), preview.fileProblems(), empty);
            assertFalse(preview.valid());
        }
    }

    @Test
    void aFileThatIsNeitherCsvNorAWorkbook() throws IOException {
        byte[] latin1 = "Họ và tên\nNguyễn Văn An\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] utf16 = "\uFEFFHọ và tên\nNguyễn Văn An\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(zip)) {
            out.putNextEntry(new ZipEntry("word/document.xml"));
            out.write("<w:document/>".getBytes(StandardCharsets.UTF_8));
        }
        for (byte[] content : List.of(latin1, utf16, png, zip.toByteArray())) {
            assertEquals(List.of(ImportProblem.of(ImportProblem.UNREADABLE)), preview(content, "roster.csv").fileProblems());
        }
        assertEquals(List.of(ImportProblem.of(ImportProblem.UNREADABLE)),
                preview(bytes(HEADER + "Nguyễn Văn An,,,,,,\n"), "roster.xlsx").fileProblems(),
                "a file named .xlsx must be a workbook");
    }

    @Test
    void anOldExcelFileIsToldApart() throws IOException {
        ByteArrayOutputStream xls = new ByteArrayOutputStream();
        try (HSSFWorkbook workbook = new HSSFWorkbook()) {
            workbook.createSheet().createRow(0).createCell(0).setCellValue("Họ và tên");
            workbook.write(xls);
        }
        assertEquals(List.of(ImportProblem.of(ImportProblem.OLD_EXCEL)), preview(xls.toByteArray(), "roster.xls").fileProblems());
    }

    @Test
    void aBrokenCsvFileNamesTheLineWhereItBreaks() throws IOException {
        ImportPreview unclosed = csv("Họ và tên,Đơn vị\nNguyễn Văn An,UBND xã\n\"Ngô Thị Hương,UBND xã Thuận An\nPhan Bá Tịnh,\n");
        assertEquals(List.of(ImportProblem.of(ImportProblem.CSV_MALFORMED, 3)), unclosed.fileProblems());
        ImportPreview stray = csv("Họ và tên,Đơn vị\nNguyễn Văn An,UBND xã\nPhan Bá Tịnh,\"UBND\" xã\n");
        assertEquals(List.of(ImportProblem.of(ImportProblem.CSV_MALFORMED, 3)), stray.fileProblems());
    }

    @Test
    void moreRowsThanAllowed() throws IOException {
        String three = "Họ và tên\nA\nB\n\nC\n";
        assertTrue(new RosterImport(3).preview(new ByteArrayInputStream(bytes(three)), "r.csv", Set.of()).valid());
        ImportPreview four = new RosterImport(3).preview(new ByteArrayInputStream(bytes(three + "D\n")), "r.csv", Set.of());
        assertEquals(List.of(ImportProblem.of(ImportProblem.TOO_MANY_ROWS, 3)), four.fileProblems());
        assertEquals(List.of(), four.rows());
        assertEquals(RosterImport.DEFAULT_MAX_ROWS, new RosterImport().maxRows());
        assertEquals(10_000, RosterImport.DEFAULT_MAX_ROWS);
    }

    // --- helpers -----------------------------------------------------------------------------------------------

    static ImportPreview csv(String text) throws IOException {
        return preview(bytes(text), "roster.csv");
    }

    static ImportPreview preview(byte[] content, String fileName) throws IOException {
        return new RosterImport().preview(new ByteArrayInputStream(content), fileName, Set.of());
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static ImportRow onlyRow(ImportPreview preview) {
        assertEquals(List.of(), preview.fileProblems());
        assertEquals(1, preview.rowCount());
        return preview.rows().get(0);
    }

    static String problems(ImportPreview preview) {
        StringBuilder text = new StringBuilder(preview.fileProblems().toString());
        preview.rowsWithProblems().forEach(row -> text.append("\n").append(row.line()).append(": ").append(row.problems()));
        return text.toString();
    }
}
