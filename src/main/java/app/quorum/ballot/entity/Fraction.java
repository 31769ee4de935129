package app.quorum.ballot.entity;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An exact non-negative rational number, always in lowest terms with a positive denominator, so that equal values
 * are equal records: {@code Fraction.of(40, 6)} is {@code 20/3}. Thresholds and shares are fractions; no decision
 * is ever taken on a {@code double}. {@link #decimal(int)} and {@link #percent(int)} round only for display.
 *
 * @param numerator at least 0
 * @param denominator at least 1
 */
public record Fraction(long numerator, long denominator) implements Comparable<Fraction> {

    public static final Fraction ZERO = new Fraction(0, 1);
    public static final Fraction ONE = new Fraction(1, 1);

    public Fraction {
        if (numerator < 0) {
            throw new IllegalArgumentException("numerator < 0");
        }
        if (denominator < 1) {
            throw new IllegalArgumentException("denominator < 1");
        }
        long gcd = gcd(numerator, denominator);
        numerator /= gcd;
        denominator /= gcd;
    }

    public static Fraction of(long numerator, long denominator) {
        return new Fraction(numerator, denominator);
    }

    public static Fraction whole(long value) {
        return new Fraction(value, 1);
    }

    /**
     * {@code part / whole}, as a share; an empty whole gives {@link #ZERO} (nothing of nothing is shown as 0 %).
     */
    public static Fraction share(long part, long whole) {
        if (part < 0 || whole < 0 || part > whole) {
            throw new IllegalArgumentException("a share needs 0 <= part <= whole, got " + part + " of " + whole);
        }
        return whole == 0 ? ZERO : new Fraction(part, whole);
    }

    /** This fraction times a whole number, exactly. */
    public Fraction times(long factor) {
        if (factor < 0) {
            throw new IllegalArgumentException("factor < 0");
        }
        long gcd = gcd(factor, denominator);
        return new Fraction(Math.multiplyExact(numerator, factor / gcd), denominator / gcd);
    }

    /** The largest whole number not above this fraction. */
    public long floor() {
        return numerator / denominator;
    }

    /** The smallest whole number not below this fraction: ⌈20/3⌉ = 7, ⌈6⌉ = 6. */
    public long ceil() {
        return Math.ceilDiv(numerator, denominator);
    }

    public boolean isWhole() {
        return denominator == 1;
    }

    @Override
    public int compareTo(Fraction other) {
        return Long.compare(Math.multiplyExact(numerator, other.denominator),
                Math.multiplyExact(other.numerator, denominator));
    }

    /** Compares this fraction with a whole number: negative, zero or positive as this is below, equal or above. */
    public int compareTo(long value) {
        return Long.compare(numerator, Math.multiplyExact(value, denominator));
    }

    /** The value rounded half up to {@code scale} decimals, for display: 2/3 at scale 1 is 0.7. */
    public BigDecimal decimal(int scale) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP);
    }

    /**
     * The value as a percentage rounded half up to {@code scale} decimals, for display: 9/9 at scale 1 is
     * {@code 100.0}, 2/3 is {@code 66.7}, 1/16 is {@code 6.3}. Locale-free; formatting is the view's job. Rounded
     * shares need not add up to 100 (three thirds show as 33.3 each).
     */
    public BigDecimal percent(int scale) {
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP);
    }

    /** {@code 20/3}, or {@code 6} when whole. */
    @Override
    public String toString() {
        return isWhole() ? Long.toString(numerator) : numerator + "/" + denominator;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a == 0 ? 1 : a;
    }
}
