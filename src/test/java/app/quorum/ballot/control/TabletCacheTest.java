package app.quorum.ballot.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.ballot.entity.BallotStatus;
import app.quorum.meeting.control.MeetingDeleted;
import app.quorum.meeting.entity.MeetingStatus;
import app.quorum.platform.cache.NodeCache;
import app.quorum.platform.push.Changed;
import app.quorum.roster.control.ParticipantRemoved;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The meeting-level facts of the tablets and the meetings' trustees: dropped by the commits that change them. */
class TabletCacheTest {

    final AtomicLong nanos = new AtomicLong();
    final TabletCache tablets = new TabletCache(new NodeCache<>(Duration.ofMillis(TabletCache.MEETING_FACTS_MILLIS), nanos::get),
            new NodeCache<>(Duration.ofMillis(TabletCache.MEETING_OF_MILLIS), nanos::get));
    final TrusteeCache trustees = new TrusteeCache(new NodeCache<>(Duration.ofMillis(TrusteeCache.EXPIRY_MILLIS), nanos::get));

    final TabletCache.MeetingFacts waiting = new TabletCache.MeetingFacts(MeetingStatus.IN_SESSION, null, null, null);
    final TabletCache.MeetingFacts open = new TabletCache.MeetingFacts(MeetingStatus.IN_SESSION, null, 5L, BallotStatus.OPEN);
    final AtomicReference<TabletCache.MeetingFacts> database = new AtomicReference<>(waiting);

    TabletCache.MeetingFacts facts(long meetingId) {
        return tablets.facts.get(meetingId, id -> database.get());
    }

    @Test
    void proceedingsCommittedDropTheMeetingsFactsAtOnceAttendanceAndTurnoutDoNot() {
        assertEquals(waiting, facts(1));
        database.set(open); // the chair opens a ballot
        tablets.changed(new Changed(1, Changed.What.ATTENDANCE));
        tablets.changed(new Changed(1, Changed.What.TURNOUT));
        tablets.changed(new Changed(2, Changed.What.PROCEEDINGS));
        assertEquals(waiting, facts(1), "neither attendance, turnout nor another meeting's proceedings say a ballot opened");
        tablets.changed(new Changed(1, Changed.What.PROCEEDINGS));
        assertEquals(open, facts(1));
    }

    @Test
    void theFactsExpireAfterOneSecond() {
        facts(1);
        database.set(open);
        nanos.addAndGet(Duration.ofMillis(999).toNanos());
        assertEquals(waiting, facts(1));
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertEquals(open, facts(1));
    }

    @Test
    void aParticipantsMeetingIsForgottenWhenTheyAreStruckOffOrTheMeetingIsDeleted() {
        assertEquals(7L, tablets.meetingOf.get(1L, id -> 7L));
        assertEquals(7L, tablets.meetingOf.get(2L, id -> 7L));
        assertEquals(8L, tablets.meetingOf.get(3L, id -> 8L));
        tablets.removed(new ParticipantRemoved(7, 1L));
        assertEquals(null, tablets.meetingOf.get(1L, id -> null));
        tablets.meetingDeleted(new MeetingDeleted(7));
        assertEquals(null, tablets.meetingOf.get(2L, id -> null));
        assertEquals(8L, tablets.meetingOf.get(3L, id -> null), "another meeting's participant stays");
    }

    @Test
    void theTrusteesAreDroppedWhenTheCeremonyChangesOrATrusteeIsStruckOff() {
        AtomicReference<Map<Long, Integer>> stored = new AtomicReference<>(Map.of(10L, 1, 11L, 2));
        assertEquals(1, trustees.trustees.get(7L, id -> stored.get()).get(10L));
        stored.set(Map.of(12L, 1));
        trustees.ceremonyChanged(new CeremonyChanged(8));
        assertTrue(trustees.trustees.get(7L, id -> stored.get()).containsKey(10L), "another meeting's ceremony");
        trustees.ceremonyChanged(new CeremonyChanged(7));
        assertFalse(trustees.trustees.get(7L, id -> stored.get()).containsKey(10L));
        stored.set(Map.of());
        trustees.removed(new ParticipantRemoved(7, 12L));
        assertTrue(trustees.trustees.get(7L, id -> stored.get()).isEmpty());
        stored.set(Map.of(13L, 1));
        nanos.addAndGet(Duration.ofMillis(TrusteeCache.EXPIRY_MILLIS).toNanos());
        assertEquals(1, trustees.trustees.get(7L, id -> stored.get()).get(13L), "expired after 2 s");
        trustees.meetingDeleted(new MeetingDeleted(7));
        stored.set(Map.of());
        assertTrue(trustees.trustees.get(7L, id -> stored.get()).isEmpty());
    }
}
