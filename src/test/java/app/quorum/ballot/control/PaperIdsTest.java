package app.quorum.ballot.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.platform.Refusal;
import app.quorum.platform.i18n.Bundle;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The paper id check: what it refuses, and the exact probability that it refuses a truly random id — computed, for
 * the 16 bytes of a real id, by counting; the counting itself checked against brute force on ids small enough to
 * enumerate.
 */
class PaperIdsTest {

    @Test
    void idsThatABrokenDeviceSendsAreRefused() {
        for (String id : List.of("00000000000000000000000000000000", "ffffffffffffffffffffffffffffffff",
                "00000000000000000000000000000001", "0000000000000000000000000000002a", "0000000000000000000000000012d687",
                "deadbeefdeadbeefdeadbeefdeadbeef", "abababababababababababababababab", "01020408102040800102040810204080",
                "7fffffffffffffffffffffffffffffff", "0000000000000000000000ffffffffff")) {
            Refusal refusal = assertThrows(Refusal.class, () -> PaperIds.parse(id), id);
            assertEquals("ballot.paperNotRandom", refusal.key(), id);
        }
        for (String malformed : List.of("", "0", "not-a-paper", "0123456789abcdef0123456789abcde", "0123456789abcdef0123456789abcdef0",
                "0123456789abcdef0123456789abcdeg", " 123456789abcdef0123456789abcdef")) {
            assertEquals("ballot.paperInvalid", assertThrows(Refusal.class, () -> PaperIds.parse(malformed)).key(), malformed);
        }
        assertEquals("ballot.paperInvalid", assertThrows(Refusal.class, () -> PaperIds.parse(null)).key());
    }

    @Test
    void theRefusalSaysWhatToDoInBothLanguages() {
        assertEquals("Thiết bị không tạo được mã phiếu ngẫu nhiên: hãy tải lại trang rồi bỏ phiếu lại.",
                Bundle.text(Bundle.VIETNAMESE, "ballot.paperNotRandom"));
        assertEquals("This device did not draw a random ballot paper id: reload the page and vote again.",
                Bundle.text(Bundle.ENGLISH, "ballot.paperNotRandom"));
    }

    @Test
    void theThresholdsAreWhereTheDocumentationSaysTheyAre() {
        // exactly 5 distinct bytes, weight well inside: refused; 6 distinct: accepted
        assertFalse(PaperIds.looksRandom(hex("0f0f0f0f0f0f0f0f0f0f0f33553c6a0f")), "5 distinct bytes");
        assertTrue(PaperIds.looksRandom(hex("0f0f0f0f0f0f0f0f0f0f0f33553c6a96")), "6 distinct bytes");
        // weight 16 (16 bytes of one bit each, 8 distinct values): refused; weight 17: accepted
        assertFalse(PaperIds.looksRandom(hex("01020408102040800102040810204080")), "weight 16");
        assertTrue(PaperIds.looksRandom(hex("03020408102040800102040810204080")), "weight 17");
        // weight 112 and 111, by complement
        assertFalse(PaperIds.looksRandom(hex("fefdfbf7efdfbf7ffefdfbf7efdfbf7f")), "weight 112");
        assertTrue(PaperIds.looksRandom(hex("fcfdfbf7efdfbf7ffefdfbf7efdfbf7f")), "weight 111");
        // a patterned but balanced id passes: the check is no test of randomness
        assertTrue(PaperIds.looksRandom(hex("0123456789abcdef0123456789abcdef")));
        assertArrayEquals(hex("0123456789ABCDEF0123456789ABCDEF"), PaperIds.parse("0123456789ABCDEF0123456789ABCDEF"));
    }

    @Test
    void aHundredThousandRandomIdsAllPass() {
        SecureRandom random = new SecureRandom();
        byte[] id = new byte[16];
        for (int i = 0; i < 100_000; i++) {
            random.nextBytes(id);
            String hex = HexFormat.of().formatHex(id);
            assertArrayEquals(id, PaperIds.parse(hex), hex);
        }
    }

    /** The counting below agrees with brute force on every id of 6 symbols of 4 bits (16⁶ ids). */
    @Test
    void theCountingAgreesWithBruteForceOnSmallIds() {
        int symbols = 6;
        int bits = 4;
        int minDistinct = 3;
        int distance = 5;
        long refused = 0;
        int[] id = new int[symbols];
        for (long n = 0; n < 1L << (symbols * bits); n++) {
            long rest = n;
            for (int i = 0; i < symbols; i++) {
                id[i] = (int) (rest & ((1 << bits) - 1));
                rest >>>= bits;
            }
            if (!passes(id, bits, minDistinct, distance)) {
                refused++;
            }
        }
        assertEquals(BigInteger.valueOf(refused), refusedCount(symbols, bits, minDistinct, distance));
    }

    /** The exact probability that a random 128-bit id is refused, printed with the parts it is made of. */
    @Test
    void aRandomIdIsRefusedWithProbabilityBelowTwoToTheMinus57() {
        BigInteger all = BigInteger.TWO.pow(128);
        BigInteger refused = refusedCount(PaperIds.BYTES, 8, PaperIds.MIN_DISTINCT_BYTES, PaperIds.MAX_DISTANCE_FROM_HALF);
        BigInteger fewValues = fewValues(PaperIds.BYTES, 8, PaperIds.MIN_DISTINCT_BYTES);
        BigInteger extremeWeight = extremeWeight(PaperIds.BYTES * 8, PaperIds.MAX_DISTANCE_FROM_HALF);
        MathContext digits = new MathContext(6);
        BigDecimal probability = new BigDecimal(refused).divide(new BigDecimal(all), digits);
        System.out.println("paper id check: a random id is refused with probability " + refused + " / 2^128 = " + probability
                + " (fewer than " + PaperIds.MIN_DISTINCT_BYTES + " distinct bytes: "
                + new BigDecimal(fewValues).divide(new BigDecimal(all), digits) + "; weight within "
                + PaperIds.MAX_DISTANCE_FROM_HALF + " of 0 or 128: " + new BigDecimal(extremeWeight).divide(new BigDecimal(all), digits)
                + "; both: " + fewValues.add(extremeWeight).subtract(refused) + " ids)");
        assertTrue(refused.compareTo(all.shiftRight(57)) < 0, "refused " + probability);
        assertEquals(0, new BigDecimal("4.05e-18").compareTo(probability.round(new MathContext(3))), "the figure in PaperIds' comment");
    }

    // ---------------------------------------------------------------- counting the refused ids exactly

    /**
     * How many ids of {@code symbols} symbols of {@code bits} bits have fewer than {@code minDistinct} distinct symbols
     * or a weight within {@code distance} of 0 or of the maximum: |A ∪ B| = |A| + |B| − |A ∩ B|.
     */
    static BigInteger refusedCount(int symbols, int bits, int minDistinct, int distance) {
        if (2 * distance >= symbols * bits) {
            throw new IllegalArgumentException("the two tails of the weight overlap");
        }
        BigInteger both = BigInteger.ZERO;
        int[] popcounts = new int[minDistinct];
        for (int j = 1; j < minDistinct; j++) {
            both = both.add(fewValuesLightOrHeavy(symbols, bits, distance, j, 0, popcounts, 0));
        }
        return fewValues(symbols, bits, minDistinct).add(extremeWeight(symbols * bits, distance)).subtract(both.shiftLeft(1));
    }

    /** |B|: ids using fewer than {@code minDistinct} distinct symbols: sum over j of C(V, j) · (surjections onto j). */
    static BigInteger fewValues(int symbols, int bits, int minDistinct) {
        BigInteger count = BigInteger.ZERO;
        for (int j = 1; j < minDistinct; j++) {
            count = count.add(binomial(1 << bits, j).multiply(surjections(symbols, j)));
        }
        return count;
    }

    /** |A|: ids whose weight is at most {@code distance} from 0 or from {@code totalBits}. */
    static BigInteger extremeWeight(int totalBits, int distance) {
        BigInteger count = BigInteger.ZERO;
        for (int k = 0; k <= distance; k++) {
            count = count.add(binomial(totalBits, k));
        }
        return count.shiftLeft(1);
    }

    /**
     * The ids using exactly j distinct symbols whose weight is at most {@code distance}, summed over every choice of the
     * j symbols' popcounts in non-decreasing order (from {@code from}): the number of sets of symbols with those
     * popcounts times the number of sequences onto such a set that are light enough. By complement (x ↦ ¬x keeps the
     * number of distinct symbols) as many are that heavy, hence the factor 2 in {@link #refusedCount}.
     */
    private static BigInteger fewValuesLightOrHeavy(int symbols, int bits, int distance, int j, int chosen, int[] popcounts, int from) {
        if (chosen == j) {
            return sets(bits, popcounts, j).multiply(BigInteger.valueOf(lightSequences(symbols, distance, popcounts, j)));
        }
        BigInteger sum = BigInteger.ZERO;
        for (int p = from; p <= bits; p++) {
            popcounts[chosen] = p;
            sum = sum.add(fewValuesLightOrHeavy(symbols, bits, distance, j, chosen + 1, popcounts, p));
        }
        return sum;
    }

    /** How many sets of j symbols of {@code bits} bits have these popcounts: the product of C(C(bits, c), m_c). */
    private static BigInteger sets(int bits, int[] popcounts, int j) {
        BigInteger ways = BigInteger.ONE;
        for (int i = 0; i < j; ) {
            int same = 1;
            while (i + same < j && popcounts[i + same] == popcounts[i]) {
                same++;
            }
            ways = ways.multiply(binomial(binomial(bits, popcounts[i]).intValueExact(), same));
            i += same;
        }
        return ways;
    }

    /**
     * Sequences of {@code symbols} symbols using each of j given symbols (of these popcounts) at least once, of weight at
     * most {@code distance}: dp over the symbols, placing n ≥ 1 copies of the next one among the positions so far.
     */
    private static long lightSequences(int symbols, int distance, int[] popcounts, int j) {
        long[][] ways = new long[symbols + 1][distance + 1];
        ways[0][0] = 1;
        for (int i = 0; i < j; i++) {
            long[][] next = new long[symbols + 1][distance + 1];
            for (int used = 0; used <= symbols; used++) {
                for (int weight = 0; weight <= distance; weight++) {
                    if (ways[used][weight] == 0) {
                        continue;
                    }
                    for (int n = 1; used + n <= symbols && weight + n * popcounts[i] <= distance; n++) {
                        next[used + n][weight + n * popcounts[i]] += ways[used][weight] * binomial(used + n, n).longValueExact();
                    }
                }
            }
            ways = next;
        }
        long total = 0;
        for (int weight = 0; weight <= distance; weight++) {
            total += ways[symbols][weight];
        }
        return total;
    }

    private static BigInteger surjections(int n, int j) {
        BigInteger sum = BigInteger.ZERO;
        for (int i = 0; i <= j; i++) {
            BigInteger term = binomial(j, i).multiply(BigInteger.valueOf(j - i).pow(n));
            sum = i % 2 == 0 ? sum.add(term) : sum.subtract(term);
        }
        return sum;
    }

    private static BigInteger binomial(int n, int k) {
        BigInteger result = BigInteger.ONE;
        for (int i = 0; i < k; i++) {
            result = result.multiply(BigInteger.valueOf(n - i)).divide(BigInteger.valueOf(i + 1));
        }
        return result;
    }

    /** The check of {@link PaperIds#looksRandom}, for symbols of any width. */
    private static boolean passes(int[] id, int bits, int minDistinct, int distance) {
        boolean[] seen = new boolean[1 << bits];
        int distinct = 0;
        int weight = 0;
        for (int symbol : id) {
            if (!seen[symbol]) {
                seen[symbol] = true;
                distinct++;
            }
            weight += Integer.bitCount(symbol);
        }
        return distinct >= minDistinct && weight > distance && weight < id.length * bits - distance;
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex);
    }
}
