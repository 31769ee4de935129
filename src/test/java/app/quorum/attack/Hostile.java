package app.quorum.attack;

import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * The generators of hostile input. Each list starts with its simplest value, which is where QuickTheories' shrinking
 * goes: a failure is reported with the smallest input that still fails.
 */
final class Hostile {

    /** What marks a stored text when it comes back: markup that must come back escaped, a formula that must come back neutralised. */
    static final String MARK = "qx7";

    static final List<String> MARKUP = List.of(
            "<b>" + MARK + "</b>",
            "<script>alert('" + MARK + "')</script>",
            "\"><img src=x onerror=alert(1) data-" + MARK + ">",
            "'><svg onload=alert(1) data-" + MARK + ">",
            "javascript:alert('" + MARK + "')",
            "</textarea><script>alert('" + MARK + "')</script>",
            "]]><script>alert('" + MARK + "')</script>",
            "#{facesContext.externalContext.sessionMap}" + MARK,
            "${applicationScope}" + MARK);

    static final List<String> FORMULAS = List.of(
            "=1+1" + MARK,
            "=HYPERLINK(\"http://evil.example/" + MARK + "\",\"Đồng ý\")",
            "+1+1" + MARK,
            "-1+1" + MARK,
            "@SUM(1)" + MARK,
            "\t=1+1" + MARK,
            "\r=1+1" + MARK,
            "=cmd|' /C calc'!A0" + MARK);

    static final List<String> TRICKS = List.of(
            "",
            " ",
            "0",
            "-1",
            "' OR '1'='1",
            "1; DROP TABLE meeting; --",
            "\u0000",
            "a\u0000b",
            "\u202Eabc",
            "\uFEFF",
            "\uD800",
            "😀🗳️",
            "Đắk Gằn – “phiếu” ‘kín’",
            "Ｓｃｒｉｐｔ",
            "../../../../etc/passwd",
            "%00%2e%2e%2f",
            "\r\nSet-Cookie: x=1",
            "null",
            "true",
            "[]",
            "{}");

    static final List<String> NUMBERS = List.of("", "0", "-1", "1.5", "1e309", "NaN", "9223372036854775808",
            "-9223372036854775809", "0x1F", "１２", " 7", "7 ", "+7", "2147483648", "abc", "[1]", "1,000");

    static final List<String> DATES = List.of("", "31/02/2025 25:61", "00/00/0000 00:00", "19/01/24", "2024-01-19", "1/1/1 1:1",
            "31/12/9999 23:59", "01/01/0001 00:00", "+999999999-12-31", "19/01/2024 07:30 extra", "abc");

    private Hostile() {
    }

    /** Any hostile text, from the lists above or made on the spot, of any length up to past every limit. */
    static Gen<String> text() {
        Gen<String> listed = Generate.pick(concat(TRICKS, MARKUP, FORMULAS));
        Gen<String> random = strings().allPossible().ofLengthBetween(0, 40);
        Gen<String> latin = strings().basicLatinAlphabet().ofLengthBetween(0, 40);
        Gen<String> longer = integers().between(1, 7).zip(Generate.pick(List.of("A", "Ắ", "<", "=", "😀")),
                (power, unit) -> unit.repeat(lengthOf(power)));
        return Generate.frequency(List.of(
                org.quicktheories.api.Pair.of(6, listed),
                org.quicktheories.api.Pair.of(2, random),
                org.quicktheories.api.Pair.of(1, latin),
                org.quicktheories.api.Pair.of(1, longer)));
    }

    /** Lengths past the usual limits: 300, 1 000, 4 000, 70 000 characters … up to 1.1 million. */
    static int lengthOf(int power) {
        return switch (power) {
            case 1 -> 301;
            case 2 -> 1001;
            case 3 -> 4001;
            case 4 -> 20_001;
            case 5 -> 70_001;
            case 6 -> 300_001;
            default -> 1_100_001;
        };
    }

    static Gen<String> number() {
        return Generate.pick(NUMBERS).mix(integers().all().map((Integer i) -> String.valueOf(i)), 20);
    }

    static Gen<String> date() {
        return Generate.pick(DATES);
    }

    /** Text a stored field may take that is meant to come back inert: markup or a formula. */
    static Gen<String> stored() {
        return Generate.pick(concat(MARKUP, FORMULAS));
    }

    @SafeVarargs
    static <T> List<T> concat(List<T>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
