package app.quorum.roster.control;

/**
 * The roster is about to change who may vote in a meeting (an entry with a vote added, changed, removed or
 * imported): fired inside that change's transaction, before it is stored, so that a feature above which depends on
 * the count of entitled voters can refuse it (the ballots refuse while one is open: {@code participant.ballotOpen}).
 */
public record VotingRightsChanging(long meetingId) {
}
