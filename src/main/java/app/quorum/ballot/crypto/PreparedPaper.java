package app.quorum.ballot.crypto;

import app.quorum.platform.Jsons;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A paper as the tablet prepares it (election-record.md §4): the paper, its tracker, and what opens it — the choices
 * and the randomness. Cast, only the paper leaves the device; audited (Benaloh 2006, "Simple verifiable elections";
 * Benaloh 2007 cast-or-audit), the revelation is published with it and the paper is never counted. JSON of an audited
 * paper: the paper's fields with {@code "tracker"}, {@code "choices": [0|1…]} and {@code "randomness": [s…]}.
 */
public record PreparedPaper(Paper paper, String tracker, List<Integer> choices, List<BigInteger> randomness) {

    public PreparedPaper {
        choices = List.copyOf(choices);
        randomness = List.copyOf(randomness);
    }

    /**
     * Encrypts the marks {@code choices} (each 0 or 1, {@code min ≤ Σ ≤ max}) with fresh randomness and a fresh
     * paperId, with every proof.
     */
    public static PreparedPaper make(BallotContext ballot, int[] choices, SecureRandom random) {
        if (choices.length != ballot.options()) {
            throw new IllegalArgumentException("one mark per option");
        }
        int marks = 0;
        for (int choice : choices) {
            if (choice != 0 && choice != 1) {
                throw new IllegalArgumentException("a mark is 0 or 1");
            }
            marks += choice;
        }
        if (marks < ballot.min() || marks > ballot.max()) {
            throw new IllegalArgumentException("the marks are not within min..max");
        }
        String paperId = Randomness.id(random);
        List<Ciphertext> ciphertexts = new ArrayList<>();
        List<DisjunctiveProof> bitProofs = new ArrayList<>();
        List<BigInteger> randomness = new ArrayList<>();
        BigInteger total = BigInteger.ZERO;
        for (int o = 0; o < choices.length; o++) {
            BigInteger r = Randomness.scalar(random);
            Ciphertext ciphertext = Ciphertext.encrypt(choices[o], r, ballot.publicKey());
            bitProofs.add(DisjunctiveProof.prove(ballot.bitPrefix(paperId, o), ciphertext, BallotContext.BIT,
                    choices[o], r, ballot.publicKey(), random));
            ciphertexts.add(ciphertext);
            randomness.add(r);
            total = total.add(r);
        }
        Paper unproven = new Paper(paperId, ciphertexts, bitProofs, bitProofs.get(0));
        DisjunctiveProof totalProof = DisjunctiveProof.prove(ballot.totalPrefix(paperId), unproven.total(),
                ballot.totals(), marks - ballot.min(), total.mod(Group.Q), ballot.publicKey(), random);
        Paper paper = new Paper(paperId, ciphertexts, bitProofs, totalProof);
        return new PreparedPaper(paper, Tracker.of(ballot.value(), paper),
                java.util.Arrays.stream(choices).boxed().toList(), randomness);
    }

    /**
     * Whether the revelation opens the paper (what a verifier checks of an audited paper): marks in {0, 1}, each
     * {@code α_o = r_o·G}, {@code β_o = m_o·G + r_o·PK}, and the tracker.
     */
    public boolean revelationHolds(BallotContext ballot) {
        if (choices.size() != ballot.options() || randomness.size() != ballot.options()
                || paper.ciphertexts().size() != ballot.options()) {
            return false;
        }
        for (int o = 0; o < choices.size(); o++) {
            int m = choices.get(o);
            if (m != 0 && m != 1 || !paper.ciphertexts().get(o).opensTo(m, randomness.get(o), ballot.publicKey())) {
                return false;
            }
        }
        return tracker.equals(Tracker.of(ballot.value(), paper));
    }

    /** The audited paper's JSON. */
    public JsonObject toJson() {
        JsonObjectBuilder json = paper.fields(Jsons.JSON.createObjectBuilder(), tracker);
        JsonArrayBuilder marks = Jsons.JSON.createArrayBuilder();
        choices.forEach(marks::add);
        return json.add("choices", marks).add("randomness", DisjunctiveProof.scalars(randomness)).build();
    }

    public static PreparedPaper fromJson(JsonObject json) {
        List<Integer> choices = new ArrayList<>();
        json.getJsonArray("choices").forEach(number -> choices.add(Codec.smallInteger(number, 0, "choice")));
        return new PreparedPaper(Paper.fromJson(json), json.getString("tracker"), choices,
                DisjunctiveProof.scalars(json.getJsonArray("randomness")));
    }

    /** Never prints the choices or the randomness. */
    @Override
    public String toString() {
        return "PreparedPaper[tracker=" + tracker + "]";
    }
}
