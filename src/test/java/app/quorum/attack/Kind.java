package app.quorum.attack;

/** The kinds of attack the suite counts separately. */
enum Kind {
    WRONG_TYPE("wrong types (text for numbers, arrays and objects for strings, unknown enum values)"),
    TRUNCATED_BODY("truncated bodies"),
    OVERSIZED_BODY("oversized bodies and fields"),
    INVALID_ENCODING("invalid encodings (Latin-1, lone bytes, broken UTF-8, NUL and control characters)"),
    FOREIGN_ID("ids of other meetings, ballots, papers and options"),
    FORGED_CHOICE("forged choices"),
    REPLAY("replayed requests"),
    CROSS_SESSION("cross-session requests (another session's view state)"),
    MISSING_VIEW_STATE("missing Faces view state"),
    STALE_VIEW_STATE("stale or made-up Faces view state"),
    CSRF("CSRF: a post from another site without the token"),
    HOSTILE_TEXT("hostile text in every field (markup, formulas, SQL, Unicode tricks)"),
    XSS_FOLLOWED("markup stored, followed into pages, PDFs and exports"),
    FORMULA_FOLLOWED("spreadsheet formulas stored, followed into CSV and XLSX exports"),
    ACCESS("a role asking for what it may not see or do"),
    HOSTILE_ADDRESS("hostile paths and query parameters");

    final String description;

    Kind(String description) {
        this.description = description;
    }
}
