package app.quorum.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The verifier's own multi-scalar multiplication against BouncyCastle's, on sums like a batch's (repeated and opposite
 * points; scalars 0, 1, q − 1, 128-bit and full), and its small-exponents test: a sum of true equations vanishes, one
 * false equation among them does not.
 */
class SmallExponentsTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5, 31, 32, 33, 100, 777, 3000})
    void pippengerAgreesWithBouncyCastle(int n) {
        Random random = new Random(20240119L + n);
        List<ECPoint> points = new ArrayList<>();
        List<BigInteger> scalars = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            points.add(i > 0 && i % 7 == 0 ? points.get(i - 1).negate()
                    : i > 0 && i % 11 == 0 ? points.get(i - 1)
                    : Curve.GENERATOR.multiply(new BigInteger(250, random).add(BigInteger.ONE)).normalize());
            scalars.add(switch (i % 5) {
                case 0 -> BigInteger.ZERO;
                case 1 -> BigInteger.ONE;
                case 2 -> Curve.ORDER.subtract(BigInteger.ONE);
                case 3 -> new BigInteger(128, random);
                default -> new BigInteger(256, random).mod(Curve.ORDER);
            });
        }
        ECPoint expected = n == 0 ? Curve.CURVE.getInfinity()
                : ECAlgorithms.sumOfMultiplies(points.toArray(ECPoint[]::new), scalars.toArray(BigInteger[]::new));
        assertEquals(expected.normalize(), SmallExponents.sum(points, scalars).normalize());
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 200})
    void trueEquationsVanishAndOneFalseDoesNot(int equations) {
        Random random = new Random(equations);
        ECPoint key = Curve.GENERATOR.multiply(BigInteger.valueOf(987654321)).normalize();
        List<SmallExponents.Terms> good = new ArrayList<>();
        List<SmallExponents.Terms> bad = new ArrayList<>();
        for (int e = 0; e < equations; e++) {
            // A + c·X − s·G == O with A = w·G, X = x·G, s = w + c·x
            BigInteger w = new BigInteger(200, random);
            BigInteger x = new BigInteger(200, random);
            BigInteger c = new BigInteger(250, random);
            ECPoint a = Curve.GENERATOR.multiply(w).normalize();
            ECPoint publicValue = Curve.GENERATOR.multiply(x).normalize();
            BigInteger s = w.add(c.multiply(x)).mod(Curve.ORDER);
            good.add(equation(a, publicValue, c, s));
            bad.add(equation(a, publicValue, c, e == equations / 2 ? s.add(BigInteger.ONE) : s));
        }
        assertTrue(SmallExponents.vanishes(good, key));
        assertFalse(SmallExponents.vanishes(bad, key));
    }

    private static SmallExponents.Terms equation(ECPoint a, ECPoint x, BigInteger c, BigInteger s) {
        SmallExponents.Terms terms = new SmallExponents.Terms();
        BigInteger delta = terms.weight();
        terms.add(a, delta);
        terms.add(x, delta.multiply(c));
        terms.onG = terms.onG.subtract(delta.multiply(s));
        return terms;
    }
}
