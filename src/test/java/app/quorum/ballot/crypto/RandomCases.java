package app.quorum.ballot.crypto;

import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.Arguments;

/**
 * Random test cases for the property tests, reproducible: each property draws its cases from {@link Random} seeded
 * with {@code -Dcrypto.seed} (default below) and the property's name; the seed is in every case's display name, so a
 * failure can be replayed. (Plain JUnit parameterised tests rather than a property-testing engine: see
 * ProofPropertiesTest.)
 */
final class RandomCases {

    static final long SEED = Long.getLong("crypto.seed", 20240119L);

    private RandomCases() {
    }

    /** {@code count} cases for the property {@code name}, each from {@code draw}. */
    static Stream<Arguments> of(String name, int count, Function<Random, Object[]> draw) {
        Random random = new Random(SEED * 31 + name.hashCode());
        return Stream.generate(() -> Arguments.of(draw.apply(random))).limit(count);
    }

    /** A long in {@code [min, max]}. */
    static long between(Random random, long min, long max) {
        return min + Math.floorMod(random.nextLong(), max - min + 1);
    }
}
