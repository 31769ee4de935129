package app.quorum.ballot.control;

import app.quorum.ballot.crypto.Codec;
import app.quorum.ballot.crypto.EncryptedShare;
import app.quorum.ballot.crypto.RoundOne;
import app.quorum.ballot.crypto.SchnorrProof;
import app.quorum.ballot.crypto.TrusteeKeys;
import app.quorum.ballot.entity.CeremonyTrustee;
import app.quorum.platform.Jsons;
import app.quorum.platform.Refusal;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The JSON forms of the key ceremony (election-record.md §2) for {@link Ceremonies}: what a trustee's device publishes,
 * read strictly — a field missing, extra or malformed is a translated refusal — and the trustees' public keys read back
 * from what is stored.
 */
final class CeremonyForms {

    static final Set<String> ROUND_ONE_FIELDS = Set.of("index", "deviceKey", "deviceKeyProof", "commitments",
            "commitmentProof");
    static final Set<String> KEY_FIELDS = Set.of("index", "verificationKey", "verificationKeyProof");
    static final Set<String> PROOF_FIELDS = Set.of("a", "c", "s");
    static final Set<String> BOX_FIELDS = Set.of("from", "to", "ephemeral", "nonce", "ciphertext");

    private CeremonyForms() {
    }

    // ---- the JSON of the device, read strictly: a field missing, extra or malformed is a translated refusal --------

    static RoundOne roundOne(JsonObject json, int index, int t) {
        try {
            exactly(json, ROUND_ONE_FIELDS);
            if (Codec.smallInteger(json.get("index"), 1, "index") != index) {
                throw new Refusal(Refusal.Kind.INVALID, "ceremony.index", index);
            }
            JsonArray points = json.getJsonArray("commitments");
            if (points.size() != t) {
                throw new Refusal(Refusal.Kind.INVALID, "ceremony.roundOne.commitments", t);
            }
            List<ECPoint> commitments = new ArrayList<>();
            for (JsonValue point : points) {
                commitments.add(Codec.point(((JsonString) point).getString()));
            }
            return new RoundOne(index, Codec.point(json.getString("deviceKey")), proof(json.get("deviceKeyProof")),
                    commitments, proof(json.get("commitmentProof")));
        } catch (Refusal refusal) {
            throw refusal;
        } catch (RuntimeException malformed) {
            throw new Refusal(Refusal.Kind.INVALID, "ceremony.roundOne.encoding");
        }
    }

    static JsonObject json(RoundOne roundOne) {
        JsonArrayBuilder points = Jsons.JSON.createArrayBuilder();
        roundOne.commitments().forEach(point -> points.add(Codec.hex(point)));
        return Jsons.JSON.createObjectBuilder().add("index", roundOne.index()).add("deviceKey", Codec.hex(roundOne.deviceKey()))
                .add("deviceKeyProof", roundOne.deviceKeyProof().toJson()).add("commitments", points)
                .add("commitmentProof", roundOne.commitmentProof().toJson()).build();
    }

    record Key(ECPoint point, SchnorrProof proof) {
    }

    static Key key(JsonObject json, int index) {
        try {
            exactly(json, KEY_FIELDS);
            if (Codec.smallInteger(json.get("index"), 1, "index") != index) {
                throw new Refusal(Refusal.Kind.INVALID, "ceremony.index", index);
            }
            return new Key(Codec.point(json.getString("verificationKey")), proof(json.get("verificationKeyProof")));
        } catch (Refusal refusal) {
            throw refusal;
        } catch (RuntimeException malformed) {
            throw new Refusal(Refusal.Kind.INVALID, "ceremony.key.encoding");
        }
    }

    static EncryptedShare box(JsonObject json) {
        try {
            exactly(json, BOX_FIELDS);
            return EncryptedShare.fromJson(json);
        } catch (RuntimeException malformed) {
            throw new Refusal(Refusal.Kind.INVALID, "ceremony.shares.encoding");
        }
    }

    static SchnorrProof proof(JsonValue value) {
        JsonObject json = (JsonObject) value;
        exactly(json, PROOF_FIELDS);
        return SchnorrProof.fromJson(json);
    }

    static void exactly(JsonObject json, Set<String> fields) {
        if (!json.keySet().equals(fields)) {
            throw new IllegalArgumentException("the fields are " + fields);
        }
    }

    static List<ECPoint> commitments(String roundOne) {
        JsonArray points = ((JsonObject) parsed(roundOne)).getJsonArray("commitments");
        List<ECPoint> commitments = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            commitments.add(Codec.point(points.getString(i)));
        }
        return commitments;
    }

    /** A trustee's public keys from the stored JSON (round 1 and the verification key). */
    static TrusteeKeys keysOf(CeremonyTrustee trustee) {
        JsonObject one = (JsonObject) parsed(trustee.getRoundOne());
        JsonObject key = (JsonObject) parsed(trustee.getVerificationKey());
        return TrusteeKeys.fromJson(Jsons.JSON.createObjectBuilder(one).add("role", trustee.getRole())
                .add("name", trustee.getName()).add("verificationKey", key.getString("key"))
                .add("verificationKeyProof", key.getJsonObject("proof")).build());
    }

    static JsonValue parsed(String json) {
        if (json == null) {
            return JsonValue.NULL;
        }
        try (var reader = Jsons.JSON.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
