package app.quorum.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The import map a page inlines: the vendored one, its addresses under the context path, and safe inside a script. */
class ImportMapTest {

    private static String vendored() throws IOException {
        return Files.readString(Path.of("src/main/webapp" + ImportMap.RESOURCE));
    }

    @Test
    void atTheRootTheMapIsWrittenAsItStands() throws IOException {
        assertEquals(vendored(), ImportMap.underContextPath(vendored(), ""));
        assertEquals(vendored(), ImportMap.underContextPath(vendored(), "/"));
    }

    @Test
    void underAContextPathEveryAddressMoves() throws IOException {
        String moved = ImportMap.underContextPath(vendored(), "/quorum");
        assertEquals(vendored().split("\"/resources/", -1).length, moved.split("\"/quorum/resources/", -1).length);
        assertFalse(moved.contains("\"/resources/"));
    }

    @Test
    void theMapCannotEndTheScriptItIsWrittenIn() throws IOException {
        assertFalse(vendored().toLowerCase().contains("</script"));
    }
}
