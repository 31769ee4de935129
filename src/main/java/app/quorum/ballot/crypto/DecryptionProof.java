package app.quorum.ballot.crypto;

import app.quorum.platform.Jsons;
import java.math.BigInteger;
import java.security.SecureRandom;

import jakarta.json.JsonObject;

import org.bouncycastle.math.ec.ECPoint;

/**
 * A Chaum–Pedersen proof (Chaum, Pedersen 1992) that a partial decryption {@code D = x_j·A} uses the same secret as
 * the trustee's verification key {@code X_j = x_j·G}: {@code log_G X_j == log_A D} (election-record.md §5.3), with its
 * commitments published. The challenge binds the ballot context, the trustee {@code j} and the option {@code o}.
 * JSON: {@code {"a": P, "b": P, "c": s, "s": s}}.
 */
public record DecryptionProof(ECPoint a, ECPoint b, BigInteger c, BigInteger s) {

    /** Proves {@code D = x·A} for {@code X = x·G}. */
    public static DecryptionProof prove(String ballotContext, int trustee, int option, BigInteger x, ECPoint key,
            ECPoint a, ECPoint d, SecureRandom random) {
        BigInteger w = Randomness.scalar(random); // in [1, q-1] and A ≠ O: neither commitment is O
        ECPoint[] commitments = {Group.mulG(w), Group.mul(a, w)};
        Group.normalizeAll(commitments);
        BigInteger c = challenge(ballotContext, trustee, option, key, a, d, commitments[0], commitments[1]);
        return new DecryptionProof(commitments[0], commitments[1], c, w.add(c.multiply(x)).mod(Group.Q));
    }

    /** Verifies: {@code c == H(…)} and {@code s·G − c·X == a}, {@code s·A − c·D == b} (a recomputed {@code O} refused). */
    public boolean verifies(String ballotContext, int trustee, int option, ECPoint key, ECPoint aggregate, ECPoint d) {
        if (!challengeHolds(ballotContext, trustee, option, key, aggregate, d)) {
            return false;
        }
        ECPoint first = Group.commitment(Group.G, s, key, c);
        ECPoint second = Group.commitment(aggregate, s, d, c);
        return !first.isInfinity() && !second.isInfinity() && first.equals(a) && second.equals(b);
    }

    /** Whether the challenge is the hash of the statement and the published commitments. */
    public boolean challengeHolds(String ballotContext, int trustee, int option, ECPoint key, ECPoint aggregate,
            ECPoint d) {
        return c.equals(challenge(ballotContext, trustee, option, key, aggregate, d, a, b));
    }

    /**
     * Adds {@code a + c·X − s·G == O} and {@code b + c·D − s·A == O} to the batch when the challenge holds.
     *
     * @return whether the challenge held
     */
    public boolean addTo(Batch batch, String ballotContext, int trustee, int option, ECPoint key, ECPoint aggregate,
            ECPoint d) {
        if (!challengeHolds(ballotContext, trustee, option, key, aggregate, d)) {
            return false;
        }
        BigInteger first = batch.weight();
        BigInteger second = batch.weight();
        batch.term(a, first);
        batch.term(key, first.multiply(c));
        batch.onG(first.multiply(s).negate());
        batch.term(b, second);
        batch.term(d, second.multiply(c));
        batch.term(aggregate, second.multiply(s).negate());
        return true;
    }

    private static BigInteger challenge(String ballotContext, int trustee, int option, ECPoint key, ECPoint a,
            ECPoint d, ECPoint commitA, ECPoint commitB) {
        return Transcript.of("quorum/v1/decrypt").text(ballotContext).number(trustee).number(option)
                .point(key).point(a).point(d).point(commitA).point(commitB).challenge();
    }

    public JsonObject toJson() {
        return Jsons.JSON.createObjectBuilder().add("a", Codec.hex(a)).add("b", Codec.hex(b)).add("c", Codec.hex(c))
                .add("s", Codec.hex(s)).build();
    }

    public static DecryptionProof fromJson(JsonObject json) {
        return new DecryptionProof(Codec.point(json.getString("a")), Codec.point(json.getString("b")),
                Codec.scalar(json.getString("c")), Codec.scalar(json.getString("s")));
    }
}
