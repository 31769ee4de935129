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
 * rest is one multi-scalar multiplication by BouncyCastle's interleaved wNAF ({@link ECAlgorithms#sumOfMultiplies}),
 * in slices summed in parallel.
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
        int slices = Math.max(1, Math.min(points.size() / 64, 4 * Runtime.getRuntime().availableProcessors()));
        int size = points.size();
        ECPoint sum = IntStream.range(0, slices).parallel().mapToObj(slice -> {
            int from = slice * size / slices;
            int to = (slice + 1) * size / slices;
            return ECAlgorithms.sumOfMultiplies(points.subList(from, to).toArray(ECPoint[]::new),
                    scalars.subList(from, to).toArray(BigInteger[]::new));
        }).reduce(Curve.CURVE.getInfinity(), ECPoint::add);
        return sum.isInfinity();
    }
}
