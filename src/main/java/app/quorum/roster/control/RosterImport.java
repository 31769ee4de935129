package app.quorum.roster.control;

import app.quorum.platform.Limits;
import app.quorum.platform.UploadLimits;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;

/**
 * Reads the participants of a roster from a spreadsheet the secretary uploads — CSV or XLSX, told apart by their
 * content — into a {@link ImportPreview} that names every problem of every row before anything is written: the
 * file is read by {@link RosterReader}, its rows checked by {@link RosterRules}.
 *
 * <p>The file has a header row (up to {@value RosterReader#HEADER_SEARCH_ROWS} rows may come before it, such as
 * the title "DANH SÁCH ĐẠI BIỂU" that official lists carry) whose cells name the columns in Vietnamese or English,
 * whatever the case or the diacritics: "Họ và tên" (the one required column), "Chức vụ", "Đơn vị", "Vai trò",
 * "Biểu quyết", "Điện thoại", "Email". Other columns, such as the row number, are ignored; blank rows are skipped.
 * A CSV file is UTF-8, with or without a byte order mark, separated by commas or semicolons (whichever makes
 * sense of the header), with CRLF or LF line ends and quoted fields. Of an XLSX workbook the first sheet is read.
 *
 * <p>Two people are the same when their full names and units are equal, ignoring case but not accents, as the
 * database compares them (see {@link #identityKey}).
 *
 * <p>A file holds at most {@value #DEFAULT_MAX_ROWS} participants and {@code QUORUM_ROSTER_MAX_MB} megabytes (10 by
 * default); a workbook is checked by {@link XlsxGuard} before it is opened; a cell longer than its field's limit
 * ({@link Limits}) is a problem of its row, and what a problem quotes from a cell is cut to
 * {@value RosterRules#QUOTED_MAX} characters.
 */
@ApplicationScoped
public class RosterImport {

    public static final int DEFAULT_MAX_ROWS = 10_000;

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
        RosterRules rules = new RosterRules(onRoster, maxRows);
        return new RosterReader(maxRows).read(bytes, fileName, rules::preview);
    }

    /**
     * Who a participant is, as the roster compares people: the full name and the unit, trimmed, with runs of
     * spaces as one, in composed Unicode, in lower case — so "NGUYỄN VĂN AN" is "Nguyễn Văn An" but not
     * "Nguyễn Văn Ân" (the database's collation is case-insensitive and accent-sensitive).
     */
    public static String identityKey(String fullName, String unit) {
        return RosterRules.identityKey(fullName, unit);
    }

    /** A phone number as the import reads it (see {@link RosterRules#phone}). */
    static String phone(String text) {
        return RosterRules.phone(text);
    }

    /** Whether the import takes the address (see {@link RosterRules#plausibleEmail}). */
    static boolean plausibleEmail(String email) {
        return RosterRules.plausibleEmail(email);
    }

    /** A number of a workbook's cell as the import reads it (see {@link RosterReader#number}). */
    static String number(double value) {
        return RosterReader.number(value);
    }

    private static String megabytes(long bytes) {
        return Long.toString(Math.max(1, bytes / (1024 * 1024)));
    }
}
