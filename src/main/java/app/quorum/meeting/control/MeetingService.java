package app.quorum.meeting.control;

import app.quorum.meeting.entity.AgendaItem;
import app.quorum.meeting.entity.Meeting;
import app.quorum.meeting.entity.MeetingStatus;
import app.quorum.platform.Refusal;
import app.quorum.platform.push.Changed;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import app.quorum.platform.audit.AuditLog;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** Meetings, their lifecycle and their agenda: the rules and the transactions. */
@Stateless
@RolesAllowed("SECRETARY")
public class MeetingService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Event<Changed> changed;

    @Inject
    AuditLog audit;

    @Inject
    Event<MeetingCopied> copied;

    @Inject
    Event<MeetingClosing> closing;

    @Inject
    Event<MeetingDeleted> deleted;

    Clock clock = Clock.systemUTC();

    @RolesAllowed({"ADMIN", "SECRETARY", "CHAIR"})
    public List<Meeting> meetings() {
        return em.createNamedQuery(Meeting.ALL, Meeting.class).getResultList();
    }

    /** The meetings anyone may see without signing in. */
    @PermitAll
    public List<Meeting> publicMeetings() {
        return em.createNamedQuery(Meeting.PUBLIC, Meeting.class).getResultList();
    }

    /** The meeting with its agenda loaded, in agenda order (the pages check who may see it). */
    @PermitAll
    public Optional<Meeting> withAgenda(long id) {
        return em.createNamedQuery(Meeting.WITH_AGENDA, Meeting.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    @PermitAll
    public long count() {
        return em.createNamedQuery(Meeting.COUNT, Long.class).getSingleResult();
    }

    /** Saves a new meeting together with the agenda items added to it. */
    public Meeting create(@NotNull @Valid Meeting meeting) {
        checkDetails(meeting);
        em.persist(meeting);
        em.flush();
        audit.record("meeting.create", "meeting", meeting.getId(), meeting.getId(), meeting.getTitle());
        return meeting;
    }

    /** Saves edited details (title, organiser, venue, times, description, quorum rule, public). */
    public Meeting update(@NotNull @Valid Meeting edited) {
        Meeting meeting = editable(edited.getId());
        checkDetails(edited);
        if (meeting.getVersion() != edited.getVersion()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "meeting.changedMeanwhile");
        }
        meeting.setTitle(edited.getTitle());
        meeting.setOrganiser(edited.getOrganiser());
        meeting.setVenue(edited.getVenue());
        meeting.setStartsAt(edited.getStartsAt());
        meeting.setEndsAt(edited.getEndsAt());
        meeting.setDescription(edited.getDescription());
        meeting.setPublicMeeting(edited.isPublicMeeting());
        meeting.setQuorumRule(edited.getQuorumRule());
        meeting.setQuorumFixed(edited.getQuorumFixed());
        meeting.setCheckInOnSignIn(edited.isCheckInOnSignIn());
        audit.record("meeting.update", "meeting", meeting.getId(), meeting.getId(), meeting.getTitle());
        changed.fire(new Changed(meeting.getId(), Changed.What.ATTENDANCE));
        return meeting;
    }

    /**
     * A new meeting in preparation, one month later, with the same details and agenda; the features listening to
     * {@link MeetingCopied} copy theirs (the roster without attendance first, then the ballots' definitions).
     */
    public Meeting copy(long id) {
        Meeting original = find(id);
        Meeting copy = original.copyForNextMonth();
        em.persist(copy);
        em.flush();
        copied.fire(new MeetingCopied(id, copy.getId()));
        audit.record("meeting.copy", "meeting", copy.getId(), copy.getId(), "copy of " + id);
        return copy;
    }

    /** Deletes a meeting that has not started; one that ran can only be closed. */
    public void delete(long id) {
        Meeting meeting = find(id);
        if (!meeting.getStatus().deletable()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "meeting.notDeletable", meeting.getStatus());
        }
        meeting.makeCurrent(null);
        em.flush();
        em.remove(meeting);
        audit.record("meeting.delete", "meeting", id, id, meeting.getTitle());
        deleted.fire(new MeetingDeleted(id));
    }

    /**
     * The secretary schedules a meeting (or takes it back); the chair opens and closes it, and when is recorded (the
     * minutes say when the session was really held). A meeting not scheduled for today is opened all the same: the
     * console asks the chair first (a demo or a postponed meeting is held on another day).
     */
    @RolesAllowed({"SECRETARY", "CHAIR"})
    public Meeting changeStatus(long id, @NotNull MeetingStatus target) {
        Meeting meeting = find(id);
        em.lock(meeting, LockModeType.PESSIMISTIC_WRITE);
        if (!meeting.getStatus().canMoveTo(target)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "meeting.statusChangeRefused", meeting.getStatus(), target);
        }
        if (target == MeetingStatus.CLOSED) {
            closing.fire(new MeetingClosing(id));
        }
        audit.record("meeting.status", "meeting", id, id, meeting.getStatus() + " -> " + target);
        meeting.moveTo(target, clock.instant());
        if (target != MeetingStatus.IN_SESSION) {
            meeting.makeCurrent(null);
        }
        changed.fire(new Changed(id, Changed.What.PROCEEDINGS));
        return meeting;
    }

    /** The chair moves the meeting to an item (or to none); every open page follows. */
    @RolesAllowed("CHAIR")
    public Meeting makeCurrent(long meetingId, Long itemId) {
        Meeting meeting = find(meetingId);
        if (meeting.getStatus() != MeetingStatus.IN_SESSION) {
            throw new Refusal(Refusal.Kind.CONFLICT, "agenda.currentNeedsSession");
        }
        meeting.makeCurrent(itemId == null ? null : item(meeting, itemId));
        audit.record("agenda.current", "agendaItem", itemId, meetingId, null);
        changed.fire(new Changed(meetingId, Changed.What.PROCEEDINGS));
        return meeting;
    }

    public AgendaItem addItem(long meetingId, @NotNull @Valid AgendaItemDraft draft) {
        Meeting meeting = editable(meetingId);
        AgendaItem item = meeting.addItem(draft.title());
        draft.applyTo(item);
        em.flush();
        audit.record("agenda.add", "agendaItem", item.getId(), meetingId, item.getTitle());
        return item;
    }

    public AgendaItem updateItem(long meetingId, long itemId, @NotNull @Valid AgendaItemDraft draft) {
        Meeting meeting = editable(meetingId);
        AgendaItem item = item(meeting, itemId);
        item.setTitle(draft.title());
        draft.applyTo(item);
        audit.record("agenda.update", "agendaItem", itemId, meetingId, item.getTitle());
        changed.fire(new Changed(meetingId, Changed.What.PROCEEDINGS));
        return item;
    }

    public void removeItem(long meetingId, long itemId) {
        Meeting meeting = editable(meetingId);
        meeting.removeItem(item(meeting, itemId));
        audit.record("agenda.remove", "agendaItem", itemId, meetingId, null);
        changed.fire(new Changed(meetingId, Changed.What.PROCEEDINGS));
    }

    /** Puts the agenda in the given order (every item's id once). */
    public void reorder(long meetingId, @NotNull List<Long> itemIds) {
        Meeting meeting = editable(meetingId);
        try {
            meeting.reorder(itemIds);
            audit.record("agenda.reorder", "meeting", meetingId, meetingId, itemIds.toString());
        } catch (IllegalArgumentException e) {
            throw new Refusal(Refusal.Kind.CONFLICT, "agenda.orderChangedMeanwhile");
        }
        changed.fire(new Changed(meetingId, Changed.What.PROCEEDINGS));
    }

    Meeting find(long id) {
        Meeting meeting = em.find(Meeting.class, id);
        if (meeting == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "meeting.notFound");
        }
        return meeting;
    }

    /** The meeting, if its details, agenda and roster may still change. */
    @RolesAllowed({"SECRETARY", "CHAIR"})
    public Meeting editable(long id) {
        Meeting meeting = find(id);
        if (!meeting.getStatus().editable()) {
            throw new Refusal(Refusal.Kind.CLOSED, "meeting.closedNoChanges");
        }
        return meeting;
    }

    static AgendaItem item(Meeting meeting, long itemId) {
        return meeting.getAgenda().stream()
                .filter(item -> item.getId() == itemId)
                .findFirst()
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "agenda.itemNotFound"));
    }

    private static void checkDetails(Meeting meeting) {
        if (meeting.endsBeforeItStarts()) {
            throw new Refusal(Refusal.Kind.INVALID, "meeting.endsBeforeStart");
        }
        if (meeting.fixedQuorumMissing()) {
            throw new Refusal(Refusal.Kind.INVALID, "meeting.quorumFixed.positive");
        }
    }
}
