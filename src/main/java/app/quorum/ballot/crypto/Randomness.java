package app.quorum.ballot.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;

/**
 * Random scalars and ids (election-record.md §1): a scalar uniform in {@code [1, q-1]}, by reducing 48 random bytes
 * mod {@code q-1} and adding 1 (bias below 2⁻¹²⁸); an id of 128 random bits as 32 lowercase hex digits. The
 * generator is a parameter so that a test can make a reproducible record; production passes a {@link SecureRandom}
 * from the platform.
 */
public final class Randomness {

    private static final BigInteger Q_MINUS_ONE = Group.Q.subtract(BigInteger.ONE);

    private Randomness() {
    }

    /** A scalar uniform in {@code [1, q-1]}. */
    public static BigInteger scalar(SecureRandom random) {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        return new BigInteger(1, bytes).mod(Q_MINUS_ONE).add(BigInteger.ONE);
    }

    /** 128 random bits as 32 lowercase hex digits (a paperId, a ceremonyId). */
    public static String id(SecureRandom random) {
        return Codec.hex(bytes(random, 16));
    }

    /** Random bytes (nonces). */
    public static byte[] bytes(SecureRandom random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }
}
