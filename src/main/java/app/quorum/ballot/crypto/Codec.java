package app.quorum.ballot.crypto;

import java.math.BigInteger;
import java.util.HexFormat;

import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;

import org.bouncycastle.math.ec.ECPoint;

/**
 * The strict encodings of election-record.md §1: a point is the lowercase hex of its 33-byte SEC1 compressed encoding
 * (SEC 1 v2 §2.3.3–2.3.4), a scalar exactly 64 lowercase hex digits below {@code q}. Anything else — another length,
 * prefix or case, an x-coordinate {@code ≥ p}, an x off the curve, the identity — is refused with
 * {@link InvalidEncoding}, so that each point and scalar has exactly one spelling.
 */
public final class Codec {

    /** The largest number of a record, {@code 2^53 − 1}: every JSON reader holds it exactly (§1). */
    public static final long MAX_INTEGER = (1L << 53) - 1;

    private static final HexFormat HEX = HexFormat.of();
    private static final int POINT_DIGITS = 66;
    private static final int SCALAR_DIGITS = 64;

    private Codec() {
    }

    /** Decodes a point, refusing every non-canonical or invalid form and {@code O}. */
    public static ECPoint point(String hex) {
        if (hex == null || hex.length() != POINT_DIGITS || !lowerHex(hex)) {
            throw new InvalidEncoding("point", "not 66 lowercase hex digits");
        }
        if (!hex.startsWith("02") && !hex.startsWith("03")) {
            throw new InvalidEncoding("point", "not a compressed point (prefix 02 or 03)");
        }
        byte[] bytes = HEX.parseHex(hex);
        if (new BigInteger(1, java.util.Arrays.copyOfRange(bytes, 1, bytes.length)).compareTo(Group.P) >= 0) {
            throw new InvalidEncoding("point", "x-coordinate not below p");
        }
        ECPoint point;
        try {
            point = Group.CURVE.decodePoint(bytes);
        } catch (IllegalArgumentException notOnCurve) {
            throw new InvalidEncoding("point", "no point of the curve has this x-coordinate");
        }
        if (point.isInfinity() || !point.isValid()) {
            throw new InvalidEncoding("point", "not a point of the group");
        }
        return point;
    }

    /** Encodes a point; the identity has no encoding. */
    public static String hex(ECPoint point) {
        if (point.isInfinity()) {
            throw new InvalidEncoding("point", "the identity has no encoding");
        }
        return HEX.formatHex(point.getEncoded(true));
    }

    /** Decodes a scalar: exactly 64 lowercase hex digits, below {@code q}. */
    public static BigInteger scalar(String hex) {
        if (hex == null || hex.length() != SCALAR_DIGITS || !lowerHex(hex)) {
            throw new InvalidEncoding("scalar", "not 64 lowercase hex digits");
        }
        BigInteger value = new BigInteger(hex, 16);
        if (value.compareTo(Group.Q) >= 0) {
            throw new InvalidEncoding("scalar", "not below the group order");
        }
        return value;
    }

    /** Encodes a scalar in {@code [0, q-1]} as 64 lowercase hex digits. */
    public static String hex(BigInteger scalar) {
        if (scalar.signum() < 0 || scalar.compareTo(Group.Q) >= 0) {
            throw new IllegalArgumentException("a scalar is in [0, q-1]");
        }
        String digits = scalar.toString(16);
        return "0".repeat(SCALAR_DIGITS - digits.length()) + digits;
    }

    /** Decodes a fixed number of bytes written as lowercase hex (nonces, AES-GCM ciphertexts, ids). */
    public static byte[] bytes(String hex, int length, String what) {
        if (hex == null || hex.length() != 2 * length || !lowerHex(hex)) {
            throw new InvalidEncoding(what, "not " + 2 * length + " lowercase hex digits");
        }
        return HEX.parseHex(hex);
    }

    /**
     * An integer of a JSON form (§1): a number with an integral value in {@code [min, 2^53 − 1]} (ids and indices have
     * {@code min} 1, counts 0); anything else is refused.
     */
    public static long integer(JsonValue value, long min, String what) {
        if (!(value instanceof JsonNumber number) || !number.isIntegral()) {
            throw new InvalidEncoding(what, "not an integer");
        }
        java.math.BigDecimal exact = number.bigDecimalValue();
        if (exact.compareTo(java.math.BigDecimal.valueOf(min)) < 0
                || exact.compareTo(java.math.BigDecimal.valueOf(MAX_INTEGER)) > 0) {
            throw new InvalidEncoding(what, "not in [" + min + ", 2^53 - 1]");
        }
        return exact.longValueExact();
    }

    /** {@link #integer(JsonValue, long, String)} for a small integer (an index, a size). */
    public static int smallInteger(JsonValue value, long min, String what) {
        long integer = integer(value, min, what);
        if (integer > Integer.MAX_VALUE) {
            throw new InvalidEncoding(what, "too large");
        }
        return (int) integer;
    }

    /** Checks that an id or count made in Java is within {@code [min, 2^53 − 1]}. */
    public static long checkInteger(long value, long min, String what) {
        if (value < min || value > MAX_INTEGER) {
            throw new IllegalArgumentException(what + " is not in [" + min + ", 2^53 - 1]");
        }
        return value;
    }

    /** Lowercase hex of bytes. */
    public static String hex(byte[] bytes) {
        return HEX.formatHex(bytes);
    }

    /** Whether a string is an id of {@code digits} lowercase hex digits (paperId, ceremonyId: 32). */
    public static boolean isHexId(String id, int digits) {
        return id != null && id.length() == digits && lowerHex(id);
    }

    private static boolean lowerHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
