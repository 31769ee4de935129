package app.quorum.meeting.control;

/**
 * A meeting was copied for its next session ({@link MeetingService#copy(long)}): fired inside the copy's transaction,
 * after its agenda is stored, so other features can copy what they keep about the meeting (the ballot definitions).
 */
public record MeetingCopied(long originalId, long copyId) {
}
