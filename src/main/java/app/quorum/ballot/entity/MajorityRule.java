package app.quorum.ballot.entity;

/**
 * How many votes a proposal (or a candidate) needs, measured against the {@link MajorityBase}. The exact
 * comparisons are documented on {@link Tally}.
 */
public enum MajorityRule {
    /**
     * Simple (relative) majority: more yes than no; abstentions do not count against, the base is only reported.
     * In an election: the candidates with the most votes (at least one).
     */
    SIMPLE,
    /** Absolute majority: strictly more than half of the base. */
    ABSOLUTE,
    /** At least two-thirds of the base; exactly two-thirds passes. */
    TWO_THIRDS,
    /** At least p % of the base, p from 1 to 100 given by the rule. */
    PERCENTAGE
}
