package app.quorum.roster.control;

import app.quorum.platform.i18n.Bundle;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The columns of a roster spreadsheet, in the order an export writes them. An import recognises a column by
 * its header in Vietnamese or English, whatever the case or the diacritics, and ignores the columns it does not
 * read (the row number, the attendance).
 */
enum RosterColumn {

    NUMBER("roster.export.column.number"),
    FULL_NAME("roster.export.column.fullName", "Họ và tên", "Họ tên", "Full name", "Name"),
    POSITION("roster.export.column.position", "Chức vụ", "Position"),
    UNIT("roster.export.column.unit", "Đơn vị", "Unit"),
    ROLE("roster.export.column.role", "Vai trò", "Role"),
    VOTING("roster.export.column.voting", "Biểu quyết", "Quyền biểu quyết", "Voting"),
    PHONE("roster.export.column.phone", "Điện thoại", "Số điện thoại", "SĐT", "Phone"),
    EMAIL("roster.export.column.email", "Email"),
    ATTENDANCE("roster.export.column.attendance"),
    CHECKED_IN_AT("roster.export.column.checkedInAt");

    /** The columns an import reads. */
    static final List<RosterColumn> IMPORTED = List.of(FULL_NAME, POSITION, UNIT, ROLE, VOTING, PHONE, EMAIL);

    private final String key;
    private final Set<String> folded;

    RosterColumn(String key, String... headers) {
        this.key = key;
        this.folded = new LinkedHashSet<>();
        if (headers.length > 0) {
            // the headers an export writes, in both languages, are always read back
            Stream.concat(Stream.of(headers), Bundle.SUPPORTED.stream().map(locale -> Bundle.text(locale, key)))
                    .map(Cells::fold)
                    .forEach(folded::add);
        }
    }

    String header(Locale locale) {
        return Bundle.text(locale, key);
    }

    String key() {
        return key;
    }

    /** The imported column this header names, or {@code null}. */
    static RosterColumn ofHeader(String header) {
        String folded = Cells.fold(header);
        if (folded.isEmpty()) {
            return null;
        }
        for (RosterColumn column : IMPORTED) {
            if (column.folded.contains(folded)) {
                return column;
            }
        }
        return null;
    }
}
