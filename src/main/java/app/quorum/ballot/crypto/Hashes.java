package app.quorum.ballot.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The two hashes of election-record.md §1: {@code H(s)}, the SHA-512 digest of the UTF-8 of {@code s} read as a
 * big-endian unsigned integer and reduced mod {@code q} (the Fiat–Shamir challenge; 512 bits reduced mod a 256-bit
 * order, bias below 2⁻²⁵⁶), and {@code SHA256hex(s)}, the lowercase hex SHA-256 of the UTF-8 of {@code s}.
 */
public final class Hashes {

    private Hashes() {
    }

    /** {@code H(s)}: a scalar in {@code [0, q-1]}. */
    public static BigInteger toScalar(String s) {
        return new BigInteger(1, digest("SHA-512", s)).mod(Group.Q);
    }

    /** {@code SHA256hex(s)}. */
    public static String sha256hex(String s) {
        return Codec.hex(digest("SHA-256", s));
    }

    private static byte[] digest(String algorithm, String s) {
        try {
            return MessageDigest.getInstance(algorithm).digest(utf8(s));
        } catch (NoSuchAlgorithmException required) {
            throw new IllegalStateException("every Java platform has " + algorithm, required);
        }
    }

    /** The UTF-8 of a text, refusing a lone surrogate (§1: texts are valid Unicode, so every encoder agrees). */
    static byte[] utf8(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new InvalidEncoding("text", "a lone surrogate is not Unicode");
            }
        }
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
