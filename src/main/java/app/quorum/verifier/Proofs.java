package app.quorum.verifier;

import java.math.BigInteger;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

/**
 * The three proof verifications of election-record.md §5, on proofs that publish their commitments (the Helios form):
 * Schnorr (§5.1), disjunctive Chaum–Pedersen after Cramer–Damgård–Schoenmakers (§5.2) and Chaum–Pedersen for a
 * partial decryption (§5.3). Each compares the challenge with the hash of the whole statement and the published
 * commitments, and checks every verification equation by recomputing the commitment ({@code s·P − c·Q}, refused when
 * it is the identity) and comparing it with the published one. The papers' equations are also batched
 * ({@link SmallExponents}); the hashes never are.
 */
final class Proofs {

    private Proofs() {
    }

    /** A disjunctive proof as read: commitments {@code a}, {@code b}, challenges {@code c}, responses {@code s}. */
    record OneOf(List<ECPoint> a, List<ECPoint> b, List<BigInteger> c, List<BigInteger> s) {

        static OneOf read(com.fasterxml.jackson.databind.JsonNode proof, int branches, String where) {
            return new OneOf(Fields.points(proof, "a", branches, where), Fields.points(proof, "b", branches, where),
                    Fields.scalars(proof, "c", branches, where), Fields.scalars(proof, "s", branches, where));
        }
    }

    /** §5.1: {@code c == H("quorum/v1/schnorr|tag|ceremony|index|X|A")} and {@code s·G − c·X == A}. */
    static boolean schnorr(String tag, String ceremonyContext, long index, ECPoint x, ECPoint a, BigInteger c,
            BigInteger s) {
        return c.equals(Hashing.challenge("quorum/v1/schnorr", tag, ceremonyContext, Long.toString(index),
                Curve.hex(x), Curve.hex(a))) && same(Curve.sMinusC(Curve.GENERATOR, s, x, c), a);
    }

    /** §5.2's hash: {@code Σ c_j == H(prefix|α|β|a_0|b_0|…)} over the published commitments. */
    static boolean challengeHolds(String prefix, ECPoint alpha, ECPoint beta, OneOf proof) {
        StringBuilder transcript = new StringBuilder(prefix).append('|').append(Curve.hex(alpha)).append('|')
                .append(Curve.hex(beta));
        BigInteger sum = BigInteger.ZERO;
        for (int j = 0; j < proof.c().size(); j++) {
            transcript.append('|').append(Curve.hex(proof.a().get(j))).append('|').append(Curve.hex(proof.b().get(j)));
            sum = sum.add(proof.c().get(j));
        }
        return sum.mod(Curve.ORDER).equals(Hashing.challenge(transcript.toString()));
    }

    /** §5.2's equations, one by one: {@code s_j·G − c_j·α == a_j} and {@code s_j·PK − c_j·(β − v_j·G) == b_j}. */
    static boolean equationsHold(ECPoint alpha, ECPoint beta, long[] values, OneOf proof, ECPoint publicKey) {
        for (int j = 0; j < values.length; j++) {
            ECPoint shifted = values[j] == 0 ? beta : beta.subtract(Curve.timesG(values[j]));
            if (!same(Curve.sMinusC(Curve.GENERATOR, proof.s().get(j), alpha, proof.c().get(j)), proof.a().get(j))
                    || !same(Curve.sMinusC(publicKey, proof.s().get(j), shifted, proof.c().get(j)), proof.b().get(j))) {
                return false;
            }
        }
        return true;
    }

    /**
     * §5.3: {@code c == H("quorum/v1/decrypt|ballot|j|o|X_j|A|D|a|b")}, {@code s·G − c·X_j == a} and
     * {@code s·A − c·D == b}.
     */
    static boolean decryption(String ballotContext, long trustee, int option, ECPoint key, ECPoint aggregate, ECPoint d,
            ECPoint a, ECPoint b, BigInteger c, BigInteger s) {
        return c.equals(Hashing.challenge("quorum/v1/decrypt", ballotContext, Long.toString(trustee),
                Integer.toString(option), Curve.hex(key), Curve.hex(aggregate), Curve.hex(d), Curve.hex(a), Curve.hex(b)))
                && same(Curve.sMinusC(Curve.GENERATOR, s, key, c), a) && same(Curve.sMinusC(aggregate, s, d, c), b);
    }

    /** A recomputed commitment equals the published one, and is not the identity. */
    private static boolean same(ECPoint recomputed, ECPoint published) {
        return !recomputed.isInfinity() && recomputed.equals(published);
    }
}
