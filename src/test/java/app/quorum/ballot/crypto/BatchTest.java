package app.quorum.ballot.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Batch verification (election-record.md §5.4): the multi-scalar multiplication against BouncyCastle's; the
 * small-exponents test accepts exactly what one-by-one checks accept, on random boxes with random papers broken in
 * random ways (a response changed — the challenge still holds, so only the equation can catch it —, a commitment
 * changed, a challenge changed), and names exactly the broken papers; a proof whose recomputed commitment is O is
 * refused both ways; the proofs of the ceremony and of the decryptions batch too.
 */
class BatchTest {

    private static final SecureRandom RANDOM = new DeterministicRandom("batch test");
    private static final Fixtures.Keys KEYS = Fixtures.ceremony(3, 2, RANDOM);
    private static final BallotContext APPROVAL = Fixtures.approval(4).context(Fixtures.MEETING,
            KEYS.ceremony().publicKey(), KEYS.ceremony().context());
    private static final BallotContext ELECTION = Fixtures.election(5, 4, 0, 2).context(Fixtures.MEETING,
            KEYS.ceremony().publicKey(), KEYS.ceremony().context());
    private static final List<Paper> APPROVALS = papers(APPROVAL, 60);
    private static final List<Paper> ELECTIONS = papers(ELECTION, 20);

    static Stream<Arguments> sums() {
        return RandomCases.of("msm", 24, random -> new Object[] {(int) RandomCases.between(random, 0, 400),
            random.nextLong()});
    }

    @ParameterizedTest(name = "{0} points, seed {1}")
    @MethodSource("sums")
    void pippengerAgreesWithBouncyCastle(int n, long seed) {
        Random random = new Random(seed);
        ECPoint[] points = new ECPoint[n];
        BigInteger[] scalars = new BigInteger[n];
        for (int i = 0; i < n; i++) {
            // repeated and opposite points, and scalars 0, 1, q − 1, 128-bit and full
            points[i] = i > 0 && random.nextInt(8) == 0 ? (random.nextBoolean() ? points[i - 1] : points[i - 1].negate())
                    : Group.mulG(new BigInteger(250, random).add(BigInteger.ONE)).normalize();
            scalars[i] = switch (random.nextInt(6)) {
                case 0 -> BigInteger.ZERO;
                case 1 -> BigInteger.ONE;
                case 2 -> Group.Q.subtract(BigInteger.ONE);
                case 3 -> new BigInteger(128, random);
                default -> new BigInteger(256, random).mod(Group.Q);
            };
        }
        ECPoint expected = n == 0 ? Group.infinity() : ECAlgorithms.sumOfMultiplies(points, scalars);
        assertEquals(expected.normalize(), Msm.sum(points, scalars).normalize());
        if (n > 0) {
            assertEquals(expected.normalize(), Msm.pippenger(points, scalars).normalize());
        }
    }

    @Test
    void aBoxOfGoodPapersPassesInOneBatch() {
        assertEquals(Map.of(), PaperCheck.faults(APPROVAL, APPROVALS, RANDOM));
        assertEquals(Map.of(), PaperCheck.faults(ELECTION, ELECTIONS, RANDOM));
        assertEquals(Map.of(), PaperCheck.faults(APPROVAL, List.of(), RANDOM));
    }

    static Stream<Arguments> brokenBoxes() {
        return RandomCases.of("broken boxes", 16, random -> {
            int broken = (int) RandomCases.between(random, 1, 4);
            List<Integer> where = new ArrayList<>();
            while (where.size() < broken) {
                int p = random.nextInt(60);
                if (!where.contains(p)) {
                    where.add(p);
                }
            }
            return new Object[] {where, random.nextLong()};
        });
    }

    @ParameterizedTest(name = "papers {0} broken, seed {1}")
    @MethodSource("brokenBoxes")
    void theBatchNamesExactlyTheBrokenPapersAsOneByOneChecksDo(List<Integer> broken, long seed) {
        Random random = new Random(seed);
        List<Paper> box = new ArrayList<>(APPROVALS);
        for (int p : broken) {
            box.set(p, breakPaper(box.get(p), random));
        }
        Map<Integer, PaperFault> oneByOne = new TreeMap<>();
        for (int p = 0; p < box.size(); p++) {
            int at = p;
            PaperCheck.faultOneByOne(APPROVAL, box.get(p)).ifPresent(fault -> oneByOne.put(at, fault));
        }
        assertEquals(new java.util.TreeSet<>(broken), oneByOne.keySet(), "every change breaks its paper");
        assertEquals(oneByOne, PaperCheck.faults(APPROVAL, box, new DeterministicRandom("weights " + seed)));
        for (int p : broken) {
            assertEquals(Optional.of(oneByOne.get(p)), PaperCheck.fault(APPROVAL, box.get(p)), "a batch of one");
        }
    }

    @Test
    void aResponseChangedKeepsTheChallengeButNotTheEquation() {
        Paper paper = APPROVALS.get(3);
        Paper changed = withBit(paper, 1, withResponse(paper.bitProofs().get(1), 0, BigInteger.ONE));
        assertTrue(changed.bitProofs().get(1).challengeHolds(APPROVAL.bitPrefix(paper.paperId(), 1),
                changed.ciphertexts().get(1), BallotContext.BIT));
        assertEquals(Optional.of(PaperFault.BIT_PROOF), PaperCheck.faultOneByOne(APPROVAL, changed));
        assertEquals(Optional.of(PaperFault.BIT_PROOF), PaperCheck.fault(APPROVAL, changed));
        for (int trial = 0; trial < 20; trial++) {
            assertEquals(Map.of(0, PaperFault.BIT_PROOF), PaperCheck.faults(APPROVAL, List.of(changed),
                    new DeterministicRandom("single " + trial)));
        }
    }

    @Test
    void aRecomputedCommitmentOfOIsRefusedOneByOneAndInABatch() {
        // s = c·x makes s·G − c·X the identity; the published A is a point, so the proof cannot be right
        BigInteger x = Randomness.scalar(RANDOM);
        ECPoint key = Group.mulG(x).normalize();
        String context = KEYS.ceremony().context();
        ECPoint published = Group.mulG(Randomness.scalar(RANDOM)).normalize();
        BigInteger c = Transcript.of("quorum/v1/schnorr").text(SchnorrProof.SHARE).text(context).number(1).point(key)
                .point(published).challenge();
        SchnorrProof proof = new SchnorrProof(published, c, c.multiply(x).mod(Group.Q));
        assertTrue(proof.challengeHolds(SchnorrProof.SHARE, context, 1, key));
        assertTrue(Group.commitment(Group.G, proof.s(), key, proof.c()).isInfinity());
        assertFalse(proof.verifies(SchnorrProof.SHARE, context, 1, key));
        Batch batch = new Batch(null, RANDOM);
        assertTrue(proof.addTo(batch, SchnorrProof.SHARE, context, 1, key));
        assertFalse(batch.holds());
    }

    @Test
    void theCeremonysProofsAndTheDecryptionsBatchToo() {
        Batch ceremony = new Batch(null, RANDOM);
        for (TrusteeKeys trustee : KEYS.ceremony().trustees()) {
            assertTrue(trustee.deviceKeyProof().addTo(ceremony, SchnorrProof.DEVICE, KEYS.ceremony().context(),
                    trustee.index(), trustee.deviceKey()));
            assertTrue(trustee.verificationKeyProof().addTo(ceremony, SchnorrProof.SHARE, KEYS.ceremony().context(),
                    trustee.index(), trustee.verificationKey()));
        }
        assertTrue(ceremony.holds());
        assertEquals(6, ceremony.equations());
        Aggregate aggregate = Aggregate.of(APPROVALS, 3);
        PartialDecryption answer = KEYS.shares().get(1).decrypt(APPROVAL.value(), aggregate, RANDOM);
        ECPoint key = KEYS.ceremony().trustee(2).verificationKey();
        Batch good = new Batch(null, RANDOM);
        Batch bad = new Batch(null, RANDOM);
        for (int o = 0; o < 3; o++) {
            DecryptionShare share = answer.shares().get(o);
            ECPoint a = aggregate.sums().get(o).alpha();
            assertTrue(share.proof().addTo(good, APPROVAL.value(), 2, o, key, a, share.d()));
            DecryptionProof changed = new DecryptionProof(share.proof().a(), share.proof().b(), share.proof().c(),
                    o == 2 ? share.proof().s().add(BigInteger.ONE) : share.proof().s());
            assertTrue(changed.addTo(bad, APPROVAL.value(), 2, o, key, a, share.d()), "the challenge still holds");
        }
        assertTrue(good.holds());
        assertFalse(bad.holds());
    }

    // ---- papers and ways to break them

    private static List<Paper> papers(BallotContext ballot, int count) {
        List<Paper> papers = new ArrayList<>();
        for (int p = 0; p < count; p++) {
            int[] marks = new int[ballot.options()];
            marks[p % ballot.options()] = 1;
            if (ballot.max() > 1 && p % 3 == 0) {
                marks[(p + 1) % ballot.options()] = 1;
            }
            papers.add(PreparedPaper.make(ballot, marks, RANDOM).paper());
        }
        return List.copyOf(papers);
    }

    /** One change: a response, a commitment or a challenge of a bit proof or of the total proof. */
    private static Paper breakPaper(Paper paper, Random random) {
        boolean total = random.nextBoolean();
        DisjunctiveProof proof = total ? paper.totalProof() : paper.bitProofs().get(random.nextInt(3));
        int j = random.nextInt(proof.branches());
        DisjunctiveProof broken = switch (random.nextInt(3)) {
            case 0 -> withResponse(proof, j, BigInteger.valueOf(1 + random.nextInt(1000)));
            case 1 -> {
                List<ECPoint> a = new ArrayList<>(proof.a());
                a.set(j, a.get(j).add(Group.G).normalize());
                yield new DisjunctiveProof(a, proof.b(), proof.c(), proof.s());
            }
            default -> {
                List<BigInteger> c = new ArrayList<>(proof.c());
                c.set(j, c.get(j).add(BigInteger.ONE).mod(Group.Q));
                yield new DisjunctiveProof(proof.a(), proof.b(), c, proof.s());
            }
        };
        if (total) {
            return new Paper(paper.paperId(), paper.ciphertexts(), paper.bitProofs(), broken);
        }
        return withBit(paper, paper.bitProofs().indexOf(proof), broken);
    }

    private static DisjunctiveProof withResponse(DisjunctiveProof proof, int j, BigInteger plus) {
        List<BigInteger> s = new ArrayList<>(proof.s());
        s.set(j, s.get(j).add(plus).mod(Group.Q));
        return new DisjunctiveProof(proof.a(), proof.b(), proof.c(), s);
    }

    private static Paper withBit(Paper paper, int o, DisjunctiveProof proof) {
        List<DisjunctiveProof> bits = new ArrayList<>(paper.bitProofs());
        bits.set(o, proof);
        return new Paper(paper.paperId(), paper.ciphertexts(), bits, paper.totalProof());
    }
}
