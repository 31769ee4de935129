package app.quorum.roster.control;

import java.util.List;

/**
 * What an imported file would add to the roster, shown before anything is written: its rows, each with its
 * problems, and the problems of the file as a whole (then there are no rows). Importing is all or nothing, so a
 * preview can be imported only when it is {@link #valid()}.
 */
public record ImportPreview(List<ImportRow> rows, List<ImportProblem> fileProblems) {

    public ImportPreview {
        rows = List.copyOf(rows);
        fileProblems = List.copyOf(fileProblems);
    }

    static ImportPreview refused(String key, Object... args) {
        return new ImportPreview(List.of(), List.of(ImportProblem.of(key, args)));
    }

    /** Nothing wrong at all, and at least one participant. */
    public boolean valid() {
        return fileProblems.isEmpty() && !rows.isEmpty() && rows.stream().allMatch(ImportRow::valid);
    }

    /** How many problems, of the file and of all rows. */
    public int problemCount() {
        return fileProblems.size() + rows.stream().mapToInt(row -> row.problems().size()).sum();
    }

    /** How many participants the file holds. */
    public int rowCount() {
        return rows.size();
    }

    /** The rows that have a problem, in file order: what the preview should show first. */
    public List<ImportRow> rowsWithProblems() {
        return rows.stream().filter(row -> !row.valid()).toList();
    }
}
