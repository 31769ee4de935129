package app.quorum.results.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * For the in-container tests: runs {@link DemoMeeting}'s start-up step ({@code loadWhenEmpty}, package-private as a
 * {@code @PostConstruct} method) once more, in a transaction of the container, reads the demo file it loads, and
 * loads copies of the demo meeting under other titles.
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

    /**
     * Loads another meeting like the demo one (details, agenda, roster, public) under another title, so the demo
     * itself stays as it is for the other tests; returns its id.
     */
    public long loadCopy(String title) {
        DemoMeeting.Demo demo = DemoMeeting.read();
        DemoMeeting loader = new DemoMeeting();
        loader.em = em;
        var meeting = loader.load(new DemoMeeting.Demo(title, demo.organiser(), demo.venue(), demo.startsAt(),
                demo.endsAt(), demo.description(), demo.status(), demo.publicMeeting(), demo.agenda(), demo.roster()));
        em.flush();
        return meeting.getId();
    }

    public static DemoMeeting.Demo demo() {
        return DemoMeeting.read();
    }
}
