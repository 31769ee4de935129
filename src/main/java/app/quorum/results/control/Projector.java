package app.quorum.results.control;

import app.quorum.ballot.control.Ballots;
import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BallotStatus;
import app.quorum.ballot.entity.Secrecy;
import app.quorum.meeting.control.MeetingService;
import app.quorum.meeting.entity.AgendaItem;
import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.Refusal;
import app.quorum.platform.push.Changed;
import app.quorum.results.entity.ProjectorMode;
import app.quorum.results.entity.ProjectorScreen;
import app.quorum.results.entity.ProjectorScreen.OpenBallot;
import app.quorum.results.entity.ProjectorScreen.Shown;
import app.quorum.results.entity.PublishedResult;
import app.quorum.roster.entity.Participant;
import app.quorum.roster.entity.Quorum;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The hall's projector: what it shows now, and the chair's choice of it. Anyone may look at the projector of a
 * meeting marked public; the projector of any other meeting is for its secretary and chair. While a ballot is open
 * it shows turnout only — how many have voted, never a count per choice; a result appears once it is published.
 */
@Stateless
@PermitAll
public class Projector {

    @PersistenceContext
    EntityManager em;

    @Inject
    MeetingService meetings;

    @Inject
    Ballots ballots;

    @Inject
    Results results;

    @Inject
    Event<Changed> changed;

    @Resource
    SessionContext context;

    /** How long after its publication a result stays on the projector in automatic mode. */
    @Inject
    @ConfigProperty(name = "quorum.projector.result.minutes", defaultValue = "15")
    int resultMinutes;

    Clock clock = Clock.systemUTC();

    /** What the chair chose for the projector of a meeting. */
    public Choice choice(long meetingId) {
        Object[] row = row(meetingId);
        ProjectorMode mode = ProjectorMode.valueOf((String) row[0]);
        Long ballotId = row[1] == null ? null : ((Number) row[1]).longValue();
        return new Choice(mode, mode == ProjectorMode.RESULT ? ballotId : null);
    }

    /**
     * The chair chooses what the projector shows: automatic, the agenda and quorum, one published result of this
     * meeting, or blank. The projector follows at once.
     */
    @RolesAllowed("CHAIR")
    public Choice choose(long meetingId, @NotNull ProjectorMode mode, Long ballotId) {
        row(meetingId);
        if (mode == ProjectorMode.RESULT) {
            Ballot ballot = ballotId == null ? null : em.find(Ballot.class, ballotId);
            if (ballot == null || ballot.getMeeting().getId() != meetingId || ballot.getStatus() != BallotStatus.PUBLISHED) {
                throw new Refusal(Refusal.Kind.CONFLICT, "projector.resultNotPublished");
            }
        }
        Long shownBallot = mode == ProjectorMode.RESULT ? ballotId : null;
        em.createNativeQuery("UPDATE meeting SET projector_mode = ?, projector_ballot_id = ? WHERE id = ?")
                .setParameter(1, mode.name()).setParameter(2, shownBallot).setParameter(3, meetingId).executeUpdate();
        changed.fire(new Changed(meetingId, Changed.What.PROCEEDINGS));
        return new Choice(mode, shownBallot);
    }

    /**
     * What the projector of a meeting shows now. Refused ({@code results.notFound}) for a meeting that is not public
     * unless the caller is its secretary or chair.
     */
    public ProjectorScreen screen(long meetingId) {
        Meeting meeting = meetings.withAgenda(meetingId).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "results.notFound"));
        if (!meeting.isPublicMeeting() && !context.isCallerInRole("SECRETARY") && !context.isCallerInRole("CHAIR")) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "results.notFound");
        }
        Choice choice = choice(meetingId);
        List<Ballot> all = ballots.ofMeeting(meetingId);
        Quorum quorum = quorum(meeting);
        AgendaItem item = meeting.getCurrentItem();
        Integer itemNumber = item == null ? null : item.getSortOrder();
        String itemTitle = item == null ? null : item.getTitle();
        String presenter = item == null ? null : item.getPresenter();
        return switch (choice.mode()) {
            case BLANK -> new ProjectorScreen(Shown.BLANK, choice.mode(), itemNumber, itemTitle, presenter, quorum, null, null);
            case AGENDA -> new ProjectorScreen(Shown.AGENDA, choice.mode(), itemNumber, itemTitle, presenter, quorum, null, null);
            case RESULT -> all.stream().filter(b -> b.getId().equals(choice.ballotId()) && b.getStatus() == BallotStatus.PUBLISHED)
                    .findFirst()
                    .map(b -> new ProjectorScreen(Shown.RESULT, choice.mode(), itemNumber, itemTitle, presenter, quorum, null,
                            results.published(b.getId())))
                    .orElseGet(() -> automatic(all, choice.mode(), itemNumber, itemTitle, presenter, quorum, meetingId));
            case AUTOMATIC -> automatic(all, choice.mode(), itemNumber, itemTitle, presenter, quorum, meetingId);
        };
    }

    private ProjectorScreen automatic(List<Ballot> all, ProjectorMode mode, Integer itemNumber, String itemTitle,
            String presenter, Quorum quorum, long meetingId) {
        Optional<Ballot> open = all.stream().filter(b -> b.getStatus() == BallotStatus.OPEN).findFirst();
        if (open.isPresent()) {
            return new ProjectorScreen(Shown.TURNOUT, mode, itemNumber, itemTitle, presenter, quorum,
                    turnout(open.get(), meetingId), null);
        }
        Instant since = clock.instant().minus(Duration.ofMinutes(resultMinutes));
        Optional<Ballot> recent = all.stream()
                .filter(b -> b.getStatus() == BallotStatus.PUBLISHED && b.getPublishedAt() != null && b.getPublishedAt().isAfter(since))
                .max(Comparator.comparing(Ballot::getPublishedAt));
        if (recent.isPresent()) {
            return new ProjectorScreen(Shown.RESULT, mode, itemNumber, itemTitle, presenter, quorum, null,
                    results.published(recent.get().getId()));
        }
        return new ProjectorScreen(Shown.AGENDA, mode, itemNumber, itemTitle, presenter, quorum, null, null);
    }

    /** How many voting members have voted, of those present (or having voted and left): never what they chose. */
    private OpenBallot turnout(Ballot ballot, long meetingId) {
        int voted = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM participation WHERE ballot_id = ?")
                .setParameter(1, ballot.getId()).getSingleResult()).intValue();
        int present = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM participant p WHERE p.meeting_id = ? AND p.voting"
                + " AND (p.checked_in_at IS NOT NULL OR EXISTS (SELECT 1 FROM participation x"
                + " WHERE x.ballot_id = ? AND x.participant_id = p.id))")
                .setParameter(1, meetingId).setParameter(2, ballot.getId()).getSingleResult()).intValue();
        return new OpenBallot(ballot.getId(), ballot.getQuestion(), ballot.getSecrecy() == Secrecy.SECRET, voted, present);
    }

    /** The quorum now, as the chair's console shows it. */
    private Quorum quorum(Meeting meeting) {
        Object[] counts = em.createNamedQuery(Participant.QUORUM_COUNTS, Object[].class)
                .setParameter("meetingId", meeting.getId()).getSingleResult();
        int voting = ((Number) counts[0]).intValue();
        int present = counts[1] == null ? 0 : ((Number) counts[1]).intValue();
        return Quorum.of(meeting.getQuorumRule(), meeting.getQuorumFixed(), voting, present);
    }

    private Object[] row(long meetingId) {
        List<?> rows = em.createNativeQuery("SELECT projector_mode, projector_ballot_id FROM meeting WHERE id = ?")
                .setParameter(1, meetingId).getResultList();
        if (rows.isEmpty()) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "meeting.notFound");
        }
        return (Object[]) rows.get(0);
    }

    /** The chair's choice: a mode, and the ballot whose result is shown in {@link ProjectorMode#RESULT}. */
    public record Choice(ProjectorMode mode, Long ballotId) {
    }

    /** The published results the chair may put on the projector, newest first. */
    @RolesAllowed({"SECRETARY", "CHAIR"})
    public List<PublishedResult> choosable(long meetingId) {
        return results.ofMeeting(meetingId).reversed();
    }
}
