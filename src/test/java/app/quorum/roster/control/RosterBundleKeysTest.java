package app.quorum.roster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.platform.i18n.Bundle;
import app.quorum.roster.entity.Role;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Every key the import and the export use is said in both languages. */
class RosterBundleKeysTest {

    @Test
    void everyProblemKeyIsListedAndDistinct() throws IllegalAccessException {
        List<String> constants = new ArrayList<>();
        for (Field field : ImportProblem.class.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                constants.add((String) field.get(null));
            }
        }
        assertEquals(new TreeSet<>(constants), new TreeSet<>(ImportProblem.KEYS));
        assertEquals(constants.size(), new TreeSet<>(constants).size(), "each problem has a key of its own");
    }

    @Test
    void everyKeyIsInBothLanguages() {
        List<String> keys = new ArrayList<>(ImportProblem.KEYS);
        keys.addAll(RosterExport.KEYS);
        Arrays.stream(RosterColumn.values()).map(RosterColumn::key).forEach(keys::add);
        Arrays.stream(Role.values()).map(RosterExport::roleKey).forEach(keys::add);
        for (Locale locale : Bundle.SUPPORTED) {
            for (String key : keys) {
                assertTrue(Bundle.of(locale).containsKey(key), key + " missing in " + locale);
                assertFalse(Bundle.of(locale).getString(key).isBlank(), key + " blank in " + locale);
            }
        }
    }

    @Test
    void problemsReadWellWithTheirArguments() {
        assertEquals("Trùng với dòng 1234: cùng họ và tên, cùng đơn vị.",
                ImportProblem.of(ImportProblem.DUPLICATE_IN_FILE, 1234).text(Bundle.VIETNAMESE));
        assertEquals("Same person as line 1234: the same full name in the same unit.",
                ImportProblem.of(ImportProblem.DUPLICATE_IN_FILE, 1234).text(Bundle.ENGLISH));
        assertEquals("Tệp có hơn 10.000 đại biểu: hãy chia thành nhiều tệp.",
                ImportProblem.of(ImportProblem.TOO_MANY_ROWS, 10_000).text(Bundle.VIETNAMESE));
        assertEquals("The file holds more than 10,000 participants: split it into several files.",
                ImportProblem.of(ImportProblem.TOO_MANY_ROWS, 10_000).text(Bundle.ENGLISH));
        assertEquals("Vai trò “Trưởng ban” không hợp lệ: hãy ghi Chủ trì, Thư ký, Đại biểu hoặc Khách mời (để trống là Đại biểu).",
                ImportProblem.of(ImportProblem.ROLE_UNKNOWN, "Trưởng ban").text(Bundle.VIETNAMESE));
        assertEquals("The phone number “12” is not valid.", ImportProblem.of(ImportProblem.PHONE_INVALID, "12").text(Bundle.ENGLISH));
    }
}
