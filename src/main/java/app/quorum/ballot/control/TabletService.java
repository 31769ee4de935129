package app.quorum.ballot.control;

import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BallotStatus;
import app.quorum.ballot.entity.Participation;
import app.quorum.meeting.entity.MeetingStatus;
import app.quorum.platform.Refusal;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
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

    /**
     * The state of the participant's tablet now. Asked by every tablet every few seconds and on every re-rendering, so
     * it reads only the facts it needs (three small queries, no entity, no transaction): loading the roster entry with
     * its meeting and every ballot of the meeting took a fifth of the server in a hall of 2,000 (issue 15).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TabletState state(long participantId) {
        List<Object[]> found = em.createQuery("SELECT m.id, m.status, c.id, p.voting, p.checkedInAt FROM Participant p JOIN p.meeting m "
                + "LEFT JOIN m.currentItem c WHERE p.id = :id", Object[].class).setParameter("id", participantId).getResultList();
        if (found.isEmpty()) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "ballot.notEntitled");
        }
        Object[] who = found.get(0);
        long meetingId = (Long) who[0];
        List<Object[]> ballots = em.createQuery("SELECT b.id, b.status FROM Ballot b WHERE b.meeting.id = :meetingId ORDER BY b.id",
                Object[].class).setParameter("meetingId", meetingId).getResultList();
        Object[] ballot = shownOf(ballots);
        Long ballotId = ballot == null ? null : (Long) ballot[0];
        boolean voted = ballotId != null && !em.createNamedQuery(Participation.VOTED, Long.class)
                .setParameter("ballotId", ballotId).setParameter("participantId", participantId).getResultList().isEmpty();
        return new TabletState(meetingId, (MeetingStatus) who[1], (Long) who[2], ballotId,
                ballot == null ? null : (BallotStatus) ballot[1], Boolean.TRUE.equals(who[3]), who[4] != null, voted);
    }

    /** {@link #shown} on (id, status) rows in ballot order. */
    static Object[] shownOf(List<Object[]> ofMeeting) {
        return ofMeeting.stream().filter(b -> b[1] == BallotStatus.OPEN).findFirst()
                .orElse(ofMeeting.stream().filter(b -> b[1] != BallotStatus.DRAFT).reduce((a, b) -> b).orElse(null));
    }

    /** The ballot a tablet shows: the open one, else the last one that was opened (drafts are the chair's). */
    static Ballot shown(List<Ballot> ofMeeting) {
        return ofMeeting.stream().filter(b -> b.getStatus() == BallotStatus.OPEN).findFirst()
                .orElse(ofMeeting.stream().filter(b -> b.getStatus() != BallotStatus.DRAFT).reduce((a, b) -> b).orElse(null));
    }
}
