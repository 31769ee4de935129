package app.quorum.meeting.control;

/**
 * The chair is about to close a meeting's session ({@link MeetingService#changeStatus}): fired synchronously inside the
 * closing transaction, before anything changes, so the features above the meeting can refuse it (a ballot still
 * open must be closed first) by throwing a {@link app.quorum.platform.Refusal}.
 */
public record MeetingClosing(long meetingId) {
}
