package app.quorum.verifier;

import java.math.BigInteger;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

/**
 * The three proof verifications of election-record.md §5: Schnorr (§5.1), disjunctive Chaum–Pedersen after
 * Cramer–Damgård–Schoenmakers (§5.2) and Chaum–Pedersen for a partial decryption (§5.3). Each recomputes the
 * commitments from {@code (c, s)} and compares the challenge with the hash of the whole statement.
 */
final class Proofs {

    private Proofs() {
    }

    /** §5.1: {@code A' = s·G − c·X}, {@code c == H("quorum/v1/schnorr|tag|ceremony|index|X|A'")}. */
    static boolean schnorr(String tag, String ceremonyContext, long index, ECPoint x, BigInteger c, BigInteger s) {
        ECPoint a = Curve.sMinusC(Curve.GENERATOR, s, x, c);
        return !a.isInfinity() && c.equals(Hashing.challenge("quorum/v1/schnorr", tag, ceremonyContext,
                Long.toString(index), Curve.hex(x), Curve.hex(a)));
    }

    /**
     * §5.2: every {@code a_j = s_j·G − c_j·α}, {@code b_j = s_j·PK − c_j·(β − v_j·G)}, none the identity, and
     * {@code Σ c_j == H(prefix|α|β|a_0|b_0|…)}.
     */
    static boolean disjunctive(String prefix, ECPoint alpha, ECPoint beta, long[] values, List<BigInteger> c,
            List<BigInteger> s, ECPoint publicKey) {
        if (c.size() != values.length || s.size() != values.length) {
            return false;
        }
        ECPoint[] commitments = new ECPoint[2 * values.length];
        BigInteger sum = BigInteger.ZERO;
        for (int j = 0; j < values.length; j++) {
            commitments[2 * j] = Curve.sMinusC(Curve.GENERATOR, s.get(j), alpha, c.get(j));
            ECPoint shifted = values[j] == 0 ? beta : beta.subtract(Curve.timesG(values[j]));
            commitments[2 * j + 1] = Curve.sMinusC(publicKey, s.get(j), shifted, c.get(j));
            sum = sum.add(c.get(j));
        }
        for (ECPoint commitment : commitments) {
            if (commitment.isInfinity()) {
                return false;
            }
        }
        Curve.CURVE.normalizeAll(commitments);
        StringBuilder transcript = new StringBuilder(prefix).append('|').append(Curve.hex(alpha)).append('|')
                .append(Curve.hex(beta));
        for (ECPoint commitment : commitments) {
            transcript.append('|').append(Curve.hex(commitment));
        }
        return sum.mod(Curve.ORDER).equals(Hashing.challenge(transcript.toString()));
    }

    /**
     * §5.3: {@code a = s·G − c·X_j}, {@code b = s·A − c·D},
     * {@code c == H("quorum/v1/decrypt|ballot|j|o|X_j|A|D|a|b")}.
     */
    static boolean decryption(String ballotContext, long trustee, int option, ECPoint key, ECPoint a, ECPoint d,
            BigInteger c, BigInteger s) {
        ECPoint[] commitments = {Curve.sMinusC(Curve.GENERATOR, s, key, c), Curve.sMinusC(a, s, d, c)};
        if (commitments[0].isInfinity() || commitments[1].isInfinity()) {
            return false;
        }
        Curve.CURVE.normalizeAll(commitments);
        return c.equals(Hashing.challenge("quorum/v1/decrypt", ballotContext, Long.toString(trustee),
                Integer.toString(option), Curve.hex(key), Curve.hex(a), Curve.hex(d), Curve.hex(commitments[0]),
                Curve.hex(commitments[1])));
    }
}
