package app.quorum.verifier;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The hashes of election-record.md §1: {@code H(s)} = SHA-512 of the UTF-8 of {@code s} as an unsigned integer mod q;
 * {@code SHA256hex(s)}; transcripts joined with {@code |}.
 */
final class Hashing {

    private Hashing() {
    }

    static BigInteger challenge(String... fields) {
        return new BigInteger(1, digest("SHA-512", String.join("|", fields))).mod(Curve.ORDER);
    }

    static String sha256hex(String text) {
        return HexFormat.of().formatHex(digest("SHA-256", text));
    }

    static String sha256hex(String... fields) {
        return sha256hex(String.join("|", fields));
    }

    private static byte[] digest(String algorithm, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new BadRecord("a text holds a lone surrogate, which is not Unicode");
            }
        }
        try {
            return MessageDigest.getInstance(algorithm).digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException(missing);
        }
    }
}
