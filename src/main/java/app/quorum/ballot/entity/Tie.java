package app.quorum.ballot.entity;

import java.util.List;

/**
 * Candidates who reached the threshold with equal votes at the cut-off, more of them than the seats left: Quorum
 * never picks among them; the chair resolves the tie by the meeting's rules (usually another round).
 *
 * @param votes the votes each of them has
 * @param seats the seats they compete for, fewer than the candidates
 * @param candidates their ids, in ballot order
 */
public record Tie(int votes, int seats, List<Long> candidates) {

    public Tie {
        candidates = List.copyOf(candidates);
        if (seats < 1 || seats >= candidates.size()) {
            throw new IllegalArgumentException("a tie needs more candidates than seats, got " + candidates.size()
                    + " for " + seats);
        }
    }
}
