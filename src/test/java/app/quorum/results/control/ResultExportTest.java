package app.quorum.results.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.ballot.entity.BallotKind;
import app.quorum.ballot.entity.BoxFingerprint;
import app.quorum.ballot.entity.MajorityBase;
import app.quorum.ballot.entity.MajorityRule;
import app.quorum.ballot.entity.Outcome;
import app.quorum.ballot.entity.Secrecy;
import app.quorum.platform.i18n.Bundle;
import app.quorum.results.entity.PublishedResult;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** A ballot's result and its receipts, as CSV and XLSX: the numbers of the one published record, nothing executable. */
class ResultExportTest {

    static final ZoneId DAK_MIL = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ResultExport export = new ResultExport();

    /** The Đắk Gằn ballot: 9 of 9 in favour, with a label a spreadsheet would execute. */
    static PublishedResult dakGan(String yesLabel) {
        List<PublishedResult.Paper> papers = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            papers.add(new PublishedResult.Paper("000" + i + "-AAAA-BBBB-CCCC", "YES", List.of(yesLabel)));
        }
        String fingerprint = BoxFingerprint.of(papers.stream().map(p -> new BoxFingerprint.Paper(p.receipt(), p.choice())).toList());
        return new PublishedResult(12, 1, 6, "Bỏ phiếu đề nghị xét công nhận xã Đắk Gằn", "=Đề nghị công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023",
                BallotKind.APPROVAL, Secrecy.SECRET, MajorityRule.ABSOLUTE, MajorityBase.PRESENT, true, null, 1,
                List.of(new PublishedResult.Line("YES", yesLabel, 9, new BigDecimal("100.0"), new BigDecimal("100.0"), false),
                        new PublishedResult.Line("NO", "Không đồng ý", 0, new BigDecimal("0.0"), new BigDecimal("0.0"), false),
                        new PublishedResult.Line("ABSTAIN", "Không biểu quyết", 0, new BigDecimal("0.0"), new BigDecimal("0.0"), false)),
                0, 9, 9, 5, Outcome.PASSED, List.of(), List.of(), 9, 9, 9, fingerprint,
                Instant.parse("2024-01-19T04:05:00Z"), Instant.parse("2024-01-19T04:15:00Z"), Instant.parse("2024-01-19T04:30:00Z"),
                papers, List.of(), List.of(new PublishedResult.Correction("Đính chính: giờ kết thúc là 11 giờ 15.",
                        Instant.parse("2024-01-19T05:00:00Z"), "thuky")));
    }

    @Test
    void theResultAsCsvHasABomTheCountsTheSummaryAndNoExecutableCell() throws IOException {
        byte[] csv = write(dakGan("=Đồng ý"), ResultExport.Table.RESULT, ResultExport.Format.CSV, Bundle.VIETNAMESE);
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv, 3));
        List<String> lines = rows(csv);
        assertEquals("Lựa chọn,Mã lựa chọn,Số phiếu,Tỷ lệ trên số phiếu bầu (%),Tỷ lệ trên cơ sở tính (%)", lines.get(0));
        assertEquals("'=Đồng ý,YES,9,100.0,100.0", lines.get(1));
        assertEquals("Không đồng ý,NO,0,0.0,0.0", lines.get(2));
        assertEquals("", lines.get(4), "an empty row before the summary");
        assertTrue(lines.contains("Nội dung biểu quyết,'=Đề nghị công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023"), lines::toString);
        assertTrue(lines.contains("Kết quả,Thông qua"), lines::toString);
        assertTrue(lines.contains("Số phiếu tối thiểu cần đạt,5"), lines::toString);
        assertTrue(lines.contains("Tổng số phiếu bầu,9"), lines::toString);
        assertTrue(lines.contains("Kết thúc lúc,19/01/2024 11:15"), "in the meeting's local time: " + lines);
        assertTrue(lines.contains("Dấu vân tay hòm phiếu (SHA-256)," + dakGan("x").fingerprint()), lines::toString);
        assertTrue(lines.contains("Đính chính,19/01/2024 12:00,Đính chính: giờ kết thúc là 11 giờ 15."), lines::toString);
        assertTrue(lines.stream().noneMatch(line -> line.contains("thuky")), "no account name in an export");
        assertTrue(lines.stream().noneMatch(line -> line.startsWith("=") || line.contains(",=")), "nothing executable: " + lines);
    }

    @Test
    void theReceiptsAsCsvInEnglish() throws IOException {
        byte[] csv = write(dakGan("Đồng ý"), ResultExport.Table.RECEIPTS, ResultExport.Format.CSV, Bundle.ENGLISH);
        List<String> lines = rows(csv);
        assertEquals("Receipt,Choice code,Choice", lines.get(0));
        assertEquals(10, lines.size());
        assertEquals("0001-AAAA-BBBB-CCCC,YES,Đồng ý", lines.get(1));
    }

    @Test
    void theResultAsXlsxOpensWithNumbersAsNumbersAndNoFormula() throws IOException {
        byte[] xlsx = write(dakGan("=Đồng ý"), ResultExport.Table.RESULT, ResultExport.Format.XLSX, Bundle.ENGLISH);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals("Result", sheet.getSheetName());
            assertEquals("Choice", sheet.getRow(0).getCell(0).getStringCellValue());
            Row yes = sheet.getRow(1);
            assertEquals("'=Đồng ý", yes.getCell(0).getStringCellValue());
            assertEquals(CellType.NUMERIC, yes.getCell(2).getCellType());
            assertEquals(9, yes.getCell(2).getNumericCellValue());
            assertEquals(100.0, yes.getCell(3).getNumericCellValue());
            for (Row row : sheet) {
                for (Cell cell : row) {
                    assertTrue(cell.getCellType() != CellType.FORMULA, () -> "a formula at " + cell.getAddress());
                }
            }
            assertEquals("Passed", valueOf(sheet, "Outcome"));
            assertEquals(9.0, sheet.getRow(rowOf(sheet, "Votes cast")).getCell(1).getNumericCellValue());
        }
    }

    @Test
    void theReceiptsAsXlsx() throws IOException {
        byte[] xlsx = write(dakGan("Đồng ý"), ResultExport.Table.RECEIPTS, ResultExport.Format.XLSX, Bundle.VIETNAMESE);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals("Biên nhận", sheet.getSheetName());
            assertEquals(9, sheet.getLastRowNum());
            assertEquals("0009-AAAA-BBBB-CCCC", sheet.getRow(9).getCell(0).getStringCellValue());
            assertEquals("YES", sheet.getRow(9).getCell(1).getStringCellValue());
        }
    }

    /** Two seats among three candidates, relative majority of the papers cast, one blank paper counted in the base. */
    static PublishedResult election() {
        List<PublishedResult.Paper> papers = List.of(
                new PublishedResult.Paper("1AAA-AAAA-AAAA-AAAA", "4,5", List.of("Nguyễn Văn An", "Trần Thị Bình")),
                new PublishedResult.Paper("2AAA-AAAA-AAAA-AAAA", "4,6", List.of("Nguyễn Văn An", "+Lê Hoàng Cường")),
                new PublishedResult.Paper("3AAA-AAAA-AAAA-AAAA", "-", List.of()));
        return new PublishedResult(13, 1, null, null, "Bầu 2 thành viên Tổ giúp việc", BallotKind.ELECTION, Secrecy.SECRET,
                MajorityRule.SIMPLE, MajorityBase.VOTES_CAST, true, null, 2,
                List.of(new PublishedResult.Line("4", "Nguyễn Văn An", 2, new BigDecimal("66.7"), new BigDecimal("66.7"), true),
                        new PublishedResult.Line("5", "Trần Thị Bình", 1, new BigDecimal("33.3"), new BigDecimal("33.3"), true),
                        new PublishedResult.Line("6", "+Lê Hoàng Cường", 1, new BigDecimal("33.3"), new BigDecimal("33.3"), false)),
                1, 3, 3, 1, Outcome.TIE, List.of("Nguyễn Văn An"), List.of("Trần Thị Bình", "+Lê Hoàng Cường"), 3, 5, 7,
                "f".repeat(64), Instant.parse("2024-01-19T04:05:00Z"), Instant.parse("2024-01-19T04:15:00Z"), null, papers,
                List.of(), List.of());
    }

    @Test
    void anElectionHasAnElectedColumnItsBlankPapersTheTieAndAnUnpublishedResultSaysSo() throws IOException {
        byte[] csv = write(election(), ResultExport.Table.RESULT, ResultExport.Format.CSV, Bundle.ENGLISH);
        List<String> lines = rows(csv);
        assertEquals("Choice,Choice code,Votes,Share of votes cast (%),Share of the base (%),Elected", lines.get(0));
        assertEquals("Nguyễn Văn An,4,2,66.7,66.7,Yes", lines.get(1));
        assertEquals("'+Lê Hoàng Cường,6,1,33.3,33.3,No", lines.get(3));
        assertEquals("Blank papers,-,1,33.3,33.3", lines.get(4), "counted in the base, the blank papers have their share of it");
        assertTrue(lines.contains("Outcome,A tie: the chair decides by the rules of procedure"), lines::toString);
        assertTrue(lines.contains("Tied,Trần Thị Bình; +Lê Hoàng Cường"), "a list is not neutralised when it does not start so: " + lines);
        assertTrue(lines.contains("Published,Not published"), lines::toString);
        assertTrue(lines.contains("Rule,2 to elect; the candidates with the most votes are elected (at least 1 vote)."), lines::toString);

        byte[] receipts = write(election(), ResultExport.Table.RECEIPTS, ResultExport.Format.CSV, Bundle.VIETNAMESE);
        List<String> rows = rows(receipts);
        assertEquals("1AAA-AAAA-AAAA-AAAA,\"4,5\",Nguyễn Văn An; Trần Thị Bình", rows.get(1));
        assertEquals("3AAA-AAAA-AAAA-AAAA,-,(phiếu trắng)", rows.get(3), "a blank paper's code exactly as hashed: a lone - executes nothing");
    }

    /**
     * 6 in favour, 2 against, 1 abstention, abstentions left out of a base of votes cast (8): the abstention has no
     * share of the base — an empty cell, not 12.5 % — and the shares of the base add up to 100 %.
     */
    static PublishedResult abstentionsLeftOut() {
        return new PublishedResult(14, 1, null, null, "Thông qua kế hoạch năm 2024", BallotKind.APPROVAL, Secrecy.SECRET,
                MajorityRule.SIMPLE, MajorityBase.VOTES_CAST, false, null, 1,
                List.of(new PublishedResult.Line("YES", "Đồng ý", 6, new BigDecimal("66.7"), new BigDecimal("75.0"), false),
                        new PublishedResult.Line("NO", "Không đồng ý", 2, new BigDecimal("22.2"), new BigDecimal("25.0"), false),
                        new PublishedResult.Line("ABSTAIN", "Không biểu quyết", 1, new BigDecimal("11.1"), null, false)),
                0, 9, 8, 3, Outcome.PASSED, List.of(), List.of(), 9, 9, 9, "e".repeat(64),
                Instant.parse("2024-01-19T04:05:00Z"), Instant.parse("2024-01-19T04:15:00Z"), null, List.of(), List.of(), List.of());
    }

    @Test
    void aChoiceThatIsNotPartOfTheBaseHasAnEmptyCellForItsShareOfIt() throws IOException {
        byte[] csv = write(abstentionsLeftOut(), ResultExport.Table.RESULT, ResultExport.Format.CSV, Bundle.VIETNAMESE);
        List<String> lines = rows(csv);
        assertEquals("Đồng ý,YES,6,66.7,75.0", lines.get(1));
        assertEquals("Không đồng ý,NO,2,22.2,25.0", lines.get(2));
        assertEquals("Không biểu quyết,ABSTAIN,1,11.1,", lines.get(3));

        byte[] xlsx = write(abstentionsLeftOut(), ResultExport.Table.RESULT, ResultExport.Format.XLSX, Bundle.ENGLISH);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertEquals(75.0, sheet.getRow(1).getCell(4).getNumericCellValue());
            Cell abstain = sheet.getRow(3).getCell(4);
            assertEquals(CellType.BLANK, abstain.getCellType(), "a blank cell, neither 0 nor a text");
        }
    }

    @Test
    void anEndToEndBallotsReceiptsAreItsTrackersWithNoChoice() {
        PublishedResult d = dakGan("Đồng ý");
        String tracker = "3f".repeat(32);
        PublishedResult e2e = new PublishedResult(d.ballotId(), d.meetingId(), d.itemNumber(), d.itemTitle(), d.question(),
                d.kind(), d.secrecy(), d.rule(), d.base(), d.abstentionsInBase(), d.percentage(), d.seats(), d.lines(),
                d.blankPapers(), d.votesCast(), d.baseCount(), d.thresholdVotes(), d.outcome(), d.elected(), d.tied(), d.voted(),
                d.present(), d.votingMembers(), d.fingerprint(), d.openedAt(), d.closedAt(), d.publishedAt(), List.of(),
                d.rollCall(), d.corrections(), true, List.of(tracker));
        List<List<Object>> rows = ResultExport.receiptRows(e2e, Bundle.VIETNAMESE);
        assertEquals(2, rows.size(), "a header and one paper");
        assertEquals(List.of(app.quorum.ballot.crypto.Tracker.display(tracker), tracker,
                Bundle.text(Bundle.VIETNAMESE, "results.export.encrypted")), rows.get(1));
        assertTrue(rows.stream().flatMap(List::stream).noneMatch(cell -> "YES".equals(cell) || "Đồng ý".equals(cell)),
                "no choice beside a receipt");
    }

    @Test
    void blankPapersHaveAShareOfTheBaseOnlyWhenTheyArePartOfIt() {
        assertEquals(new BigDecimal("33.3"), election().blankPercent());
        assertEquals(new BigDecimal("33.3"), election().blankPercentOfBase());
        PublishedResult e = election();
        PublishedResult leftOut = new PublishedResult(e.ballotId(), e.meetingId(), e.itemNumber(), e.itemTitle(), e.question(),
                e.kind(), e.secrecy(), e.rule(), e.base(), false, e.percentage(), e.seats(), e.lines(), e.blankPapers(),
                e.votesCast(), 2, e.thresholdVotes(), e.outcome(), e.elected(), e.tied(), e.voted(), e.present(),
                e.votingMembers(), e.fingerprint(), e.openedAt(), e.closedAt(), e.publishedAt(), e.papers(), e.rollCall(),
                e.corrections());
        assertEquals(new BigDecimal("33.3"), leftOut.blankPercent(), "of the votes cast they have their share");
        assertEquals(null, leftOut.blankPercentOfBase());
        assertEquals(null, dakGan("Đồng ý").blankPercentOfBase(), "an approval has no blank papers");
    }

    @Test
    void fileNamesAreAscii() {
        assertEquals("ket-qua-bieu-quyet-12.csv", ResultExport.fileName(dakGan("Đồng ý"), ResultExport.Table.RESULT, ResultExport.Format.CSV, Bundle.VIETNAMESE));
        assertEquals("ballot-12-receipts.xlsx", ResultExport.fileName(dakGan("Đồng ý"), ResultExport.Table.RECEIPTS, ResultExport.Format.XLSX, Bundle.ENGLISH));
    }

    @Test
    void theRuleInWords() {
        assertEquals("Thông qua khi được quá nửa số thành viên có mặt (9) đồng ý: cần ít nhất 5 phiếu đồng ý.",
                ResultWords.rule(dakGan("Đồng ý"), Bundle.VIETNAMESE));
        assertEquals("Passes with more than half of the members present (9) in favour: at least 5 in favour needed.",
                ResultWords.rule(dakGan("Đồng ý"), Bundle.ENGLISH));
        assertEquals("9 of the 9 voting members present voted; voting members in all: 9.", ResultWords.turnout(dakGan("Đồng ý"), Bundle.ENGLISH));
    }

    @Test
    void everyKeyIsInBothLanguages() {
        List<String> keys = new ArrayList<>(ResultExport.KEYS);
        keys.addAll(ResultWords.KEYS);
        for (BallotKind kind : BallotKind.values()) {
            keys.add(Bundle.enumKey(kind));
            for (MajorityRule rule : MajorityRule.values()) {
                keys.add("results.rule." + kind + "." + rule);
            }
        }
        for (Outcome outcome : Outcome.values()) {
            keys.add(Bundle.enumKey(outcome));
        }
        for (Locale locale : Bundle.SUPPORTED) {
            for (String key : keys) {
                try {
                    Bundle.of(locale).getString(key);
                } catch (MissingResourceException e) {
                    throw new AssertionError(key + " missing in " + locale, e);
                }
            }
        }
    }

    private static int rowOf(Sheet sheet, String label) {
        for (Row row : sheet) {
            if (row.getCell(0) != null && label.equals(row.getCell(0).getStringCellValue())) {
                return row.getRowNum();
            }
        }
        throw new AssertionError("no row " + label);
    }

    private static String valueOf(Sheet sheet, String label) {
        return sheet.getRow(rowOf(sheet, label)).getCell(1).getStringCellValue();
    }

    /** The rows of a CSV file, after its byte order mark. */
    private static List<String> rows(byte[] csv) {
        return List.of(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8).split("\r\n"));
    }

    private byte[] write(PublishedResult result, ResultExport.Table table, ResultExport.Format format, Locale locale) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        export.write(result, table, format, DAK_MIL, locale, out);
        return out.toByteArray();
    }
}
