package app.quorum.platform.audit;

import app.quorum.platform.audit.AuditEvent;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The audit log: every administrative action, appended in the caller's transaction (so an action that rolls
 * back leaves no entry), sign-ins in their own (so a failed one is kept). Never a vote's choice.
 */
@Stateless
@PermitAll
public class AuditLog {

    @PersistenceContext
    EntityManager em;

    @Inject
    SecurityContext security;

    @Inject
    Instance<HttpServletRequest> request;

    /** Records an action of the current caller on an object of a meeting. */
    public void record(String action, String objectType, Object objectId, Long meetingId, String detail) {
        em.persist(new AuditEvent(actor(), action, objectType, objectId == null ? null : objectId.toString(), meetingId, detail, source()));
    }

    /** Records a sign-in or a failed one, whoever is (not yet) the caller. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordSignIn(String action, String who, Long meetingId) {
        em.persist(new AuditEvent(who, action, "account", who, meetingId, null, source()));
    }

    /** Events newest first, filtered (null: any), one page at a time. */
    @RolesAllowed({"ADMIN", "SECRETARY"})
    public List<AuditEvent> events(AuditFilter filter, int first, int size) {
        return query(filter, "SELECT e FROM AuditEvent e", " ORDER BY e.id DESC", AuditEvent.class)
                .setFirstResult(first).setMaxResults(size).getResultList();
    }

    @RolesAllowed({"ADMIN", "SECRETARY"})
    public long count(AuditFilter filter) {
        return query(filter, "SELECT COUNT(e) FROM AuditEvent e", "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> query(AuditFilter filter, String select, String order, Class<T> type) {
        StringBuilder jpql = new StringBuilder(select).append(" WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        if (filter.actor() != null && !filter.actor().isBlank()) {
            jpql.append(" AND e.actor LIKE :actor");
            parameters.put("actor", "%" + filter.actor().strip() + "%");
        }
        if (filter.action() != null && !filter.action().isBlank()) {
            jpql.append(" AND e.action LIKE :action");
            parameters.put("action", filter.action().strip() + "%");
        }
        if (filter.meetingId() != null) {
            jpql.append(" AND e.meetingId = :meetingId");
            parameters.put("meetingId", filter.meetingId());
        }
        if (filter.from() != null) {
            jpql.append(" AND e.at >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            jpql.append(" AND e.at < :to");
            parameters.put("to", filter.to());
        }
        TypedQuery<T> query = em.createQuery(jpql.append(order).toString(), type);
        parameters.forEach(query::setParameter);
        return query;
    }

    /** What the audit list is filtered by; null means any. */
    public record AuditFilter(String actor, String action, Long meetingId, Instant from, Instant to) {

        public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null);
    }

    private String actor() {
        Principal caller = security.getCallerPrincipal();
        return caller == null ? "system" : caller.getName();
    }

    private String source() {
        try {
            return request.isResolvable() ? request.get().getRemoteAddr() : null;
        } catch (RuntimeException outsideARequest) {
            return null;
        }
    }
}
