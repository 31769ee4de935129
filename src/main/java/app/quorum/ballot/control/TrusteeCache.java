package app.quorum.ballot.control;

import app.quorum.meeting.control.MeetingDeleted;
import app.quorum.platform.cache.NodeCache;
import app.quorum.roster.control.ParticipantRemoved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.Map;

/**
 * This node's copy of each meeting's trustees (participant id → trustee index), for {@link Ceremonies#trusteeIndex}
 * that every rendering of a delegate's page asks (issue 15). Dropped for the meeting once a change of its trustees
 * commits (a ceremony started or restarted, {@link CeremonyChanged}; a participant struck off the roster, whose place
 * the database's cascade removes; the meeting deleted), never for a change rolled back; expires after
 * {@value #EXPIRY_MILLIS} ms as a safety net for a change this node did not make.
 */
@ApplicationScoped
public class TrusteeCache {

    public static final long EXPIRY_MILLIS = 2_000;

    final NodeCache<Long, Map<Long, Integer>> trustees;

    public TrusteeCache() {
        this(new NodeCache<>(Duration.ofMillis(EXPIRY_MILLIS)));
    }

    TrusteeCache(NodeCache<Long, Map<Long, Integer>> trustees) {
        this.trustees = trustees;
    }

    /**
     * The meeting's trustees, from the copy if fresh, else read with {@code load}. (Callers use this method, never the
     * field: an injected reference is the container's client proxy, whose own fields are not the bean's.)
     */
    Map<Long, Integer> trustees(long meetingId, java.util.function.Function<Long, Map<Long, Integer>> load) {
        return trustees.get(meetingId, load);
    }

    void ceremonyChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) CeremonyChanged changed) {
        trustees.invalidate(changed.meetingId());
    }

    void removed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ParticipantRemoved removed) {
        trustees.invalidate(removed.meetingId());
    }

    void meetingDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) MeetingDeleted deleted) {
        trustees.invalidate(deleted.meetingId());
    }
}
