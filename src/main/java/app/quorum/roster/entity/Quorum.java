package app.quorum.roster.entity;

import app.quorum.meeting.entity.QuorumRule;

/**
 * The quorum of a meeting at one moment: voting members present, how many are required, how many there are.
 */
public record Quorum(int present, int required, int votingMembers) {

    public static Quorum of(QuorumRule rule, Integer fixed, int votingMembers, int presentVotingMembers) {
        return new Quorum(presentVotingMembers, rule.required(votingMembers, fixed), votingMembers);
    }

    public boolean reached() {
        return present >= required;
    }

    /** How many more voting members must arrive; 0 once the quorum is reached. */
    public int missing() {
        return Math.max(0, required - present);
    }
}
