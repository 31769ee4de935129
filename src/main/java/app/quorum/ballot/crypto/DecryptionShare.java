package app.quorum.ballot.crypto;

import app.quorum.platform.Jsons;
import jakarta.json.JsonObject;

import org.bouncycastle.math.ec.ECPoint;

/**
 * One trustee's partial decryption of one option's aggregate, {@code D_jo = x_j·A_o}, with its Chaum–Pedersen proof
 * (election-record.md §5.3, §6). JSON: {@code {"d": P, "proof": {"c", "s"}}}.
 */
public record DecryptionShare(ECPoint d, DecryptionProof proof) {

    public JsonObject toJson() {
        return Jsons.JSON.createObjectBuilder().add("d", Codec.hex(d)).add("proof", proof.toJson()).build();
    }

    public static DecryptionShare fromJson(JsonObject json) {
        return new DecryptionShare(Codec.point(json.getString("d")), DecryptionProof.fromJson(json.getJsonObject("proof")));
    }
}
