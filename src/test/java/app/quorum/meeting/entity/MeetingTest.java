package app.quorum.meeting.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class MeetingTest {

    private static final LocalDateTime NINE = LocalDateTime.of(2024, 1, 19, 9, 0);

    @Test
    void itemsTakeTheirNumberInTheOrderTheyAreAdded() {
        Meeting meeting = new Meeting("Hội nghị", "UBND huyện Đắk Mil", NINE);
        AgendaItem first = meeting.addItem("Khai mạc");
        AgendaItem second = meeting.addItem("Bỏ phiếu");
        assertEquals(1, first.getSortOrder());
        assertEquals(2, second.getSortOrder());
        assertSame(meeting, second.getMeeting());
        assertEquals(2, meeting.getAgenda().size());
        assertThrows(UnsupportedOperationException.class, () -> meeting.getAgenda().clear());
    }

    @Test
    void aMeetingMayNotEndBeforeItStarts() {
        Meeting meeting = new Meeting("Hội nghị", "UBND", NINE);
        assertFalse(meeting.endsBeforeItStarts());
        meeting.setEndsAt(NINE);
        assertFalse(meeting.endsBeforeItStarts());
        meeting.setEndsAt(NINE.minusMinutes(1));
        assertTrue(meeting.endsBeforeItStarts());
    }

    @Test
    void newMeetingsAreDraftsInVietnamTime() {
        Meeting meeting = new Meeting("Hội nghị", "UBND", NINE);
        assertEquals(MeetingStatus.DRAFT, meeting.getStatus());
        assertEquals(ZoneId.of("Asia/Ho_Chi_Minh"), meeting.zone());
    }
}
