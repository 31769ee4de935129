package app.quorum.meeting.entity;

import static app.quorum.meeting.entity.MeetingStatus.CLOSED;
import static app.quorum.meeting.entity.MeetingStatus.DRAFT;
import static app.quorum.meeting.entity.MeetingStatus.IN_SESSION;
import static app.quorum.meeting.entity.MeetingStatus.SCHEDULED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MeetingStatusTest {

    @Test
    void theLifecycleGoesForwardAndOnlyAnAnnouncementCanBeWithdrawn() {
        assertEquals(Set.of(SCHEDULED), DRAFT.next());
        assertEquals(Set.of(DRAFT, IN_SESSION), SCHEDULED.next());
        assertEquals(Set.of(CLOSED), IN_SESSION.next());
        assertEquals(Set.of(), CLOSED.next());
    }

    @Test
    void whatEachStatusAllows() {
        assertEquals(EnumSet.of(DRAFT, SCHEDULED, IN_SESSION), matching(MeetingStatus::editable));
        assertEquals(EnumSet.of(DRAFT, SCHEDULED), matching(MeetingStatus::deletable));
        assertEquals(EnumSet.of(SCHEDULED, IN_SESSION), matching(MeetingStatus::attendanceOpen));
    }

    private static EnumSet<MeetingStatus> matching(java.util.function.Predicate<MeetingStatus> rule) {
        EnumSet<MeetingStatus> set = EnumSet.noneOf(MeetingStatus.class);
        for (MeetingStatus status : MeetingStatus.values()) {
            if (rule.test(status)) {
                set.add(status);
            }
        }
        return set;
    }
}
