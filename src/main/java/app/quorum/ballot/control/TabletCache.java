package app.quorum.ballot.control;

import app.quorum.ballot.entity.BallotStatus;
import app.quorum.meeting.control.MeetingDeleted;
import app.quorum.meeting.entity.MeetingStatus;
import app.quorum.platform.cache.NodeCache;
import app.quorum.platform.push.Changed;
import app.quorum.roster.control.ParticipantRemoved;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * This node's copy of the meeting-level facts every tablet of a meeting asks for ({@link TabletService#state}; issue
 * 15): the meeting's status, its current item and the ballot the tablets show with its status. Dropped for the meeting
 * once a change of those commits: every such change fires {@link Changed.What#PROCEEDINGS} in its transaction (the
 * observer runs {@code AFTER_SUCCESS}; a change rolled back drops nothing, and nothing it wrote was cached). The copy
 * expires after {@value #MEETING_FACTS_MILLIS} ms as a safety net (a change on another node, or straight in the
 * database). The delegate's own facts (right to vote, presence, voted) are never cached here.
 *
 * <p>Also which meeting a participant is on, which never changes (dropped when they are struck off the roster or the
 * meeting is deleted).
 */
@ApplicationScoped
public class TabletCache {

    public static final long MEETING_FACTS_MILLIS = 1_000;

    /** A participant's meeting never changes: this only bounds the memory of participants gone elsewhere. */
    public static final long MEETING_OF_MILLIS = 10 * 60_000;

    /** The meeting-level facts of a tablet's state (null ids and status: none). */
    record MeetingFacts(MeetingStatus meetingStatus, Long currentItemId, Long ballotId, BallotStatus ballotStatus) {

        /** The meeting's status and current item, and the ballot its tablets show, as committed (null: no such meeting). */
        static MeetingFacts read(EntityManager em, long meetingId) {
            List<Object[]> found = em.createQuery("SELECT m.status, c.id FROM Meeting m LEFT JOIN m.currentItem c WHERE m.id = :id",
                    Object[].class).setParameter("id", meetingId).getResultList();
            if (found.isEmpty()) {
                return null;
            }
            List<Object[]> ballots = em.createQuery("SELECT b.id, b.status FROM Ballot b WHERE b.meeting.id = :meetingId ORDER BY b.id",
                    Object[].class).setParameter("meetingId", meetingId).getResultList();
            Object[] ballot = TabletService.shownOf(ballots);
            return new MeetingFacts((MeetingStatus) found.get(0)[0], (Long) found.get(0)[1],
                    ballot == null ? null : (Long) ballot[0], ballot == null ? null : (BallotStatus) ballot[1]);
        }

        /** The meeting's part of every tablet's signature ({@link TabletState#meetingSignature}). */
        String signature(long meetingId) {
            return TabletState.meetingSignature(meetingId, meetingStatus, currentItemId, ballotId, ballotStatus);
        }
    }

    final NodeCache<Long, MeetingFacts> facts;

    final NodeCache<Long, Long> meetingOf;

    public TabletCache() {
        this(new NodeCache<>(Duration.ofMillis(MEETING_FACTS_MILLIS)), new NodeCache<>(Duration.ofMillis(MEETING_OF_MILLIS)));
    }

    TabletCache(NodeCache<Long, MeetingFacts> facts, NodeCache<Long, Long> meetingOf) {
        this.facts = facts;
        this.meetingOf = meetingOf;
    }

    // Callers go through these methods, never the fields: an injected reference is the container's client proxy, whose
    // own fields are not the bean's (TabletCacheIT caught exactly that).

    /** The meeting-level facts, from the copy if fresh, else read with {@code load}. */
    MeetingFacts facts(long meetingId, java.util.function.Function<Long, MeetingFacts> load) {
        return facts.get(meetingId, load);
    }

    /** The participant's meeting, from the copy if known, else read with {@code load} (null: none, not kept). */
    Long meetingOf(long participantId, java.util.function.Function<Long, Long> load) {
        Long meetingId = meetingOf.get(participantId, load);
        if (meetingId == null) {
            meetingOf.invalidate(participantId);
        }
        return meetingId;
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed changed) {
        if (changed.what() == Changed.What.PROCEEDINGS) {
            facts.invalidate(changed.meetingId());
        }
    }

    void removed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ParticipantRemoved removed) {
        meetingOf.invalidate(removed.participantId());
    }

    void meetingDeleted(@Observes(during = TransactionPhase.AFTER_SUCCESS) MeetingDeleted deleted) {
        facts.invalidate(deleted.meetingId());
        meetingOf.invalidateValues(meeting -> Objects.equals(meeting, deleted.meetingId()));
    }
}
