package app.quorum.ballot.control;

import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BallotStatus;
import app.quorum.ballot.entity.Participation;
import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.Refusal;
import app.quorum.roster.entity.Participant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;

/**
 * The delegate's tablet: which ballot it shows and the state it is in. The same answer feeds the page and the
 * tablet's light periodic check (so a missed push is caught within seconds, without re-rendering a page that is
 * already right).
 */
@Stateless
@RolesAllowed("DELEGATE")
public class TabletService {

    @PersistenceContext
    EntityManager em;

    /** The state of the participant's tablet now. */
    public TabletState state(long participantId) {
        Participant participant = em.find(Participant.class, participantId);
        if (participant == null) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "ballot.notEntitled");
        }
        Meeting meeting = participant.getMeeting();
        Ballot ballot = shown(em.createNamedQuery(Ballot.OF_MEETING, Ballot.class).setParameter("meetingId", meeting.getId())
                .getResultList());
        boolean voted = ballot != null
                && em.find(Participation.class, new Participation.Key(ballot.getId(), participantId)) != null;
        return new TabletState(meeting.getId(), meeting.getStatus(),
                meeting.getCurrentItem() == null ? null : meeting.getCurrentItem().getId(),
                ballot == null ? null : ballot.getId(), ballot == null ? null : ballot.getStatus(),
                participant.isVoting(), participant.isPresent(), voted);
    }

    /** The ballot a tablet shows: the open one, else the last one that was opened (drafts are the chair's). */
    static Ballot shown(List<Ballot> ofMeeting) {
        return ofMeeting.stream().filter(b -> b.getStatus() == BallotStatus.OPEN).findFirst()
                .orElse(ofMeeting.stream().filter(b -> b.getStatus() != BallotStatus.DRAFT).reduce((a, b) -> b).orElse(null));
    }
}
