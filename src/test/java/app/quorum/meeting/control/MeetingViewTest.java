package app.quorum.meeting.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MeetingViewTest {

    @Test
    void readsAMeetingId() {
        assertEquals(42L, MeetingView.parseId("42"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "-1", "1.5", "1e3", "99999999999999999999", " 1"})
    void anythingElseIsNoMeeting(String text) {
        assertNull(MeetingView.parseId(text));
    }
}
