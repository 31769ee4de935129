package app.quorum.ballot.crypto;

import app.quorum.platform.Jsons;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.bouncycastle.math.ec.ECPoint;

/**
 * A disjunctive Chaum–Pedersen proof that {@code (α, β)} encrypts one of {@code v_0 < … < v_L-1} under {@code PK}:
 * {@code ∃ j, r: α = r·G ∧ β − v_j·G = r·PK} (Cramer, Damgård, Schoenmakers 1994, as in Helios: Adida 2008;
 * election-record.md §5.2). The true branch is a Chaum–Pedersen proof, the others are simulated, and the challenges
 * sum to {@code H(prefix | α | β | a_0 | b_0 | …)}. The commitments {@code a_j}, {@code b_j} are published with the
 * challenges and responses, so the verification equations {@code s_j·G == a_j + c_j·α} and
 * {@code s_j·PK == b_j + c_j·(β − v_j·G)} can be checked one by one ({@link #verifies}) or batched with other proofs'
 * ({@link #addTo}, §5.4). Bit proofs use {@code v = (0, 1)}, total proofs {@code v = (min … max)}. JSON:
 * {@code {"a": [P…L], "b": [P…L], "c": [s…L], "s": [s…L]}}.
 */
public record DisjunctiveProof(List<ECPoint> a, List<ECPoint> b, List<BigInteger> c, List<BigInteger> s) {

    public DisjunctiveProof {
        a = List.copyOf(a);
        b = List.copyOf(b);
        c = List.copyOf(c);
        s = List.copyOf(s);
        if (c.isEmpty() || a.size() != c.size() || b.size() != c.size() || s.size() != c.size()) {
            throw new IllegalArgumentException("a disjunctive proof has as many commitments, challenges and responses, "
                    + "at least one");
        }
    }

    /** The number of branches {@code L}. */
    public int branches() {
        return c.size();
    }

    /** The values {@code min, …, max}. */
    public static long[] range(int min, int max) {
        long[] values = new long[max - min + 1];
        for (int i = 0; i < values.length; i++) {
            values[i] = min + i;
        }
        return values;
    }

    /**
     * Proves that {@code ciphertext} (made with randomness {@code r}) encrypts {@code values[trueIndex]}.
     */
    public static DisjunctiveProof prove(Transcript prefix, Ciphertext ciphertext, long[] values, int trueIndex,
            BigInteger r, ECPoint pk, SecureRandom random) {
        int branches = values.length;
        while (true) {
            BigInteger[] c = new BigInteger[branches];
            BigInteger[] s = new BigInteger[branches];
            ECPoint[] commitments = new ECPoint[2 * branches];
            BigInteger w = Randomness.scalar(random);
            BigInteger others = BigInteger.ZERO;
            for (int j = 0; j < branches; j++) {
                if (j == trueIndex) {
                    commitments[2 * j] = Group.mulG(w);
                    commitments[2 * j + 1] = Group.mulFixed(pk, w);
                } else {
                    c[j] = Randomness.scalar(random);
                    s[j] = Randomness.scalar(random);
                    others = others.add(c[j]);
                    commitments[2 * j] = Group.commitment(Group.G, s[j], ciphertext.alpha(), c[j]);
                    commitments[2 * j + 1] = Group.commitment(pk, s[j], shifted(ciphertext, values[j]), c[j]);
                }
            }
            if (anyInfinity(commitments)) {
                continue; // probability about L/q: draw again (§5.2)
            }
            Group.normalizeAll(commitments);
            c[trueIndex] = challenge(prefix, ciphertext, commitments).subtract(others).mod(Group.Q);
            s[trueIndex] = w.add(c[trueIndex].multiply(r)).mod(Group.Q);
            List<ECPoint> a = new ArrayList<>(branches);
            List<ECPoint> b = new ArrayList<>(branches);
            for (int j = 0; j < branches; j++) {
                a.add(commitments[2 * j]);
                b.add(commitments[2 * j + 1]);
            }
            return new DisjunctiveProof(a, b, List.of(c), List.of(s));
        }
    }

    /**
     * Verifies against {@code values}, one by one: {@code Σ c_j == H(…)} over the published commitments, and every
     * branch's two equations (each commitment recomputed as {@code s·P − c·Q}, refused when {@code O}).
     */
    public boolean verifies(Transcript prefix, Ciphertext ciphertext, long[] values, ECPoint pk) {
        if (!challengeHolds(prefix, ciphertext, values)) {
            return false;
        }
        for (int j = 0; j < values.length; j++) {
            ECPoint first = Group.commitment(Group.G, s.get(j), ciphertext.alpha(), c.get(j));
            ECPoint second = Group.commitment(pk, s.get(j), shifted(ciphertext, values[j]), c.get(j));
            if (first.isInfinity() || second.isInfinity() || !first.equals(a.get(j)) || !second.equals(b.get(j))) {
                return false;
            }
        }
        return true;
    }

    /** Whether there are {@code L} branches and {@code Σ c_j mod q == H(prefix | α | β | a_0 | b_0 | …)}. */
    public boolean challengeHolds(Transcript prefix, Ciphertext ciphertext, long[] values) {
        if (c.size() != values.length) {
            return false;
        }
        ECPoint[] commitments = new ECPoint[2 * values.length];
        BigInteger sum = BigInteger.ZERO;
        for (int j = 0; j < values.length; j++) {
            commitments[2 * j] = a.get(j);
            commitments[2 * j + 1] = b.get(j);
            sum = sum.add(c.get(j));
        }
        return sum.mod(Group.Q).equals(challenge(prefix, ciphertext, commitments));
    }

    /**
     * Adds the {@code 2L} equations {@code a_j + c_j·α − s_j·G == O} and {@code b_j + c_j·β − c_j·v_j·G − s_j·PK == O},
     * each with a fresh weight, to the batch (whose public key is {@code PK}) — all but their terms on {@code α} and
     * {@code β}, whose coefficients are returned for the caller to add (a paper adds up those of one ciphertext's bit
     * proof and of the total proof before it adds the term). Call only once {@link #challengeHolds} holds.
     *
     * @return {@code {coefficient on α, coefficient on β}}
     */
    BigInteger[] addTo(Batch batch, long[] values) {
        BigInteger onAlpha = BigInteger.ZERO;
        BigInteger onBeta = BigInteger.ZERO;
        BigInteger onG = BigInteger.ZERO;
        BigInteger onKey = BigInteger.ZERO;
        for (int j = 0; j < values.length; j++) {
            BigInteger first = batch.weight();
            BigInteger second = batch.weight();
            batch.term(a.get(j), first);
            batch.term(b.get(j), second);
            onAlpha = onAlpha.add(first.multiply(c.get(j)));
            onBeta = onBeta.add(second.multiply(c.get(j)));
            onG = onG.add(first.multiply(s.get(j))).add(second.multiply(c.get(j)).multiply(BigInteger.valueOf(values[j])));
            onKey = onKey.add(second.multiply(s.get(j)));
        }
        batch.onG(onG.negate());
        batch.onKey(onKey.negate());
        return new BigInteger[] {onAlpha.mod(Group.Q), onBeta.mod(Group.Q)};
    }

    /** {@code β − v·G}. */
    private static ECPoint shifted(Ciphertext ciphertext, long value) {
        return value == 0 ? ciphertext.beta() : ciphertext.beta().subtract(Group.smallMultiple(value));
    }

    private static boolean anyInfinity(ECPoint[] points) {
        for (ECPoint point : points) {
            if (point.isInfinity()) {
                return true;
            }
        }
        return false;
    }

    private static BigInteger challenge(Transcript prefix, Ciphertext ciphertext, ECPoint[] commitments) {
        Transcript transcript = Transcript.continuing(prefix).point(ciphertext.alpha()).point(ciphertext.beta());
        for (ECPoint commitment : commitments) {
            transcript.point(commitment);
        }
        return transcript.challenge();
    }

    public JsonObject toJson() {
        return Jsons.JSON.createObjectBuilder().add("a", points(a)).add("b", points(b)).add("c", scalars(c))
                .add("s", scalars(s)).build();
    }

    /** Reads {@code {"a": […], "b": […], "c": […], "s": […]}}, refusing a non-canonical point or scalar. */
    public static DisjunctiveProof fromJson(JsonObject json) {
        return new DisjunctiveProof(TrusteeKeys.points(json.getJsonArray("a")),
                TrusteeKeys.points(json.getJsonArray("b")), scalars(json.getJsonArray("c")),
                scalars(json.getJsonArray("s")));
    }

    static JsonArrayBuilder points(List<ECPoint> points) {
        JsonArrayBuilder array = Jsons.JSON.createArrayBuilder();
        points.forEach(point -> array.add(Codec.hex(point)));
        return array;
    }

    static JsonArrayBuilder scalars(List<BigInteger> scalars) {
        JsonArrayBuilder array = Jsons.JSON.createArrayBuilder();
        scalars.forEach(scalar -> array.add(Codec.hex(scalar)));
        return array;
    }

    static List<BigInteger> scalars(JsonArray array) {
        List<BigInteger> scalars = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            scalars.add(Codec.scalar(array.getString(i)));
        }
        return scalars;
    }
}
