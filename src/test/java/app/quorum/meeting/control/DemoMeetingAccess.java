package app.quorum.meeting.control;

import app.quorum.roster.control.RosterService;

/**
 * For the in-container tests: runs {@link DemoMeeting}'s start-up step ({@code loadWhenEmpty}, package-private as a
 * {@code @PostConstruct} method) once more, on the container's own services, and reads the demo file it loads.
 */
public final class DemoMeetingAccess {

    private DemoMeetingAccess() {
    }

    public static void loadWhenEmpty(MeetingService meetings, RosterService roster) {
        DemoMeeting demo = new DemoMeeting();
        demo.enabled = true;
        demo.meetings = meetings;
        demo.roster = roster;
        demo.loadWhenEmpty();
    }

    public static DemoMeeting.Demo demo() {
        return DemoMeeting.read();
    }
}
