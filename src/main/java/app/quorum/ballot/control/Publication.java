package app.quorum.ballot.control;

import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BallotStatus;
import app.quorum.platform.audit.AuditLog;
import app.quorum.platform.Limits;
import app.quorum.platform.Refusal;
import app.quorum.platform.push.Changed;
import app.quorum.ballot.entity.BallotCorrection;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;

/**
 * The secretary's last word on a ballot: publishing its closed result — an explicit, audited act that cannot be
 * undone (the database refuses any later change of the ballot or its papers) — and, should it be wrong, a correction
 * published as a new statement linked to it.
 */
@Stateless
@RolesAllowed("SECRETARY")
public class Publication {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Event<Changed> changed;

    @Resource
    SessionContext context;

    Clock clock = Clock.systemUTC();

    /** Publishes a closed ballot's result. */
    public Ballot publish(long ballotId) {
        Ballot ballot = em.find(Ballot.class, ballotId, LockModeType.PESSIMISTIC_WRITE);
        if (ballot == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "ballot.notFound");
        }
        if (ballot.getStatus() == BallotStatus.PUBLISHED) {
            throw new Refusal(Refusal.Kind.DUPLICATE, "results.alreadyPublished");
        }
        if (ballot.getStatus() != BallotStatus.CLOSED) {
            throw new Refusal(Refusal.Kind.CONFLICT, "results.notClosed");
        }
        if (ballot.getFingerprint() == null) { // an end-to-end ballot its trustees have not decrypted yet
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.e2e.awaitingTrustees");
        }
        ballot.publish(clock.instant(), context.getCallerPrincipal().getName());
        em.flush();
        audit.record("ballot.publish", "ballot", ballotId, ballot.getMeeting().getId(), ballot.getFingerprint());
        changed.fire(new Changed(ballot.getMeeting().getId(), Changed.What.PROCEEDINGS));
        return ballot;
    }

    /** Publishes a correction of a published result: a new statement, linked to it; the result itself stays. */
    public BallotCorrection correct(long ballotId,
            @NotBlank(message = "{results.correction.required}") @Size(max = Limits.RESULT_CORRECTION, message = "{results.correction.size}") String statement) {
        Ballot ballot = em.find(Ballot.class, ballotId);
        if (ballot == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "ballot.notFound");
        }
        if (ballot.getStatus() != BallotStatus.PUBLISHED) {
            throw new Refusal(Refusal.Kind.CONFLICT, "results.correction.notPublished");
        }
        BallotCorrection correction = new BallotCorrection(ballotId, statement.strip(), clock.instant(),
                context.getCallerPrincipal().getName());
        em.persist(correction);
        em.flush();
        audit.record("ballot.correct", "ballot", ballotId, ballot.getMeeting().getId(), statement.strip());
        changed.fire(new Changed(ballot.getMeeting().getId(), Changed.What.PROCEEDINGS));
        return correction;
    }
}
