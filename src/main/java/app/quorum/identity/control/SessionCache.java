package app.quorum.identity.control;

import app.quorum.meeting.control.MeetingDeleted;
import app.quorum.platform.cache.NodeCache;
import app.quorum.roster.control.CardsIssued;
import app.quorum.roster.control.ParticipantRemoved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.function.Function;

/**
 * This node's copy of each participant's current session token hash, for the check that every request of a
 * signed-in delegate makes ({@link DelegateSessions#current}; issue 15: 2,000 tablets repeating one query each).
 *
 * <p>Exact for what this node does: a sign-in, a sign-out, a new card, a participant struck off the roster or a
 * meeting deleted drops the hashes concerned once its transaction commits (observers {@code AFTER_SUCCESS}: a change
 * rolled back leaves the cache as it was), and a read begun before that commit is never stored afterwards
 * ({@link NodeCache}). <strong>Bound:</strong> a change this node did not make — a sign-in on another node of a cluster,
 * or an update straight in the database — is seen here within {@link #EXPIRY} ({@value #EXPIRY_MILLIS} ms), when the
 * copy expires: until then the old session still passes on this node. Issue 16 (the cluster) is to make that exact.
 */
@ApplicationScoped
public class SessionCache {

    /** How long a copied hash is trusted without asking the database again. */
    public static final long EXPIRY_MILLIS = 2_000;

    public static final Duration EXPIRY = Duration.ofMillis(EXPIRY_MILLIS);

    /** participant id → session token hash (null: signed out, or no such participant). */
    final NodeCache<Long, byte[]> hashes;

    public SessionCache() {
        this(new NodeCache<>(EXPIRY));
    }

    SessionCache(NodeCache<Long, byte[]> hashes) {
        this.hashes = hashes;
    }

    /**
     * The participant's session token hash as last committed (null: none), read with {@code load} on a miss, which
     * reads those of the participant's whole meeting at once (a hall's tablets ask within seconds of each other: one
     * query per meeting and {@value #EXPIRY_MILLIS} ms instead of one per tablet). (Callers
     * use this method, never the field: an injected reference is the container's client proxy, whose own fields are
     * not the bean's.)
     */
    byte[] hash(long participantId, Function<Long, java.util.Map<Long, byte[]>> load) {
        return hashes.getWithNeighbours(participantId, load);
    }

    void sessionChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) SessionChanged changed) {
        hashes.invalidate(changed.participantId());
    }

    void cardsIssued(@Observes(during = TransactionPhase.AFTER_SUCCESS) CardsIssued issued) {
        issued.participantIds().forEach(hashes::invalidate);
    }

    void removed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ParticipantRemoved removed) {
        hashes.invalidate(removed.participantId());
    }

    void meetingDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) MeetingDeleted deleted) {
        hashes.clear(); // its participants are gone; which they were is not known here any more (rare: meetings not started)
    }
}
