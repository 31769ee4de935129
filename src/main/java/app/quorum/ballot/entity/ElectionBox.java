package app.quorum.ballot.entity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The counted papers of an election: votes per candidate, the papers that chose somebody ({@code marked}) and
 * the blank ones. As with approvals there are no invalid papers: the casting service refuses a paper that its
 * {@link Election} does not {@linkplain Election#accepts(Set) accept}, and {@link #count(Election, Collection)}
 * refuses one too.
 *
 * @param votes votes per candidate id; a candidate missing from the map has 0
 * @param marked papers choosing at least one candidate
 * @param blank papers choosing nobody
 */
public record ElectionBox(Map<Long, Integer> votes, int marked, int blank) {

    public ElectionBox {
        votes = Map.copyOf(votes);
        if (marked < 0 || blank < 0) {
            throw new IllegalArgumentException("negative number of papers: " + marked + " marked, " + blank
                    + " blank");
        }
        votes.forEach((candidate, count) -> {
            if (count < 0 || count > marked) {
                throw new IllegalArgumentException("candidate " + candidate + " has " + count + " votes of "
                        + marked + " marked papers");
            }
        });
    }

    /**
     * Counts these papers, each the set of candidate ids chosen on it.
     *
     * @throws IllegalArgumentException if the election does not accept one of the papers
     */
    public static ElectionBox count(Election election, Collection<Set<Long>> papers) {
        Map<Long, Integer> votes = new HashMap<>();
        election.candidates().forEach(candidate -> votes.put(candidate, 0));
        int marked = 0;
        int blank = 0;
        for (Set<Long> paper : papers) {
            if (!election.accepts(paper)) {
                throw new IllegalArgumentException("the election does not accept the paper " + paper);
            }
            if (paper.isEmpty()) {
                blank++;
            } else {
                marked++;
                paper.forEach(candidate -> votes.merge(candidate, 1, Integer::sum));
            }
        }
        return new ElectionBox(votes, marked, blank);
    }

    public int votes(long candidate) {
        return votes.getOrDefault(candidate, 0);
    }

    /** All papers in the box: marked + blank. */
    public int votesCast() {
        return Math.addExact(marked, blank);
    }
}
