package app.quorum.roster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.roster.entity.Role;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/**
 * A district's worth of people: 2,000 rows with realistic Vietnamese names. The preview must be built well under
 * the 5 s the whole import may take; the measured time is printed, and the budget is checked against the CPU time
 * of the thread that reads (the wall time is printed too: on a machine busy with other work it says little). The CSV figure includes loading the classes
 * (when it runs first in the JVM); the XLSX one does not, and the one-time cost of POI's classes is printed apart.
 */
class RosterImportLargeFileTest {

    static final int ROWS = 2_000;
    private static final long BUDGET_MS = 5_000;

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ",
            "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quang", "Xuân", "Bá"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Đạt", "Giang", "Hà", "Hải", "Hằng", "Hương",
            "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Thắng",
            "Trang", "Tuấn", "Việt", "Yến"};
    private static final String[] POSITIONS = {"Chủ tịch UBND xã", "Phó Chủ tịch UBND xã", "Bí thư Đảng ủy",
            "Trưởng phòng Nông nghiệp và PTNT", "Công chức Văn phòng - Thống kê", "Trưởng thôn", "Chủ tịch Hội Nông dân"};
    private static final String[] UNITS = {"UBND xã Đắk Gằn", "UBND xã Thuận An", "UBND thị trấn Đắk Mil",
            "UBND xã Đức Mạnh", "UBND xã Đắk Lao", "Phòng Tài chính - Kế hoạch", "Văn phòng HĐND và UBND huyện"};

    /** The CPU time of this thread, in nanoseconds. */
    static long cpuNanos() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    @Test
    void twoThousandRowsAreReadWellUnderFiveSeconds() throws IOException {
        byte[] csv = csv(ROWS, -1);
        long start = System.nanoTime();
        long cpuStart = cpuNanos();
        ImportPreview preview = new RosterImport().preview(new ByteArrayInputStream(csv), "dai-bieu.csv", Set.of());
        long ms = (cpuNanos() - cpuStart) / 1_000_000;
        System.out.printf("RosterImport: %,d CSV rows (%,d bytes) previewed in %d ms of CPU (%d ms wall)%n", ROWS, csv.length, ms,
                (System.nanoTime() - start) / 1_000_000);

        assertTrue(preview.valid(), () -> RosterImportTest.problems(preview));
        assertEquals(ROWS, preview.rowCount());
        assertEquals(ROWS + 1, preview.rows().get(ROWS - 1).line());
        assertEquals(ROWS, preview.rows().stream().map(ImportRow::identityKey).distinct().count());
        assertTrue(ms < BUDGET_MS, "took " + ms + " ms");
    }

    @Test
    void twoThousandRowsOfAWorkbookToo() throws IOException {
        // the first workbook a JVM reads loads POI's and XMLBeans' classes: a one-time cost, measured apart
        long coldStart = System.nanoTime();
        assertTrue(new RosterImport().preview(new ByteArrayInputStream(xlsx(1)), "one.xlsx", Set.of()).valid());
        long coldMs = (System.nanoTime() - coldStart) / 1_000_000;
        byte[] xlsx = xlsx(ROWS);
        long start = System.nanoTime();
        long cpuStart = cpuNanos();
        ImportPreview preview = new RosterImport().preview(new ByteArrayInputStream(xlsx), "dai-bieu.xlsx", Set.of());
        long ms = (cpuNanos() - cpuStart) / 1_000_000;
        System.out.printf("RosterImport: %,d XLSX rows (%,d bytes) previewed in %d ms of CPU (%d ms wall; first workbook in the JVM: %d ms)%n",
                ROWS, xlsx.length, ms, (System.nanoTime() - start) / 1_000_000, coldMs);

        assertTrue(preview.valid(), () -> RosterImportTest.problems(preview));
        assertEquals(ROWS, preview.rowCount());
        assertTrue(ms < BUDGET_MS, "took " + ms + " ms");
    }

    @Test
    void oneBadRowAmongTwoThousandIsNamedByItsLine() throws IOException {
        int bad = 1_234;
        ImportPreview preview = new RosterImport().preview(new ByteArrayInputStream(csv(ROWS, bad)), "dai-bieu.csv", Set.of());
        assertFalse(preview.valid());
        assertEquals(1, preview.problemCount());
        List<ImportRow> wrong = preview.rowsWithProblems();
        assertEquals(1, wrong.size());
        assertEquals(bad + 2, wrong.get(0).line(), "row index 1,234 is line 1,236: the header is line 1");
        assertEquals(List.of(ImportProblem.of(ImportProblem.EMAIL_INVALID, "khong-co-a-cong.dakmil.gov.vn")),
                wrong.get(0).problems());
        assertEquals(name(bad), wrong.get(0).fullName());
    }

    @Test
    void theGeneratedNamesAreDistinctPeople() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < ROWS; i++) {
            assertTrue(names.add(name(i)), name(i));
        }
    }

    /** A roster of n rows as a CSV file with a byte order mark and CRLF; row {@code bad} (from 0) has a bad email. */
    static byte[] csv(int n, int bad) {
        StringBuilder text = new StringBuilder("\uFEFFSTT,Họ và tên,Chức vụ,Đơn vị,Vai trò,Biểu quyết,Điện thoại,Email\r\n");
        for (int i = 0; i < n; i++) {
            Role role = role(i);
            text.append(i + 1).append(',').append(name(i)).append(',').append(POSITIONS[i % POSITIONS.length]).append(',')
                    .append(UNITS[i % UNITS.length]).append(',').append(RosterImportLargeFileTest.roleName(role)).append(',')
                    .append(role == Role.GUEST ? "Không" : "Có").append(',')
                    .append(String.format("09%08d", i)).append(',')
                    .append(i == bad ? "khong-co-a-cong.dakmil.gov.vn" : "dai.bieu" + i + "@dakmil.gov.vn").append("\r\n");
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(int n) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet();
            RosterImportXlsxTest.row(sheet, 0, "STT", "Họ và tên", "Chức vụ", "Đơn vị", "Vai trò", "Biểu quyết", "Điện thoại");
            for (int i = 0; i < n; i++) {
                Role role = role(i);
                Row row = RosterImportXlsxTest.row(sheet, i + 1, null, name(i), POSITIONS[i % POSITIONS.length],
                        UNITS[i % UNITS.length], roleName(role), role == Role.GUEST ? "Không" : "x");
                row.createCell(0).setCellValue(i + 1);
                row.createCell(6).setCellValue(900_000_000 + i);
            }
            book.write(out);
            return out.toByteArray();
        }
    }

    /** Distinct for every i below 16 × 10 × 28 = 4,480. */
    static String name(int i) {
        return FAMILY[i % FAMILY.length] + " " + MIDDLE[(i / FAMILY.length) % MIDDLE.length] + " "
                + GIVEN[(i / (FAMILY.length * MIDDLE.length)) % GIVEN.length];
    }

    private static Role role(int i) {
        return i == 0 ? Role.CHAIR : i == 1 ? Role.SECRETARY : i % 50 == 0 ? Role.GUEST : Role.DELEGATE;
    }

    private static String roleName(Role role) {
        return switch (role) {
            case CHAIR -> "Chủ trì";
            case SECRETARY -> "Thư ký";
            case DELEGATE -> "Đại biểu";
            case GUEST -> "Khách mời";
        };
    }
}
