package app.quorum.attack;

import app.quorum.attack.Agent.Role;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Markup and spreadsheet formulas in every text field of a meeting — its details, agenda, awards, roster, ballot
 * questions, options and corrections — followed into every page, PDF and export that shows it: a page must show the
 * text escaped, a CSV must neutralise a formula (a leading apostrophe), an XLSX must hold it as text, a PDF must still
 * be made. The text is written where a form stores it (the column), so every field is reached, limits aside.
 */
final class StoredAttacks {

    /** A text column of the approval meeting's rows, and how to find the row. */
    record Field(String table, String column, String where) {

        @Override
        public String toString() {
            return table + "." + column;
        }
    }

    /** Where a stored text comes back, and who opens it. */
    record Output(Role role, String address, boolean rosterExport) {

        @Override
        public String toString() {
            return role + " " + address + (rosterExport ? " › CSV/XLSX of the roster" : "");
        }
    }

    record StoredCase(Field field, String text, Output output) {

        @Override
        public String toString() {
            return field + " = " + Ledger.clip(text, 200) + " → " + output;
        }
    }

    private final Arena arena;
    private final List<Field> fields = new ArrayList<>();
    private final List<Output> outputs = new ArrayList<>();

    StoredAttacks(Arena arena) {
        this.arena = arena;
        Stage s = arena.stage;
        long m = s.approval.id();
        long item = s.approval.items().get(0);
        long ballot = s.publishedBallot;
        String meeting = "id = " + m;
        for (String column : List.of("title", "organiser", "venue", "description")) {
            fields.add(new Field("meeting", column, meeting));
        }
        for (String column : List.of("title", "description", "presenter")) {
            fields.add(new Field("agenda_item", column, "id = " + item));
        }
        for (String column : List.of("name", "award", "reason")) {
            fields.add(new Field("awardee", column, "agenda_item_id = " + item));
        }
        for (String column : List.of("full_name", "position_name", "unit")) {
            fields.add(new Field("participant", column, "id = " + s.approval.delegates().get(0)));
        }
        // a published ballot is final (the database's triggers): its texts are stored before it is published, so the
        // draft ballot stands for them
        fields.add(new Field("ballot", "question", "id = " + s.draftBallot));
        fields.add(new Field("ballot_option", "label", "ballot_id = " + s.draftBallot + " AND code = 'YES'"));
        for (String view : List.of("index.xhtml", "public/meeting.xhtml?id=" + m, "public/commendations.xhtml?id=" + m,
                "public/projector.xhtml?id=" + m)) {
            outputs.add(new Output(Role.ANONYMOUS, view, false));
        }
        for (String view : List.of("secretary/index.xhtml", "secretary/meeting.xhtml?id=" + m, "secretary/agenda.xhtml?id=" + m,
                "secretary/roster.xhtml?id=" + m, "secretary/attendance.xhtml?id=" + m, "secretary/ballots.xhtml?id=" + m,
                "secretary/results.xhtml?id=" + m, "secretary/roster-print.xhtml?id=" + m, "minutes/meeting/" + m + ".pdf?lang=vi",
                "minutes/ballot/" + ballot + ".pdf?lang=en", "secretary/export/ballots/" + ballot + "/result.csv",
                "secretary/export/ballots/" + ballot + "/result.xlsx", "secretary/export/ballots/" + ballot + "/receipts.csv")) {
            outputs.add(new Output(Role.SECRETARY, view, false));
        }
        outputs.add(new Output(Role.SECRETARY, "secretary/roster.xhtml?id=" + m, true));
        outputs.add(new Output(Role.CHAIR, "chair/meeting.xhtml?id=" + m, false));
        outputs.add(new Output(Role.DELEGATE, "delegate/index.xhtml", false));
        for (String api : List.of("api/meetings/" + m, "api/ballots/" + ballot + "/result", "api/ballots/" + ballot + "/result.csv",
                "api/ballots/" + ballot + "/result.xlsx", "api/ballots/" + ballot + "/receipts.csv", "minutes/meeting/" + m + ".pdf")) {
            outputs.add(new Output(Role.ANONYMOUS, api, false));
        }
    }

    int fields() {
        return fields.size();
    }

    int outputs() {
        return outputs.size();
    }

    Gen<StoredCase> cases() {
        return Generate.pick(fields).zip(Hostile.stored(), Generate.pick(outputs), StoredCase::new);
    }

    Verdict run(StoredCase c) {
        // the forms' attacks may have saved the approval meeting's details as the secretary (with ids of other
        // meetings: a legitimate change), its "public" box unticked among them; its pages and API answers are what is
        // followed here, so it is made public again first (a 404 for a meeting that is not public is right, and not
        // what this property is about)
        arena.db.update("UPDATE meeting SET public_meeting = 1 WHERE id = " + arena.stage.approval.id());
        Kind kind = c.text().contains("<") || c.text().contains("javascript:") ? Kind.XSS_FOLLOWED : Kind.FORMULA_FOLLOWED;
        String old = arena.db.texts("SELECT " + c.field().column() + " FROM " + c.field().table() + " WHERE " + c.field().where()).get(0);
        String stored = c.text() + " Đắk Mil";
        arena.db.update("UPDATE " + c.field().table() + " SET " + c.field().column() + " = ? WHERE " + c.field().where(), stored);
        try {
            Agent agent = arena.agent(c.output().role());
            return arena.attempt(kind, c.field() + " → " + c.output().address().replaceAll("\\d+", "{id}"), c.toString(),
                    () -> fetch(agent, c.output()), (answer, changed) -> judge(answer, stored, c));
        } finally {
            arena.db.update("UPDATE " + c.field().table() + " SET " + c.field().column() + " = ? WHERE " + c.field().where(), old);
        }
    }

    private static Answer fetch(Agent agent, Output output) {
        Answer page = agent.get(output.address());
        if (!output.rosterExport()) {
            return page;
        }
        FacesPage.Form roster = FacesPage.forms(output.address(), page.text()).stream().filter(f -> f.id().equals("roster")).findFirst()
                .orElse(null);
        FacesPage.Button csv = roster == null ? null : roster.buttons().stream().filter(b -> b.id().endsWith("exportCsv")).findFirst().orElse(null);
        return csv == null ? page : agent.post(roster.action(), roster.click(csv, roster.values()));
    }

    private static Verdict judge(Answer answer, String stored, StoredCase c) {
        Verdict verdict = Judge.page(answer, false);
        if (!verdict.outcome().fine || answer.status() != 200) {
            return verdict;
        }
        String type = answer.contentType();
        if (type.startsWith("text/html") || answer.partial()) {
            if (stored.contains("<") && answer.text().contains(c.text())) {
                return Verdict.of(Outcome.SCRIPT_INJECTED, answer, "the stored markup is in the page as it was typed");
            }
            if (answer.text().matches("(?s).*href=\"\\s*javascript:alert\\('" + Hostile.MARK + ".*")) {
                return Verdict.of(Outcome.SCRIPT_INJECTED, answer, "a javascript: address from stored text");
            }
        } else if (type.startsWith("text/csv")) {
            for (String line : answer.text().split("\r?\n")) {
                for (String cell : line.split(",")) {
                    String value = cell.startsWith("\"") ? cell.substring(1) : cell;
                    if (value.contains(Hostile.MARK) && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
                        return Verdict.of(Outcome.FORMULA_LIVE, answer, "a CSV cell starts a formula: " + Ledger.clip(value, 100));
                    }
                }
            }
        } else if (type.contains("spreadsheetml")) {
            try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(answer.body()))) {
                for (Sheet sheet : book) {
                    for (Row row : sheet) {
                        for (Cell cell : row) {
                            if (cell.getCellType() == CellType.FORMULA) {
                                return Verdict.of(Outcome.FORMULA_LIVE, answer, "an XLSX cell is a formula: " + cell.getCellFormula());
                            }
                        }
                    }
                }
            } catch (Exception e) {
                return Verdict.of(Outcome.SERVER_ERROR, answer, "the XLSX cannot be read: " + e);
            }
        } else if (type.startsWith("application/pdf")) {
            try (PDDocument pdf = Loader.loadPDF(answer.body())) {
                String text = new PDFTextStripper().getText(pdf);
                if (text.isBlank()) {
                    return Verdict.of(Outcome.SERVER_ERROR, answer, "an empty PDF");
                }
            } catch (Exception e) {
                return Verdict.of(Outcome.SERVER_ERROR, answer, "the PDF cannot be read: " + e);
            }
        }
        return Verdict.of(Outcome.ACCEPTED, answer, "shown inert (" + type.split(";")[0].toLowerCase(Locale.ROOT) + ")");
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
