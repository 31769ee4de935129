package app.quorum.ballot.crypto;

import java.math.BigInteger;
import java.util.List;

/**
 * Lagrange coefficients at 0 over {@code Z_q} for Shamir shares (Shamir 1979; election-record.md §6):
 * {@code λ_j = Π_{m∈S, m≠j} m·(m − j)⁻¹ mod q}, so that {@code Σ_{j∈S} λ_j·f(j) = f(0)} for any polynomial of degree
 * below {@code |S|}.
 */
public final class Lagrange {

    private Lagrange() {
    }

    /** The coefficients for the distinct indices {@code set}, in its order. */
    public static BigInteger[] atZero(List<Integer> set) {
        BigInteger[] lambdas = new BigInteger[set.size()];
        for (int a = 0; a < set.size(); a++) {
            int j = set.get(a);
            BigInteger numerator = BigInteger.ONE;
            BigInteger denominator = BigInteger.ONE;
            for (int m : set) {
                if (m == j) {
                    continue;
                }
                numerator = numerator.multiply(BigInteger.valueOf(m)).mod(Group.Q);
                denominator = denominator.multiply(BigInteger.valueOf(m - j)).mod(Group.Q);
            }
            lambdas[a] = numerator.multiply(denominator.modInverse(Group.Q)).mod(Group.Q);
        }
        return lambdas;
    }
}
