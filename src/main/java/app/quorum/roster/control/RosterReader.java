package app.quorum.roster.control;

import app.quorum.platform.i18n.Bundle;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads a roster file into its rows, by column, before any rule looks at them: the format told by the content
 * (XLSX, or CSV; an old binary Excel file is refused), the encoding of a CSV file (UTF-8, with or without a byte
 * order mark) and its delimiter (comma or semicolon, whichever makes sense of the header), the first sheet of a
 * workbook (checked by {@link XlsxGuard} before it is opened), and the header row, found among the first
 * {@value #HEADER_SEARCH_ROWS} non-blank rows. What is wrong with the file itself is its preview's one problem.
 */
final class RosterReader {

    /** How many non-blank rows may come before the header. */
    static final int HEADER_SEARCH_ROWS = 10;

    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1};
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final char[] DELIMITERS = {',', ';'};
    /** What a CSV file holds when it has no cell with anything in it. */
    private static final Pattern NOTHING = Pattern.compile("[\\s,;\"\\u00A0]*");

    /** A row of the file with something in a column read: its number as the spreadsheet shows it, its values. */
    record Row(int line, Map<RosterColumn, String> cells) {
    }

    private final int maxRows;

    /** @param maxRows the most participants a file may hold, which bounds the size of a workbook's sheet */
    RosterReader(int maxRows) {
        this.maxRows = maxRows;
    }

    /**
     * Reads the file and gives its rows (after the header, the blank ones left out) to {@code rules}, which make the
     * preview; or refuses the file, if it cannot be read, has no header naming the full name, or names a column
     * twice.
     *
     * @param fileName the name the file was uploaded with: a name ending in ".xlsx" must hold a workbook
     * @throws IOException when a workbook cannot be closed
     */
    ImportPreview read(byte[] bytes, String fileName, Function<Iterator<Row>, ImportPreview> rules) throws IOException {
        if (bytes.length == 0) {
            return ImportPreview.refused(ImportProblem.EMPTY);
        }
        if (startsWith(bytes, ZIP)) {
            return xlsx(bytes, rules);
        }
        if (startsWith(bytes, OLE2)) {
            return ImportPreview.refused(ImportProblem.OLD_EXCEL);
        }
        if (fileName != null && fileName.toLowerCase(Locale.ROOT).endsWith(".xlsx")) {
            return ImportPreview.refused(ImportProblem.UNREADABLE);
        }
        return csv(bytes, rules);
    }

    /** The rows after the header, to the rules; or why the table cannot be read. */
    private static ImportPreview table(Iterator<Line> lines, Function<Iterator<Row>, ImportPreview> rules) {
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
            return rules.apply(header.rows(lines));
        } catch (MalformedLine e) {
            return ImportPreview.refused(ImportProblem.CSV_MALFORMED, e.line);
        }
    }

    // --- CSV ---------------------------------------------------------------------------------------------------

    private static ImportPreview csv(byte[] bytes, Function<Iterator<Row>, ImportPreview> rules) {
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
        return table(csvLines(text, delimiter), rules);
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

    private ImportPreview xlsx(byte[] bytes, Function<Iterator<Row>, ImportPreview> rules) throws IOException {
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
            Iterator<org.apache.poi.ss.usermodel.Row> rows = sheet.rowIterator();
            return table(new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return rows.hasNext();
                }

                @Override
                public Line next() {
                    org.apache.poi.ss.usermodel.Row row = rows.next();
                    List<String> cells = new ArrayList<>(Math.max(row.getLastCellNum(), 0));
                    for (int c = 0; c < row.getLastCellNum(); c++) {
                        cells.add(text(row.getCell(c), formatter));
                    }
                    return new Line(row.getRowNum() + 1, cells);
                }
            }, rules);
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

    /** A number as a cell shows it: a whole number without ".0", any other without an exponent. */
    static String number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        return bytes.length >= prefix.length && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }

    // --- the reading of a table --------------------------------------------------------------------------------

    /** A row of the file as read, with its number as the spreadsheet shows it. */
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

        /** The rows that follow, as values by column; the rows blank in every column read are left out. */
        Iterator<Row> rows(Iterator<Line> lines) {
            return new Iterator<>() {
                private Row next;

                @Override
                public boolean hasNext() {
                    while (next == null && lines.hasNext()) {
                        Line line = lines.next();
                        Map<RosterColumn, String> values = cells(line);
                        next = values.isEmpty() ? null : new Row(line.number, values);
                    }
                    return next != null;
                }

                @Override
                public Row next() {
                    if (!hasNext()) {
                        throw new NoSuchElementException();
                    }
                    Row row = next;
                    next = null;
                    return row;
                }
            };
        }

        /** The row's cleaned values by column; empty when the row is blank in every column read. */
        private Map<RosterColumn, String> cells(Line line) {
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
