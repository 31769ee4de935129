package app.quorum.results.control;

import app.quorum.meeting.control.CommendationService;
import app.quorum.meeting.control.MeetingService;
import app.quorum.meeting.entity.AgendaItem;
import app.quorum.meeting.entity.Awardee;
import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.Refusal;
import app.quorum.platform.i18n.Bundle;
import app.quorum.results.entity.PublishedResult;
import app.quorum.roster.control.RosterService;
import app.quorum.roster.entity.Participant;
import app.quorum.roster.entity.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The minutes (biên bản) as PDF documents: of one ballot's count and of a whole meeting. The chair and the
 * secretary get them for every counted ballot, published or not (a result not yet published is marked so: the
 * minutes are signed before the result is published); anyone gets those of a meeting marked public, with its
 * published results only. Anything else is refused as not found ({@code results.notFound},
 * {@code meeting.notFound}, {@code ballot.notFound}, {@code ballot.notClosed}), so a caller cannot tell an
 * unpublished ballot from a missing one.
 */
@Stateless
@PermitAll
public class Minutes {

    @PersistenceContext
    EntityManager em;

    @Inject
    Results results;

    @Inject
    MeetingService meetings;

    @Inject
    RosterService roster;

    @Inject
    CommendationService commendations;

    @Inject
    MinutesPdf pdf;

    Clock clock = Clock.systemUTC();

    /** A document to send: its file name (in the document's language) and its bytes. */
    public record Document(String fileName, byte[] content) {
    }

    /** The minutes of a closed or published ballot's count, for the chair and the secretary. */
    @RolesAllowed({"SECRETARY", "CHAIR"})
    public Document ofBallot(long ballotId, Locale locale) {
        return ballot(results.counted(ballotId), locale);
    }

    /** The minutes of a meeting with every counted result, published or not, for the chair and the secretary. */
    @RolesAllowed({"SECRETARY", "CHAIR"})
    public Document ofMeeting(long meetingId, Locale locale) {
        Meeting meeting = meetings.withAgenda(meetingId).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "meeting.notFound"));
        return meeting(meeting, results.countedOfMeeting(meetingId), locale);
    }

    /** The minutes of a published ballot of a meeting marked public, for anyone. */
    public Document ofPublicBallot(long ballotId, Locale locale) {
        return ballot(results.publishedPublic(ballotId), locale);
    }

    /** The minutes of a meeting marked public, with its published results only, for anyone. */
    public Document ofPublicMeeting(long meetingId, Locale locale) {
        Meeting meeting = results.publicMeeting(meetingId);
        return meeting(meeting, results.ofMeeting(meetingId), locale);
    }

    private Document ballot(PublishedResult result, Locale locale) {
        Meeting meeting = meetings.withAgenda(result.meetingId()).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "meeting.notFound"));
        MinutesFacts facts = facts(meeting, List.of());
        return new Document(Bundle.text(Bundle.supported(locale), "minutes.file.ballot", result.ballotId()),
                pdf.ballot(facts, result, locale));
    }

    private Document meeting(Meeting meeting, List<PublishedResult> counted, Locale locale) {
        List<MinutesFacts.Attendee> attendance = rosterOf(meeting.getId()).stream()
                .map(p -> new MinutesFacts.Attendee(p.getFullName(), p.getPosition(), p.getUnit(), p.isVoting(),
                        p.getCheckedInAt() != null))
                .toList();
        return new Document(Bundle.text(Bundle.supported(locale), "minutes.file.meeting", meeting.getId()),
                pdf.meeting(facts(meeting, attendance), counted, locale));
    }

    private MinutesFacts facts(Meeting meeting, List<MinutesFacts.Attendee> attendance) {
        Map<Long, List<Awardee>> awardees = commendations.ofMeeting(meeting.getId()).stream()
                .collect(Collectors.groupingBy(a -> a.getItem().getId()));
        List<MinutesFacts.Item> agenda = meeting.getAgenda().stream()
                .map(item -> item(item, awardees.getOrDefault(item.getId(), List.of())))
                .toList();
        return new MinutesFacts(meeting.getOrganiser(), meeting.getTitle(), meeting.getVenue(), meeting.getStartsAt(),
                meeting.getEndsAt(), meeting.zone(), people(meeting, Role.CHAIR), people(meeting, Role.SECRETARY),
                attendance, agenda, clock.instant(), meeting.getSessionOpenedAt(), meeting.getSessionClosedAt());
    }

    private static MinutesFacts.Item item(AgendaItem item, List<Awardee> awardees) {
        return new MinutesFacts.Item(item.getSortOrder(), item.getTitle(), item.getPresenter(), awardees.stream()
                .map(a -> new MinutesFacts.Award(a.getKind(), a.getName(), a.getAward()))
                .toList());
    }

    private List<MinutesFacts.Person> people(Meeting meeting, Role role) {
        return roster.withRole(meeting.getId(), role).stream()
                .map(p -> new MinutesFacts.Person(p.getFullName(), p.getPosition()))
                .toList();
    }

    /**
     * The roster in roster order — the named query of {@code RosterService.roster}, read here because the minutes
     * of a public meeting list its attendance for anyone (names, positions, units and presence; never contacts).
     */
    private List<Participant> rosterOf(long meetingId) {
        return em.createNamedQuery(Participant.ROSTER, Participant.class)
                .setParameter("meetingId", meetingId)
                .getResultList();
    }
}
