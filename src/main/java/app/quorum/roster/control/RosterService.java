package app.quorum.roster.control;

import app.quorum.roster.entity.Participant;
import app.quorum.roster.entity.Role;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;

/** The roster of a meeting, in Vietnamese order (given name, then full name). */
@Stateless
public class RosterService {

    @PersistenceContext
    EntityManager em;

    public List<Participant> roster(long meetingId) {
        return em.createNamedQuery(Participant.ROSTER, Participant.class)
                .setParameter("meetingId", meetingId)
                .getResultList();
    }

    public List<Participant> withRole(long meetingId, @NotNull Role role) {
        return em.createNamedQuery(Participant.BY_ROLE, Participant.class)
                .setParameter("meetingId", meetingId)
                .setParameter("role", role)
                .getResultList();
    }

    public Participant add(@NotNull @Valid Participant participant) {
        em.persist(participant);
        return participant;
    }
}
