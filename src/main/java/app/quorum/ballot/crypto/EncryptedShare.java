package app.quorum.ballot.crypto;

import app.quorum.platform.Jsons;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.json.JsonObject;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A share {@code s_ij = f_i(j)} sent by trustee {@code i} to trustee {@code j}, encrypted for {@code j}'s device key
 * (ECIES in the style of SEC 1 §5.1 with HKDF-SHA-256, RFC 5869, and AES-256-GCM, NIST SP 800-38D;
 * election-record.md §2.1): {@code K = k·G}, {@code S = k·E_j}, key = HKDF(IKM = compressed {@code S}, salt = empty,
 * info), AES-GCM with a random 12-byte nonce and {@code info} as associated data. JSON:
 * {@code {"from", "to", "ephemeral": P, "nonce": hex, "ciphertext": hex}} (the ciphertext ends with the 16-byte tag).
 */
public record EncryptedShare(int from, int to, ECPoint ephemeral, byte[] nonce, byte[] ciphertext) {

    private static final int NONCE_BYTES = 12;
    private static final int SHARE_BYTES = 32;
    private static final int TAG_BITS = 128;

    public EncryptedShare {
        nonce = nonce.clone();
        ciphertext = ciphertext.clone();
    }

    /** Encrypts {@code share} from trustee {@code from} for trustee {@code to}, whose device key is {@code deviceKey}. */
    public static EncryptedShare encrypt(String ceremonyContext, int from, int to, BigInteger share, ECPoint deviceKey,
            SecureRandom random) {
        BigInteger k = Randomness.scalar(random);
        ECPoint ephemeral = Group.mulG(k);
        byte[] nonce = Randomness.bytes(random, NONCE_BYTES);
        byte[] plain = Codec.bytes(Codec.hex(share), SHARE_BYTES, "share");
        byte[] sealed = gcm(Cipher.ENCRYPT_MODE, Group.mul(deviceKey, k), info(ceremonyContext, from, to), nonce, plain);
        return new EncryptedShare(from, to, ephemeral, nonce, sealed);
    }

    /**
     * Decrypts with the receiver's device secret {@code e_j}: {@code S = e_j·K}.
     *
     * @throws InvalidEncoding when the tag does not verify or the plaintext is not a scalar
     */
    public BigInteger decrypt(String ceremonyContext, BigInteger deviceSecret) {
        byte[] plain = gcm(Cipher.DECRYPT_MODE, Group.mul(ephemeral, deviceSecret), info(ceremonyContext, from, to),
                nonce, ciphertext);
        return Codec.scalar(Codec.hex(plain));
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    static String info(String ceremonyContext, int from, int to) {
        return "quorum/v1/share|" + ceremonyContext + "|" + from + "|" + to;
    }

    private static byte[] gcm(int mode, ECPoint shared, String info, byte[] nonce, byte[] input) {
        byte[] infoBytes = info.getBytes(StandardCharsets.UTF_8);
        HKDFBytesGenerator hkdf = new HKDFBytesGenerator(new SHA256Digest());
        hkdf.init(new HKDFParameters(shared.getEncoded(true), new byte[0], infoBytes));
        byte[] key = new byte[32];
        hkdf.generateBytes(key, 0, key.length);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(infoBytes);
            return cipher.doFinal(input);
        } catch (javax.crypto.AEADBadTagException badTag) {
            throw new InvalidEncoding("share", "the authentication tag does not verify");
        } catch (GeneralSecurityException unavailable) {
            throw new IllegalStateException("AES-GCM is in every Java platform", unavailable);
        }
    }

    public JsonObject toJson() {
        return Jsons.JSON.createObjectBuilder().add("from", from).add("to", to).add("ephemeral", Codec.hex(ephemeral))
                .add("nonce", Codec.hex(nonce)).add("ciphertext", Codec.hex(ciphertext)).build();
    }

    public static EncryptedShare fromJson(JsonObject json) {
        return new EncryptedShare(Codec.smallInteger(json.get("from"), 1, "from"),
                Codec.smallInteger(json.get("to"), 1, "to"), Codec.point(json.getString("ephemeral")),
                Codec.bytes(json.getString("nonce"), NONCE_BYTES, "nonce"),
                Codec.bytes(json.getString("ciphertext"), SHARE_BYTES + TAG_BITS / 8, "ciphertext"));
    }
}
