package app.quorum.meeting.control;

import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.Refusal;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.Optional;

/** Meetings and their agenda: the rules and the transactions. */
@Stateless
public class MeetingService {

    @PersistenceContext
    EntityManager em;

    public List<Meeting> meetings() {
        return em.createNamedQuery(Meeting.ALL, Meeting.class).getResultList();
    }

    /** The meeting with its agenda loaded, in agenda order. */
    public Optional<Meeting> withAgenda(long id) {
        return em.createNamedQuery(Meeting.WITH_AGENDA, Meeting.class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst();
    }

    public long count() {
        return em.createNamedQuery(Meeting.COUNT, Long.class).getSingleResult();
    }

    /** Saves a new meeting together with the agenda items added to it. */
    public Meeting create(@NotNull @Valid Meeting meeting) {
        if (meeting.endsBeforeItStarts()) {
            throw new Refusal("meeting.endsBeforeStart");
        }
        em.persist(meeting);
        return meeting;
    }
}
