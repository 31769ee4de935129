package app.quorum.meeting.entity;

/**
 * How many of a meeting's voting members must be present. Integer arithmetic only: "more than half" of 9 is 5,
 * "at least two-thirds" of 9 is 6 and of 10 is 7.
 */
public enum QuorumRule {
    /** More than half of the voting members: ⌊n/2⌋ + 1. */
    MORE_THAN_HALF,
    /** At least two-thirds of the voting members: ⌈2n/3⌉. */
    TWO_THIRDS,
    /** A fixed number set for the meeting. */
    FIXED;

    /**
     * @param votingMembers how many voting members the roster has
     * @param fixed the number for {@link #FIXED}; ignored otherwise
     * @return how many of them must be present, at least 1
     */
    public int required(int votingMembers, Integer fixed) {
        if (votingMembers < 0) {
            throw new IllegalArgumentException("votingMembers < 0");
        }
        return switch (this) {
            case MORE_THAN_HALF -> votingMembers / 2 + 1;
            case TWO_THIRDS -> Math.max(1, (2 * votingMembers + 2) / 3);
            case FIXED -> {
                if (fixed == null || fixed < 1) {
                    throw new IllegalArgumentException("a fixed quorum needs a number of at least 1");
                }
                yield fixed;
            }
        };
    }
}
