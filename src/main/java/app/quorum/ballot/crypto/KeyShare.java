package app.quorum.ballot.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

/**
 * A trustee's key share {@code x_j = Σ_i s_ij} and its verification key {@code X_j = x_j·G} with a Schnorr proof
 * under tag {@code share} (election-record.md §2, round 3), and what the share is for: the partial decryption
 * {@code D_jo = x_j·A_o} of every option's aggregate with a Chaum–Pedersen proof (§5.3, §6). In Quorum the share lives
 * on the trustee's device; this Java form serves the tests, the drills and the fixture records. Like the device
 * (decryption.js), it decrypts only an aggregate it computed itself from the list of papers ({@link #decryptBox}).
 */
public record KeyShare(int index, BigInteger secret, ECPoint verificationKey, SchnorrProof proof) {

    /**
     * §6: checks the published list of accepted papers — as many papers as the turnout the server states (more would
     * be stuffed papers, fewer a subset whose decryption reveals its papers' choices), every paper's shape and proofs
     * (in one batch), no paperId or α repeated (nor an audited paper's α) — then computes the aggregate itself and
     * decrypts that, never an aggregate handed over.
     *
     * @throws IllegalArgumentException saying why the list is refused
     */
    public PartialDecryption decryptBox(BallotContext ballot, List<Paper> papers, List<PreparedPaper> audited,
            long turnout, SecureRandom random) {
        if (papers.isEmpty() || papers.size() != turnout) {
            throw new IllegalArgumentException(papers.size() + " papers listed for a turnout of " + turnout);
        }
        java.util.Map<Integer, PaperFault> faults = PaperCheck.faults(ballot, papers, random);
        if (!faults.isEmpty()) {
            int first = faults.keySet().iterator().next();
            throw new IllegalArgumentException("paper " + (first + 1) + " fails its check: " + faults.get(first).key());
        }
        java.util.Set<String> ids = new java.util.HashSet<>();
        java.util.Set<String> alphas = new java.util.HashSet<>();
        audited.forEach(paper -> paper.paper().ciphertexts().forEach(c -> alphas.add(Codec.hex(c.alpha()))));
        for (int p = 0; p < papers.size(); p++) {
            if (!ids.add(papers.get(p).paperId())) {
                throw new IllegalArgumentException("paper " + (p + 1) + " repeats a paperId");
            }
            for (Ciphertext ciphertext : papers.get(p).ciphertexts()) {
                if (!alphas.add(Codec.hex(ciphertext.alpha()))) {
                    throw new IllegalArgumentException("paper " + (p + 1) + " repeats an α");
                }
            }
        }
        return decrypt(ballot.value(), Aggregate.of(papers, ballot.options()), random);
    }

    /** Partially decrypts each option's aggregate, with a proof for each (the aggregate is trusted: see decryptBox). */
    PartialDecryption decrypt(String ballotContext, Aggregate aggregate, SecureRandom random) {
        List<DecryptionShare> shares = new ArrayList<>(aggregate.size());
        for (int o = 0; o < aggregate.size(); o++) {
            ECPoint a = aggregate.sums().get(o).alpha();
            ECPoint d = Group.mul(a, secret).normalize();
            shares.add(new DecryptionShare(d,
                    DecryptionProof.prove(ballotContext, index, o, secret, verificationKey, a, d, random)));
        }
        return new PartialDecryption(index, shares);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "KeyShare[index=" + index + ", verificationKey=" + Codec.hex(verificationKey) + "]";
    }
}
