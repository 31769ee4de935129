package app.quorum.ballot.crypto;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The count from {@code t} partial decryptions (threshold ElGamal, Desmedt–Frankel 1989 / Pedersen 1991, as in
 * Belenios; election-record.md §6): with the set {@code S} of the first {@code t} accepted trustees by index,
 * {@code W_o = Σ_{j∈S} λ_j·D_jo = x·A_o}, {@code T_o = B_o − W_o = c_o·G}, and {@code c_o} is its small discrete
 * logarithm in {@code [0, papers]}.
 */
public final class ThresholdDecryption {

    private ThresholdDecryption() {
    }

    /** The set {@code S}: the first {@code t} by index among the accepted answers. */
    public static List<PartialDecryption> firstT(List<PartialDecryption> accepted, int threshold) {
        List<PartialDecryption> sorted = new ArrayList<>(accepted);
        sorted.sort(Comparator.comparingInt(PartialDecryption::index));
        if (sorted.size() < threshold) {
            throw new IllegalArgumentException("fewer than t trustees answered");
        }
        return List.copyOf(sorted.subList(0, threshold));
    }

    /**
     * The counts, per option.
     *
     * @param chosen the partial decryptions of {@code S} (distinct indices; {@code t} of them for the true counts —
     *               fewer give a wrong {@code W_o}, which is what the threshold means)
     * @throws IllegalStateException when some {@code T_o} is no multiple of {@code G} in {@code [0, papers]}
     */
    public static long[] counts(Aggregate aggregate, List<PartialDecryption> chosen, long papers) {
        List<Integer> indices = chosen.stream().map(PartialDecryption::index).toList();
        BigInteger[] lambdas = Lagrange.atZero(indices);
        long[] counts = new long[aggregate.size()];
        for (int o = 0; o < aggregate.size(); o++) {
            ECPoint[] shares = new ECPoint[chosen.size()];
            for (int a = 0; a < shares.length; a++) {
                shares[a] = chosen.get(a).shares().get(o).d();
            }
            ECPoint w = ECAlgorithms.sumOfMultiplies(shares, lambdas);
            OptionalLong count = SmallLog.of(aggregate.sums().get(o).beta().subtract(w), papers);
            counts[o] = count.orElseThrow(() -> new IllegalStateException("no count in [0, papers] for an option"));
        }
        return counts;
    }

    /** Like {@link #counts}, but empty rather than an error when a {@code T_o} has no small logarithm. */
    public static java.util.Optional<long[]> tryCounts(Aggregate aggregate, List<PartialDecryption> chosen,
            long papers) {
        try {
            return java.util.Optional.of(counts(aggregate, chosen, papers));
        } catch (IllegalStateException none) {
            return java.util.Optional.empty();
        }
    }
}
