package app.quorum.ballot.control;

import app.quorum.ballot.entity.Ballot;
import app.quorum.meeting.control.MeetingClosing;
import app.quorum.platform.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * A meeting's session cannot be closed while one of its ballots is open: the delegates would be left with a ballot
 * nobody can close from the console any more (the console shows open meetings only) and its countdown would close it
 * after the minutes say the session ended.
 */
@ApplicationScoped
public class OpenBallotGuard {

    @PersistenceContext
    EntityManager em;

    void refuseWhileOpen(@Observes MeetingClosing closing) {
        long open = em.createNamedQuery(Ballot.OPEN_IN_MEETING, Long.class).setParameter("meetingId", closing.meetingId()).getSingleResult();
        if (open > 0) {
            throw new Refusal(Refusal.Kind.CONFLICT, "meeting.closeWithOpenBallot");
        }
    }
}
