package app.quorum.roster.control;

import app.quorum.meeting.control.MeetingCopied;
import app.quorum.meeting.control.MeetingService;
import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.Refusal;
import app.quorum.platform.push.Changed;
import app.quorum.roster.entity.Participant;
import app.quorum.roster.entity.Quorum;
import app.quorum.roster.entity.Role;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import app.quorum.platform.audit.AuditLog;
import jakarta.ejb.Stateless;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The roster of a meeting, in Vietnamese order (given name, then full name): entries, import, attendance and
 * quorum. Roster changes stop when the meeting closes.
 */
@Stateless
@RolesAllowed("SECRETARY")
public class RosterService {

    @PersistenceContext
    EntityManager em;

    @Inject
    MeetingService meetings;

    @Inject
    Validator validator;

    @Inject
    Event<Changed> changed;

    @Inject
    AuditLog audit;

    @Inject
    Event<VotingRightsChanging> votingRightsChanging;

    @Inject
    Event<CardsIssued> cardsIssued;

    @Inject
    Event<ParticipantRemoved> removed;

    Clock clock = Clock.systemUTC();

    @RolesAllowed({"SECRETARY", "CHAIR"})
    public List<Participant> roster(long meetingId) {
        return em.createNamedQuery(Participant.ROSTER, Participant.class)
                .setParameter("meetingId", meetingId)
                .getResultList();
    }

    /** Who chairs and who keeps the minutes: shown on the meeting's public page. */
    @PermitAll
    public List<Participant> withRole(long meetingId, @NotNull Role role) {
        return em.createNamedQuery(Participant.BY_ROLE, Participant.class)
                .setParameter("meetingId", meetingId)
                .setParameter("role", role)
                .getResultList();
    }

    /** One page of the roster, filtered, in Vietnamese order: for lazy tables over thousands of rows. */
    public List<Participant> page(long meetingId, @NotNull RosterFilter filter, int first, int size) {
        return query(meetingId, filter, "SELECT p FROM Participant p", " ORDER BY p.givenName, p.fullName, p.id", Participant.class)
                .setFirstResult(first)
                .setMaxResults(size)
                .getResultList();
    }

    public long count(long meetingId, @NotNull RosterFilter filter) {
        return query(meetingId, filter, "SELECT COUNT(p) FROM Participant p", "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> query(long meetingId, RosterFilter filter, String select, String order, Class<T> type) {
        StringBuilder jpql = new StringBuilder(select).append(" WHERE p.meeting.id = :meetingId");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("meetingId", meetingId);
        if (filter.search() != null && !filter.search().isBlank()) {
            jpql.append(" AND p.searchText LIKE :search");
            parameters.put("search", "%" + filter.search().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.role() != null) {
            jpql.append(" AND p.role = :role");
            parameters.put("role", filter.role());
        }
        if (filter.voting() != null) {
            jpql.append(" AND p.voting = :voting");
            parameters.put("voting", filter.voting());
        }
        if (filter.present() != null) {
            jpql.append(filter.present() ? " AND p.checkedInAt IS NOT NULL" : " AND p.checkedInAt IS NULL");
        }
        TypedQuery<T> query = em.createQuery(jpql.append(order).toString(), type);
        parameters.forEach(query::setParameter);
        return query;
    }

    @PermitAll
    public Optional<Participant> participant(long meetingId, long participantId) {
        Participant participant = em.find(Participant.class, participantId);
        return participant != null && participant.getMeeting().getId() == meetingId ? Optional.of(participant) : Optional.empty();
    }

    public Participant add(long meetingId, @NotNull @Valid ParticipantDraft draft) {
        Meeting meeting = meetings.editable(meetingId);
        if (draft.voting()) {
            requireNoOpenBallot(meetingId);
        }
        Participant participant = draft.toParticipant(meeting);
        return persistChecked(participant, draft);
    }

    public Participant update(long meetingId, long participantId, @NotNull @Valid ParticipantDraft draft) {
        meetings.editable(meetingId);
        Participant participant = existing(meetingId, participantId);
        checkRoleAndVote(draft);
        if (participant.isVoting() != draft.voting()) {
            requireNoOpenBallot(meetingId);
        }
        draft.applyTo(participant);
        validate(participant);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new Refusal(Refusal.Kind.DUPLICATE, "participant.duplicate", draft.fullName());
        }
        audit.record("participant.update", "participant", participantId, meetingId, participant.getFullName());
        changed.fire(new Changed(meetingId, Changed.What.ATTENDANCE));
        return participant;
    }

    public void remove(long meetingId, long participantId) {
        meetings.editable(meetingId);
        Participant gone = existing(meetingId, participantId);
        if (gone.isVoting()) {
            requireNoOpenBallot(meetingId);
        }
        em.remove(gone);
        audit.record("participant.remove", "participant", participantId, meetingId, gone.getFullName());
        removed.fire(new ParticipantRemoved(meetingId, participantId));
        changed.fire(new Changed(meetingId, Changed.What.ATTENDANCE));
    }

    /**
     * Adds every entry or none: one duplicate, one invalid entry, or a name already on the roster refuses the
     * whole import and names the entry (its position in the list, from 1).
     */
    public int importAll(long meetingId, @NotNull List<ParticipantDraft> drafts) {
        Meeting meeting = meetings.editable(meetingId);
        if (drafts.stream().anyMatch(ParticipantDraft::voting)) {
            requireNoOpenBallot(meetingId);
        }
        List<Participant> added = new ArrayList<>(drafts.size());
        for (int i = 0; i < drafts.size(); i++) {
            ParticipantDraft draft = drafts.get(i);
            try {
                checkRoleAndVote(draft);
                Participant participant = draft.toParticipant(meeting);
                validate(participant);
                added.add(participant);
            } catch (Refusal refusal) {
                throw new Refusal(Refusal.Kind.INVALID, "import.entryRefused", i + 1, draft.fullName(),
                        app.quorum.platform.i18n.Bundle.text(app.quorum.platform.i18n.Bundle.currentLocale(), refusal.key(), refusal.arguments()));
            }
        }
        added.forEach(em::persist);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new Refusal(Refusal.Kind.DUPLICATE, "import.duplicateWithRoster");
        }
        audit.record("participant.import", "meeting", meetingId, meetingId, added.size() + " participants");
        changed.fire(new Changed(meetingId, Changed.What.ATTENDANCE));
        return added.size();
    }

    /** Identity keys ("name|unit", as the database compares them) of everyone on the roster, for import previews. */
    public Set<String> identityKeys(long meetingId) {
        return Set.copyOf(em.createQuery("SELECT CONCAT(TRIM(p.fullName), '|', COALESCE(TRIM(p.unit), '')) FROM Participant p "
                + "WHERE p.meeting.id = :meetingId", String.class).setParameter("meetingId", meetingId).getResultList());
    }

    public Participant checkIn(long meetingId, long participantId) {
        Participant participant = attending(meetingId, participantId);
        arrive(participant);
        return participant;
    }

    /**
     * A delegate signed in with their card on a tablet: checked in if the meeting says so and attendance is open.
     * The same check-in as the secretary's ({@link #checkIn}), audit entry included; called by identity's
     * {@code DelegateSessions} while the caller is not yet signed in.
     */
    @PermitAll
    public void signedIn(long participantId) {
        Participant participant = em.find(Participant.class, participantId);
        if (participant != null && participant.getMeeting().isCheckInOnSignIn()
                && participant.getMeeting().getStatus().attendanceOpen()) {
            arrive(participant);
        }
    }

    /** The one check-in: the time, the audit entry, and the pages that show attendance told. */
    private void arrive(Participant participant) {
        if (!participant.isPresent()) {
            long meetingId = participant.getMeeting().getId();
            participant.checkIn(clock.instant());
            audit.record("attendance.checkIn", "participant", participant.getId(), meetingId, participant.getFullName());
            changed.fire(new Changed(meetingId, Changed.What.ATTENDANCE));
        }
    }

    /** A meeting copied for its next session gets the same roster, without attendance, before the ballots are copied. */
    public void copyRoster(@Observes @Priority(Interceptor.Priority.APPLICATION) MeetingCopied copied) {
        Meeting copy = em.find(Meeting.class, copied.copyId());
        for (Participant participant : roster(copied.originalId())) {
            em.persist(participant.copyFor(copy));
        }
        em.flush();
    }

    public Participant checkOut(long meetingId, long participantId) {
        Participant participant = attending(meetingId, participantId);
        if (participant.isPresent()) {
            participant.checkOut();
            audit.record("attendance.checkOut", "participant", participantId, meetingId, participant.getFullName());
            changed.fire(new Changed(meetingId, Changed.What.ATTENDANCE));
        }
        return participant;
    }

    /** Checks in the holder of a card by the code typed or scanned from it. */
    public Participant checkInByCode(long meetingId, String code) {
        if (!CardCodes.wellFormed(code)) {
            throw new Refusal(Refusal.Kind.INVALID, "attendance.codeMalformed");
        }
        Participant holder = em.createNamedQuery(Participant.BY_CARD, Participant.class)
                .setParameter("meetingId", meetingId)
                .setParameter("hash", CardCodes.hash(code))
                .getResultStream().findFirst()
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "attendance.codeUnknown"));
        return checkIn(meetingId, holder.getId());
    }

    /**
     * Issues new cards to the given participants (all, when the list is empty), in roster order: each old code
     * stops working. Returns the new codes, once, for printing.
     */
    public java.util.LinkedHashMap<Participant, String> issueCards(long meetingId, @NotNull List<Long> participantIds) {
        meetings.editable(meetingId);
        java.util.LinkedHashMap<Participant, String> issued = new java.util.LinkedHashMap<>();
        for (Participant participant : roster(meetingId)) {
            if (participantIds.isEmpty() || participantIds.contains(participant.getId())) {
                String code = CardCodes.generate();
                participant.issueCard(CardCodes.hash(code));
                issued.put(participant, code);
            }
        }
        audit.record("card.issue", "meeting", meetingId, meetingId, issued.size() + " cards");
        cardsIssued.fire(new CardsIssued(meetingId, issued.keySet().stream().map(Participant::getId)
                .collect(java.util.stream.Collectors.toSet())));
        return issued;
    }

    @RolesAllowed({"SECRETARY", "CHAIR"})
    public Quorum quorum(long meetingId) {
        Meeting meeting = meetings.withAgenda(meetingId).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "meeting.notFound"));
        Object[] counts = em.createNamedQuery(Participant.QUORUM_COUNTS, Object[].class)
                .setParameter("meetingId", meetingId)
                .getSingleResult();
        int voting = ((Number) counts[0]).intValue();
        int present = counts[1] == null ? 0 : ((Number) counts[1]).intValue();
        return Quorum.of(meeting.getQuorumRule(), meeting.getQuorumFixed(), voting, present);
    }

    /** Voting rights stay as they are while a ballot is open: the ballots, listening, refuse the change. */
    private void requireNoOpenBallot(long meetingId) {
        votingRightsChanging.fire(new VotingRightsChanging(meetingId));
    }

    private Participant attending(long meetingId, long participantId) {
        Participant participant = existing(meetingId, participantId);
        if (!participant.getMeeting().getStatus().attendanceOpen()) {
            throw new Refusal(Refusal.Kind.CLOSED, "attendance.closed");
        }
        return participant;
    }

    private Participant existing(long meetingId, long participantId) {
        return participant(meetingId, participantId).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "participant.notFound"));
    }

    private Participant persistChecked(Participant participant, ParticipantDraft draft) {
        checkRoleAndVote(draft);
        validate(participant);
        em.persist(participant);
        try {
            em.flush();
        } catch (PersistenceException e) {
            throw new Refusal(Refusal.Kind.DUPLICATE, "participant.duplicate", draft.fullName());
        }
        audit.record("participant.add", "participant", participant.getId(), participant.getMeeting().getId(), participant.getFullName());
        changed.fire(new Changed(participant.getMeeting().getId(), Changed.What.ATTENDANCE));
        return participant;
    }

    private static void checkRoleAndVote(ParticipantDraft draft) {
        if (draft.role() == Role.GUEST && draft.voting()) {
            throw new Refusal(Refusal.Kind.INVALID, "participant.guestCannotVote");
        }
    }

    private void validate(Participant participant) {
        Set<ConstraintViolation<Participant>> violations = validator.validate(participant);
        if (!violations.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, "participant.invalid", violations.iterator().next().getMessage());
        }
    }
}
