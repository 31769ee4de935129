package app.quorum.ballot.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Strict decoding (election-record.md §1): each point and scalar has exactly one accepted spelling; invalid points
 * (off the curve, x ≥ p, the identity, uncompressed or hybrid forms) are refused. The off-curve x is found here by
 * Euler's criterion, independently of BouncyCastle.
 */
class CodecTest {

    private static final String G = "036b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296";
    private static final BigInteger P = new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    private static final BigInteger B = new BigInteger("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);

    @Test
    void theGeneratorReadsBack() {
        assertEquals(Group.G, Codec.point(G));
        assertEquals(G, Codec.hex(Group.G));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "036B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296", // upper case
        "6b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296", // no prefix
        "036b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c2", // short
        "036b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c29600", // long
        "056b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296", // bad prefix
        "00", "", " 036b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c29",
        "046b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c2964fe342e2fe1a7f9b8ee7eb4a7c0f9e162bce33576b315ececbb6406837bf51f5",
        "02ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", // x = p
        "03ffffffff00000001000000000000000000000001000000000000000000000000" // x > p
    })
    void nonCanonicalOrInvalidPointsAreRefused(String hex) {
        assertThrows(InvalidEncoding.class, () -> Codec.point(hex));
    }

    @Test
    void anXWithNoPointIsRefused() {
        BigInteger x = BigInteger.ONE;
        while (isSquare(x.pow(3).subtract(x.multiply(BigInteger.valueOf(3))).add(B).mod(P))) {
            x = x.add(BigInteger.ONE);
        }
        String hex = String.format("02%064x", x);
        assertThrows(InvalidEncoding.class, () -> Codec.point(hex));
        assertThrows(InvalidEncoding.class, () -> Codec.point("03" + hex.substring(2)));
    }

    @Test
    void theIdentityHasNoEncoding() {
        assertThrows(InvalidEncoding.class, () -> Codec.hex(Group.infinity()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", // q
        "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
        "FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632550", // upper case
        "0", "1", "00000000000000000000000000000000000000000000000000000000000000001",
        "-000000000000000000000000000000000000000000000000000000000000001"
    })
    void nonCanonicalScalarsAreRefused(String hex) {
        assertThrows(InvalidEncoding.class, () -> Codec.scalar(hex));
    }

    @Test
    void theLargestScalarIsAccepted() {
        assertEquals(Group.Q.subtract(BigInteger.ONE),
                Codec.scalar("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632550"));
        assertEquals(BigInteger.ZERO, Codec.scalar("0".repeat(64)));
    }

    static Stream<Arguments> scalars() {
        return Stream.concat(Stream.of(Arguments.of(BigInteger.ONE), Arguments.of(Group.Q.subtract(BigInteger.ONE))),
                RandomCases.of("scalars", 100, random -> new Object[] {new BigInteger(256, random).mod(Group.Q)}));
    }

    @ParameterizedTest
    @MethodSource("scalars")
    void pointsAndScalarsRoundTrip(BigInteger k) {
        ECPoint point = Group.mulG(k);
        assertEquals(point, Codec.point(Codec.hex(point)));
        assertEquals(k, Codec.scalar(Codec.hex(k)));
    }

    static Stream<Arguments> xs() {
        return Stream.concat(Stream.of(Arguments.of(BigInteger.ZERO), Arguments.of(P.subtract(BigInteger.ONE))),
                RandomCases.of("xs", 100, random -> new Object[] {new BigInteger(256, random).mod(P)}));
    }

    @ParameterizedTest
    @MethodSource("xs")
    void everyXDecodesOntoItsPointOrIsRefused(BigInteger x) {
        String hex = String.format("02%064x", x);
        boolean onCurve = isSquare(x.pow(3).subtract(x.multiply(BigInteger.valueOf(3))).add(B).mod(P));
        if (onCurve && x.signum() > 0) {
            ECPoint point = Codec.point(hex);
            assertEquals(x, point.normalize().getAffineXCoord().toBigInteger());
            assertEquals(false, point.normalize().getAffineYCoord().toBigInteger().testBit(0));
        } else if (!onCurve) {
            assertThrows(InvalidEncoding.class, () -> Codec.point(hex));
        }
    }

    private static boolean isSquare(BigInteger v) {
        return v.signum() == 0 || v.modPow(P.subtract(BigInteger.ONE).shiftRight(1), P).equals(BigInteger.ONE);
    }
}
