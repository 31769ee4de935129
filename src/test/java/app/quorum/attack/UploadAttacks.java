package app.quorum.attack;

import app.quorum.attack.Agent.Role;
import app.quorum.attack.FacesPage.Form;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Hostile files sent to every upload of the secretary's pages (the roster import and the agenda's documents), posted
 * as PrimeFaces' upload script posts them — a multipart ajax request with the file, the form's fields and the upload's
 * file count — and as it never would: without the file count or with one that is not a number, as a plain post, with a
 * file past the upload's limit, with the wrong type of file under the right name, truncated, badly encoded, a zip that
 * is no workbook, a PDF that is none, and spreadsheets full of formulas and markup. Every answer is the page with a
 * message (or the import's list of the file's problems), never a server error; and the roster import stores nothing
 * before the secretary confirms the preview.
 */
final class UploadAttacks {

    /** An upload field of a page: its form, the name of its file part, and its component's client id. */
    record Upload(String view, String form, String part, String component, boolean stores) {

        String target() {
            return "upload " + view + " " + component.replaceAll(":\\d+:", ":*:");
        }
    }

    /** A hostile file; {@code count} is the upload's file count as sent (null: left out), {@code ajax} how it is posted. */
    record UploadCase(Kind kind, Upload upload, String fileName, String what, byte[] content, String count, boolean ajax) {

        @Override
        public String toString() {
            return kind + " as SECRETARY to " + upload.target() + ": " + fileName + " (" + what + ", " + content.length + " bytes)"
                    + (count == null ? ", without the file count" : count.equals("1") ? "" : ", file count \"" + count + "\"")
                    + (ajax ? "" : ", as a plain post");
        }
    }

    private static final Pattern FILE_INPUT = Pattern.compile("<input[^>]*type=\"file\"[^>]*>");
    private static final Pattern NAME = Pattern.compile("name=\"([^\"]+)\"");
    private static final long MB = 1024 * 1024;
    private static final Pattern PROBLEM = Pattern.compile("<li class=\"q-error\">([^<]+)</li>");

    private final Arena arena;
    private final List<Upload> uploads = new ArrayList<>();

    UploadAttacks(Arena arena) {
        this.arena = arena;
    }

    /** Opens the secretary's pages of the meeting in preparation and finds their upload fields. */
    List<Upload> discover() {
        long draft = arena.stage.draft.id();
        for (String view : List.of("secretary/roster.xhtml", "secretary/agenda.xhtml")) {
            String html = arena.agent(Role.SECRETARY).get(view + "?id=" + draft).text();
            Matcher input = FILE_INPUT.matcher(html);
            while (input.find()) {
                Matcher name = NAME.matcher(input.group());
                if (name.find()) {
                    String part = name.group(1);
                    String component = part.endsWith("_input") ? part.substring(0, part.length() - "_input".length()) : part;
                    String form = component.substring(0, component.indexOf(':'));
                    uploads.add(new Upload(view, form, part, component, view.contains("agenda")));
                }
            }
        }
        return uploads;
    }

    Gen<UploadCase> cases() {
        Gen<String> counts = Generate.pick(Arrays.asList("1", "1", "1", null, "", "abc", "-1", "99999999999"));
        Gen<Boolean> ajax = Generate.pick(List.of(true, true, true, false));
        return Generate.pick(uploads).flatMap(upload -> Generate.pick(files(upload)).flatMap(file -> counts.flatMap(count ->
                ajax.map(a -> new UploadCase(file.kind(), upload, file.name(), file.what(), file.content(), count, a)))));
    }

    private record HostileFile(Kind kind, String name, String what, byte[] content) {
    }

    private static List<HostileFile> files(Upload upload) {
        List<HostileFile> files = new ArrayList<>();
        boolean roster = !upload.stores();
        long limit = (roster ? 10 : 20) * MB;
        String good = roster ? "ds.csv" : "to-trinh.pdf";
        files.add(new HostileFile(Kind.TRUNCATED_BODY, good, "an empty file", new byte[0]));
        files.add(new HostileFile(Kind.OVERSIZED_BODY, good, "one byte past the limit", filled(limit + 1)));
        files.add(new HostileFile(Kind.WRONG_TYPE, roster ? "ds.xlsx" : "to-trinh.pdf", "a zip that is no workbook or PDF", zip("a.txt", "Đắk Mil")));
        files.add(new HostileFile(Kind.WRONG_TYPE, roster ? "ds.csv" : "to-trinh.pdf", "an executable's first bytes", bytes("MZ\u0090\u0000\u0003")));
        files.add(new HostileFile(Kind.WRONG_TYPE, roster ? "ds.exe" : "to-trinh.exe", "a name the upload does not take", bytes("Họ và tên\nA")));
        files.add(new HostileFile(Kind.TRUNCATED_BODY, roster ? "ds.xlsx" : "to-trinh.pdf", "the first half of a file",
                roster ? Arrays.copyOf(zip("xl/workbook.xml", "<workbook/>"), 40) : bytes("%PDF-1.7\n1 0 obj\n<< /Type /Catalog")));
        files.add(new HostileFile(Kind.INVALID_ENCODING, good, "Latin-1 and lone bytes",
                "Họ và tên,Chức vụ\nNguy\u00ean V\u00e3n \u00c1,Ch\u00fa t\u1ecb\n".getBytes(StandardCharsets.ISO_8859_1)));
        files.add(new HostileFile(Kind.INVALID_ENCODING, good, "NUL and control characters", bytes("Họ và tên\u0000\u0001\u001b[31m\nA\u0000B\n")));
        files.add(new HostileFile(Kind.HOSTILE_TEXT, good, "formulas and markup in every cell", (
                "Họ và tên,Chức vụ,Đơn vị,Vai trò,Biểu quyết\n"
                        + Hostile.FORMULAS.get(1).replace("\"", "\"\"").transform(f -> "\"" + f + "\"") + "," + Hostile.MARKUP.get(1) + ","
                        + Hostile.FORMULAS.get(0) + ",DELEGATE,có\n"
                        + "\"" + Hostile.MARKUP.get(2).replace("\"", "\"\"") + "\",=cmd|' /C calc'!A0,@SUM(1),CHAIR,x\n")
                .getBytes(StandardCharsets.UTF_8)));
        files.add(new HostileFile(Kind.HOSTILE_TEXT, roster ? "../../../etc/passwd.csv" : "../../../etc/passwd.pdf", "a path as its name",
                bytes("Họ và tên\nA\n")));
        return files;
    }

    Verdict run(UploadCase c) {
        Agent secretary = arena.agent(Role.SECRETARY);
        String address = c.upload().view() + "?id=" + arena.stage.draft.id();
        return arena.attempt(c.kind(), c.upload().target(), c.toString(), () -> {
            Form form = FacesPage.forms(address, secretary.get(address).text()).stream().filter(f -> f.id().equals(c.upload().form()))
                    .findFirst().orElseThrow(() -> new AssertionError("no form " + c.upload().form() + " on " + address));
            Map<String, String> fields = new LinkedHashMap<>(form.values());
            if (c.ajax()) {
                fields.put("jakarta.faces.partial.ajax", "true");
                fields.put("jakarta.faces.source", c.upload().component());
                fields.put("jakarta.faces.partial.execute", c.upload().component());
                fields.put("jakarta.faces.partial.render", form.id() + " messages");
            }
            if (c.count() != null) {
                fields.put(c.upload().component() + "_totalFilesCount", c.count());
            }
            return secretary.multipart(form.action(), fields, c.upload().part(), c.fileName(), c.content(), c.ajax());
        }, (answer, changed) -> judge(c, answer, changed));
    }

    private static Verdict judge(UploadCase c, Answer answer, Set<String> changed) {
        Verdict verdict = Judge.page(answer, !changed.isEmpty());
        if (verdict.outcome() == Outcome.NO_EFFECT) {
            // the import's preview lists what is wrong with the file: a refusal with its reasons
            List<String> problems = new ArrayList<>();
            Matcher problem = PROBLEM.matcher(answer.text());
            while (problem.find()) {
                problems.add(problem.group(1).strip());
            }
            if (!problems.isEmpty()) {
                verdict = Verdict.of(Outcome.REFUSED, answer, "the preview lists: " + String.join(" | ", problems));
            }
        }
        if (!c.upload().stores() && !changed.isEmpty() && verdict.outcome().fine) {
            return Verdict.of(Outcome.LEAKED, answer, "the roster import stored " + changed + " before the preview was confirmed");
        }
        if (c.upload().stores() && !changed.isEmpty() && verdict.outcome().fine) {
            // none of the files is a PDF: every one must be refused
            return Verdict.of(Outcome.LEAKED, answer, "a " + c.what() + " was stored as a document: " + changed);
        }
        return verdict;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] filled(long size) {
        byte[] content = new byte[Math.toIntExact(size)];
        byte[] line = bytes("Nguyễn Văn A,Đại biểu,UBND xã Đắk Gằn,DELEGATE,có\n");
        for (int i = 0; i < content.length; i++) {
            content[i] = line[i % line.length];
        }
        return content;
    }

    private static byte[] zip(String entry, String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(bytes(text));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
