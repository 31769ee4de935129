package app.quorum.platform;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV that spreadsheets open well and never execute: UTF-8 with a byte order mark (so Excel shows the
 * diacritics), commas, CRLF line ends, and every cell that starts with =, +, -, @, a tab or a carriage return
 * neutralised by a leading apostrophe (OWASP's advice against CSV injection).
 */
public final class SpreadsheetCsv {

    public static final String CONTENT_TYPE = "text/csv; charset=UTF-8";
    private static final String EXECUTABLE_START = "=+-@\t\r";
    private static final char BOM = '\uFEFF';

    private final CSVPrinter printer;

    private SpreadsheetCsv(CSVPrinter printer) {
        this.printer = printer;
    }

    /** Starts a CSV on the stream with its header row; {@link #finish()} flushes it (the stream stays open). */
    public static SpreadsheetCsv start(OutputStream out, List<String> header) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        writer.write(BOM);
        SpreadsheetCsv csv = new SpreadsheetCsv(new CSVPrinter(writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get()));
        csv.row(header);
        return csv;
    }

    public void row(List<String> cells) throws IOException {
        printer.printRecord(cells.stream().map(SpreadsheetCsv::neutralised));
    }

    public void finish() throws IOException {
        printer.flush();
    }

    /** Takes off the apostrophe that {@link #neutralised} put before an executable start. */
    public static String withoutNeutraliser(String text) {
        if (text != null && text.length() > 1 && text.charAt(0) == '\'' && EXECUTABLE_START.indexOf(text.charAt(1)) >= 0) {
            return text.substring(1);
        }
        return text;
    }

    /**
     * The text a spreadsheet shows and never executes. A lone "-" stays as it is: nothing follows it to execute, and
     * it is the code of a blank election paper, which the published list of receipts must give exactly.
     */
    public static String neutralised(String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        if (text.equals("-")) {
            return text;
        }
        return EXECUTABLE_START.indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }
}
