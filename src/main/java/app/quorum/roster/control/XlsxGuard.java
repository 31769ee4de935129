package app.quorum.roster.control;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * What an uploaded workbook must be before POI opens it. POI reads a workbook into memory whole — every part of the
 * ZIP, every sheet as a tree of objects — so a small file can ask for gigabytes: a "zip bomb" (parts that inflate a
 * thousandfold) or a sheet of a million empty rows. This guard streams through the ZIP once, in constant memory, and
 * refuses with a named problem what would unpack to more than {@value #UNPACKED_MAX_MB} MB, holds more than
 * {@value #ENTRIES_MAX} parts, inflates a part more than {@value #RATIO_MAX}-fold, or whose sheets hold more rows or
 * cells than a roster can (the XML of every sheet and of the shared strings is counted as it streams by).
 *
 * <p>POI's own guard ({@link ZipSecureFile}) is set to the same ratio and to the largest part, as the second line.
 */
final class XlsxGuard {

    static final int UNPACKED_MAX_MB = 64;
    static final long UNPACKED_MAX = UNPACKED_MAX_MB * 1024L * 1024L;
    static final int ENTRIES_MAX = 1_000;
    /** How many times a part may inflate: POI's default (a minimum inflate ratio of 0.01). */
    static final int RATIO_MAX = 100;
    /** Parts this small may inflate any amount (POI's "grace" size). */
    static final long RATIO_GRACE = 100 * 1024;
    /** Rows a sheet may hold, for each participant a file may hold: room for titles, blank and spacing rows. */
    static final int ROWS_PER_PARTICIPANT = 2;
    /** Cells for each of those rows, on average: a roster has seven columns, a secretary's sheet a few more. */
    static final int CELLS_PER_ROW = 20;

    private static final XMLInputFactory XML = xmlFactory();

    static {
        ZipSecureFile.setMinInflateRatio(1.0 / RATIO_MAX);
        ZipSecureFile.setMaxEntrySize(UNPACKED_MAX);
        ZipSecureFile.setMaxFileCount(ENTRIES_MAX);
    }

    private XlsxGuard() {
    }

    /** The most rows the sheets of a workbook may hold for a file of {@code maxRows} participants. */
    static int rowsMax(int maxRows) {
        return ROWS_PER_PARTICIPANT * maxRows + RosterReader.HEADER_SEARCH_ROWS;
    }

    static int cellsMax(int maxRows) {
        return CELLS_PER_ROW * rowsMax(maxRows);
    }

    /** What is wrong with the workbook's size, or {@code null} when POI may open it. */
    static ImportProblem problem(byte[] workbook, int maxRows) {
        long unpacked = 0;
        int entries = 0;
        long rows = 0;
        long cells = 0;
        Packed packed = new Packed(workbook);
        try (ZipInputStream zip = new ZipInputStream(packed)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++entries > ENTRIES_MAX) {
                    return ImportProblem.of(ImportProblem.XLSX_UNSAFE, UNPACKED_MAX_MB);
                }
                Counting part = new Counting(zip, UNPACKED_MAX - unpacked, packed);
                String name = entry.getName();
                if (name.startsWith("xl/worksheets/") && name.endsWith(".xml")) {
                    long[] counted = count(part, "row", "c");
                    rows += counted[0];
                    cells += counted[1];
                } else if (name.equals("xl/sharedStrings.xml")) {
                    cells += count(part, "si")[0];
                }
                part.skipRest();
                unpacked += part.read;
                zip.closeEntry();
                if (rows > rowsMax(maxRows)) {
                    return ImportProblem.of(ImportProblem.TOO_MANY_ROWS, maxRows);
                }
                if (cells > cellsMax(maxRows)) {
                    return ImportProblem.of(ImportProblem.SHEET_TOO_LARGE, cellsMax(maxRows));
                }
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            // the XML parser wraps what the stream threw
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof TooLarge) {
                    return ImportProblem.of(ImportProblem.XLSX_UNSAFE, UNPACKED_MAX_MB);
                }
            }
            // not a ZIP or XML we can read: POI finds it unreadable too
            return null;
        }
        return null;
    }

    /** How many elements of each of these local names the XML holds. */
    private static long[] count(InputStream xml, String... names) throws XMLStreamException {
        long[] counts = new long[names.length];
        XMLStreamReader reader = XML.createXMLStreamReader(xml);
        try {
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamReader.START_ELEMENT) {
                    String local = reader.getLocalName();
                    for (int i = 0; i < names.length; i++) {
                        if (names[i].equals(local)) {
                            counts[i]++;
                        }
                    }
                }
            }
        } finally {
            reader.close();
        }
        return counts;
    }

    private static XMLInputFactory xmlFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        // no DTDs nor external entities: a workbook has none, and they are the XML bombs' way in
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory;
    }

    /** The workbook's bytes as the ZIP reader takes them: how far it has read. */
    private static final class Packed extends ByteArrayInputStream {

        Packed(byte[] bytes) {
            super(bytes);
        }

        long position() {
            return pos;
        }
    }

    /**
     * A part as it inflates: counts its bytes, and stops past what is left of the workbook's allowance, or as soon as
     * it has inflated more than {@value #RATIO_MAX} times what it took of the packed file (with room for the reader's
     * buffer), so a bomb is stopped early.
     */
    private static final class Counting extends FilterInputStream {
        private static final long READ_AHEAD = 1024;
        private final long allowed;
        private final Packed packed;
        private final long start;
        private long read;

        Counting(InputStream in, long allowed, Packed packed) {
            super(in);
            this.allowed = allowed;
            this.packed = packed;
            this.start = packed.position();
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public void close() {
            // the ZIP stream goes on with the next part
        }

        void skipRest() throws IOException {
            byte[] buffer = new byte[8192];
            while (read(buffer, 0, buffer.length) >= 0) {
                // counted
            }
        }

        private void add(int n) throws TooLarge {
            read += n;
            if (read > allowed
                    || read > RATIO_GRACE && read > RATIO_MAX * (packed.position() - start + READ_AHEAD)) {
                throw new TooLarge();
            }
        }
    }

    /** The workbook unpacks to more than its allowance, or a part inflates like a bomb. */
    private static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge() {
            super("unpacks too large", null);
        }
    }
}
