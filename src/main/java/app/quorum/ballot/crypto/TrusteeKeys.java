package app.quorum.ballot.crypto;

import app.quorum.platform.Jsons;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.bouncycastle.math.ec.ECPoint;

/**
 * A trustee's public part of the ceremony (election-record.md §2 and §7): the device key {@code E_i} with its
 * Schnorr proof, the Feldman commitments {@code C_i0 … C_i,t-1} with a Schnorr proof of {@code a_i0}, and the
 * verification key {@code X_i} with its proof. JSON: {@code {"index", "role", "name", "deviceKey", "deviceKeyProof",
 * "commitments", "commitmentProof", "verificationKey", "verificationKeyProof"}}.
 */
public record TrusteeKeys(int index, String role, String name, ECPoint deviceKey, SchnorrProof deviceKeyProof,
        List<ECPoint> commitments, SchnorrProof commitmentProof, ECPoint verificationKey,
        SchnorrProof verificationKeyProof) {

    public TrusteeKeys {
        commitments = List.copyOf(commitments);
    }

    /** Round 1's part: the device key and the commitments, each with its proof (§2, round 1). */
    public RoundOne roundOne() {
        return new RoundOne(index, deviceKey, deviceKeyProof, commitments, commitmentProof);
    }

    /** Whether round 1's proofs verify. */
    public boolean roundOneVerifies(String ceremonyContext) {
        return roundOne().verifies(ceremonyContext);
    }

    /** The proof of the verification key (§2, round 3). */
    public boolean verificationKeyProofVerifies(String ceremonyContext) {
        return verificationKeyProof.verifies(SchnorrProof.SHARE, ceremonyContext, index, verificationKey);
    }

    public JsonObject toJson() {
        JsonArrayBuilder points = Jsons.JSON.createArrayBuilder();
        commitments.forEach(point -> points.add(Codec.hex(point)));
        return Jsons.JSON.createObjectBuilder().add("index", index).add("role", role).add("name", name)
                .add("deviceKey", Codec.hex(deviceKey)).add("deviceKeyProof", deviceKeyProof.toJson())
                .add("commitments", points).add("commitmentProof", commitmentProof.toJson())
                .add("verificationKey", Codec.hex(verificationKey))
                .add("verificationKeyProof", verificationKeyProof.toJson()).build();
    }

    public static TrusteeKeys fromJson(JsonObject json) {
        return new TrusteeKeys(Codec.smallInteger(json.get("index"), 1, "index"), json.getString("role"), json.getString("name"),
                Codec.point(json.getString("deviceKey")), SchnorrProof.fromJson(json.getJsonObject("deviceKeyProof")),
                points(json.getJsonArray("commitments")), SchnorrProof.fromJson(json.getJsonObject("commitmentProof")),
                Codec.point(json.getString("verificationKey")),
                SchnorrProof.fromJson(json.getJsonObject("verificationKeyProof")));
    }

    static List<ECPoint> points(JsonArray array) {
        List<ECPoint> points = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            points.add(Codec.point(array.getString(i)));
        }
        return points;
    }
}
