package app.quorum.ballot.crypto;

import app.quorum.platform.Jsons;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonWriter;
import jakarta.json.JsonWriterFactory;
import jakarta.json.stream.JsonGenerator;

/** Writes and reads an election record as UTF-8 JSON text (JSON-P), indented for people who open it. */
public final class RecordFile {

    private static final JsonWriterFactory PRETTY = Jsons.JSON.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true));

    private RecordFile() {
    }

    public static String text(JsonObject json) {
        StringWriter text = new StringWriter();
        try (JsonWriter writer = PRETTY.createWriter(text)) {
            writer.writeObject(json);
        }
        return text.toString().strip() + "\n";
    }

    public static void write(Path path, ElectionRecord record) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            out.write(text(record.toJson()));
        }
    }

    public static JsonObject parse(String text) {
        return parse(new StringReader(text));
    }

    public static JsonObject parse(Reader text) {
        try (JsonReader reader = Jsons.JSON.createReader(text)) {
            return reader.readObject();
        }
    }

    public static ElectionRecord read(Path path) throws IOException {
        try (Reader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return ElectionRecord.fromJson(parse(in));
        }
    }
}
