package app.quorum.ballot.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.bouncycastle.math.ec.ECPoint;

/**
 * A disjunctive Chaum–Pedersen proof that {@code (α, β)} encrypts one of {@code v_0 < … < v_L-1} under {@code PK}:
 * {@code ∃ j, r: α = r·G ∧ β − v_j·G = r·PK} (Cramer, Damgård, Schoenmakers 1994, as in Helios: Adida 2008;
 * election-record.md §5.2). The true branch is a Chaum–Pedersen proof, the others are simulated, and the challenges
 * sum to {@code H(prefix | α | β | a_0 | b_0 | …)}. Bit proofs use {@code v = (0, 1)}, total proofs
 * {@code v = (min … max)}. JSON: {@code {"c": [s…L], "s": [s…L]}}.
 */
public record DisjunctiveProof(List<BigInteger> c, List<BigInteger> s) {

    public DisjunctiveProof {
        c = List.copyOf(c);
        s = List.copyOf(s);
        if (c.size() != s.size() || c.isEmpty()) {
            throw new IllegalArgumentException("a disjunctive proof has as many challenges as responses, at least one");
        }
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
                    simulate(ciphertext, values[j], c[j], s[j], pk, commitments, j);
                }
            }
            if (anyInfinity(commitments)) {
                continue; // probability about L/q: draw again
            }
            Group.normalizeAll(commitments);
            c[trueIndex] = challenge(prefix, ciphertext, commitments).subtract(others).mod(Group.Q);
            s[trueIndex] = w.add(c[trueIndex].multiply(r)).mod(Group.Q);
            return new DisjunctiveProof(List.of(c), List.of(s));
        }
    }

    /** Verifies against {@code values}: every branch recomputed, none {@code O}, and {@code Σ c_j == H(…)}. */
    public boolean verifies(Transcript prefix, Ciphertext ciphertext, long[] values, ECPoint pk) {
        int branches = values.length;
        if (c.size() != branches) {
            return false;
        }
        ECPoint[] commitments = new ECPoint[2 * branches];
        BigInteger sum = BigInteger.ZERO;
        for (int j = 0; j < branches; j++) {
            simulate(ciphertext, values[j], c.get(j), s.get(j), pk, commitments, j);
            sum = sum.add(c.get(j));
        }
        if (anyInfinity(commitments)) {
            return false;
        }
        Group.normalizeAll(commitments);
        return sum.mod(Group.Q).equals(challenge(prefix, ciphertext, commitments));
    }

    /** {@code a_j = s_j·G − c_j·α}, {@code b_j = s_j·PK − c_j·(β − v_j·G)}. */
    private static void simulate(Ciphertext ciphertext, long value, BigInteger c, BigInteger s, ECPoint pk,
            ECPoint[] commitments, int j) {
        commitments[2 * j] = Group.commitment(Group.G, s, ciphertext.alpha(), c);
        ECPoint shifted = value == 0 ? ciphertext.beta() : ciphertext.beta().subtract(Group.smallMultiple(value));
        commitments[2 * j + 1] = Group.commitment(pk, s, shifted, c);
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
        return Json.createObjectBuilder().add("c", scalars(c)).add("s", scalars(s)).build();
    }

    /** Reads {@code {"c": […], "s": […]}}, refusing a non-canonical scalar. */
    public static DisjunctiveProof fromJson(JsonObject json) {
        return new DisjunctiveProof(scalars(json.getJsonArray("c")), scalars(json.getJsonArray("s")));
    }

    static JsonArrayBuilder scalars(List<BigInteger> scalars) {
        JsonArrayBuilder array = Json.createArrayBuilder();
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
