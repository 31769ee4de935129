package app.quorum.roster.control;

import app.quorum.roster.entity.Role;
import java.util.List;

/**
 * One participant read from an imported file, with what is wrong with it. Texts are cleaned (trimmed, composed
 * Unicode); an empty cell is {@code null}; an unknown role is {@code null} (and a problem).
 *
 * @param line where the row is in the spreadsheet as the user sees it: the header is line 1
 */
public record ImportRow(int line, String fullName, String position, String unit, Role role, boolean voting,
                        String phone, String email, List<ImportProblem> problems) {

    public ImportRow {
        problems = List.copyOf(problems);
    }

    public boolean valid() {
        return problems.isEmpty();
    }

    /** Who this is as the roster compares people (see {@link RosterImport#identityKey}), or {@code null} without a name. */
    public String identityKey() {
        return fullName == null ? null : RosterImport.identityKey(fullName, unit);
    }
}
