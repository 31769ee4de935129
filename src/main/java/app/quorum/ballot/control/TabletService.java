package app.quorum.ballot.control;

import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BallotStatus;
import app.quorum.meeting.entity.MeetingStatus;
import app.quorum.platform.Refusal;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
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

    @Inject
    TabletCache cache;

    @Resource
    TransactionSynchronizationRegistry transactions;

    /**
     * The state of the participant's tablet now. Asked by every tablet every few seconds and on every re-rendering
     * (issue 15), so outside a transaction the meeting-level facts (status, current item, the ballot shown and its
     * status) come from this node's {@link TabletCache}, dropped when a change of them commits, and the delegate's own
     * (right to vote, presence, voted on the ballot shown) from one small query, so they are always as committed.
     * Inside a transaction everything is read from the database.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public TabletState state(long participantId) {
        boolean cached = transactions == null || transactions.getTransactionKey() == null;
        Long meetingId = cached ? cache.meetingOf(participantId, this::meetingOf) : meetingOf(participantId);
        if (meetingId == null) {
            throw notEntitled();
        }
        TabletCache.MeetingFacts meeting = cached ? cache.facts(meetingId, this::meetingFacts) : meetingFacts(meetingId);
        if (meeting == null) {
            throw notEntitled();
        }
        Long ballotId = meeting.ballotId();
        List<?> found = em.createNativeQuery("SELECT p.voting, p.checked_in_at IS NOT NULL, "
                + "EXISTS (SELECT 1 FROM participation v WHERE v.ballot_id = ? AND v.participant_id = p.id) "
                + "FROM participant p WHERE p.id = ? AND p.meeting_id = ?")
                .setParameter(1, ballotId == null ? 0L : ballotId).setParameter(2, participantId).setParameter(3, meetingId)
                .getResultList();
        if (found.isEmpty()) {
            throw notEntitled();
        }
        Object[] who = (Object[]) found.get(0);
        return new TabletState(meetingId, meeting.meetingStatus(), meeting.currentItemId(), ballotId, meeting.ballotStatus(),
                truth(who[0]), truth(who[1]), ballotId != null && truth(who[2]));
    }

    private Long meetingOf(long participantId) {
        return em.createQuery("SELECT p.meeting.id FROM Participant p WHERE p.id = :id", Long.class).setParameter("id", participantId)
                .getResultStream().findFirst().orElse(null);
    }

    private TabletCache.MeetingFacts meetingFacts(long meetingId) {
        return TabletCache.MeetingFacts.read(em, meetingId);
    }

    private static Refusal notEntitled() {
        return new Refusal(Refusal.Kind.FORBIDDEN, "ballot.notEntitled");
    }

    /** A truth value as the driver returns it for a BOOLEAN column or a comparison (Boolean or a number). */
    static boolean truth(Object value) {
        return value instanceof Boolean b ? b : value instanceof Number n && n.longValue() != 0;
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
