package app.quorum.meeting.entity;

import java.util.Set;

/**
 * The life of a meeting: prepared (DRAFT), announced (SCHEDULED), running (IN_SESSION), over (CLOSED).
 * An announced meeting can go back to preparation; a meeting that has started only goes on to its close.
 */
public enum MeetingStatus {
    DRAFT, SCHEDULED, IN_SESSION, CLOSED;

    public Set<MeetingStatus> next() {
        return switch (this) {
            case DRAFT -> Set.of(SCHEDULED);
            case SCHEDULED -> Set.of(DRAFT, IN_SESSION);
            case IN_SESSION -> Set.of(CLOSED);
            case CLOSED -> Set.of();
        };
    }

    public boolean canMoveTo(MeetingStatus target) {
        return next().contains(target);
    }

    /** Details, agenda and roster may change until the meeting is closed. */
    public boolean editable() {
        return this != CLOSED;
    }

    /** Only a meeting that has not started may be deleted; one that ran is kept, closed. */
    public boolean deletable() {
        return this == DRAFT || this == SCHEDULED;
    }

    /** People check in once the meeting is announced and until it closes. */
    public boolean attendanceOpen() {
        return this == SCHEDULED || this == IN_SESSION;
    }
}
