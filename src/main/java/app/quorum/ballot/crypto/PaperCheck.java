package app.quorum.ballot.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The checks of papers on their own (election-record.md §4): the shape — a 32-hex-digit {@code paperId}, {@code N}
 * ciphertexts and bit proofs of two branches, a total proof of {@code max-min+1} — and every proof, for one paper
 * ({@link #fault}) or many ({@link #faults}), in a batch (§5.4): every challenge hashed, then all the verification
 * equations in one small-exponents test, and each equation on its own only when that fails, to name the bad proof.
 * (Even one paper's 20-odd equations are cheaper as one multi-scalar multiplication than as 14 or more Shamir's tricks:
 * CryptoBench.) Encodings are checked when a paper is read; the paperId's and α's novelty in the box by
 * {@link BallotBox}.
 */
public final class PaperCheck {

    private PaperCheck() {
    }

    private static final SecureRandom WEIGHTS = new SecureRandom();

    /** The first fault of the paper, or none: its equations in a batch of their own. */
    public static Optional<PaperFault> fault(BallotContext ballot, Paper paper) {
        return Optional.ofNullable(faults(ballot, List.of(paper), WEIGHTS).get(0));
    }

    /** The first fault of the paper, or none, checking each equation on its own. */
    static Optional<PaperFault> faultOneByOne(BallotContext ballot, Paper paper) {
        Optional<PaperFault> shape = shapeFault(ballot, paper);
        if (shape.isPresent()) {
            return shape;
        }
        for (int o = 0; o < ballot.options(); o++) {
            if (!paper.bitProofs().get(o).verifies(ballot.bitPrefix(paper.paperId(), o), paper.ciphertexts().get(o),
                    BallotContext.BIT, ballot.publicKey())) {
                return Optional.of(PaperFault.BIT_PROOF);
            }
        }
        if (!paper.totalProof().verifies(ballot.totalPrefix(paper.paperId()), paper.total(), ballot.totals(),
                ballot.publicKey())) {
            return Optional.of(PaperFault.TOTAL_PROOF);
        }
        return Optional.empty();
    }

    /**
     * The faults of many papers, by their position in the list (an empty map when all are good): shapes and every
     * challenge paper by paper, then all their verification equations in one batch; when the batch fails, the papers
     * it held are checked one by one to name the bad ones.
     */
    public static Map<Integer, PaperFault> faults(BallotContext ballot, List<Paper> papers, SecureRandom random) {
        Map<Integer, PaperFault> faults = new TreeMap<>();
        Batch batch = new Batch(ballot.publicKey(), random);
        List<Integer> batched = new ArrayList<>(papers.size());
        for (int p = 0; p < papers.size(); p++) {
            Paper paper = papers.get(p);
            Optional<PaperFault> fault = shapeFault(ballot, paper).or(() -> challengeFault(ballot, paper));
            if (fault.isPresent()) {
                faults.put(p, fault.get());
            } else {
                addTo(batch, ballot, paper);
                batched.add(p);
            }
        }
        if (!batched.isEmpty() && !batch.holds()) {
            for (int p : batched) {
                faultOneByOne(ballot, papers.get(p)).ifPresent(fault -> faults.put(p, fault));
            }
        }
        return faults;
    }

    private static Optional<PaperFault> shapeFault(BallotContext ballot, Paper paper) {
        if (!Codec.isHexId(paper.paperId(), 32) || paper.ciphertexts().size() != ballot.options()
                || paper.bitProofs().size() != ballot.options()
                || paper.totalProof().branches() != ballot.max() - ballot.min() + 1) {
            return Optional.of(PaperFault.SHAPE);
        }
        for (DisjunctiveProof bit : paper.bitProofs()) {
            if (bit.branches() != 2) {
                return Optional.of(PaperFault.SHAPE);
            }
        }
        return Optional.empty();
    }

    private static Optional<PaperFault> challengeFault(BallotContext ballot, Paper paper) {
        for (int o = 0; o < ballot.options(); o++) {
            if (!paper.bitProofs().get(o).challengeHolds(ballot.bitPrefix(paper.paperId(), o),
                    paper.ciphertexts().get(o), BallotContext.BIT)) {
                return Optional.of(PaperFault.BIT_PROOF);
            }
        }
        if (!paper.totalProof().challengeHolds(ballot.totalPrefix(paper.paperId()), paper.total(), ballot.totals())) {
            return Optional.of(PaperFault.TOTAL_PROOF);
        }
        return Optional.empty();
    }

    /**
     * The paper's equations: each bit proof's on its ciphertext, the total proof's on {@code (Σ α_o, Σ β_o)} — whose
     * coefficients go to every {@code α_o} and {@code β_o} — so each of the paper's points is one term.
     */
    private static void addTo(Batch batch, BallotContext ballot, Paper paper) {
        BigInteger[] total = paper.totalProof().addTo(batch, ballot.totals());
        for (int o = 0; o < ballot.options(); o++) {
            BigInteger[] bit = paper.bitProofs().get(o).addTo(batch, BallotContext.BIT);
            Ciphertext ciphertext = paper.ciphertexts().get(o);
            batch.term(ciphertext.alpha(), bit[0].add(total[0]));
            batch.term(ciphertext.beta(), bit[1].add(total[1]));
        }
    }
}
