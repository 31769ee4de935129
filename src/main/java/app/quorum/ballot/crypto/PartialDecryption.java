package app.quorum.ballot.crypto;

import app.quorum.platform.Jsons;
import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.bouncycastle.math.ec.ECPoint;

/**
 * A trustee's answer at the close (election-record.md §6): its index and, per option, {@code D_jo} with its proof.
 * The server accepts it only if every proof verifies against the trustee's verification key. JSON:
 * {@code {"index": j, "shares": [{"d", "proof"}, …N]}}.
 */
public record PartialDecryption(int index, List<DecryptionShare> shares) {

    public PartialDecryption {
        shares = List.copyOf(shares);
    }

    /** Whether there is one share per option and every proof verifies against {@code X_j}. */
    public boolean verifies(String ballotContext, ECPoint verificationKey, Aggregate aggregate) {
        if (shares.size() != aggregate.size()) {
            return false;
        }
        for (int o = 0; o < shares.size(); o++) {
            DecryptionShare share = shares.get(o);
            if (!share.proof().verifies(ballotContext, index, o, verificationKey, aggregate.sums().get(o).alpha(),
                    share.d())) {
                return false;
            }
        }
        return true;
    }

    public JsonObject toJson() {
        JsonArrayBuilder list = Jsons.JSON.createArrayBuilder();
        shares.forEach(share -> list.add(share.toJson()));
        return Jsons.JSON.createObjectBuilder().add("index", index).add("shares", list).build();
    }

    public static PartialDecryption fromJson(JsonObject json) {
        return new PartialDecryption(Codec.smallInteger(json.get("index"), 1, "index"), json.getJsonArray("shares").getValuesAs(JsonObject.class)
                .stream().map(DecryptionShare::fromJson).toList());
    }
}
