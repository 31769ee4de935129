package app.quorum.platform.i18n;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Both languages say everything: the same keys, and every key a view or a class names exists. */
class BundleTest {

    private static final Pattern VIEW_KEY = Pattern.compile("msg\\['([\\w.]+)'\\]");
    private static final Pattern CONSTRAINT_KEY = Pattern.compile("message = \"\\{([\\w.]+)}\"");
    private static final Pattern REFUSAL_KEY = Pattern.compile("new Refusal\\(\"([\\w.]+)\"");
    private static final Pattern FEEDBACK_KEY = Pattern.compile("Feedback\\.(?:info|error)\\(\"([\\w.]+)\"");

    @Test
    void vietnameseAndEnglishHaveTheSameKeys() {
        assertEquals(new TreeSet<>(Bundle.of(Bundle.VIETNAMESE).keySet()), new TreeSet<>(Bundle.of(Bundle.ENGLISH).keySet()));
    }

    @Test
    void everyKeyUsedInViewsConstraintsAndRefusalsExists() throws IOException {
        Set<String> used = new TreeSet<>();
        used.addAll(keysIn(Path.of("src/main/webapp"), ".xhtml", VIEW_KEY));
        used.addAll(keysIn(Path.of("src/main/java"), ".java", CONSTRAINT_KEY));
        used.addAll(keysIn(Path.of("src/main/java"), ".java", REFUSAL_KEY));
        used.addAll(keysIn(Path.of("src/main/java"), ".java", FEEDBACK_KEY));
        assertTrue(used.size() > 20, "found only " + used);
        for (Locale locale : Bundle.SUPPORTED) {
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(Bundle.of(locale).keySet());
            assertEquals(Set.of(), missing, "missing in " + locale);
        }
    }

    @Test
    void vietnameseIsTheDefaultAndEnglishTheSecond() {
        assertEquals(Bundle.VIETNAMESE, Bundle.supported((Locale) null));
        assertEquals(Bundle.VIETNAMESE, Bundle.supported(Locale.FRENCH));
        assertEquals(Bundle.ENGLISH, Bundle.supported(Locale.US));
        assertEquals("Chương trình hội nghị", Bundle.text(Bundle.VIETNAMESE, "meeting.agenda"));
        assertEquals("Agenda", Bundle.text(Bundle.ENGLISH, "meeting.agenda"));
        assertEquals("15 phút", Bundle.text(Bundle.VIETNAMESE, "agenda.minutes", 15));
    }

    @Test
    void aConstraintKeyResolvesAndOtherTemplatesPassThrough() {
        assertEquals("Hãy nhập tên cuộc họp.", BundleMessageInterpolator.resolve("{meeting.title.required}", Bundle.VIETNAMESE));
        assertEquals("Enter the meeting's title.", BundleMessageInterpolator.resolve("{meeting.title.required}", Bundle.ENGLISH));
        assertEquals("{jakarta.validation.constraints.NotNull.message}",
                BundleMessageInterpolator.resolve("{jakarta.validation.constraints.NotNull.message}", Bundle.ENGLISH));
        assertEquals("at most {max}", BundleMessageInterpolator.resolve("at most {max}", Bundle.ENGLISH));
    }

    private static Set<String> keysIn(Path root, String suffix, Pattern pattern) throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                Matcher matcher = pattern.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (matcher.find()) {
                    keys.add(matcher.group(1));
                }
            }
        }
        return keys;
    }
}
