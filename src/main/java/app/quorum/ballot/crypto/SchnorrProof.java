package app.quorum.ballot.crypto;

import app.quorum.platform.Jsons;
import java.math.BigInteger;
import java.security.SecureRandom;

import jakarta.json.JsonObject;

import org.bouncycastle.math.ec.ECPoint;

/**
 * A Schnorr proof of knowledge of {@code x} with {@code X = x·G} (Schnorr 1991; non-interactive by Fiat–Shamir with
 * the statement hashed, the commitment published as in Helios: election-record.md §5.1). The challenge binds the tag
 * ({@link #DEVICE}, {@link #COMMITMENT}, {@link #SHARE}), the ceremony context and the trustee's index, so a proof
 * cannot be moved to another role, ceremony or trustee. JSON: {@code {"a": P, "c": s, "s": s}}.
 */
public record SchnorrProof(ECPoint a, BigInteger c, BigInteger s) {

    public static final String DEVICE = "device";
    public static final String COMMITMENT = "commitment";
    public static final String SHARE = "share";

    /** Proves knowledge of {@code x} for {@code X = x·G}. */
    public static SchnorrProof prove(String tag, String ceremonyContext, int index, BigInteger x, ECPoint publicValue,
            SecureRandom random) {
        BigInteger w = Randomness.scalar(random); // in [1, q-1], so A = w·G is never O
        ECPoint a = Group.mulG(w).normalize();
        BigInteger c = challenge(tag, ceremonyContext, index, publicValue, a);
        return new SchnorrProof(a, c, w.add(c.multiply(x)).mod(Group.Q));
    }

    /** Verifies: {@code c == H(… X | A)} and {@code s·G − c·X == A} (a recomputed {@code O} is refused). */
    public boolean verifies(String tag, String ceremonyContext, int index, ECPoint publicValue) {
        ECPoint recomputed = Group.commitment(Group.G, s, publicValue, c);
        return challengeHolds(tag, ceremonyContext, index, publicValue) && !recomputed.isInfinity()
                && recomputed.equals(a);
    }

    /** Whether the challenge is the hash of the statement and the published commitment. */
    public boolean challengeHolds(String tag, String ceremonyContext, int index, ECPoint publicValue) {
        return c.equals(challenge(tag, ceremonyContext, index, publicValue, a));
    }

    /**
     * Adds {@code A + c·X − s·G == O} to the batch when the challenge holds.
     *
     * @return whether the challenge held (else nothing is added and the proof is false)
     */
    public boolean addTo(Batch batch, String tag, String ceremonyContext, int index, ECPoint publicValue) {
        if (!challengeHolds(tag, ceremonyContext, index, publicValue)) {
            return false;
        }
        BigInteger delta = batch.weight();
        batch.term(a, delta);
        batch.term(publicValue, delta.multiply(c));
        batch.onG(delta.multiply(s).negate());
        return true;
    }

    private static BigInteger challenge(String tag, String ceremonyContext, int index, ECPoint x, ECPoint a) {
        return Transcript.of("quorum/v1/schnorr").text(tag).text(ceremonyContext).number(index).point(x).point(a)
                .challenge();
    }

    public JsonObject toJson() {
        return Jsons.JSON.createObjectBuilder().add("a", Codec.hex(a)).add("c", Codec.hex(c)).add("s", Codec.hex(s)).build();
    }

    public static SchnorrProof fromJson(JsonObject json) {
        return new SchnorrProof(Codec.point(json.getString("a")), Codec.scalar(json.getString("c")),
                Codec.scalar(json.getString("s")));
    }
}
