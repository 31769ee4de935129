package app.quorum.meeting.control;

/**
 * A meeting that had not started was deleted ({@link MeetingService#delete(long)}), and with it (by the database's
 * cascades) its roster, ballots and ceremony: fired inside the deletion's transaction, so the features that cache
 * facts of the meeting drop them once it commits.
 */
public record MeetingDeleted(long meetingId) {
}
