package app.quorum.roster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.Collator;
import java.text.Normalizer;
import java.text.RuleBasedCollator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Vietnamese roster order, with the JDK's Vietnamese collation and with the same rules given explicitly
 * (what a runtime without the locale data gets).
 */
class VietnameseOrderTest {

    static Stream<VietnameseOrder> orders() {
        return Stream.of(new VietnameseOrder(), new VietnameseOrder(VietnameseOrder.explicitCollator()));
    }

    @ParameterizedTest
    @MethodSource("orders")
    void byGivenNameThenTheWholeName(VietnameseOrder order) {
        assertEquals(List.of("Nguyễn Văn An", "Ngô Thị Hương", "Phan Văn Thân", "Phan Bá Tịnh"),
                sorted(order, "Ngô Thị Hương", "Phan Bá Tịnh", "Phan Văn Thân", "Nguyễn Văn An"));
        assertEquals(List.of("Lê Văn An", "Nguyễn An", "Nguyễn Văn An", "Trần Thị An", "Đỗ Bình"),
                sorted(order, "Đỗ Bình", "Trần Thị An", "Nguyễn Văn An", "Nguyễn An", "Lê Văn An"));
    }

    @ParameterizedTest
    @MethodSource("orders")
    void lettersWithBreveCircumflexHornAndStrokeFollowTheirBase(VietnameseOrder order) {
        // every word of A comes before Ă, every word of Ă before Â, and so on: they are letters of their own
        assertEquals(List.of("Anh", "Ánh", "Ăn", "Ấn", "Âu", "Bảo"), sorted(order, "Bảo", "Âu", "Ấn", "Ăn", "Ánh", "Anh"));
        assertEquals(List.of("Dũng", "Duy", "Đa", "Đạt", "Đức", "Em"), sorted(order, "Đức", "Em", "Đạt", "Duy", "Đa", "Dũng"));
        assertEquals(List.of("Eo", "Ếch", "Ênh", "Gấm"), sorted(order, "Ênh", "Gấm", "Ếch", "Eo"));
        assertEquals(List.of("Oanh", "Ông", "Ơn", "Phúc"), sorted(order, "Ơn", "Phúc", "Ông", "Oanh"));
        assertEquals(List.of("Uyên", "Ưng", "Ước", "Vân"), sorted(order, "Ước", "Vân", "Ưng", "Uyên"));
        assertEquals(List.of("Thanh", "Thân", "Thoa", "Thơ", "Thu", "Thư"), sorted(order, "Thư", "Thơ", "Thân", "Thu", "Thoa", "Thanh"));
    }

    @ParameterizedTest
    @MethodSource("orders")
    void tonesInDictionaryOrder(VietnameseOrder order) {
        // ngang, huyền, hỏi, ngã, sắc, nặng
        assertEquals(List.of("Tinh", "Tình", "Tỉnh", "Tĩnh", "Tính", "Tịnh"), sorted(order, "Tịnh", "Tính", "Tĩnh", "Tỉnh", "Tình", "Tinh"));
        assertEquals(List.of("a", "à", "ả", "ã", "á", "ạ"), sorted(order, "ạ", "á", "ã", "ả", "à", "a"));
        // a tone matters less than a letter: Tỉnh before Toàn
        assertEquals(List.of("Tỉnh", "Toàn"), sorted(order, "Toàn", "Tỉnh"));
    }

    @ParameterizedTest
    @MethodSource("orders")
    void decomposedTextAndCaseCompareAsTheyShould(VietnameseOrder order) {
        String composed = "Đặng Thị Ưng";
        assertEquals(0, order.compare(Normalizer.normalize(composed, Normalizer.Form.NFD), composed));
        assertTrue(order.compare("nguyễn văn an", "Nguyễn Văn An") != 0, "case is a last, tertiary difference");
        assertTrue(order.compare("Nguyễn văn An", "Ngô Thị Hương") < 0);
    }

    @Test
    void theJdkHasTheVietnameseRules() {
        Collator collator = Collator.getInstance(VietnameseOrder.VIETNAMESE);
        assertTrue(collator instanceof RuleBasedCollator rules && rules.getRules().endsWith(VietnameseOrder.TAILORING),
                "the JDK's Vietnamese collation changed: check VietnameseOrder.TAILORING");
    }

    @Test
    void theGivenNameIsTheLastWord() {
        assertEquals("Hương", VietnameseOrder.givenName("  Ngô Thị Hương "));
        assertEquals("An", VietnameseOrder.givenName("An"));
        assertEquals("Gằn", VietnameseOrder.givenName("Đắk\u00A0Gằn".replace('\u00A0', ' ')));
    }

    @Test
    void missingNamesComeLast() {
        List<String> names = new ArrayList<>(Arrays.asList(null, "Phan Bá Tịnh", null, "Nguyễn Văn An"));
        names.sort(new VietnameseOrder());
        assertEquals(Arrays.asList("Nguyễn Văn An", "Phan Bá Tịnh", null, null), names);
    }

    private static List<String> sorted(VietnameseOrder order, String... names) {
        List<String> list = new ArrayList<>(List.of(names));
        Collections.shuffle(list, new Random(names.length));
        list.sort(order);
        return list;
    }
}
