package app.quorum.ballot.crypto;

import app.quorum.platform.Jsons;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.bouncycastle.math.ec.ECPoint;

/**
 * The aggregate of a ballot's accepted papers (election-record.md §6): per option {@code A_o = Σ α_o},
 * {@code B_o = Σ β_o}, which encrypts the option's count by the homomorphism of exponential ElGamal (Cramer,
 * Gennaro, Schoenmakers 1997). No paper is ever decrypted on its own. JSON: {@code [{"alpha", "beta"}, …N]}; an empty
 * box has no aggregate ({@code null}, see {@link #of}).
 */
public record Aggregate(List<Ciphertext> sums) {

    public Aggregate {
        sums = List.copyOf(sums);
    }

    /**
     * The sums over the papers, or {@code null} for no paper.
     *
     * @throws IllegalStateException when a sum is {@code O} (negligible probability; §6 treats it as an error)
     */
    public static Aggregate of(List<Paper> papers, int options) {
        if (papers.isEmpty()) {
            return null;
        }
        ECPoint[] points = new ECPoint[2 * options];
        java.util.Arrays.fill(points, Group.infinity());
        for (Paper paper : papers) {
            for (int o = 0; o < options; o++) {
                Ciphertext ciphertext = paper.ciphertexts().get(o);
                points[2 * o] = points[2 * o].add(ciphertext.alpha());
                points[2 * o + 1] = points[2 * o + 1].add(ciphertext.beta());
            }
        }
        for (ECPoint point : points) {
            if (point.isInfinity()) {
                throw new IllegalStateException("an aggregate is the identity");
            }
        }
        Group.normalizeAll(points);
        List<Ciphertext> sums = new ArrayList<>(options);
        for (int o = 0; o < options; o++) {
            sums.add(new Ciphertext(points[2 * o], points[2 * o + 1]));
        }
        return new Aggregate(sums);
    }

    /** The number of options. */
    public int size() {
        return sums.size();
    }

    /** The transcript fields {@code α_0|β_0|…} of the fingerprint. */
    void appendTo(Transcript transcript) {
        sums.forEach(sum -> transcript.point(sum.alpha()).point(sum.beta()));
    }

    public JsonArray toJson() {
        JsonArrayBuilder array = Jsons.JSON.createArrayBuilder();
        sums.forEach(sum -> array.add(sum.toJson()));
        return array.build();
    }

    public static Aggregate fromJson(JsonArray json) {
        return new Aggregate(json.getValuesAs(JsonObject.class).stream().map(Ciphertext::fromJson).toList());
    }
}
