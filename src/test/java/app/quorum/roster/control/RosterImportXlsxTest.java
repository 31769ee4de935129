package app.quorum.roster.control;

import static app.quorum.roster.control.RosterImportTest.problems;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.roster.entity.Role;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDateTime;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.FormulaEvaluator;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** Reading XLSX workbooks, built here with POI as a secretary's spreadsheet would have them. */
class RosterImportXlsxTest {

    @Test
    void readsTheFirstSheetWithItsCellTypes() throws IOException {
        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet roster = book.createSheet("Danh sách");
            book.createSheet("Ghi chú").createRow(0).createCell(0).setCellValue("Họ và tên");
            row(roster, 0, "STT", "Họ và tên", "Chức vụ", "Đơn vị", "Vai trò", "Biểu quyết", "Điện thoại", "Email");
            Row chair = row(roster, 1, null, "Nguyễn Văn An", "Phó Chủ tịch UBND huyện", "UBND huyện Đắk Mil", null, null, null, "an.nv@dakmil.gov.vn");
            chair.createCell(0).setCellValue(1);
            chair.createCell(4).setCellFormula("IF(1>0,\"Chủ trì\",\"Khách mời\")");
            chair.createCell(5).setCellValue(true);
            chair.createCell(6).setCellValue(912345678);
            Row delegate = row(roster, 2, null, "Phan Bá Tịnh", "Chủ tịch UBND xã", "UBND xã Đắk Gằn", "Đại biểu", null, null, null);
            delegate.createCell(0).setCellValue(2.0);
            delegate.createCell(5).setCellFormula("1=1");
            delegate.createCell(6).setCellFormula("84912345678+0");
            // line 4 left out, line 5 all blank cells: both skipped
            row(roster, 4, "", "  ", "", "", "", "", "", "");
            Row secretary = row(roster, 5, null, "Ngô Thị Hương", null, "Văn phòng HĐND và UBND huyện", "Thư ký", "Không", null, null);
            secretary.createCell(0).setCellValue(3);
            secretary.createCell(6).setCellValue(2613123456.0);
            Row date = secretary.createCell(2).getRow();
            CellStyle dateStyle = book.createCellStyle();
            dateStyle.setDataFormat(book.createDataFormat().getFormat("dd/mm/yyyy"));
            Cell position = date.getCell(2);
            position.setCellValue(LocalDateTime.of(2024, 1, 19, 0, 0));
            position.setCellStyle(dateStyle);
            FormulaEvaluator evaluator = book.getCreationHelper().createFormulaEvaluator();
            evaluator.evaluateAll();
            workbook = write(book);
        }
        ImportPreview preview = RosterImportTest.preview(workbook, "danh-sach.xlsx");
        assertTrue(preview.valid(), () -> problems(preview));
        assertEquals(List.of(2, 3, 6), preview.rows().stream().map(ImportRow::line).toList());
        assertEquals(new ImportRow(2, "Nguyễn Văn An", "Phó Chủ tịch UBND huyện", "UBND huyện Đắk Mil", Role.CHAIR, true,
                "0912345678", "an.nv@dakmil.gov.vn", List.of()), preview.rows().get(0));
        ImportRow delegate = preview.rows().get(1);
        assertTrue(delegate.voting(), "a formula is read by its cached value");
        assertEquals("84912345678", delegate.phone(), "no .0, no exponent");
        ImportRow secretary = preview.rows().get(2);
        assertEquals(Role.SECRETARY, secretary.role());
        assertEquals("02613123456", secretary.phone());
        assertEquals("19/01/2024", secretary.position(), "a date as the sheet shows it");
    }

    @Test
    void numbersAreWrittenAsTheSheetShowsThem() {
        assertEquals("912345678", RosterImport.number(912345678.0));
        assertEquals("84912345678", RosterImport.number(8.4912345678E10));
        assertEquals("1", RosterImport.number(1.0));
        assertEquals("1.5", RosterImport.number(1.5));
        assertEquals("0.00000015", RosterImport.number(1.5E-7));
        assertEquals("-3", RosterImport.number(-3.0));
    }

    @Test
    void anErrorCellIsEmpty() throws IOException {
        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet();
            row(sheet, 0, "Full name", "Unit");
            row(sheet, 1, null, "UBND xã").createCell(0).setCellErrorValue(FormulaError.NA.getCode());
            workbook = write(book);
        }
        ImportRow row = RosterImportTest.onlyRow(RosterImportTest.preview(workbook, "roster.xlsx"));
        assertEquals(List.of(ImportProblem.of(ImportProblem.NAME_MISSING)), row.problems());
    }

    @Test
    void aWorkbookHasTheSameProblemsAsACsvFile() throws IOException {
        byte[] workbook;
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet();
            row(sheet, 0, "DANH SÁCH ĐẠI BIỂU");
            row(sheet, 2, "Họ và tên", "Đơn vị", "Vai trò", "Biểu quyết");
            row(sheet, 3, "Nguyễn Văn An", "UBND xã Đắk Gằn", "Đại biểu", "x");
            row(sheet, 4, "Phan Văn Thân", "Báo Đắk Nông", "Khách mời", "x");
            row(sheet, 5, "nguyễn văn an", "UBND xã Đắk Gằn", "", "");
            workbook = write(book);
        }
        ImportPreview preview = RosterImportTest.preview(workbook, "roster.xlsx");
        assertEquals(List.of(5, 6), preview.rowsWithProblems().stream().map(ImportRow::line).toList());
        assertEquals(List.of(ImportProblem.of(ImportProblem.GUEST_VOTING)), preview.rows().get(1).problems());
        assertEquals(List.of(ImportProblem.of(ImportProblem.DUPLICATE_IN_FILE, 4)), preview.rows().get(2).problems());
    }

    @Test
    void emptyAndHeaderlessWorkbooks() throws IOException {
        byte[] empty;
        byte[] headerless;
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            book.createSheet();
            empty = write(book);
        }
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            row(book.createSheet(), 0, "Chức vụ", "Đơn vị");
            headerless = write(book);
        }
        assertEquals(List.of(ImportProblem.of(ImportProblem.EMPTY)), RosterImportTest.preview(empty, "r.xlsx").fileProblems());
        assertEquals(List.of(ImportProblem.of(ImportProblem.NAME_COLUMN_MISSING)),
                RosterImportTest.preview(headerless, "r.xlsx").fileProblems());
        byte[] truncated = java.util.Arrays.copyOf(headerless, headerless.length / 2);
        assertEquals(List.of(ImportProblem.of(ImportProblem.UNREADABLE)), RosterImportTest.preview(truncated, "r.xlsx").fileProblems());
    }

    static Row row(Sheet sheet, int index, String... values) {
        Row row = sheet.createRow(index);
        for (int c = 0; c < values.length; c++) {
            if (values[c] != null) {
                row.createCell(c).setCellValue(values[c]);
            }
        }
        return row;
    }

    static byte[] write(XSSFWorkbook book) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        book.write(out);
        return out.toByteArray();
    }
}
