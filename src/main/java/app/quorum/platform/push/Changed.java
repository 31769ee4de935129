package app.quorum.platform.push;

/**
 * Something about a meeting changed that open pages show live: its quorum (check-ins), or its current item.
 * Fired as a CDI event inside the service's transaction; {@link PushRelay} tells the browsers once it commits.
 */
public record Changed(long meetingId, What what) {

    public enum What {
        /** attendance, and with it the quorum */
        ATTENDANCE,
        /** the current agenda item, the meeting's status, or a ballot prepared, changed, deleted, opened, closed or cancelled */
        PROCEEDINGS,
        /** someone voted: turnout only, never a choice */
        TURNOUT
    }
}
