package app.quorum.meeting.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * For the in-container tests: runs {@link DemoMeeting}'s start-up step ({@code loadWhenEmpty}, package-private as a
 * {@code @PostConstruct} method) once more, in a transaction of the container, and reads the demo file it loads.
 */
@Stateless
public class DemoMeetingAccess {

    @PersistenceContext
    EntityManager em;

    public void loadWhenEmpty() {
        DemoMeeting demo = new DemoMeeting();
        demo.enabled = true;
        demo.em = em;
        demo.loadWhenEmpty();
    }

    public static DemoMeeting.Demo demo() {
        return DemoMeeting.read();
    }
}
