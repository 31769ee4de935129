package app.quorum.ballot.crypto;

import app.quorum.platform.Jsons;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A ballot paper as the tablet sends it (election-record.md §4): its random {@code paperId}, one exponential ElGamal
 * ciphertext per option, a bit proof per option that it encrypts 0 or 1, and a total proof that the marks add up to
 * a value in {@code min..max} (Cramer, Gennaro, Schoenmakers 1997; proofs of Cramer, Damgård, Schoenmakers 1994, as
 * in Helios). JSON: {@code {"paperId", "ciphertexts": […N], "bitProofs": […N], "totalProof"}}; every paper of a
 * ballot has the same size.
 */
public record Paper(String paperId, List<Ciphertext> ciphertexts, List<DisjunctiveProof> bitProofs,
        DisjunctiveProof totalProof) {

    public Paper {
        ciphertexts = List.copyOf(ciphertexts);
        bitProofs = List.copyOf(bitProofs);
    }

    /** {@code (A, B) = (Σ α_o, Σ β_o)}: the ciphertext of the number of marks, which the total proof is about. */
    public Ciphertext total() {
        Ciphertext sum = ciphertexts.get(0);
        for (int o = 1; o < ciphertexts.size(); o++) {
            sum = sum.add(ciphertexts.get(o));
        }
        return sum.normalize();
    }

    /** The paper's JSON; with a tracker (not {@code null}) as the record lists it. */
    public JsonObject toJson(String tracker) {
        return fields(Jsons.JSON.createObjectBuilder(), tracker).build();
    }

    JsonObjectBuilder fields(JsonObjectBuilder json, String tracker) {
        json.add("paperId", paperId);
        if (tracker != null) {
            json.add("tracker", tracker);
        }
        JsonArrayBuilder texts = Jsons.JSON.createArrayBuilder();
        ciphertexts.forEach(ciphertext -> texts.add(ciphertext.toJson()));
        JsonArrayBuilder proofs = Jsons.JSON.createArrayBuilder();
        bitProofs.forEach(proof -> proofs.add(proof.toJson()));
        return json.add("ciphertexts", texts).add("bitProofs", proofs).add("totalProof", totalProof.toJson());
    }

    /**
     * Reads a paper, refusing a non-canonical point or scalar ({@link InvalidEncoding}); the shape (counts) is
     * checked by {@link PaperCheck}.
     */
    public static Paper fromJson(JsonObject json) {
        String paperId = json.getString("paperId");
        List<Ciphertext> ciphertexts = new ArrayList<>();
        json.getJsonArray("ciphertexts").getValuesAs(JsonObject.class)
                .forEach(ciphertext -> ciphertexts.add(Ciphertext.fromJson(ciphertext)));
        List<DisjunctiveProof> bitProofs = new ArrayList<>();
        json.getJsonArray("bitProofs").getValuesAs(JsonObject.class)
                .forEach(proof -> bitProofs.add(DisjunctiveProof.fromJson(proof)));
        return new Paper(paperId, ciphertexts, bitProofs, DisjunctiveProof.fromJson(json.getJsonObject("totalProof")));
    }
}
