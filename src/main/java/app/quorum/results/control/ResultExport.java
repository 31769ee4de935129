package app.quorum.results.control;

import app.quorum.platform.SpreadsheetCsv;
import app.quorum.platform.i18n.Bundle;
import app.quorum.results.entity.PublishedResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A ballot's result and its list of receipts as CSV or XLSX, in the reader's language, from the one
 * {@link PublishedResult} every view reads.
 * <ul>
 * <li>The result: a header row, one row per choice (label, choice code, votes, percent of the votes cast, percent of
 * the base — empty for a choice that is not part of the base; for an election, whether elected), the blank papers of an
 * election (with their shares, the same way), then after an empty row the summary
 * rows (label, value): question, agenda item, kind, secrecy, rule in words, votes cast, base, threshold, outcome,
 * the elected, turnout, times, fingerprint and the corrections.</li>
 * <li>The receipts: receipt, choice code (as hashed into the fingerprint) and what it chose, in receipt order.</li>
 * </ul>
 * Counts are numbers (in the CSV, percentages with a point: {@code 100.0}); every text a spreadsheet would execute
 * (starting with =, +, -, @, a tab or a carriage return) gets an apostrophe before it, in both formats; an XLSX
 * cell is never a formula.
 */
@ApplicationScoped
public class ResultExport {

    public static final String CSV_CONTENT_TYPE = SpreadsheetCsv.CONTENT_TYPE;
    public static final String XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Which list: the result, or the receipts. */
    public enum Table {
        RESULT, RECEIPTS
    }

    /** Which file format. */
    public enum Format {
        CSV(CSV_CONTENT_TYPE, "csv"), XLSX(XLSX_CONTENT_TYPE, "xlsx");

        private final String contentType;
        private final String extension;

        Format(String contentType, String extension) {
            this.contentType = contentType;
            this.extension = extension;
        }

        public String contentType() {
            return contentType;
        }

        public String extension() {
            return extension;
        }
    }

    /** Every key of the exports besides the enum names and {@link ResultWords#KEYS}: each is in both bundles. */
    static final List<String> KEYS = List.of("results.export.sheet.RESULT", "results.export.sheet.RECEIPTS",
            "results.export.fileName.RESULT", "results.export.fileName.RECEIPTS", "results.export.choice",
            "results.export.code", "results.export.votes", "results.export.percent", "results.export.percentOfBase",
            "results.export.elected", "results.export.question", "results.export.item", "results.export.kind",
            "results.export.secrecy", "results.export.rule", "results.export.votesCast", "results.export.base",
            "results.export.threshold", "results.export.outcome", "results.export.electedList",
            "results.export.tied", "results.export.voted", "results.export.present", "results.export.votingMembers",
            "results.export.openedAt", "results.export.closedAt", "results.export.publishedAt",
            "results.export.notPublished", "results.export.fingerprint", "results.export.correction",
            "results.export.receipt", "results.export.yes", "results.export.no", "results.blankPapers", "results.export.itemValue");

    private static final int MAX_COLUMN_CHARS = 70;

    /** Writes the table in the format; the stream is flushed, not closed. */
    public void write(PublishedResult result, Table table, Format format, ZoneId zone, Locale locale, OutputStream out)
            throws IOException {
        List<List<Object>> rows = table == Table.RESULT ? resultRows(result, zone, locale) : receiptRows(result, locale);
        if (format == Format.CSV) {
            csv(rows, out);
        } else {
            xlsx(rows, Bundle.text(locale, "results.export.sheet." + table), table == Table.RESULT ? 1 : 0, out);
        }
    }

    /** The name of the downloaded file, e.g. {@code ket-qua-bieu-quyet-12.csv}: ASCII only. */
    public static String fileName(PublishedResult result, Table table, Format format, Locale locale) {
        return Bundle.text(locale, "results.export.fileName." + table, result.ballotId()) + "." + format.extension();
    }

    /** The result's rows: a header, the choices, the blank papers, an empty row, the summary. */
    static List<List<Object>> resultRows(PublishedResult result, ZoneId zone, Locale locale) {
        boolean election = !result.isApproval();
        List<List<Object>> rows = new ArrayList<>();
        List<Object> header = new ArrayList<>(List.of(text(locale, "results.export.choice"), text(locale, "results.export.code"),
                text(locale, "results.export.votes"), text(locale, "results.export.percent"),
                text(locale, "results.export.percentOfBase")));
        if (election) {
            header.add(text(locale, "results.export.elected"));
        }
        rows.add(header);
        for (PublishedResult.Line line : result.lines()) {
            // a choice that is not part of the base (abstentions left out of it) has no share of it: an empty cell
            List<Object> row = new ArrayList<>(Arrays.asList(line.label(), line.code(), line.votes(), line.percent(), line.percentOfBase()));
            if (election) {
                row.add(text(locale, line.elected() ? "results.export.yes" : "results.export.no"));
            }
            rows.add(row);
        }
        if (election && result.blankPapers() > 0) {
            rows.add(Arrays.asList(text(locale, "results.blankPapers"), "-", result.blankPapers(), result.blankPercent(),
                    result.blankPercentOfBase()));
        }
        rows.add(List.of());
        summary(rows, locale, "results.export.question", result.question());
        if (result.itemNumber() != null) {
            summary(rows, locale, "results.export.item", Bundle.text(locale, "results.export.itemValue", result.itemNumber(), result.itemTitle()));
        }
        summary(rows, locale, "results.export.kind", text(locale, Bundle.enumKey(result.kind())));
        summary(rows, locale, "results.export.secrecy", text(locale, Bundle.enumKey(result.secrecy())));
        summary(rows, locale, "results.export.rule", ResultWords.rule(result, locale));
        summary(rows, locale, "results.export.votesCast", result.votesCast());
        summary(rows, locale, "results.export.base", result.baseCount());
        summary(rows, locale, "results.export.threshold", result.thresholdVotes());
        summary(rows, locale, "results.export.outcome", text(locale, Bundle.enumKey(result.outcome())));
        if (election) {
            summary(rows, locale, "results.export.electedList", String.join("; ", result.elected()));
            if (!result.tied().isEmpty()) {
                summary(rows, locale, "results.export.tied", String.join("; ", result.tied()));
            }
        }
        summary(rows, locale, "results.export.voted", result.voted());
        summary(rows, locale, "results.export.present", result.present());
        summary(rows, locale, "results.export.votingMembers", result.votingMembers());
        summary(rows, locale, "results.export.openedAt", ResultWords.time(result.openedAt(), zone));
        summary(rows, locale, "results.export.closedAt", ResultWords.time(result.closedAt(), zone));
        summary(rows, locale, "results.export.publishedAt", result.publishedAt() == null
                ? text(locale, "results.export.notPublished") : ResultWords.time(result.publishedAt(), zone));
        summary(rows, locale, "results.export.fingerprint", Objects.toString(result.fingerprint(), ""));
        for (PublishedResult.Correction correction : result.corrections()) {
            rows.add(List.of(text(locale, "results.export.correction"), ResultWords.time(correction.publishedAt(), zone),
                    correction.statement()));
        }
        return rows;
    }

    /** The receipts' rows: a header, then receipt, choice code and what it chose, in receipt order. */
    static List<List<Object>> receiptRows(PublishedResult result, Locale locale) {
        List<List<Object>> rows = new ArrayList<>();
        rows.add(List.of(text(locale, "results.export.receipt"), text(locale, "results.export.code"),
                text(locale, "results.export.choice")));
        for (PublishedResult.Paper paper : result.papers()) {
            rows.add(List.of(paper.receipt(), paper.choice(), ResultWords.chosen(paper.labels(), locale)));
        }
        // an end-to-end ballot has no (receipt, choice) pairs: its papers by receipt and full tracker, none opened
        for (String tracker : result.trackers()) {
            rows.add(List.of(app.quorum.ballot.crypto.Tracker.display(tracker), tracker, text(locale, "results.export.encrypted")));
        }
        return rows;
    }

    private static void summary(List<List<Object>> rows, Locale locale, String key, Object value) {
        rows.add(Arrays.asList(text(locale, key), value));
    }

    private static String text(Locale locale, String key) {
        return Bundle.text(locale, key);
    }

    private static void csv(List<List<Object>> rows, OutputStream out) throws IOException {
        SpreadsheetCsv csv = SpreadsheetCsv.start(out, rows.get(0).stream().map(ResultExport::plain).toList());
        for (List<Object> row : rows.subList(1, rows.size())) {
            csv.row(row.stream().map(ResultExport::plain).toList());
        }
        csv.finish();
    }

    private static String plain(Object value) {
        if (value == null) {
            return "";
        }
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }

    /** One sheet: a bold, frozen header row, numbers as numbers (percentages 0.0), texts as plain strings. */
    private static void xlsx(List<List<Object>> rows, String sheetName, int boldColumns, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(sheetName));
            CellStyle bold = workbook.createCellStyle();
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            bold.setFont(boldFont);
            CellStyle percent = workbook.createCellStyle();
            percent.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("0.0"));
            int columns = rows.stream().mapToInt(List::size).max().orElse(1);
            int[] widths = new int[columns];
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                List<Object> values = rows.get(r);
                for (int c = 0; c < values.size(); c++) {
                    Object value = values.get(c);
                    Cell cell = row.createCell(c);
                    String shown;
                    if (value == null) {
                        shown = ""; // a blank cell, not an empty text
                    } else if (value instanceof Integer number) {
                        cell.setCellValue(number);
                        shown = number.toString();
                    } else if (value instanceof BigDecimal decimal) {
                        cell.setCellValue(decimal.doubleValue());
                        cell.setCellStyle(percent);
                        shown = decimal.toPlainString();
                    } else {
                        shown = SpreadsheetCsv.neutralised(plain(value));
                        cell.setCellValue(shown);
                    }
                    if (r == 0 || c < boldColumns && values.size() > 1 && !(value instanceof Number)) {
                        cell.setCellStyle(bold);
                    }
                    widths[c] = Math.max(widths[c], shown.length());
                }
            }
            for (int c = 0; c < columns; c++) {
                sheet.setColumnWidth(c, (Math.min(widths[c], MAX_COLUMN_CHARS) + 2) * 256);
            }
            sheet.createFreezePane(0, 1);
            workbook.write(out);
        }
        out.flush();
    }
}
