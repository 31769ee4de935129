package app.quorum.roster.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.i18n.Bundle;
import app.quorum.roster.entity.Participant;
import app.quorum.roster.entity.Role;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Exporting the roster with attendance, and importing the export again. */
class RosterExportTest {

    private static final Meeting MEETING = new Meeting("Hội nghị tổng kết Chương trình MTQG xây dựng nông thôn mới năm 2023",
            "UBND huyện Đắk Mil", LocalDateTime.of(2024, 1, 19, 8, 0));
    /** 08:35 in Đắk Mil. */
    private static final Instant CHECK_IN = Instant.parse("2024-01-19T01:35:00Z");

    private final RosterExport export = new RosterExport();

    static List<Locale> languages() {
        return Bundle.SUPPORTED;
    }

    @Test
    void csvIsUtf8WithAByteOrderMarkCommasAndCrlf() throws IOException {
        byte[] csv = csv(roster(), Bundle.VIETNAMESE);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3));
        String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
        String[] lines = text.split("\r\n", -1);
        assertEquals(roster().size() + 2, lines.length, "a CRLF after every record");
        assertEquals("", lines[lines.length - 1]);
        assertFalse(text.replace("\r\n", "").contains("\n"), "no bare LF");
        assertEquals("STT,Họ và tên,Chức vụ,Đơn vị,Vai trò,Biểu quyết,Điện thoại,Email,Điểm danh,Giờ điểm danh", lines[0]);
        assertEquals("1,Nguyễn Văn An,Phó Chủ tịch UBND huyện,UBND huyện Đắk Mil,Chủ trì,Có,0912 345 678,an.nv@dakmil.gov.vn,Có mặt,19/01/2024 08:35",
                lines[1]);
        assertEquals("2,Ngô Thị Hương,\"Chánh Văn phòng, Thư ký hội nghị\",Văn phòng HĐND và UBND huyện,Thư ký,Không,,,Vắng mặt,",
                lines[2]);
    }

    @Test
    void csvInEnglish() throws IOException {
        byte[] csv = csv(roster(), Bundle.ENGLISH);
        String[] lines = new String(csv, StandardCharsets.UTF_8).substring(1).split("\r\n");
        assertEquals("No.,Full name,Position,Unit,Role,Voting,Phone,Email,Attendance,Checked in at", lines[0]);
        assertTrue(lines[1].endsWith(",Chair,Yes,0912 345 678,an.nv@dakmil.gov.vn,Present,19/01/2024 08:35"), lines[1]);
        assertTrue(lines[4].contains(",Guest,No,"), lines[4]);
    }

    @Test
    void cellsASpreadsheetWouldExecuteAreNeutralised() throws IOException {
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"An\")", Cells.neutralised("=HYPERLINK(\"http://evil.example\",\"An\")"));
        assertEquals("'+84 912 345 678", Cells.neutralised("+84 912 345 678"));
        assertEquals("'-2+3", Cells.neutralised("-2+3"));
        assertEquals("'@SUM(A1)", Cells.neutralised("@SUM(A1)"));
        assertEquals("'\tcmd", Cells.neutralised("\tcmd"));
        assertEquals("'\rcmd", Cells.neutralised("\rcmd"));
        assertEquals("Nguyễn Văn An", Cells.neutralised("Nguyễn Văn An"));
        assertEquals("a=b", Cells.neutralised("a=b"));
        assertEquals("", Cells.neutralised(""));
        assertEquals("", Cells.neutralised(null));

        String csv = new String(csv(hostile(), Bundle.VIETNAMESE), StandardCharsets.UTF_8);
        assertTrue(csv.contains(",'=cmd|' /C calc'!A0,"), csv);
        assertTrue(csv.contains(",'@Ủy ban,"), csv);
        assertTrue(csv.contains(",'-Phó Chủ tịch,"), csv);
        assertTrue(csv.contains(",'+84 912 345 678,"), csv);
        for (String line : csv.split("\r\n")) {
            for (String cell : line.split(",")) {
                assertFalse(!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0, cell);
            }
        }
    }

    @Test
    void xlsxNeverHoldsAFormulaAndNeutralisesLikeCsv() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx(hostile(), Bundle.VIETNAMESE)))) {
            Sheet sheet = book.getSheetAt(0);
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertNotEquals(CellType.FORMULA, cell.getCellType());
                }
            }
            Row row = sheet.getRow(1);
            assertEquals(CellType.STRING, row.getCell(1).getCellType());
            assertEquals("'=cmd|' /C calc'!A0", row.getCell(1).getStringCellValue());
            assertEquals("'-Phó Chủ tịch", row.getCell(2).getStringCellValue());
            assertEquals("'@Ủy ban", row.getCell(3).getStringCellValue());
            assertEquals("'+84 912 345 678", row.getCell(6).getStringCellValue());
        }
    }

    @Test
    void xlsxHasABoldFrozenHeaderSizedColumnsNumbersAndDates() throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx(roster(), Bundle.VIETNAMESE)))) {
            assertEquals(1, book.getNumberOfSheets());
            Sheet sheet = book.getSheetAt(0);
            assertEquals("Danh sách đại biểu", sheet.getSheetName());
            Row header = sheet.getRow(0);
            assertEquals(List.of("STT", "Họ và tên", "Chức vụ", "Đơn vị", "Vai trò", "Biểu quyết", "Điện thoại", "Email",
                    "Điểm danh", "Giờ điểm danh"), texts(header));
            for (Cell cell : header) {
                assertTrue(book.getFontAt(cell.getCellStyle().getFontIndex()).getBold(), cell.getStringCellValue());
            }
            PaneInformation pane = sheet.getPaneInformation();
            assertTrue(pane != null && pane.isFreezePane());
            assertEquals(1, pane.getHorizontalSplitPosition());
            assertEquals(0, pane.getVerticalSplitPosition());
            assertTrue(sheet.getColumnWidth(2) > sheet.getColumnWidth(0), "the position column is wider than STT");
            assertTrue(sheet.getColumnWidth(2) >= "Phó Chủ tịch UBND huyện".length() * 256);
            assertEquals(roster().size(), sheet.getLastRowNum());

            Row chair = sheet.getRow(1);
            assertEquals(CellType.NUMERIC, chair.getCell(0).getCellType());
            assertEquals(1.0, chair.getCell(0).getNumericCellValue());
            assertEquals(List.of("Nguyễn Văn An", "Phó Chủ tịch UBND huyện", "UBND huyện Đắk Mil", "Chủ trì", "Có",
                    "0912 345 678", "an.nv@dakmil.gov.vn", "Có mặt"), texts(chair).subList(1, 9));
            assertEquals(LocalDateTime.of(2024, 1, 19, 8, 35), chair.getCell(9).getLocalDateTimeCellValue());
            assertEquals("dd/mm/yyyy hh:mm", chair.getCell(9).getCellStyle().getDataFormatString());
            Row absent = sheet.getRow(2);
            assertEquals("Vắng mặt", absent.getCell(8).getStringCellValue());
            assertEquals("", absent.getCell(9).getStringCellValue());
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    void csvRoundTripGivesTheSamePeople(Locale language) throws IOException {
        assertRoundTrip(csv(roster(), language), "roster.csv");
    }

    @ParameterizedTest
    @MethodSource("languages")
    void xlsxRoundTripGivesTheSamePeople(Locale language) throws IOException {
        assertRoundTrip(xlsx(roster(), language), "roster.xlsx");
    }

    @Test
    void hostileTextsSurviveTheRoundTripUnchanged() throws IOException {
        for (byte[] file : List.of(csv(hostile(), Bundle.VIETNAMESE), xlsx(hostile(), Bundle.ENGLISH))) {
            ImportPreview preview = new RosterImport().preview(new ByteArrayInputStream(file), "x", Set.of());
            ImportRow row = RosterImportTest.onlyRow(preview);
            assertEquals("=cmd|' /C calc'!A0", row.fullName());
            assertEquals("-Phó Chủ tịch", row.position());
            assertEquals("@Ủy ban", row.unit());
            assertEquals("+84 912 345 678", row.phone());
        }
    }

    private static void assertRoundTrip(byte[] file, String name) throws IOException {
        List<Participant> roster = roster();
        ImportPreview preview = new RosterImport().preview(new ByteArrayInputStream(file), name, Set.of());
        assertTrue(preview.valid(), () -> RosterImportTest.problems(preview));
        assertEquals(people(roster), preview.rows().stream().map(RosterExportTest::person).toList());
        assertEquals(List.of(2, 3, 4, 5), preview.rows().stream().map(ImportRow::line).toList());

        // into the same meeting again: everyone is already there, and that is the only problem
        Set<String> onRoster = roster.stream()
                .map(p -> p.getFullName() + "|" + (p.getUnit() == null ? "" : p.getUnit()))
                .collect(Collectors.toSet());
        ImportPreview again = new RosterImport().preview(new ByteArrayInputStream(file), name, onRoster);
        for (ImportRow row : again.rows()) {
            assertEquals(List.of(ImportProblem.of(ImportProblem.DUPLICATE_ON_ROSTER)), row.problems());
        }
        assertEquals(roster.size(), again.problemCount());
    }

    /** Who a participant is, as far as an import can tell. */
    private record Person(String fullName, String position, String unit, Role role, boolean voting, String phone, String email) {
    }

    private static List<Person> people(List<Participant> roster) {
        return roster.stream().map(p -> new Person(p.getFullName(), p.getPosition(), p.getUnit(), p.getRole(), p.isVoting(),
                p.getPhone(), p.getEmail())).toList();
    }

    private static Person person(ImportRow row) {
        return new Person(row.fullName(), row.position(), row.unit(), row.role(), row.voting(), row.phone(), row.email());
    }

    static List<Participant> roster() {
        Participant chair = participant("Nguyễn Văn An", "Phó Chủ tịch UBND huyện", "UBND huyện Đắk Mil", Role.CHAIR, true);
        chair.setPhone("0912 345 678");
        chair.setEmail("an.nv@dakmil.gov.vn");
        chair.checkIn(CHECK_IN);
        Participant secretary = participant("Ngô Thị Hương", "Chánh Văn phòng, Thư ký hội nghị", "Văn phòng HĐND và UBND huyện",
                Role.SECRETARY, false);
        Participant delegate = participant("Phan Bá Tịnh", "Chủ tịch UBND xã \"Đắk Gằn\"", "UBND xã Đắk Gằn", Role.DELEGATE, true);
        delegate.setPhone("+84 261 3123 456");
        delegate.checkIn(CHECK_IN.plusSeconds(600));
        Participant guest = participant("Phan Văn Thân", null, null, Role.GUEST, false);
        guest.setEmail("than.pv@baodaknong.vn");
        return List.of(chair, secretary, delegate, guest);
    }

    static List<Participant> hostile() {
        Participant participant = participant("=cmd|' /C calc'!A0", "-Phó Chủ tịch", "@Ủy ban", Role.DELEGATE, true);
        participant.setPhone("+84 912 345 678");
        return List.of(participant);
    }

    static Participant participant(String name, String position, String unit, Role role, boolean voting) {
        Participant participant = new Participant(MEETING, name, role, voting);
        participant.setPosition(position);
        participant.setUnit(unit);
        return participant;
    }

    private byte[] csv(List<Participant> roster, Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.csv(roster, locale, out);
        return out.toByteArray();
    }

    private byte[] xlsx(List<Participant> roster, Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.xlsx(roster, locale, out);
        return out.toByteArray();
    }

    private static List<String> texts(Row row) {
        return java.util.stream.StreamSupport.stream(row.spliterator(), false)
                .map(cell -> cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : "")
                .toList();
    }
}
