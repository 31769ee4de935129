package app.quorum.verifier;

import java.math.BigInteger;
import java.util.HexFormat;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;

/**
 * P-256 as the verifier reads it (election-record.md §1), written apart from the server's code: strict decoding of
 * points (66 lowercase hex digits, prefix 02/03, x below p, on the curve, never the identity) and scalars (64
 * lowercase hex digits below q), and the arithmetic the checks need, on BouncyCastle's P-256 curve.
 */
final class Curve {

    private static final X9ECParameters PARAMETERS = CustomNamedCurves.getByName("secp256r1");
    static final ECCurve CURVE = PARAMETERS.getCurve();
    static final BigInteger ORDER = PARAMETERS.getN();
    static final ECPoint GENERATOR = PARAMETERS.getG().normalize();
    private static final BigInteger FIELD = CURVE.getField().getCharacteristic();
    private static final HexFormat HEX = HexFormat.of();

    private Curve() {
    }

    /** A point from its canonical hex; {@link BadRecord} naming {@code where} otherwise. */
    static ECPoint point(String hex, String where) {
        if (hex == null || hex.length() != 66 || !isLowerHex(hex) || !(hex.startsWith("02") || hex.startsWith("03"))) {
            throw new BadRecord(where + " is not a compressed point in 66 lowercase hex digits");
        }
        if (new BigInteger(hex.substring(2), 16).compareTo(FIELD) >= 0) {
            throw new BadRecord(where + " has an x-coordinate not below p");
        }
        try {
            ECPoint point = CURVE.decodePoint(HEX.parseHex(hex));
            if (point.isInfinity() || !point.isValid()) {
                throw new BadRecord(where + " is not a point of the group");
            }
            return point;
        } catch (IllegalArgumentException offCurve) {
            throw new BadRecord(where + " is not on the curve");
        }
    }

    /** A scalar from exactly 64 lowercase hex digits below q. */
    static BigInteger scalar(String hex, String where) {
        if (hex == null || hex.length() != 64 || !isLowerHex(hex)) {
            throw new BadRecord(where + " is not a scalar in 64 lowercase hex digits");
        }
        BigInteger value = new BigInteger(hex, 16);
        if (value.compareTo(ORDER) >= 0) {
            throw new BadRecord(where + " is not below the group order");
        }
        return value;
    }

    static String hex(ECPoint point) {
        return HEX.formatHex(point.getEncoded(true));
    }

    static boolean isLowerHex(String s) {
        return s.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f');
    }

    /** {@code k·G}. */
    static ECPoint timesG(long k) {
        return GENERATOR.multiply(BigInteger.valueOf(k));
    }

    /** {@code s·P − c·Q}. */
    static ECPoint sMinusC(ECPoint p, BigInteger s, ECPoint q, BigInteger c) {
        return ECAlgorithms.sumOfTwoMultiplies(p, s, q, ORDER.subtract(c).mod(ORDER));
    }
}
