package app.quorum.ballot.entity;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The form of an election paper: choose at least {@code minChoices} and at most {@code seats} of the candidates;
 * a paper choosing none is blank, and allowed only when {@code blankAllowed}.
 *
 * @param candidates the candidates' ids in ballot order (the order of the paper), distinct, at least one
 * @param seats how many are to be elected (k), from 1 to the number of candidates; also the most a paper may choose
 * @param minChoices the fewest a non-blank paper must choose, from 1 to {@code seats}
 * @param blankAllowed whether a paper choosing nobody may be cast
 */
public record Election(List<Long> candidates, int seats, int minChoices, boolean blankAllowed) {

    public Election {
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("an election needs candidates");
        }
        if (new HashSet<>(candidates).size() != candidates.size()) {
            throw new IllegalArgumentException("a candidate is listed twice: " + candidates);
        }
        if (seats < 1 || seats > candidates.size()) {
            throw new IllegalArgumentException("seats must be from 1 to " + candidates.size() + ", got " + seats);
        }
        if (minChoices < 1 || minChoices > seats) {
            throw new IllegalArgumentException("minChoices must be from 1 to " + seats + ", got " + minChoices);
        }
    }

    /**
     * Whether a paper choosing these candidates may be cast: blank only if allowed, otherwise from
     * {@code minChoices} to {@code seats} of this election's candidates.
     */
    public boolean accepts(Set<Long> chosen) {
        Objects.requireNonNull(chosen, "chosen");
        if (chosen.isEmpty()) {
            return blankAllowed;
        }
        return chosen.size() >= minChoices && chosen.size() <= seats && candidates.containsAll(chosen);
    }
}
