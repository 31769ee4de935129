package app.quorum.verifier;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The small-exponents batch test of Bellare, Garay and Rabin 1998 (election-record.md §5.4): each verification
 * equation {@code Σ x_k·P_k == O} is multiplied by its own random 128-bit weight and all are added up; they all hold
 * (but with probability at most 2⁻¹²⁸) iff the sum is the identity. P-256 has cofactor 1 and every point was decoded
 * onto the curve, so the test is sound. The terms on G and on the ballot's key are collapsed into one scalar each; the
 * rest is one multi-scalar multiplication ({@link #sum}: Pippenger's bucket method, in slices summed in parallel).
 */
final class SmallExponents {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SmallExponents() {
    }

    /** The terms that one paper (or proof) adds to the sum; built in any thread. */
    static final class Terms {
        final List<ECPoint> points = new ArrayList<>();
        final List<BigInteger> scalars = new ArrayList<>();
        BigInteger onG = BigInteger.ZERO;
        BigInteger onKey = BigInteger.ZERO;

        /** A fresh weight, uniform in [0, 2^128). */
        BigInteger weight() {
            return new BigInteger(128, RANDOM);
        }

        void add(ECPoint point, BigInteger k) {
            points.add(point);
            scalars.add(k.mod(Curve.ORDER));
        }

        /**
         * A disjunctive proof's 2L equations {@code a_j + c_j·α − s_j·G == O}, {@code b_j + c_j·(β − v_j·G) − s_j·PK
         * == O}, with their terms on {@code α} and {@code β} returned rather than added: {@code {on α, on β}}.
         */
        BigInteger[] addOneOf(Proofs.OneOf proof, long[] values) {
            BigInteger onAlpha = BigInteger.ZERO;
            BigInteger onBeta = BigInteger.ZERO;
            for (int j = 0; j < values.length; j++) {
                BigInteger first = weight();
                BigInteger second = weight();
                BigInteger c = proof.c().get(j);
                add(proof.a().get(j), first);
                add(proof.b().get(j), second);
                onAlpha = onAlpha.add(first.multiply(c));
                onBeta = onBeta.add(second.multiply(c));
                onG = onG.subtract(first.multiply(proof.s().get(j))).subtract(second.multiply(c)
                        .multiply(BigInteger.valueOf(values[j])));
                onKey = onKey.subtract(second.multiply(proof.s().get(j)));
            }
            return new BigInteger[] {onAlpha, onBeta};
        }
    }

    /** Whether the weighted sum of every equation of {@code all} is the identity. */
    static boolean vanishes(List<Terms> all, ECPoint publicKey) {
        List<ECPoint> points = new ArrayList<>();
        List<BigInteger> scalars = new ArrayList<>();
        BigInteger onG = BigInteger.ZERO;
        BigInteger onKey = BigInteger.ZERO;
        for (Terms terms : all) {
            points.addAll(terms.points);
            scalars.addAll(terms.scalars);
            onG = onG.add(terms.onG);
            onKey = onKey.add(terms.onKey);
        }
        points.add(Curve.GENERATOR);
        scalars.add(onG.mod(Curve.ORDER));
        points.add(publicKey);
        scalars.add(onKey.mod(Curve.ORDER));
        int slices = Math.max(1, Math.min(points.size() / 1024, Runtime.getRuntime().availableProcessors()));
        int size = points.size();
        ECPoint total = IntStream.range(0, slices).parallel().mapToObj(slice -> {
            int from = slice * size / slices;
            int to = (slice + 1) * size / slices;
            return sum(points.subList(from, to), scalars.subList(from, to));
        }).reduce(Curve.CURVE.getInfinity(), ECPoint::add);
        return total.isInfinity();
    }

    /**
     * {@code Σ k_i·P_i} by Pippenger's bucket method (Pippenger 1976; Bernstein, Doumen, Lange, Oosterwijk 2012, §4)
     * with unsigned windows of {@code c} bits: per window each point goes into the bucket of its digit, skipped when
     * the digit is 0 (so a 128-bit weight costs half a full scalar), and the buckets are summed by a running sum.
     * Below 32 points BouncyCastle's interleaved wNAF ({@link ECAlgorithms#sumOfMultiplies}) is used. Public scalars
     * only. (About four times BouncyCastle's speed on 40,000 points; SmallExponentsTest checks it against it.)
     */
    static ECPoint sum(List<ECPoint> points, List<BigInteger> scalars) {
        int n = points.size();
        if (n < 32) {
            return n == 0 ? Curve.CURVE.getInfinity()
                    : ECAlgorithms.sumOfMultiplies(points.toArray(ECPoint[]::new), scalars.toArray(BigInteger[]::new));
        }
        int c = Math.max(4, 31 - Integer.numberOfLeadingZeros(n) - 3);
        int bits = scalars.stream().mapToInt(BigInteger::bitLength).max().orElse(0);
        ECPoint result = Curve.CURVE.getInfinity();
        for (int low = (bits - 1) / c * c; low >= 0; low -= c) {
            ECPoint[] buckets = new ECPoint[(1 << c) - 1];
            for (int i = 0; i < n; i++) {
                BigInteger k = scalars.get(i);
                if (k.bitLength() <= low) {
                    continue;
                }
                int digit = k.shiftRight(low).intValue() & ((1 << c) - 1);
                if (digit != 0) {
                    ECPoint bucket = buckets[digit - 1];
                    buckets[digit - 1] = bucket == null ? points.get(i) : bucket.add(points.get(i));
                }
            }
            ECPoint running = Curve.CURVE.getInfinity();
            ECPoint window = Curve.CURVE.getInfinity();
            for (int b = buckets.length - 1; b >= 0; b--) {
                if (buckets[b] != null) {
                    running = running.add(buckets[b]);
                }
                window = window.add(running);
            }
            result = result.timesPow2(c).add(window);
        }
        return result;
    }
}
