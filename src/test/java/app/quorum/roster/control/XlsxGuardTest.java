package app.quorum.roster.control;

import static app.quorum.roster.control.RosterImportTest.problems;
import static app.quorum.roster.control.RosterImportXlsxTest.row;
import static app.quorum.roster.control.RosterImportXlsxTest.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.platform.i18n.Bundle;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * Workbooks that would make POI read far more than a roster: a zip bomb, a sheet of too many rows or cells. Each is
 * refused by name before POI opens it, quickly; a roster of the largest size still passes.
 */
class XlsxGuardTest {

    @Test
    void aZipBombIsRefusedByNameBeforePoiOpensIt() throws IOException {
        // a 100 MB sheet of blanks, a hundred kilobytes once packed: the part's inflate ratio gives it away early
        byte[] bomb = replacingSheet(workbook(3), out -> {
            byte[] blanks = new byte[1 << 20];
            java.util.Arrays.fill(blanks, (byte) ' ');
            out.write("<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 100; i++) {
                out.write(blanks);
            }
            out.write("</sheetData></worksheet>".getBytes(StandardCharsets.US_ASCII));
        });
        assertTrue(bomb.length < 2 * 1024 * 1024, "packed to " + bomb.length + " bytes");
        long start = System.nanoTime();
        ImportPreview preview = RosterImportTest.preview(bomb, "bom.xlsx");
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertEquals(List.of(ImportProblem.of(ImportProblem.XLSX_UNSAFE, XlsxGuard.UNPACKED_MAX_MB)), preview.fileProblems());
        assertEquals("Tệp Excel này giải nén ra hơn 64 MB hoặc được nén bất thường (có thể là “bom nén”), nên không được đọc: "
                + "hãy mở tệp, lưu thành tệp mới rồi tải lên lại.", preview.fileProblems().get(0).text(Bundle.VIETNAMESE));
        assertTrue(ms < 10_000, "took " + ms + " ms");
    }

    @Test
    void partsThatUnpackToMoreThanTheAllowanceAreRefusedEvenUnpacked() throws IOException {
        // 65 MB stored as they are (no part inflates at all), in a part no reading needs: all of it is too much
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook(3)));
                ZipOutputStream out = new ZipOutputStream(copy)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.transferTo(out);
                out.closeEntry();
            }
            out.setLevel(java.util.zip.Deflater.NO_COMPRESSION);
            out.putNextEntry(new ZipEntry("xl/media/image1.bin"));
            byte[] megabyte = new byte[1 << 20];
            for (int i = 0; i < XlsxGuard.UNPACKED_MAX_MB + 1; i++) {
                out.write(megabyte);
            }
            out.closeEntry();
        }
        RosterImport importer = new RosterImport(RosterImport.DEFAULT_MAX_ROWS, 100L * 1024 * 1024);
        assertEquals(List.of(ImportProblem.of(ImportProblem.XLSX_UNSAFE, XlsxGuard.UNPACKED_MAX_MB)),
                importer.preview(new ByteArrayInputStream(copy.toByteArray()), "lon.xlsx", Set.of()).fileProblems());
    }

    @Test
    void aSheetWithMoreRowsThanARosterCanHoldIsRefusedBeforeItIsRead() throws IOException {
        RosterImport importer = new RosterImport(100);
        byte[] rows;
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet();
            row(sheet, 0, "Họ và tên");
            // empty rows, which a reading would skip, still cost memory: they count
            for (int i = 1; i <= XlsxGuard.rowsMax(100); i++) {
                sheet.createRow(i);
            }
            rows = write(book);
        }
        ImportPreview preview = importer.preview(new ByteArrayInputStream(rows), "dong.xlsx", Set.of());
        assertEquals(List.of(ImportProblem.of(ImportProblem.TOO_MANY_ROWS, 100)), preview.fileProblems());
    }

    @Test
    void aSheetWithMoreCellsThanARosterCanHoldIsRefusedBeforeItIsRead() throws IOException {
        RosterImport importer = new RosterImport(100);
        int columns = XlsxGuard.cellsMax(100) / 100 + 1;
        byte[] cells;
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet();
            row(sheet, 0, "Họ và tên");
            for (int r = 1; r <= 100; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < columns; c++) {
                    row.createCell(c).setCellValue(r * c);
                }
            }
            cells = write(book);
        }
        ImportPreview preview = importer.preview(new ByteArrayInputStream(cells), "o.xlsx", Set.of());
        assertEquals(List.of(ImportProblem.of(ImportProblem.SHEET_TOO_LARGE, XlsxGuard.cellsMax(100))), preview.fileProblems());
        assertEquals("The workbook holds more than 4,200 cells, too many for a roster: keep only the columns and rows of the roster.",
                preview.fileProblems().get(0).text(Bundle.ENGLISH));
    }

    @Test
    void aRosterOfTheLargestSizePasses() throws IOException {
        RosterImport importer = new RosterImport(100);
        ImportPreview preview = importer.preview(new ByteArrayInputStream(workbook(100)), "du.xlsx", Set.of());
        assertTrue(preview.valid(), () -> problems(preview));
        assertEquals(100, preview.rowCount());
    }

    /** A workbook of that many people, with the roster's seven columns. */
    static byte[] workbook(int people) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("Danh sách");
            row(sheet, 0, "Họ và tên", "Chức vụ", "Đơn vị", "Vai trò", "Biểu quyết", "Điện thoại", "Email");
            for (int i = 1; i <= people; i++) {
                row(sheet, i, "Nguyễn Văn " + i, "Chuyên viên", "UBND xã Đắk Gằn", "Đại biểu", "Có", "09123456" + (10 + i % 90),
                        "nguoi" + i + "@dakmil.gov.vn");
            }
            return write(book);
        }
    }

    /** The workbook with its first sheet's XML replaced by what {@code sheet} writes. */
    static byte[] replacingSheet(byte[] workbook, Writer sheet) throws IOException {
        ByteArrayOutputStream copy = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(workbook));
                ZipOutputStream out = new ZipOutputStream(copy)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet.write(out);
                } else {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return copy.toByteArray();
    }

    @FunctionalInterface
    interface Writer {
        void write(OutputStream out) throws IOException;
    }
}
