package app.quorum.ballot.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.bouncycastle.math.ec.ECPoint;

/**
 * A Schnorr proof of knowledge of {@code x} with {@code X = x·G} (Schnorr 1991; non-interactive by Fiat–Shamir with
 * the statement hashed: election-record.md §5.1). The challenge binds the tag ({@link #DEVICE}, {@link #COMMITMENT},
 * {@link #SHARE}), the ceremony context and the trustee's index, so a proof cannot be moved to another role, ceremony
 * or trustee. JSON: {@code {"c": s, "s": s}}.
 */
public record SchnorrProof(BigInteger c, BigInteger s) {

    public static final String DEVICE = "device";
    public static final String COMMITMENT = "commitment";
    public static final String SHARE = "share";

    /** Proves knowledge of {@code x} for {@code X = x·G}. */
    public static SchnorrProof prove(String tag, String ceremonyContext, int index, BigInteger x, ECPoint publicValue,
            SecureRandom random) {
        BigInteger w = Randomness.scalar(random);
        BigInteger c = challenge(tag, ceremonyContext, index, publicValue, Group.mulG(w));
        return new SchnorrProof(c, w.add(c.multiply(x)).mod(Group.Q));
    }

    /** Verifies: {@code A' = s·G − c·X} and {@code c == H(… X | A')}. */
    public boolean verifies(String tag, String ceremonyContext, int index, ECPoint publicValue) {
        ECPoint a = Group.commitment(Group.G, s, publicValue, c);
        return !a.isInfinity() && c.equals(challenge(tag, ceremonyContext, index, publicValue, a));
    }

    private static BigInteger challenge(String tag, String ceremonyContext, int index, ECPoint x, ECPoint a) {
        return Transcript.of("quorum/v1/schnorr").text(tag).text(ceremonyContext).number(index).point(x).point(a)
                .challenge();
    }

    public JsonObject toJson() {
        return Json.createObjectBuilder().add("c", Codec.hex(c)).add("s", Codec.hex(s)).build();
    }

    public static SchnorrProof fromJson(JsonObject json) {
        return new SchnorrProof(Codec.scalar(json.getString("c")), Codec.scalar(json.getString("s")));
    }
}
