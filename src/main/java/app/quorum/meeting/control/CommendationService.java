package app.quorum.meeting.control;

import app.quorum.meeting.entity.AgendaItem;
import app.quorum.meeting.entity.Awardee;
import app.quorum.meeting.entity.AwardeeKind;
import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.Limits;
import app.quorum.platform.Refusal;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import app.quorum.platform.audit.AuditLog;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The awardees announced under an agenda item (khen thưởng): collectives, individuals and households. */
@Stateless
@RolesAllowed("SECRETARY")
public class CommendationService {

    @PersistenceContext
    EntityManager em;

    @Inject
    MeetingService meetings;

    @Inject
    AuditLog audit;

    @PermitAll
    public List<Awardee> ofItem(long itemId) {
        return em.createNamedQuery(Awardee.OF_ITEM, Awardee.class).setParameter("itemId", itemId).getResultList();
    }

    @PermitAll
    public List<Awardee> ofMeeting(long meetingId) {
        return em.createNamedQuery(Awardee.OF_MEETING, Awardee.class).setParameter("meetingId", meetingId).getResultList();
    }

    public Awardee add(long meetingId, long itemId, @NotNull AwardeeKind kind,
            @NotBlank(message = "{awardee.name.required}") @Size(max = Limits.AWARDEE_NAME, message = "{awardee.name.size}") String name,
            @NotBlank(message = "{awardee.award.required}") @Size(max = Limits.AWARDEE_AWARD, message = "{awardee.award.size}") String award,
            @Size(max = Limits.AWARDEE_REASON, message = "{awardee.reason.size}") String reason) {
        Meeting meeting = meetings.editable(meetingId);
        AgendaItem item = MeetingService.item(meeting, itemId);
        Awardee awardee = new Awardee(item, ofItem(itemId).size() + 1, kind, name.strip(), award.strip());
        awardee.setReason(reason);
        em.persist(awardee);
        audit.record("awardee.add", "agendaItem", itemId, meetingId, awardee.getName());
        return awardee;
    }

    public void remove(long meetingId, long awardeeId) {
        meetings.editable(meetingId);
        Awardee awardee = em.find(Awardee.class, awardeeId);
        if (awardee == null || !awardee.getItem().getMeeting().getId().equals(meetingId)) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "awardee.notFound");
        }
        em.remove(awardee);
        audit.record("awardee.remove", "agendaItem", awardee.getItem().getId(), meetingId, awardee.getName());
    }
}
