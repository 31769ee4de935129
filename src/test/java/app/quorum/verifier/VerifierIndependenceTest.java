package app.quorum.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The verifier is written apart from the server (issue 14): no source of app.quorum.verifier imports or names
 * anything of app.quorum outside its own package — neither app.quorum.ballot.crypto nor the rest. (A source scan
 * until the ArchUnit rules cover it.)
 */
class VerifierIndependenceTest {

    private static final Path SOURCES = Path.of("src/main/java/app/quorum/verifier");
    private static final Pattern IMPORT = Pattern.compile("^\\s*import\\s+(static\\s+)?([\\w.]+)", Pattern.MULTILINE);
    private static final Pattern QUALIFIED = Pattern.compile("\\bapp\\.quorum\\.(?!verifier\\b)\\w+");

    @Test
    void noVerifierSourceUsesTheServersCode() throws IOException {
        List<String> offences = new ArrayList<>();
        int files = 0;
        try (Stream<Path> sources = Files.walk(SOURCES)) {
            for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
                files++;
                String text = Files.readString(source);
                Matcher imports = IMPORT.matcher(text);
                while (imports.find()) {
                    String imported = imports.group(2);
                    if (imported.startsWith("app.quorum.") && !imported.startsWith("app.quorum.verifier.")) {
                        offences.add(source.getFileName() + " imports " + imported);
                    }
                }
                Matcher names = QUALIFIED.matcher(text.replaceAll("(?m)^package .*$", ""));
                while (names.find()) {
                    offences.add(source.getFileName() + " names " + names.group());
                }
            }
        }
        assertFalse(files < 5, "the verifier's sources were not found under " + SOURCES);
        assertEquals(List.of(), offences);
    }

    @Test
    void theScanSeesAnOffence() {
        Matcher imports = IMPORT.matcher("package app.quorum.verifier;\nimport app.quorum.ballot.crypto.Group;\n");
        assertFalse(!imports.find() || !imports.group(2).startsWith("app.quorum.ballot"));
        assertFalse(!QUALIFIED.matcher("x = app.quorum.ballot.crypto.Group.G;").find());
    }
}
