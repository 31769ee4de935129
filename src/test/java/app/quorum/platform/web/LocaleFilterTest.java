package app.quorum.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocaleFilterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "lang=en|''",
        "id=1&lang=en|?id=1",
        "lang=vi&id=7&x=y|?id=7&x=y",
        "id=1&&lang=en|?id=1",
        "language=en&lang=vi|?language=en"
    })
    void dropsOnlyTheLangParameter(String query, String expected) {
        assertEquals(expected, LocaleFilter.withoutLang(query));
    }
}
