package app.quorum.ballot.crypto;

import java.math.BigInteger;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.math.ec.FixedPointUtil;

/**
 * The group of the secret ballot: NIST P-256 (secp256r1; FIPS 186-5, SEC 2 §2.4.2), prime order {@code q}, standard
 * generator {@code G}, additive notation (election-record.md §1).
 *
 * <p>BouncyCastle's custom curve (field arithmetic specialised for the P-256 prime) does the arithmetic. Multiples of
 * a fixed base ({@code G}, a ballot's {@code PK}) use the fixed-point comb, whose table is computed once per point and
 * cached in it; the verifier's {@code s·P − c·Q} uses Shamir's trick with interleaved wNAF
 * ({@link ECAlgorithms#sumOfTwoMultiplies}), whose tables for {@code G} and {@code PK} are cached in those points too.
 * So callers should keep and reuse the same {@link ECPoint} objects for {@code G} and a ballot's key.
 */
public final class Group {

    private static final X9ECParameters P256 = CustomNamedCurves.getByName("secp256r1");

    /** The curve (BouncyCastle's SecP256R1Curve). */
    public static final ECCurve CURVE = P256.getCurve();
    /** The prime order {@code q} of {@code G}. */
    public static final BigInteger Q = P256.getN();
    /** The standard generator {@code G} (normalised, its comb table precomputed). */
    public static final ECPoint G = P256.getG().normalize();
    /** The field prime {@code p}. */
    public static final BigInteger P = CURVE.getField().getCharacteristic();

    private static final ECMultiplier COMB = new FixedPointCombMultiplier();
    /** {@code 0·G … 63·G}: the small multiples a range proof and the small discrete logarithm use. */
    private static final ECPoint[] SMALL = new ECPoint[64];

    static {
        FixedPointUtil.precompute(G);
        SMALL[0] = CURVE.getInfinity();
        for (int i = 1; i < SMALL.length; i++) {
            SMALL[i] = SMALL[i - 1].add(G).normalize();
        }
    }

    private Group() {
    }

    /** The identity {@code O}. */
    public static ECPoint infinity() {
        return CURVE.getInfinity();
    }

    /** {@code k·G}, by the fixed-point comb (regular in the scalar; fit for secrets such as randomness). */
    public static ECPoint mulG(BigInteger k) {
        return COMB.multiply(G, mod(k));
    }

    /** {@code v·G} for a small non-negative integer (a vote, a count), from a table when it is small. */
    public static ECPoint smallMultiple(long v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative multiple");
        }
        return v < SMALL.length ? SMALL[(int) v] : mulG(BigInteger.valueOf(v));
    }

    /**
     * {@code k·P} for a base used many times (a ballot's public key): the comb table is computed on first use and
     * kept in the point.
     */
    public static ECPoint mulFixed(ECPoint base, BigInteger k) {
        return COMB.multiply(base, mod(k));
    }

    /** {@code k·P} for a base used once. */
    public static ECPoint mul(ECPoint base, BigInteger k) {
        return base.multiply(mod(k));
    }

    /** {@code a·P + b·Q} by Shamir's trick (public scalars: proof verification). */
    public static ECPoint sumOfTwo(ECPoint p, BigInteger a, ECPoint q, BigInteger b) {
        return ECAlgorithms.sumOfTwoMultiplies(p, mod(a), q, mod(b));
    }

    /** {@code s·P − c·Q}, the commitment a Σ-protocol verifier recomputes. */
    public static ECPoint commitment(ECPoint p, BigInteger s, ECPoint q, BigInteger c) {
        return sumOfTwo(p, s, q, Q.subtract(mod(c)));
    }

    /** {@code k mod q}, in {@code [0, q-1]}. */
    public static BigInteger mod(BigInteger k) {
        return k.signum() >= 0 && k.compareTo(Q) < 0 ? k : k.mod(Q);
    }

    /** Normalises the points in one pass (one field inversion for all), so that they can be encoded. */
    public static void normalizeAll(ECPoint[] points) {
        CURVE.normalizeAll(points);
    }
}
