package app.quorum.ballot.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

/**
 * The small-exponents batch test of Bellare, Garay and Rabin (1998, "Fast batch verification for modular
 * exponentiation and digital signatures", §3.3; election-record.md §5.4): verification equations
 * {@code Σ_k x_ek·P_ek == O} are each multiplied by an independent random 128-bit weight {@code δ_e} and added up,
 * and all of them hold (but with probability at most 2⁻¹²⁸) iff the sum is {@code O}. Terms on {@code G} and on the
 * ballot's key {@code PK} collapse into one scalar each; the rest is one multi-scalar multiplication ({@link Msm}).
 * P-256 has prime order and cofactor 1 and every point here was decoded onto the curve, so no small-subgroup component
 * can hide a false equation.
 *
 * <p>The hashes (the Fiat–Shamir challenges) are never batched: a proof's {@code addTo} first checks its challenge
 * against its published commitments and adds its equations only when it holds. Not thread-safe.
 */
public final class Batch {

    private final SecureRandom random;
    private final ECPoint publicKey;
    private final List<ECPoint> points = new ArrayList<>();
    private final List<BigInteger> scalars = new ArrayList<>();
    private BigInteger onG = BigInteger.ZERO;
    private BigInteger onKey = BigInteger.ZERO;
    private int equations;

    /**
     * A batch whose equations may also have terms on {@code publicKey} (a ballot's {@code PK}; {@code null} when none
     * does), with weights drawn from {@code random} — after the proofs are fixed, never from them.
     */
    public Batch(ECPoint publicKey, SecureRandom random) {
        this.publicKey = publicKey;
        this.random = random;
    }

    /** A fresh weight for one more equation: uniform in {@code [0, 2^128)}. */
    BigInteger weight() {
        equations++;
        return new BigInteger(128, random);
    }

    /** Adds {@code k·P} to the sum. */
    void term(ECPoint point, BigInteger k) {
        points.add(point);
        scalars.add(Group.mod(k));
    }

    /** Adds {@code k·G}. */
    void onG(BigInteger k) {
        onG = onG.add(k);
    }

    /** Adds {@code k·PK}. */
    void onKey(BigInteger k) {
        if (publicKey == null) {
            throw new IllegalStateException("this batch has no public key");
        }
        onKey = onKey.add(k);
    }

    /** The number of equations added. */
    public int equations() {
        return equations;
    }

    /** Whether every equation added holds (but with probability at most 2⁻¹²⁸ when one does not). */
    public boolean holds() {
        int n = points.size();
        ECPoint[] all = points.toArray(new ECPoint[n + 2]);
        BigInteger[] ks = scalars.toArray(new BigInteger[n + 2]);
        all[n] = Group.G;
        ks[n] = Group.mod(onG);
        int size = n + 1;
        if (publicKey != null) {
            all[n + 1] = publicKey;
            ks[n + 1] = Group.mod(onKey);
            size++;
        }
        return Msm.sum(java.util.Arrays.copyOf(all, size), java.util.Arrays.copyOf(ks, size)).isInfinity();
    }
}
