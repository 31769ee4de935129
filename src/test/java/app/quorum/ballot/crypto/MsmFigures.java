package app.quorum.ballot.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * CryptoBench's table of the multi-scalar multiplication under the batches (election-record.md §5.4): CPU per point of
 * BouncyCastle's interleaved wNAF ({@link ECAlgorithms#sumOfMultiplies}) and of {@link Msm#pippenger}, on sums shaped
 * like a batch's — two points in three with a 128-bit weight (the commitments), one in three with a full scalar (the
 * ciphertexts) — with points freshly decoded for every run (BouncyCastle keeps its tables in the point objects).
 */
final class MsmFigures {

    private MsmFigures() {
    }

    static List<String> table(SecureRandom random) {
        List<String> lines = new ArrayList<>();
        lines.add("Multi-scalar multiplication Σ k_i·P_i, CPU per point (2/3 of the scalars 128-bit, 1/3 full), best of "
                + "3 runs; `Msm` takes BouncyCastle's below " + Msm.PIPPENGER_FROM + " points and Pippenger's from there:");
        lines.add("");
        lines.add("| points | BouncyCastle sumOfMultiplies | Pippenger (signed digits) | ratio |");
        lines.add("| --- | --- | --- | --- |");
        for (int n : new int[] {8, 20, 100, 1000, 10000, 40000}) {
            byte[][] encodings = new byte[n][];
            BigInteger[] scalars = new BigInteger[n];
            for (int i = 0; i < n; i++) {
                encodings[i] = Group.mulG(Randomness.scalar(random)).getEncoded(true);
                scalars[i] = i % 3 == 0 ? Randomness.scalar(random) : new BigInteger(128, random);
            }
            int rounds = n <= 1000 ? 10 : 3;
            double library = best(encodings, scalars, rounds, true);
            double ours = best(encodings, scalars, rounds, false);
            lines.add(String.format(Locale.ROOT, "| %d | %.1f µs | %.1f µs | %.2f |", n, library, ours, library / ours));
        }
        return lines;
    }

    private static double best(byte[][] encodings, BigInteger[] scalars, int rounds, boolean library) {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long best = Long.MAX_VALUE;
        ECPoint first = null;
        for (int round = 0; round < rounds; round++) {
            ECPoint[] points = new ECPoint[encodings.length];
            for (int i = 0; i < points.length; i++) {
                points[i] = Group.CURVE.decodePoint(encodings[i]);
            }
            long start = threads.getCurrentThreadCpuTime();
            ECPoint sum = library ? ECAlgorithms.sumOfMultiplies(points, scalars) : Msm.pippenger(points, scalars);
            best = Math.min(best, threads.getCurrentThreadCpuTime() - start);
            if (first == null) {
                first = sum.normalize();
            } else if (!first.equals(sum)) {
                throw new IllegalStateException("two runs disagree");
            }
        }
        return best / 1e3 / encodings.length;
    }
}
