package app.quorum.ballot.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalLong;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the proofs and of the threshold count (election-record.md §5, §6): an honest proof verifies; a proof
 * of a wrong plaintext — a ciphertext of 2 claimed as a bit, a total outside {@code min..max}, a proof made for one
 * value checked against another — never verifies; encryption, aggregation and decryption by any {@code t} of
 * {@code n} trustees return the true counts; {@code t − 1} shares give a wrong value. Each property runs on random
 * cases drawn reproducibly ({@link RandomCases}).
 *
 * <p>Written as JUnit parameterised tests, not with jqwik: since 1.10 jqwik's maintainer asks that AI coding agents
 * not use it (its "Anti-AI Usage Clause"), and this code is written by one.
 */
class ProofPropertiesTest {

    private static final Fixtures.Keys KEYS = Fixtures.ceremony(3, 2, new DeterministicRandom("properties"));
    private static final ECPoint_ PK = new ECPoint_(KEYS.ceremony().publicKey());

    /** Holds the ballot key as one object, so its tables are reused. */
    private record ECPoint_(org.bouncycastle.math.ec.ECPoint point) {
    }

    private static BallotContext ballot(int options, int min, int max) {
        return new BallotContext(Hashes.sha256hex("properties|" + options + "|" + min + "|" + max), PK.point(), options,
                min, max);
    }

    static Stream<Arguments> wrongBits() {
        return RandomCases.of("wrong bits", 30, random -> new Object[] {(int) RandomCases.between(random, 2, 40),
            random.nextLong()});
    }

    @ParameterizedTest(name = "m = {0}, seed {1}")
    @MethodSource("wrongBits")
    void aBitProofOfAValueOtherThan0Or1NeverVerifies(int m, long seed) {
        SecureRandom random = new DeterministicRandom("bit " + seed);
        BallotContext ballot = ballot(1, 0, 1);
        BigInteger r = Randomness.scalar(random);
        Ciphertext ciphertext = Ciphertext.encrypt(m, r, PK.point());
        Transcript prefix = ballot.bitPrefix(Randomness.id(random), 0);
        for (int claimed = 0; claimed <= 1; claimed++) {
            // the prover claims the true branch is `claimed` although the ciphertext holds m
            DisjunctiveProof proof = DisjunctiveProof.prove(prefix, ciphertext, BallotContext.BIT, claimed, r, PK.point(),
                    random);
            assertFalse(proof.verifies(prefix, ciphertext, BallotContext.BIT, PK.point()));
        }
    }

    static Stream<Arguments> bits() {
        return RandomCases.of("bits", 20, random -> new Object[] {random.nextInt(2), random.nextLong()});
    }

    @ParameterizedTest(name = "m = {0}, seed {1}")
    @MethodSource("bits")
    void aHonestBitProofVerifiesOnlyForItsOwnStatement(int m, long seed) {
        SecureRandom random = new DeterministicRandom("honest " + seed);
        BallotContext ballot = ballot(1, 0, 1);
        BigInteger r = Randomness.scalar(random);
        Ciphertext ciphertext = Ciphertext.encrypt(m, r, PK.point());
        String paperId = Randomness.id(random);
        DisjunctiveProof proof = DisjunctiveProof.prove(ballot.bitPrefix(paperId, 0), ciphertext, BallotContext.BIT, m, r,
                PK.point(), random);
        assertTrue(proof.verifies(ballot.bitPrefix(paperId, 0), ciphertext, BallotContext.BIT, PK.point()));
        assertFalse(proof.verifies(ballot.bitPrefix(paperId, 1), ciphertext, BallotContext.BIT, PK.point()),
                "another option");
        assertFalse(proof.verifies(ballot.bitPrefix(Randomness.id(random), 0), ciphertext, BallotContext.BIT,
                PK.point()), "another paper");
        Ciphertext other = Ciphertext.encrypt(m, Randomness.scalar(random), PK.point());
        assertFalse(proof.verifies(ballot.bitPrefix(paperId, 0), other, BallotContext.BIT, PK.point()),
                "another ciphertext of the same value");
    }

    static Stream<Arguments> ranges() {
        return RandomCases.of("ranges", 40, random -> {
            int options = (int) RandomCases.between(random, 1, 6);
            int min = (int) RandomCases.between(random, 0, options);
            int max = (int) RandomCases.between(random, min, options);
            int total = (int) RandomCases.between(random, 0, options + 1);
            return new Object[] {new int[] {options, min, max, total}, random.nextLong()};
        });
    }

    @ParameterizedTest(name = "{0}, seed {1}")
    @MethodSource("ranges")
    void aTotalOutsideMinToMaxNeverVerifies(int[] range, long seed) {
        int options = range[0];
        int min = range[1];
        int max = range[2];
        int total = range[3];
        SecureRandom random = new DeterministicRandom("total " + seed);
        BallotContext ballot = ballot(options, min, max);
        BigInteger r = Randomness.scalar(random);
        Ciphertext sum = Ciphertext.encrypt(total, r, PK.point());
        Transcript prefix = ballot.totalPrefix(Randomness.id(random));
        boolean inRange = total >= min && total <= max;
        for (int claimed = 0; claimed < max - min + 1; claimed++) {
            DisjunctiveProof proof = DisjunctiveProof.prove(prefix, sum, ballot.totals(), claimed, r, PK.point(), random);
            assertEquals(inRange && claimed == total - min, proof.verifies(prefix, sum, ballot.totals(), PK.point()),
                    "total " + total + " claimed as " + (min + claimed) + " in " + min + ".." + max);
        }
    }

    static Stream<Arguments> marks() {
        return RandomCases.of("marks", 10, random -> new Object[] {random.nextInt(2), random.nextLong()});
    }

    @ParameterizedTest(name = "extra {0}, seed {1}")
    @MethodSource("marks")
    void papersWithWrongMarksAreRefusedByTheBox(int extra, long seed) {
        SecureRandom random = new DeterministicRandom("marks " + seed);
        BallotContext ballot = ballot(3, 1, 1);
        PreparedPaper honest = PreparedPaper.make(ballot, new int[] {0, 1, 0}, random);
        assertEquals(java.util.Optional.empty(), PaperCheck.fault(ballot, honest.paper()));
        // an approval paper marking two answers: the total proof cannot be honest (the prover lies about the total)
        BallotContext loose = ballot(3, 0, 3);
        int[] marks = extra == 0 ? new int[] {1, 1, 0} : new int[] {1, 1, 1};
        PreparedPaper two = PreparedPaper.make(loose, marks, random);
        Paper sameProofs = new Paper(two.paper().paperId(), two.paper().ciphertexts(), two.paper().bitProofs(),
                two.paper().totalProof());
        assertTrue(PaperCheck.fault(ballot, sameProofs).isPresent());
    }

    static Stream<Arguments> elections() {
        return RandomCases.of("elections", 12, random -> {
            List<Integer> votes = new ArrayList<>();
            for (int v = 0, papers = (int) RandomCases.between(random, 1, 25); v < papers; v++) {
                votes.add(random.nextInt(3));
            }
            List<Integer> set = new ArrayList<>(List.of(1, 2, 3, 4));
            Collections.shuffle(set, random);
            return new Object[] {votes, List.copyOf(set.subList(0, 3)), random.nextLong()};
        });
    }

    @ParameterizedTest(name = "votes {0}, trustees {1}, seed {2}")
    @MethodSource("elections")
    void anyTOfNTrusteesCountTheTrueTotals(List<Integer> votes, List<Integer> set, long seed) {
        SecureRandom random = new DeterministicRandom("count " + seed);
        Fixtures.Keys keys = Fixtures.ceremony(4, 3, new DeterministicRandom("four " + seed));
        BallotDefinition definition = Fixtures.approval(3);
        BallotContext ballot = definition.context(Fixtures.MEETING, keys.ceremony().publicKey(), keys.ceremony().context());
        List<Paper> papers = new ArrayList<>();
        long[] truth = new long[3];
        for (int vote : votes) {
            int[] marks = new int[3];
            marks[vote] = 1;
            truth[vote]++;
            papers.add(PreparedPaper.make(ballot, marks, random).paper());
        }
        Aggregate aggregate = Aggregate.of(papers, 3);
        List<PartialDecryption> chosen = set.stream()
                .map(index -> keys.shares().get(index - 1).decrypt(ballot.value(), aggregate, random)).toList();
        chosen.forEach(answer -> assertTrue(answer.verifies(ballot.value(),
                keys.ceremony().trustee(answer.index()).verificationKey(), aggregate)));
        assertArrayEquals(truth, ThresholdDecryption.counts(aggregate, chosen, papers.size()));
        // t − 1 of them: the combination is not x·A, so T_o is not the count's multiple of G
        List<PartialDecryption> fewer = chosen.subList(0, chosen.size() - 1);
        for (int o = 0; o < 3; o++) {
            org.bouncycastle.math.ec.ECPoint[] shares = fewer.stream().map(p -> p.shares().get(0).d())
                    .toArray(org.bouncycastle.math.ec.ECPoint[]::new);
            BigInteger[] lambdas = Lagrange.atZero(fewer.stream().map(PartialDecryption::index).toList());
            org.bouncycastle.math.ec.ECPoint w = org.bouncycastle.math.ec.ECAlgorithms.sumOfMultiplies(shares, lambdas);
            assertNotEquals(aggregate.sums().get(0).beta().subtract(Group.smallMultiple(truth[0])), w);
        }
        assertFalse(ThresholdDecryption.tryCounts(aggregate, fewer, papers.size()).isPresent(),
                "t − 1 shares decrypted a count");
    }

    static Stream<Arguments> logs() {
        return Stream.concat(Stream.of(Arguments.of(0L, 0L), Arguments.of(1L, 0L), Arguments.of(2000L, 2000L),
                Arguments.of(2001L, 2000L), Arguments.of(45L, 2000L)), RandomCases.of("logs", 40, random -> new Object[] {
                    RandomCases.between(random, 0, 3000), RandomCases.between(random, 0, 3000)}));
    }

    @ParameterizedTest(name = "{0} within {1}")
    @MethodSource("logs")
    void theSmallLogFindsEveryCountUpToItsBound(long count, long bound) {
        OptionalLong found = SmallLog.of(Group.smallMultiple(count), bound);
        assertEquals(count <= bound ? OptionalLong.of(count) : OptionalLong.empty(), found);
    }
}
