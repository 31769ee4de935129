package app.quorum.results.control;

import app.quorum.meeting.entity.Meeting;
import app.quorum.meeting.entity.MeetingStatus;
import app.quorum.roster.entity.Participant;
import app.quorum.roster.entity.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the Đắk Mil demo meeting (resource {@value #RESOURCE}, taken from the seed article) once, when the
 * database holds no meeting at all, unless QUORUM_DEMO=false.
 */
@Startup
@Singleton
@DependsOn({"Migrations", "FirstStart"})
public class DemoMeeting {

    static final String RESOURCE = "/demo/dak-mil-2024.json";
    private static final Logger LOG = Logger.getLogger(DemoMeeting.class.getName());

    @Inject
    @ConfigProperty(name = "quorum.demo", defaultValue = "true")
    boolean enabled;

    @PersistenceContext
    EntityManager em;

    @PostConstruct
    void loadWhenEmpty() {
        if (!enabled || em.createNamedQuery(Meeting.COUNT, Long.class).getSingleResult() > 0) {
            return;
        }
        Meeting meeting = load(read());
        LOG.info(() -> "Loaded the demo meeting " + meeting.getId() + ": " + meeting.getTitle());
    }

    Meeting load(Demo demo) {
        Meeting meeting = new Meeting(demo.title(), demo.organiser(), demo.startsAt());
        meeting.setEndsAt(demo.endsAt());
        meeting.setVenue(demo.venue());
        meeting.setDescription(demo.description());
        meeting.setStatus(demo.status());
        meeting.setPublicMeeting(demo.publicMeeting());
        for (Item item : demo.agenda()) {
            var added = meeting.addItem(item.title());
            added.setDescription(item.description());
            added.setPresenter(item.presenter());
            added.setPlannedMinutes(item.plannedMinutes());
        }
        em.persist(meeting);
        for (Person person : demo.roster()) {
            Participant participant = new Participant(meeting, person.fullName(), person.role(), person.voting());
            participant.setPosition(person.position());
            participant.setUnit(person.unit());
            em.persist(participant);
        }
        return meeting;
    }

    static Demo read() {
        try (InputStream in = DemoMeeting.class.getResourceAsStream(RESOURCE); var jsonb = JsonbBuilder.create()) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return jsonb.fromJson(in, Demo.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read " + RESOURCE, e);
        }
    }

    /** The shape of the demo file. */
    public record Demo(String title, String organiser, String venue, LocalDateTime startsAt, LocalDateTime endsAt,
            String description, MeetingStatus status, boolean publicMeeting, List<Item> agenda, List<Person> roster) {
    }

    public record Item(String title, String description, String presenter, Integer plannedMinutes) {
    }

    public record Person(String fullName, String position, String unit, Role role, boolean voting) {
    }
}
