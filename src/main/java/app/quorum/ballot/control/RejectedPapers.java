package app.quorum.ballot.control;

import app.quorum.ballot.entity.RejectedPaperEntry;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The list of refused papers of an end-to-end ballot (election-record.md §7 {@code rejected}). A refusal rolls the
 * cast back; the listing is written in its own transaction so that it stays.
 */
@Stateless
@PermitAll
public class RejectedPapers {

    @PersistenceContext
    EntityManager em;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void list(long ballotId, String tracker, String reason, String entry) {
        em.persist(new RejectedPaperEntry(ballotId, tracker, reason, entry));
    }
}
