package app.quorum.ballot.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.bouncycastle.math.ec.ECPoint;

/**
 * A Chaum–Pedersen proof (Chaum, Pedersen 1992) that a partial decryption {@code D = x_j·A} uses the same secret as
 * the trustee's verification key {@code X_j = x_j·G}: {@code log_G X_j == log_A D} (election-record.md §5.3). The
 * challenge binds the ballot context, the trustee {@code j} and the option {@code o}. JSON: {@code {"c", "s"}}.
 */
public record DecryptionProof(BigInteger c, BigInteger s) {

    /** Proves {@code D = x·A} for {@code X = x·G}. */
    public static DecryptionProof prove(String ballotContext, int trustee, int option, BigInteger x, ECPoint key,
            ECPoint a, ECPoint d, SecureRandom random) {
        BigInteger w = Randomness.scalar(random);
        ECPoint[] commitments = {Group.mulG(w), Group.mul(a, w)};
        Group.normalizeAll(commitments);
        BigInteger c = challenge(ballotContext, trustee, option, key, a, d, commitments[0], commitments[1]);
        return new DecryptionProof(c, w.add(c.multiply(x)).mod(Group.Q));
    }

    /** Verifies: {@code a = s·G − c·X}, {@code b = s·A − c·D}, {@code c == H(…)}. */
    public boolean verifies(String ballotContext, int trustee, int option, ECPoint key, ECPoint a, ECPoint d) {
        ECPoint[] commitments = {Group.commitment(Group.G, s, key, c), Group.commitment(a, s, d, c)};
        if (commitments[0].isInfinity() || commitments[1].isInfinity()) {
            return false;
        }
        Group.normalizeAll(commitments);
        return c.equals(challenge(ballotContext, trustee, option, key, a, d, commitments[0], commitments[1]));
    }

    private static BigInteger challenge(String ballotContext, int trustee, int option, ECPoint key, ECPoint a,
            ECPoint d, ECPoint commitA, ECPoint commitB) {
        return Transcript.of("quorum/v1/decrypt").text(ballotContext).number(trustee).number(option)
                .point(key).point(a).point(d).point(commitA).point(commitB).challenge();
    }

    public JsonObject toJson() {
        return Json.createObjectBuilder().add("c", Codec.hex(c)).add("s", Codec.hex(s)).build();
    }

    public static DecryptionProof fromJson(JsonObject json) {
        return new DecryptionProof(Codec.scalar(json.getString("c")), Codec.scalar(json.getString("s")));
    }
}
