package app.quorum.ballot.crypto;

import java.math.BigInteger;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * Multi-scalar multiplication {@code Σ k_i·P_i} for the batch checks of election-record.md §5.4. For many points it is
 * Pippenger's bucket method (Pippenger 1976; as in Bernstein, Doumen, Lange, Oosterwijk 2012, "Faster batch forgery
 * identification", §4) with signed window digits, over BouncyCastle's points: per window of {@code c} bits every point
 * goes into the bucket of its digit (a mixed addition, as decoded points are affine), the buckets are summed by a
 * running sum, and a point's windows above its scalar's length are skipped — so the 128-bit weights of §5.4 cost half
 * of a full scalar. For a few points BouncyCastle's interleaved wNAF ({@link ECAlgorithms#sumOfMultiplies}) is
 * faster and is used. CryptoBench measures both. Public scalars only: it is not constant-time.
 */
final class Msm {

    /** From this many points on, Pippenger beats BouncyCastle's interleaving (measured by CryptoBench). */
    static final int PIPPENGER_FROM = 16;

    private Msm() {
    }

    /** {@code Σ k_i·P_i}; the identity for no point. Scalars in {@code [0, q-1]}. */
    static ECPoint sum(ECPoint[] points, BigInteger[] scalars) {
        if (points.length != scalars.length) {
            throw new IllegalArgumentException("one scalar per point");
        }
        if (points.length == 0) {
            return Group.infinity();
        }
        return points.length < PIPPENGER_FROM ? ECAlgorithms.sumOfMultiplies(points, scalars)
                : pippenger(points, scalars);
    }

    /** Pippenger's method with window {@code c ≈ log2(n) − 2} bits and digits in {@code (−2^(c−1), 2^(c−1)]}. */
    static ECPoint pippenger(ECPoint[] points, BigInteger[] scalars) {
        int n = points.length;
        int c = Math.max(2, Math.min(15, 31 - Integer.numberOfLeadingZeros(n) - 2));
        int windows = (Group.Q.bitLength() + 1 + c - 1) / c; // one bit of room for the last carry
        short[] digits = new short[n * windows];
        int[] top = new int[n]; // windows of each point that may hold a digit
        for (int i = 0; i < n; i++) {
            top[i] = recode(scalars[i], c, windows, digits, i * windows);
        }
        ECPoint[] negated = new ECPoint[n];
        ECPoint[] buckets = new ECPoint[1 << (c - 1)];
        ECPoint result = null;
        for (int w = windows - 1; w >= 0; w--) {
            java.util.Arrays.fill(buckets, null);
            for (int i = 0; i < n; i++) {
                if (w >= top[i]) {
                    continue;
                }
                int d = digits[i * windows + w];
                if (d > 0) {
                    buckets[d - 1] = buckets[d - 1] == null ? points[i] : buckets[d - 1].add(points[i]);
                } else if (d < 0) {
                    if (negated[i] == null) {
                        negated[i] = points[i].negate();
                    }
                    buckets[-d - 1] = buckets[-d - 1] == null ? negated[i] : buckets[-d - 1].add(negated[i]);
                }
            }
            ECPoint running = null;
            ECPoint window = null;
            for (int b = buckets.length - 1; b >= 0; b--) {
                if (buckets[b] != null) {
                    running = running == null ? buckets[b] : running.add(buckets[b]);
                }
                if (running != null) {
                    window = window == null ? running : window.add(running);
                }
            }
            if (result != null) {
                result = result.timesPow2(c);
            }
            if (window != null) {
                result = result == null ? window : result.add(window);
            }
        }
        return result == null ? Group.infinity() : result;
    }

    /** Writes the signed digits of {@code k}; returns how many windows may be non-zero. */
    private static int recode(BigInteger k, int c, int windows, short[] digits, int at) {
        long[] limbs = limbs(k);
        int used = Math.min(windows, (k.bitLength() + c) / c + 1);
        int half = 1 << (c - 1);
        int carry = 0;
        for (int w = 0; w < used; w++) {
            int v = bits(limbs, w * c, c) + carry;
            if (v > half) {
                digits[at + w] = (short) (v - (1 << c));
                carry = 1;
            } else {
                digits[at + w] = (short) v;
                carry = 0;
            }
        }
        return used;
    }

    private static long[] limbs(BigInteger k) {
        long[] limbs = new long[5];
        byte[] bytes = k.toByteArray(); // big-endian, maybe with a leading 0
        for (int i = 0; i < bytes.length && i < 40; i++) {
            limbs[i / 8] |= (bytes[bytes.length - 1 - i] & 0xffL) << (8 * (i % 8));
        }
        return limbs;
    }

    private static int bits(long[] limbs, int offset, int count) {
        int limb = offset >>> 6;
        int shift = offset & 63;
        if (limb >= limbs.length) {
            return 0;
        }
        long value = limbs[limb] >>> shift;
        if (shift + count > 64 && limb + 1 < limbs.length) {
            value |= limbs[limb + 1] << (64 - shift);
        }
        return (int) (value & ((1L << count) - 1));
    }
}
