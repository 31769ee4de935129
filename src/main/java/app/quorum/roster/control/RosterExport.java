package app.quorum.roster.control;

import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.i18n.Bundle;
import app.quorum.roster.entity.Participant;
import app.quorum.roster.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import app.quorum.platform.SpreadsheetCsv;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes a roster with its attendance to CSV or XLSX, with the columns and the words (role, voting right,
 * attendance) in the user's language, and check-in times in the meeting's local time. Cells that a spreadsheet
 * would execute (starting with =, +, -, @, a tab or a carriage return) get an apostrophe before them. What is
 * exported imports again as the same people ({@link RosterImport}).
 */
@ApplicationScoped
public class RosterExport {

    public static final String CSV_CONTENT_TYPE = SpreadsheetCsv.CONTENT_TYPE;
    public static final String XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static final String YES = "roster.export.yes";
    static final String NO = "roster.export.no";
    static final String PRESENT = "roster.export.present";
    static final String ABSENT = "roster.export.absent";
    static final String SHEET = "roster.export.sheet";
    /** Every key of the export, with {@link RosterColumn}'s headers and the role names: each is in both bundles. */
    static final List<String> KEYS = List.of(YES, NO, PRESENT, ABSENT, SHEET);

    static final String CHECK_IN_PATTERN = "dd/MM/yyyy HH:mm";
    private static final DateTimeFormatter CHECK_IN = DateTimeFormatter.ofPattern(CHECK_IN_PATTERN);
    private static final String CHECK_IN_EXCEL_FORMAT = "dd/mm/yyyy hh:mm";
    private static final char BOM = '\uFEFF';
    private static final int MAX_COLUMN_CHARS = 60;
    private static final List<RosterColumn> COLUMNS = List.of(RosterColumn.values());

    static String roleKey(Role role) {
        return Bundle.enumKey(role);
    }

    /**
     * The roster as CSV, in the given order: UTF-8 with a byte order mark (so that Excel shows the diacritics),
     * commas, CRLF line ends. The stream is flushed, not closed.
     */
    public void csv(List<Participant> roster, Locale locale, OutputStream out) throws IOException {
        SpreadsheetCsv csv = SpreadsheetCsv.start(out, COLUMNS.stream().map(column -> column.header(locale)).toList());
        for (int i = 0; i < roster.size(); i++) {
            csv.row(Arrays.asList(values(roster.get(i), i + 1, locale)));
        }
        csv.finish();
    }

    /**
     * The roster as an XLSX workbook of one sheet, in the given order: a bold, frozen header row with a filter,
     * columns as wide as their content, every text a plain string (never a formula), the row number a number and
     * the check-in time a date. The stream is not closed.
     */
    public void xlsx(List<Participant> roster, Locale locale, OutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(Bundle.text(locale, SHEET)));
            CellStyle bold = workbook.createCellStyle();
            Font boldFont = workbook.createFont();
            boldFont.setBold(true);
            bold.setFont(boldFont);
            CellStyle dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat(CHECK_IN_EXCEL_FORMAT));

            int[] widths = new int[COLUMNS.size()];
            Row header = sheet.createRow(0);
            for (int c = 0; c < COLUMNS.size(); c++) {
                String text = Cells.neutralised(COLUMNS.get(c).header(locale));
                Cell cell = header.createCell(c);
                cell.setCellValue(text);
                cell.setCellStyle(bold);
                widths[c] = text.length();
            }
            int number = RosterColumn.NUMBER.ordinal();
            int checkedInAt = RosterColumn.CHECKED_IN_AT.ordinal();
            for (int i = 0; i < roster.size(); i++) {
                Participant participant = roster.get(i);
                String[] values = values(participant, i + 1, locale);
                Row row = sheet.createRow(i + 1);
                for (int c = 0; c < values.length; c++) {
                    Cell cell = row.createCell(c);
                    if (c == number) {
                        cell.setCellValue(i + 1);
                    } else if (c == checkedInAt && participant.isPresent()) {
                        cell.setCellValue(localCheckIn(participant));
                        cell.setCellStyle(dateTime);
                    } else {
                        cell.setCellValue(Cells.neutralised(values[c]));
                    }
                    widths[c] = Math.max(widths[c], Cells.neutralised(values[c]).length());
                }
            }
            for (int c = 0; c < widths.length; c++) {
                sheet.setColumnWidth(c, (Math.min(widths[c], MAX_COLUMN_CHARS) + 2) * 256);
            }
            sheet.createFreezePane(0, 1);
            sheet.setAutoFilter(new CellRangeAddress(0, roster.size(), 0, COLUMNS.size() - 1));
            workbook.write(out);
        }
        out.flush();
    }

    /** A participant's cells as text, in the order of {@link RosterColumn}; empty for nothing. */
    private static String[] values(Participant participant, int number, Locale locale) {
        String[] values = new String[COLUMNS.size()];
        values[RosterColumn.NUMBER.ordinal()] = Integer.toString(number);
        values[RosterColumn.FULL_NAME.ordinal()] = orEmpty(participant.getFullName());
        values[RosterColumn.POSITION.ordinal()] = orEmpty(participant.getPosition());
        values[RosterColumn.UNIT.ordinal()] = orEmpty(participant.getUnit());
        values[RosterColumn.ROLE.ordinal()] = Bundle.text(locale, roleKey(participant.getRole()));
        values[RosterColumn.VOTING.ordinal()] = Bundle.text(locale, participant.isVoting() ? YES : NO);
        values[RosterColumn.PHONE.ordinal()] = orEmpty(participant.getPhone());
        values[RosterColumn.EMAIL.ordinal()] = orEmpty(participant.getEmail());
        values[RosterColumn.ATTENDANCE.ordinal()] = Bundle.text(locale, participant.isPresent() ? PRESENT : ABSENT);
        values[RosterColumn.CHECKED_IN_AT.ordinal()] =
                participant.isPresent() ? CHECK_IN.format(localCheckIn(participant)) : "";
        return values;
    }

    private static LocalDateTime localCheckIn(Participant participant) {
        Meeting meeting = participant.getMeeting();
        ZoneId zone = meeting == null ? ZoneId.of(Meeting.DEFAULT_TIME_ZONE) : meeting.zone();
        return LocalDateTime.ofInstant(participant.getCheckedInAt(), zone);
    }

    private static String orEmpty(String text) {
        return text == null ? "" : text;
    }
}
