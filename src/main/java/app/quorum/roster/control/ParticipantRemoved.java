package app.quorum.roster.control;

/**
 * A participant was struck off the roster ({@link RosterService#remove}): their session, and (by the database's
 * cascade) their place among the meeting's trustees, are gone. Fired inside the removal's transaction; the caches of
 * those facts drop theirs once it commits.
 */
public record ParticipantRemoved(long meetingId, long participantId) {
}
