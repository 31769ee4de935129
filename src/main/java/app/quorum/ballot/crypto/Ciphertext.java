package app.quorum.ballot.crypto;

import app.quorum.platform.Jsons;
import java.math.BigInteger;

import jakarta.json.JsonObject;

import org.bouncycastle.math.ec.ECPoint;

/**
 * An exponential ElGamal ciphertext {@code (α, β) = (r·G, m·G + r·PK)} (ElGamal 1985, in the additively homomorphic
 * form of Cramer, Gennaro, Schoenmakers 1997; election-record.md §4). Adding ciphertexts adds the plaintexts, which is
 * how papers are counted without being opened (§6). JSON: {@code {"alpha": P, "beta": P}}.
 */
public record Ciphertext(ECPoint alpha, ECPoint beta) {

    /** Encrypts the small integer {@code m} with randomness {@code r} under {@code pk} (keep one pk object per ballot). */
    public static Ciphertext encrypt(long m, BigInteger r, ECPoint pk) {
        return new Ciphertext(Group.mulG(r), Group.smallMultiple(m).add(Group.mulFixed(pk, r)).normalize());
    }

    /** The homomorphic sum: it encrypts the sum of the plaintexts. */
    public Ciphertext add(Ciphertext other) {
        return new Ciphertext(alpha.add(other.alpha), beta.add(other.beta));
    }

    /** Both points normalised (affine), as encoding and comparison want them. */
    public Ciphertext normalize() {
        return new Ciphertext(alpha.normalize(), beta.normalize());
    }

    /** Whether this ciphertext is {@code (r·G, m·G + r·PK)}: an audited paper's revelation (Benaloh 2006). */
    public boolean opensTo(long m, BigInteger r, ECPoint pk) {
        return alpha.equals(Group.mulG(r)) && beta.equals(Group.smallMultiple(m).add(Group.mul(pk, r)));
    }

    public JsonObject toJson() {
        return Jsons.JSON.createObjectBuilder().add("alpha", Codec.hex(alpha)).add("beta", Codec.hex(beta)).build();
    }

    /** Reads {@code {"alpha", "beta"}}, refusing a non-canonical or invalid point. */
    public static Ciphertext fromJson(JsonObject json) {
        return new Ciphertext(Codec.point(json.getString("alpha")), Codec.point(json.getString("beta")));
    }
}
