package app.quorum.ballot.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FractionTest {

    @ParameterizedTest(name = "{0}/{1} is {2}/{3}")
    @CsvSource({"40,6,20,3", "18,3,6,1", "0,7,0,1", "9,9,1,1", "450,100,9,2", "7,1,7,1"})
    void fractionsAreKeptInLowestTerms(long numerator, long denominator, long lowestNumerator,
            long lowestDenominator) {
        Fraction fraction = Fraction.of(numerator, denominator);
        assertEquals(lowestNumerator, fraction.numerator());
        assertEquals(lowestDenominator, fraction.denominator());
        assertEquals(Fraction.of(lowestNumerator, lowestDenominator), fraction);
    }

    @ParameterizedTest(name = "⌊{0}/{1}⌋ = {2}, ⌈{0}/{1}⌉ = {3}")
    @CsvSource({"20,3,6,7", "18,3,6,6", "21,5,4,5", "9,2,4,5", "10,2,5,5", "0,1,0,0", "1,10,0,1", "594,100,5,6"})
    void floorAndCeiling(long numerator, long denominator, long floor, long ceil) {
        Fraction fraction = Fraction.of(numerator, denominator);
        assertEquals(floor, fraction.floor());
        assertEquals(ceil, fraction.ceil());
        assertEquals(floor == ceil, fraction.isWhole());
    }

    @Test
    void comparisonsAreExact() {
        Fraction twentyThirds = Fraction.of(20, 3);
        assertTrue(twentyThirds.compareTo(6) > 0);
        assertTrue(twentyThirds.compareTo(7) < 0);
        assertEquals(0, Fraction.of(18, 3).compareTo(6));
        assertTrue(Fraction.of(2, 3).compareTo(Fraction.of(667, 1000)) < 0);
        assertTrue(Fraction.of(2, 3).compareTo(Fraction.of(666, 1000)) > 0);
        assertEquals(0, Fraction.of(2, 3).compareTo(Fraction.of(6, 9)));
    }

    @Test
    void timesAWholeNumber() {
        assertEquals(Fraction.of(20, 3), Fraction.of(2, 3).times(10));
        assertEquals(Fraction.whole(6), Fraction.of(2, 3).times(9));
        assertEquals(Fraction.ZERO, Fraction.of(2, 3).times(0));
    }

    @ParameterizedTest(name = "{0} of {1} is {2} %")
    @CsvSource({"9,9,100.0", "0,9,0.0", "2,3,66.7", "1,3,33.3", "1,8,12.5", "1,16,6.3", "1,1000,0.1", "1,2000,0.1",
        "1,2001,0.0", "5,7,71.4", "0,0,0.0"})
    void percentagesRoundHalfUpToOneDecimal(long part, long whole, String percent) {
        assertEquals(new BigDecimal(percent), Fraction.share(part, whole).percent(1));
    }

    @Test
    void theSeedsUnanimityIsAHundredPercent() {
        Fraction nineOfNine = Fraction.share(9, 9);
        assertEquals(Fraction.ONE, nineOfNine);
        assertEquals("100.0", nineOfNine.percent(1).toPlainString());
        assertEquals("100", nineOfNine.percent(0).toPlainString());
        assertEquals("1.00", nineOfNine.decimal(2).toPlainString());
    }

    @Test
    void rendersAsAFraction() {
        assertEquals("20/3", Fraction.of(20, 3).toString());
        assertEquals("6", Fraction.of(18, 3).toString());
    }

    @Test
    void refusesWhatIsNotANonNegativeFraction() {
        assertThrows(IllegalArgumentException.class, () -> Fraction.of(1, 0));
        assertThrows(IllegalArgumentException.class, () -> Fraction.of(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> Fraction.of(1, -2));
        assertThrows(IllegalArgumentException.class, () -> Fraction.share(3, 2));
        assertThrows(IllegalArgumentException.class, () -> Fraction.share(-1, 2));
        assertThrows(IllegalArgumentException.class, () -> Fraction.of(1, 2).times(-1));
        assertFalse(Fraction.of(1, 2).isWhole());
    }

    @Test
    void overflowIsAnErrorNotAWrongAnswer() {
        Fraction huge = Fraction.of(Long.MAX_VALUE - 1, 3);
        assertThrows(ArithmeticException.class, () -> huge.compareTo(Fraction.of(1, Long.MAX_VALUE - 2)));
    }
}
