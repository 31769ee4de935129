package app.quorum.meeting.entity;

/** The life of a meeting: prepared (DRAFT), announced (SCHEDULED), running (IN_SESSION), over (CLOSED). */
public enum MeetingStatus {
    DRAFT, SCHEDULED, IN_SESSION, CLOSED
}
