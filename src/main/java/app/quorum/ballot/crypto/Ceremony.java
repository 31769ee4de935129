package app.quorum.ballot.crypto;

import app.quorum.platform.Jsons;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.bouncycastle.math.ec.ECPoint;

/**
 * A meeting's key ceremony as published (election-record.md §2 and §7): its id and context, {@code n} trustees,
 * threshold {@code t}, each trustee's public keys and proofs, and the joint public key {@code PK = Σ_i C_i0}.
 * {@link #problems()} is the public check anyone can run (every Schnorr proof, every verification key against the
 * commitments, the joint key); the joint-Feldman construction is Pedersen 1991 / Gennaro et al. 1999 as in Belenios.
 * JSON: {@code {"id", "context", "n", "threshold", "trustees": […], "publicKey"}}.
 */
public record Ceremony(String id, String context, int n, int threshold, List<TrusteeKeys> trustees,
        ECPoint publicKey) {

    /** The most trustees a ceremony has (§2). */
    public static final int MAX_TRUSTEES = 9;

    public Ceremony {
        trustees = List.copyOf(trustees);
    }

    /** {@code ceremonyContext = SHA256hex("quorum/v1/ceremony|" + meetingId + "|" + ceremonyId + "|" + n + "|" + t)}. */
    public static String context(long meetingId, String ceremonyId, int n, int threshold) {
        Codec.checkInteger(meetingId, 1, "meetingId");
        if (!Codec.isHexId(ceremonyId, 32)) {
            throw new InvalidEncoding("ceremonyId", "not 32 lowercase hex digits");
        }
        if (threshold < 1 || threshold > n || n > MAX_TRUSTEES) {
            throw new IllegalArgumentException("1 ≤ t ≤ n ≤ 9");
        }
        return Transcript.of("quorum/v1/ceremony").number(meetingId).text(ceremonyId).number(n).number(threshold)
                .digest();
    }

    /** Forms the ceremony from the trustees' public parts, computing the joint key. */
    public static Ceremony of(long meetingId, String ceremonyId, int threshold, List<TrusteeKeys> trustees) {
        List<List<ECPoint>> commitments = trustees.stream().map(TrusteeKeys::commitments).toList();
        return new Ceremony(ceremonyId, context(meetingId, ceremonyId, trustees.size(), threshold), trustees.size(),
                threshold, trustees, Feldman.jointKey(commitments));
    }

    /** The trustee of an index (1..n). */
    public TrusteeKeys trustee(int index) {
        return trustees.get(index - 1);
    }

    /**
     * The public checks, each failure as a line naming the trustee: indices 1..n in order with {@code t} commitments,
     * every Schnorr proof, {@code X_j} against the commitments, {@code PK} as {@code Σ C_i0}. Empty when all pass.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (trustees.size() != n) {
            problems.add("the ceremony lists " + trustees.size() + " trustees, not n = " + n);
            return problems;
        }
        for (int i = 0; i < n; i++) {
            TrusteeKeys trustee = trustees.get(i);
            if (trustee.index() != i + 1 || trustee.commitments().size() != threshold) {
                problems.add("trustee " + (i + 1) + ": wrong index or not t commitments");
                return problems;
            }
        }
        List<List<ECPoint>> commitments = trustees.stream().map(TrusteeKeys::commitments).toList();
        for (TrusteeKeys trustee : trustees) {
            if (!trustee.roundOneVerifies(context)) {
                problems.add("trustee " + trustee.index() + ": device key or commitment proof does not verify");
            }
            if (!trustee.verificationKeyProofVerifies(context)) {
                problems.add("trustee " + trustee.index() + ": verification key proof does not verify");
            }
            if (!Feldman.verificationKey(commitments, trustee.index()).equals(trustee.verificationKey())) {
                problems.add("trustee " + trustee.index() + ": verification key is not the one the commitments give");
            }
        }
        if (!Feldman.jointKey(commitments).equals(publicKey)) {
            problems.add("the public key is not the sum of the trustees' first commitments");
        }
        return problems;
    }

    public JsonObject toJson() {
        JsonArrayBuilder list = Jsons.JSON.createArrayBuilder();
        trustees.forEach(trustee -> list.add(trustee.toJson()));
        return Jsons.JSON.createObjectBuilder().add("id", id).add("context", context).add("n", n).add("threshold", threshold)
                .add("trustees", list).add("publicKey", Codec.hex(publicKey)).build();
    }

    public static Ceremony fromJson(JsonObject json) {
        List<TrusteeKeys> trustees = json.getJsonArray("trustees").getValuesAs(JsonObject.class).stream()
                .map(TrusteeKeys::fromJson).toList();
        return new Ceremony(json.getString("id"), json.getString("context"), Codec.smallInteger(json.get("n"), 1, "n"),
                Codec.smallInteger(json.get("threshold"), 1, "threshold"), trustees,
                Codec.point(json.getString("publicKey")));
    }
}
