package app.quorum.ballot.control;

import app.quorum.ballot.entity.ApprovalChoice;
import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BallotKind;
import app.quorum.ballot.entity.BallotStatus;
import app.quorum.ballot.entity.Secrecy;
import app.quorum.ballot.entity.VotingRule;
import app.quorum.meeting.control.MeetingCopied;
import app.quorum.meeting.control.MeetingService;
import app.quorum.meeting.entity.AgendaItem;
import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.Refusal;
import app.quorum.platform.audit.AuditLog;
import app.quorum.platform.push.Changed;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ballots in preparation, by the secretary or the chair: defining one (an approval or an election), changing or
 * deleting it while it is a draft, earlier definitions offered as templates, and the copies made with a meeting.
 */
@Stateless
@RolesAllowed({"SECRETARY", "CHAIR"})
public class BallotDefinitions {

    @PersistenceContext
    EntityManager em;

    @Inject
    MeetingService meetings;

    @Inject
    Ballots ballots;

    @Inject
    AuditLog audit;

    @Inject
    Event<Changed> changed;

    /** The most ballots of other meetings offered as templates. */
    static final int TEMPLATES_MAX = 200;

    /** A new approval ballot (Đồng ý / Không đồng ý / Không biểu quyết, labels as given) on an agenda item. */
    public Ballot defineApproval(long meetingId, Long itemId, String question, @NotNull VotingRule rule,
            @NotNull Secrecy secrecy, @NotNull Map<ApprovalChoice, String> labels) {
        return define(meetingId, BallotDraft.approval(itemId, question, rule, secrecy, labels));
    }

    /** A new election of {@code seats} among the candidates. */
    public Ballot defineElection(long meetingId, Long itemId, String question, @NotNull VotingRule rule,
            @NotNull Secrecy secrecy, @NotNull List<String> candidates, int seats, int minChoices, boolean blankAllowed) {
        return define(meetingId, BallotDraft.election(itemId, question, rule, secrecy, candidates, seats, minChoices,
                blankAllowed));
    }

    /**
     * A new ballot in preparation, as the draft defines it. Refused, storing nothing, when the meeting is closed, the
     * item is not on its agenda, or the draft is incomplete or inconsistent ({@link BallotDraft#checked()}).
     */
    public Ballot define(long meetingId, @NotNull BallotDraft draft) {
        Meeting meeting = meetings.editable(meetingId);
        BallotDraft checked = draft.checked();
        AgendaItem item = item(meeting, checked.itemId());
        Ballot ballot = checked.kind() == BallotKind.APPROVAL
                ? Ballot.approval(meeting, item, checked.question(), checked.votingRule(), checked.secrecy(), checked.labels())
                : Ballot.election(meeting, item, checked.question(), checked.votingRule(), checked.secrecy(),
                        checked.candidates(), checked.seats(), checked.minChoices(), checked.blankAllowed());
        ballot.setQuorumRequired(checked.quorumRequired());
        em.persist(ballot);
        em.flush();
        audit.record("ballot.define", "ballot", ballot.getId(), ballot.getMeeting().getId(), ballot.getQuestion());
        changed.fire(new Changed(ballot.getMeeting().getId(), Changed.What.PROCEEDINGS));
        return ballot;
    }

    /**
     * Changes a ballot still in preparation. Refused when it has been opened (or closed, cancelled) meanwhile, when
     * someone else changed it since {@code version} was read, or as {@link #define(long, BallotDraft)} refuses.
     */
    public Ballot update(long ballotId, long version, @NotNull BallotDraft draft) {
        Ballot ballot = locked(ballotId);
        if (ballot.getStatus() != BallotStatus.DRAFT) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.edit.notDraft", ballot.getStatus());
        }
        if (ballot.getVersion() != version) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.changedMeanwhile");
        }
        Meeting meeting = meetings.editable(ballot.getMeeting().getId());
        BallotDraft checked = draft.checked();
        ballot.redefine(item(meeting, checked.itemId()), checked.question(), checked.kind(), checked.votingRule(),
                checked.secrecy(), checked.quorumRequired(), checked.optionLabels(), checked.seats(), checked.minChoices(),
                checked.blankAllowed());
        em.flush();
        audit.record("ballot.update", "ballot", ballotId, meeting.getId(), ballot.getQuestion());
        changed.fire(new Changed(meeting.getId(), Changed.What.PROCEEDINGS));
        return ballot;
    }

    /** Deletes a ballot still in preparation; one that was opened can only be cancelled, with a reason. */
    public void delete(long ballotId) {
        Ballot ballot = locked(ballotId);
        if (ballot.getStatus() != BallotStatus.DRAFT) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.delete.notDraft", ballot.getStatus());
        }
        long meetingId = ballot.getMeeting().getId();
        meetings.editable(meetingId);
        em.remove(ballot);
        em.flush();
        audit.record("ballot.delete", "ballot", ballotId, meetingId, ballot.getQuestion());
        changed.fire(new Changed(meetingId, Changed.What.PROCEEDINGS));
    }

    /**
     * Earlier ballot definitions to start a new one from: this meeting's first (in the order they were made), then
     * other meetings', the most recent first; a definition already listed (same question, answers or candidates and
     * rules) is listed once.
     */
    public List<BallotTemplate> templates(long meetingId) {
        List<Ballot> found = new ArrayList<>(ballots.ofMeeting(meetingId));
        found.addAll(em.createNamedQuery(Ballot.OTHER_MEETINGS, Ballot.class).setParameter("meetingId", meetingId)
                .setHint("eclipselink.batch", "b.options").setMaxResults(TEMPLATES_MAX).getResultList());
        Set<BallotDraft> seen = new HashSet<>();
        List<BallotTemplate> templates = new ArrayList<>();
        for (Ballot ballot : found) {
            if (seen.add(BallotDraft.of(ballot).withItem(null))) {
                templates.add(BallotTemplate.of(ballot));
            }
        }
        return templates;
    }

    /** A ballot's definition: to edit it, or to prefill a new ballot from it (a template). */
    public BallotDraft definition(long ballotId) {
        return BallotDraft.of(ballots.ballot(ballotId));
    }

    /**
     * A meeting copied for its next session gets its ballots' definitions, in preparation, on the copied items
     * (the cancelled ones are left behind).
     */
    public void copyBallots(@Observes MeetingCopied copied) {
        Meeting original = em.find(Meeting.class, copied.originalId());
        Meeting copy = em.find(Meeting.class, copied.copyId());
        List<AgendaItem> from = original.getAgenda().stream().sorted(Comparator.comparingInt(AgendaItem::getSortOrder)).toList();
        List<AgendaItem> to = copy.getAgenda().stream().sorted(Comparator.comparingInt(AgendaItem::getSortOrder)).toList();
        int count = 0;
        for (Ballot ballot : ballots.ofMeeting(original.getId())) {
            if (ballot.getStatus() == BallotStatus.CANCELLED) {
                continue;
            }
            AgendaItem item = null;
            if (ballot.getItem() != null) {
                for (int i = 0; i < from.size() && i < to.size(); i++) {
                    if (from.get(i).getId().equals(ballot.getItem().getId())) {
                        item = to.get(i);
                    }
                }
            }
            em.persist(ballot.copyFor(copy, item));
            em.flush(); // one at a time: the copies get their ids, and with them their order, in the original's order
            count++;
        }
        if (count > 0) {
            audit.record("ballot.copy", "meeting", copy.getId(), copy.getId(), count + " ballots of meeting " + original.getId());
        }
    }

    private Ballot locked(long ballotId) {
        Ballot ballot = ballots.ballot(ballotId);
        em.lock(ballot, LockModeType.PESSIMISTIC_WRITE);
        return ballot;
    }

    private static AgendaItem item(Meeting meeting, Long itemId) {
        if (itemId == null) {
            return null;
        }
        return meeting.getAgenda().stream().filter(i -> i.getId().equals(itemId)).findFirst()
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "agenda.itemNotFound"));
    }
}
