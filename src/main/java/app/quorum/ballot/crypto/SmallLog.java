package app.quorum.ballot.crypto;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalLong;

import org.bouncycastle.math.ec.ECPoint;

/**
 * The small discrete logarithm of exponential ElGamal (election-record.md §6): the unique {@code c} in
 * {@code [0, bound]} with {@code T == c·G}, by baby-step giant-step (Shanks 1971) — {@code √bound} additions
 * instead of {@code bound}.
 */
public final class SmallLog {

    private SmallLog() {
    }

    /** The {@code c ∈ [0, bound]} with {@code T == c·G}, or empty when there is none. */
    public static OptionalLong of(ECPoint t, long bound) {
        if (t.isInfinity()) {
            return OptionalLong.of(0);
        }
        int m = (int) Math.ceil(Math.sqrt(bound + 1.0));
        Map<String, Integer> baby = new HashMap<>(2 * m);
        ECPoint step = Group.infinity();
        for (int i = 1; i <= m; i++) {
            step = step.add(Group.G).normalize();
            baby.putIfAbsent(Codec.hex(step), i);
        }
        ECPoint giant = step.negate(); // −m·G
        ECPoint current = t.normalize();
        for (long k = 0; k * m <= bound; k++) {
            if (current.isInfinity()) {
                return k * m <= bound ? OptionalLong.of(k * m) : OptionalLong.empty();
            }
            Integer i = baby.get(Codec.hex(current));
            if (i != null && k * m + i <= bound) {
                return OptionalLong.of(k * m + i);
            }
            current = current.add(giant).normalize();
        }
        return OptionalLong.empty();
    }
}
