package app.quorum.ballot.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;

/**
 * A reproducible generator for tests and fixture records only: SHA-256 in counter mode over a text seed
 * ({@code SHA256(seed | counter)} blocks). Never for a real ballot.
 */
public final class DeterministicRandom extends SecureRandom {

    private static final long serialVersionUID = 1L;

    public DeterministicRandom(String seed) {
        super(new Spi(seed), null);
    }

    private static final class Spi extends SecureRandomSpi {

        private static final long serialVersionUID = 1L;

        private final byte[] seed;
        private long counter;
        private byte[] block = new byte[0];
        private int used;

        Spi(String seed) {
            this.seed = seed.getBytes(StandardCharsets.UTF_8);
        }

        @Override
        protected void engineSetSeed(byte[] ignored) {
            // deterministic: the seed is fixed at construction
        }

        @Override
        protected void engineNextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                if (used == block.length) {
                    block = next();
                    used = 0;
                }
                bytes[i] = block[used++];
            }
        }

        @Override
        protected byte[] engineGenerateSeed(int length) {
            byte[] bytes = new byte[length];
            engineNextBytes(bytes);
            return bytes;
        }

        private byte[] next() {
            try {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                sha.update(seed);
                sha.update((byte) '|');
                sha.update(Long.toString(counter++).getBytes(StandardCharsets.US_ASCII));
                return sha.digest();
            } catch (NoSuchAlgorithmException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }
}
