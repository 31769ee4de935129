package app.quorum.ballot.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

/**
 * A trustee's secret polynomial {@code f(x) = a_0 + a_1·x + … + a_t-1·x^(t-1)} over {@code Z_q} (Shamir 1979 secret
 * sharing, with Feldman 1987 commitments {@code C_k = a_k·G}; election-record.md §2, round 1). {@code f(j)} is the
 * share for trustee {@code j}; {@code a_0} is this trustee's contribution to the joint secret.
 */
public record Polynomial(List<BigInteger> coefficients) {

    public Polynomial {
        coefficients = List.copyOf(coefficients);
        if (coefficients.isEmpty()) {
            throw new IllegalArgumentException("a polynomial has at least its constant term");
        }
    }

    /** A random polynomial of degree {@code threshold - 1}. */
    public static Polynomial random(int threshold, SecureRandom random) {
        List<BigInteger> coefficients = new ArrayList<>(threshold);
        for (int k = 0; k < threshold; k++) {
            coefficients.add(Randomness.scalar(random));
        }
        return new Polynomial(coefficients);
    }

    /** {@code f(x) mod q}, by Horner's rule. */
    public BigInteger at(long x) {
        BigInteger point = BigInteger.valueOf(x);
        BigInteger value = BigInteger.ZERO;
        for (int k = coefficients.size() - 1; k >= 0; k--) {
            value = value.multiply(point).add(coefficients.get(k)).mod(Group.Q);
        }
        return value;
    }

    /** The Feldman commitments {@code C_k = a_k·G}. */
    public List<ECPoint> commitments() {
        ECPoint[] points = coefficients.stream().map(Group::mulG).toArray(ECPoint[]::new);
        Group.normalizeAll(points);
        return List.of(points);
    }

    /** The constant term {@code a_0}. */
    public BigInteger secret() {
        return coefficients.get(0);
    }
}
