package app.quorum.ballot.entity;

import java.util.Objects;

/**
 * What a proposal's yes votes (or a candidate's votes) must reach: more than {@code value} when {@code strict},
 * at least {@code value} otherwise, and never fewer than one vote. The value is exact: two-thirds of 10 is
 * {@code 20/3}, so {@link #minimumVotes()} is 7; two-thirds of 9 is {@code 6}, so 6 votes suffice.
 *
 * @param value the exact bound, e.g. {@code 5} for "more than half of 10" or {@code 20/3} for "at least
 *        two-thirds of 10"
 * @param strict whether the votes must exceed the value ({@code >}) rather than reach it ({@code >=})
 */
public record Threshold(Fraction value, boolean strict) {

    public Threshold {
        Objects.requireNonNull(value, "value");
    }

    /** Whether this many votes meet the threshold: {@code votes > value} or {@code votes >= value}, and at least 1. */
    public boolean metBy(long votes) {
        if (votes < 1) {
            return false;
        }
        int comparison = value.compareTo(votes);
        return strict ? comparison < 0 : comparison <= 0;
    }

    /**
     * The fewest whole votes that meet the threshold: {@code ⌊value⌋ + 1} when strict, {@code ⌈value⌉} otherwise,
     * and at least 1.
     */
    public int minimumVotes() {
        long minimum = strict ? value.floor() + 1 : value.ceil();
        return Math.toIntExact(Math.max(1, minimum));
    }
}
