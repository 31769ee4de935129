package app.quorum.ballot.crypto;

import java.util.Optional;

/**
 * The checks of one paper on its own (election-record.md §4): its shape — a 32-hex-digit {@code paperId}, {@code N}
 * ciphertexts and bit proofs of two branches, a total proof of {@code max-min+1} — and every proof. (Encodings are
 * checked when the paper is read; the paperId's and α's novelty in the box by {@link BallotBox}.)
 */
public final class PaperCheck {

    private PaperCheck() {
    }

    /** The first fault of the paper, or none. */
    public static Optional<PaperFault> fault(BallotContext ballot, Paper paper) {
        if (!Codec.isHexId(paper.paperId(), 32) || paper.ciphertexts().size() != ballot.options()
                || paper.bitProofs().size() != ballot.options()
                || paper.totalProof().c().size() != ballot.max() - ballot.min() + 1) {
            return Optional.of(PaperFault.SHAPE);
        }
        for (int o = 0; o < ballot.options(); o++) {
            if (paper.bitProofs().get(o).c().size() != 2) {
                return Optional.of(PaperFault.SHAPE);
            }
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
}
