package app.quorum.roster.control;

import app.quorum.platform.Limits;
import app.quorum.platform.UploadLimits;
import app.quorum.platform.i18n.Bundle;
import app.quorum.roster.entity.Participant;
import app.quorum.roster.entity.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads the participants of a roster from a spreadsheet the secretary uploads — CSV or XLSX, told apart by their
 * content — into a {@link ImportPreview} that names every problem of every row before anything is written.
 *
 * <p>The file has a header row (up to {@value #HEADER_SEARCH_ROWS} rows may come before it, such as the title
 * "DANH SÁCH ĐẠI BIỂU" that official lists carry) whose cells name the columns in Vietnamese or English, whatever
 * the case or the diacritics: "Họ và tên" (the one required column), "Chức vụ", "Đơn vị", "Vai trò", "Biểu
 * quyết", "Điện thoại", "Email". Other columns, such as the row number, are ignored; blank rows are skipped.
 * A CSV file is UTF-8, with or without a byte order mark, separated by commas or semicolons (whichever makes
 * sense of the header), with CRLF or LF line ends and quoted fields. Of an XLSX workbook the first sheet is read.
 *
 * <p>Two people are the same when their full names and units are equal, ignoring case but not accents, as the
 * database compares them (see {@link #identityKey}).
 *
 * <p>A file holds at most {@value #DEFAULT_MAX_ROWS} participants and {@code QUORUM_ROSTER_MAX_MB} megabytes (10 by
 * default); a workbook is checked by {@link XlsxGuard} before it is opened; a cell longer than its field's limit
 * ({@link Limits}) is a problem of its row, and what a problem quotes from a cell is cut to {@value #QUOTED_MAX}
 * characters.
 */
@ApplicationScoped
public class RosterImport {

    public static final int DEFAULT_MAX_ROWS = 10_000;
    /** The longest text of a cell a problem quotes ("Unknown role “…”"): longer ones are cut. */
    static final int QUOTED_MAX = 40;
    /** How many non-blank rows may come before the header. */
    static final int HEADER_SEARCH_ROWS = 10;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final char[] DELIMITERS = {',', ';'};
    /** What a CSV file holds when it has no cell with anything in it. */
    private static final Pattern NOTHING = Pattern.compile("[\\s,;\"\\u00A0]*");

    private static final Pattern PHONE = Pattern.compile(Participant.PHONE);
    /**
     * A plausible address: a dot-atom local part of ASCII (RFC 5322) and a domain of at least two labels ending
     * in a top-level domain of letters — stricter than Bean Validation's {@code @Email}, which the entity uses.
     */
    private static final Pattern EMAIL = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@(?:[\\p{L}\\p{N}](?:[\\p{L}\\p{N}-]{0,61}[\\p{L}\\p{N}])?\\.)+\\p{L}{2,63}");
    private static final int EMAIL_LOCAL_MAX = 64;
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2007\\u202F\\uFEFF]+");

    private static final int NAME_MAX = Limits.PARTICIPANT_FULL_NAME;
    private static final int POSITION_MAX = Limits.PARTICIPANT_POSITION;
    private static final int UNIT_MAX = Limits.PARTICIPANT_UNIT;
    private static final int PHONE_MAX = Limits.PARTICIPANT_PHONE;
    private static final int EMAIL_MAX = Limits.PARTICIPANT_EMAIL;

    private static final Map<String, Role> ROLES = roles();
    private static final Map<String, Boolean> VOTING = voting();

    private final int maxRows;
    private final long maxBytes;

    public RosterImport() {
        this(DEFAULT_MAX_ROWS);
    }

    /** The importer of the application: files up to QUORUM_ROSTER_MAX_MB. */
    @Inject
    public RosterImport(UploadLimits limits) {
        this(DEFAULT_MAX_ROWS, limits.getRosterBytes());
    }

    /** @param maxRows the most participants one file may hold */
    public RosterImport(int maxRows) {
        this(maxRows, new UploadLimits().getRosterBytes());
    }

    /**
     * @param maxRows  the most participants one file may hold
     * @param maxBytes the largest file
     */
    public RosterImport(int maxRows, long maxBytes) {
        if (maxRows < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("limits must be positive: " + maxRows + " rows, " + maxBytes + " bytes");
        }
        this.maxRows = maxRows;
        this.maxBytes = maxBytes;
    }

    public int maxRows() {
        return maxRows;
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Reads an uploaded file into a preview. Problems of the content are in the preview, never thrown.
     *
     * @param content  the file; read to its end (or just past the size limit), not closed
     * @param fileName the name the file was uploaded with: a name ending in ".xlsx" must hold a workbook
     * @param onRoster who is already on the roster: identity keys as {@link #identityKey} makes them, or as the
     *                 database derives them ({@code CONCAT(TRIM(full_name), '|', COALESCE(TRIM(unit), ''))})
     * @throws IOException when the content cannot be read from the stream
     */
    public ImportPreview preview(InputStream content, String fileName, Set<String> onRoster) throws IOException {
        byte[] bytes = content.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            return ImportPreview.refused(ImportProblem.FILE_TOO_LARGE, megabytes(maxBytes));
        }
        Set<String> existing = onRoster.stream().map(RosterImport::normalisedKey).collect(Collectors.toSet());
        if (bytes.length == 0) {
            return ImportPreview.refused(ImportProblem.EMPTY);
        }
        if (startsWith(bytes, ZIP)) {
            return xlsx(bytes, existing);
        }
        if (startsWith(bytes, OLE2)) {
            return ImportPreview.refused(ImportProblem.OLD_EXCEL);
        }
        if (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            return ImportPreview.refused(ImportProblem.UNREADABLE);
        }
        return csv(bytes, existing);
    }

    /**
     * Who a participant is, as the roster compares people: the full name and the unit, trimmed, with runs of
     * spaces as one, in composed Unicode, in lower case — so "NGUYỄN VĂN AN" is "Nguyễn Văn An" but not
     * "Nguyễn Văn Ân" (the database's collation is case-insensitive and accent-sensitive).
     */
    public static String identityKey(String fullName, String unit) {
        return normalisedKey(part(fullName) + "|" + part(unit));
    }

    private static String part(String text) {
        return text == null ? "" : SPACES.matcher(text).replaceAll(" ").strip();
    }

    private static String normalisedKey(String key) {
        return SPACES.matcher(Normalizer.normalize(key, Normalizer.Form.NFC)).replaceAll(" ").strip()
                .toLowerCase(Locale.ROOT);
    }

    // --- CSV ---------------------------------------------------------------------------------------------------

    private ImportPreview csv(byte[] bytes, Set<String> existing) {
        String text;
        try {
            text = utf8(bytes);
        } catch (CharacterCodingException e) {
            return ImportPreview.refused(ImportProblem.UNREADABLE);
        }
        if (text.indexOf('\0') >= 0) {
            // UTF-16 text or some binary: not a CSV file we can read
            return ImportPreview.refused(ImportProblem.UNREADABLE);
        }
        if (NOTHING.matcher(text).matches()) {
            return ImportPreview.refused(ImportProblem.EMPTY);
        }
        char delimiter = DELIMITERS[0];
        int best = 0;
        for (char candidate : DELIMITERS) {
            int recognised = recognisedHeaderColumns(csvLines(text, candidate));
            if (recognised > best) {
                best = recognised;
                delimiter = candidate;
            }
        }
        return read(csvLines(text, delimiter), existing);
    }

    private static String utf8(byte[] bytes) throws CharacterCodingException {
        int start = startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes, start, bytes.length - start))
                .toString();
    }

    /** The records of a CSV text as lines: blank lines are kept (as blank rows), so that line numbers stay true. */
    private static Iterator<Line> csvLines(String text, char delimiter) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true)
                .get();
        CSVParser parser;
        try {
            // over a string: nothing to close
            parser = CSVParser.parse(new StringReader(text), format);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Iterator<CSVRecord> records = parser.iterator();
        return new Iterator<>() {
            private int line;

            @Override
            public boolean hasNext() {
                try {
                    return records.hasNext();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new MalformedLine(line + 1, e);
                }
            }

            @Override
            public Line next() {
                try {
                    CSVRecord record = records.next();
                    line = (int) record.getRecordNumber();
                    return new Line(line, record.toList());
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new MalformedLine(line + 1, e);
                }
            }
        };
    }

    /** How many columns the header row names with this reading of the file; 0 without a full name column. */
    private static int recognisedHeaderColumns(Iterator<Line> lines) {
        try {
            Header header = Header.find(lines);
            return header == null || !header.namesFullName() ? 0 : header.columns.size();
        } catch (MalformedLine e) {
            return 0;
        }
    }

    // --- XLSX --------------------------------------------------------------------------------------------------

    private ImportPreview xlsx(byte[] bytes, Set<String> existing) throws IOException {
        ImportProblem unsafe = XlsxGuard.problem(bytes, maxRows);
        if (unsafe != null) {
            return new ImportPreview(List.of(), List.of(unsafe));
        }
        XSSFWorkbook opened;
        try {
            opened = new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            // not a workbook after all (another kind of ZIP, a damaged file, a zip bomb POI refused)
            return ImportPreview.refused(ImportProblem.UNREADABLE);
        }
        try (XSSFWorkbook workbook = opened) {
            if (workbook.getNumberOfSheets() == 0) {
                return ImportPreview.refused(ImportProblem.EMPTY);
            }
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Bundle.VIETNAMESE);
            Iterator<Row> rows = sheet.rowIterator();
            return read(new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Line next() {
                    Row row = rows.next();
                    List<String> cells = new ArrayList<>(Math.max(row.getLastCellNum(), 0));
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        cells.add(text(row.getCell(c), formatter));
                    }
                    return new Line(row.getRowNum() + 1, cells);
                }
            }, existing);
        }
    }

    /** A cell as the spreadsheet shows it: numbers without ".0" or an exponent, formulas by their last value. */
    private static String text(Cell cell, DataFormatter formatter) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? dateText(cell, formatter)
                    : number(cell.getNumericCellValue());
            default -> "";
        };
    }

    private static String dateText(Cell cell, DataFormatter formatter) {
        CellStyle style = cell.getCellStyle();
        return formatter.formatRawCellContents(cell.getNumericCellValue(), style.getDataFormat(), style.getDataFormatString());
    }

    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    // --- rows --------------------------------------------------------------------------------------------------

    private ImportPreview read(Iterator<Line> lines, Set<String> existing) {
        try {
            Header header = Header.find(lines);
            if (header == null) {
                return ImportPreview.refused(ImportProblem.EMPTY);
            }
            if (!header.namesFullName()) {
                return ImportPreview.refused(ImportProblem.NAME_COLUMN_MISSING);
            }
            if (header.repeated != null) {
                return ImportPreview.refused(ImportProblem.COLUMN_REPEATED, header.repeated);
            }
            List<ImportRow> rows = new ArrayList<>();
            Map<String, Integer> firstLines = new HashMap<>();
            while (lines.hasNext()) {
                Line line = lines.next();
                Map<RosterColumn, String> cells = header.cells(line);
                if (cells.isEmpty()) {
                    continue;
                }
                if (rows.size() == maxRows) {
                    return ImportPreview.refused(ImportProblem.TOO_MANY_ROWS, maxRows);
                }
                rows.add(row(line.number, cells, firstLines, existing));
            }
            return rows.isEmpty() ? ImportPreview.refused(ImportProblem.EMPTY) : new ImportPreview(rows, List.of());
        } catch (MalformedLine e) {
            return ImportPreview.refused(ImportProblem.CSV_MALFORMED, e.line);
        }
    }

    private static ImportRow row(int number, Map<RosterColumn, String> cells, Map<String, Integer> firstLines,
                                 Set<String> existing) {
        List<ImportProblem> problems = new ArrayList<>();
        String fullName = cells.get(RosterColumn.FULL_NAME);
        String position = cells.get(RosterColumn.POSITION);
        String unit = cells.get(RosterColumn.UNIT);
        if (fullName == null) {
            problems.add(ImportProblem.of(ImportProblem.NAME_MISSING));
        } else if (fullName.length() > NAME_MAX) {
            problems.add(ImportProblem.of(ImportProblem.NAME_TOO_LONG, NAME_MAX));
        }
        if (position != null && position.length() > POSITION_MAX) {
            problems.add(ImportProblem.of(ImportProblem.POSITION_TOO_LONG, POSITION_MAX));
        }
        if (unit != null && unit.length() > UNIT_MAX) {
            problems.add(ImportProblem.of(ImportProblem.UNIT_TOO_LONG, UNIT_MAX));
        }

        String roleText = cells.get(RosterColumn.ROLE);
        Role role = roleText == null ? Role.DELEGATE : ROLES.get(Cells.fold(roleText));
        if (role == null) {
            problems.add(ImportProblem.of(ImportProblem.ROLE_UNKNOWN, quoted(roleText)));
        }
        String votingText = cells.get(RosterColumn.VOTING);
        Boolean voting = votingText == null ? Boolean.FALSE : VOTING.get(Cells.fold(votingText));
        if (voting == null) {
            problems.add(ImportProblem.of(ImportProblem.VOTING_UNKNOWN, quoted(votingText)));
            voting = Boolean.FALSE;
        } else if (voting && role == Role.GUEST) {
            problems.add(ImportProblem.of(ImportProblem.GUEST_VOTING));
        }

        String phone = phone(cells.get(RosterColumn.PHONE));
        if (phone != null && phone.length() > PHONE_MAX) {
            problems.add(ImportProblem.of(ImportProblem.PHONE_TOO_LONG, PHONE_MAX));
        } else if (phone != null && !PHONE.matcher(phone).matches()) {
            problems.add(ImportProblem.of(ImportProblem.PHONE_INVALID, phone));
        }
        String email = cells.get(RosterColumn.EMAIL);
        if (email != null && email.length() > EMAIL_MAX) {
            problems.add(ImportProblem.of(ImportProblem.EMAIL_TOO_LONG, EMAIL_MAX));
        } else if (email != null && !plausibleEmail(email)) {
            problems.add(ImportProblem.of(ImportProblem.EMAIL_INVALID, quoted(email)));
        }

        if (fullName != null) {
            String key = identityKey(fullName, unit);
            Integer first = firstLines.putIfAbsent(key, number);
            if (first != null) {
                problems.add(ImportProblem.of(ImportProblem.DUPLICATE_IN_FILE, first));
            }
            if (existing.contains(key)) {
                problems.add(ImportProblem.of(ImportProblem.DUPLICATE_ON_ROSTER));
            }
        }
        if (!problems.isEmpty()) {
            // a row with a problem is shown, never imported: what it shows of an overlong cell is its start
            return new ImportRow(number, quoted(fullName, NAME_MAX), quoted(position, POSITION_MAX), quoted(unit, UNIT_MAX),
                    role, voting, quoted(phone, PHONE_MAX), quoted(email, EMAIL_MAX), problems);
        }
        return new ImportRow(number, fullName, position, unit, role, voting, phone, email, problems);
    }

    /** A cell's text as a problem quotes it: at most {@value #QUOTED_MAX} characters, an ellipsis for the rest. */
    static String quoted(String text) {
        return quoted(text, QUOTED_MAX);
    }

    private static String quoted(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max) + "…";
    }

    private static String megabytes(long bytes) {
        return Long.toString(Math.max(1, bytes / (1024 * 1024)));
    }

    /**
     * The phone number as written; a spreadsheet that took a Vietnamese number for a number dropped its leading
     * zero (912345678 for 0912345678, 2613xxxxxx for 0261 3xxx xxx), which is put back.
     */
    static String phone(String text) {
        if (text == null || !DIGITS.matcher(text).matches()) {
            return text;
        }
        boolean mobile = text.length() == 9 && "35789".indexOf(text.charAt(0)) >= 0;
        boolean landline = text.length() == 10 && text.charAt(0) == '2';
        return mobile || landline ? "0" + text : text;
    }

    static boolean plausibleEmail(String email) {
        int at = email.lastIndexOf('@');
        return email.length() <= EMAIL_MAX && at > 0 && at <= EMAIL_LOCAL_MAX && EMAIL.matcher(email).matches();
    }

    // --- vocabulary --------------------------------------------------------------------------------------------

    private static Map<String, Role> roles() {
        Map<String, Role> roles = new HashMap<>();
        for (Role role : Role.values()) {
            roles.put(Cells.fold(role.name()), role);
            for (Locale locale : Bundle.SUPPORTED) {
                roles.put(Cells.fold(Bundle.text(locale, RosterExport.roleKey(role))), role);
            }
        }
        roles.put(Cells.fold("Chủ trì"), Role.CHAIR);
        roles.put(Cells.fold("Chủ tọa"), Role.CHAIR);
        roles.put(Cells.fold("Thư ký"), Role.SECRETARY);
        roles.put(Cells.fold("Đại biểu"), Role.DELEGATE);
        roles.put(Cells.fold("Khách mời"), Role.GUEST);
        roles.put(Cells.fold("Khách"), Role.GUEST);
        return Map.copyOf(roles);
    }

    private static Map<String, Boolean> voting() {
        Map<String, Boolean> voting = new HashMap<>();
        for (String yes : List.of("Có", "x", "yes", "1", "true")) {
            voting.put(Cells.fold(yes), Boolean.TRUE);
        }
        for (String no : List.of("Không", "no", "0", "false")) {
            voting.put(Cells.fold(no), Boolean.FALSE);
        }
        for (Locale locale : Bundle.SUPPORTED) {
            voting.put(Cells.fold(Bundle.text(locale, RosterExport.YES)), Boolean.TRUE);
            voting.put(Cells.fold(Bundle.text(locale, RosterExport.NO)), Boolean.FALSE);
        }
        return Map.copyOf(voting);
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    // --- the reading of a table --------------------------------------------------------------------------------

    /** A row of the file, with its number as the spreadsheet shows it. */
    private record Line(int number, List<String> cells) {
    }

    /** A CSV record that the parser could not read, such as a quote that is never closed. */
    private static final class MalformedLine extends RuntimeException {
        private final int line;

        MalformedLine(int line, Throwable cause) {
            super("line " + line, cause, false, false);
            this.line = line;
        }
    }

    /** The header row: which cell holds which column. */
    private static final class Header {
        private final Map<RosterColumn, Integer> columns;
        private final String repeated;

        private Header(Map<RosterColumn, Integer> columns, String repeated) {
            this.columns = columns;
            this.repeated = repeated;
        }

        /**
         * The first of the first non-blank rows that names a full name column; without one, the first non-blank
         * row (which does not {@link #namesFullName}); {@code null} when all rows are blank.
         */
        static Header find(Iterator<Line> lines) {
            Header first = null;
            int looked = 0;
            while (lines.hasNext() && looked < HEADER_SEARCH_ROWS) {
                Line line = lines.next();
                if (line.cells.stream().allMatch(cell -> Cells.clean(cell) == null)) {
                    continue;
                }
                looked++;
                Map<RosterColumn, Integer> columns = new EnumMap<>(RosterColumn.class);
                String repeated = null;
                for (int c = 0; c < line.cells.size(); c++) {
                    RosterColumn column = RosterColumn.ofHeader(line.cells.get(c));
                    if (column != null && columns.putIfAbsent(column, c) != null && repeated == null) {
                        repeated = Cells.clean(line.cells.get(c));
                    }
                }
                Header header = new Header(columns, repeated);
                if (header.namesFullName()) {
                    return header;
                }
                first = first == null ? header : first;
            }
            return first;
        }

        boolean namesFullName() {
            return columns.containsKey(RosterColumn.FULL_NAME);
        }

        /** The row's cleaned values by column; empty when the row is blank in every column read. */
        Map<RosterColumn, String> cells(Line line) {
            Map<RosterColumn, String> values = new EnumMap<>(RosterColumn.class);
            columns.forEach((column, index) -> {
                String value = index < line.cells.size() ? Cells.clean(line.cells.get(index)) : null;
                if (value != null) {
                    values.put(column, value);
                }
            });
            return values;
        }
    }
}
