package app.quorum.meeting.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
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
    void todayIsTheVenuesCalendarDayAndOpeningAndClosingAreRecorded() {
        Meeting meeting = new Meeting("Hội nghị", "UBND huyện Đắk Mil", NINE);
        // 19/01/2024 00:30 in Vietnam is still the 18th in UTC
        Clock earlyOnTheDay = Clock.fixed(Instant.parse("2024-01-18T17:30:00Z"), ZoneOffset.UTC);
        assertTrue(meeting.scheduledToday(earlyOnTheDay));
        assertFalse(meeting.scheduledToday(Clock.fixed(Instant.parse("2024-01-19T17:30:00Z"), ZoneOffset.UTC)), "the 20th in Vietnam");
        assertFalse(meeting.scheduledToday(Clock.fixed(Instant.parse("2026-12-03T06:33:00Z"), ZoneOffset.UTC)));
        assertEquals(LocalDate.of(2026, 12, 3), meeting.today(Clock.fixed(Instant.parse("2026-12-03T06:33:00Z"), ZoneOffset.UTC)));

        Instant opened = Instant.parse("2026-12-03T06:20:00Z");
        meeting.moveTo(MeetingStatus.SCHEDULED, opened.minusSeconds(60));
        assertEquals(null, meeting.getSessionOpenedAt());
        meeting.moveTo(MeetingStatus.IN_SESSION, opened);
        assertEquals(MeetingStatus.IN_SESSION, meeting.getStatus());
        assertEquals(opened, meeting.getSessionOpenedAt());
        assertEquals(null, meeting.getSessionClosedAt());
        meeting.moveTo(MeetingStatus.CLOSED, opened.plusSeconds(6300));
        assertEquals(opened, meeting.getSessionOpenedAt());
        assertEquals(opened.plusSeconds(6300), meeting.getSessionClosedAt());
        assertEquals(null, meeting.copyForNextMonth().getSessionOpenedAt(), "a copy has not been held");
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
    void removingAnItemNumbersTheRestAgainAndForgetsItAsCurrent() {
        Meeting meeting = new Meeting("Hội nghị", "UBND", NINE);
        AgendaItem first = meeting.addItem("Khai mạc");
        AgendaItem second = meeting.addItem("Báo cáo");
        AgendaItem third = meeting.addItem("Bỏ phiếu");
        meeting.makeCurrent(second);
        meeting.removeItem(second);
        assertEquals(java.util.List.of(first, third), meeting.getAgenda());
        assertEquals(2, third.getSortOrder());
        assertEquals(null, meeting.getCurrentItem());
    }

    @Test
    void anItemOfAnotherMeetingCannotBeCurrent() {
        Meeting one = new Meeting("A", "UBND", NINE);
        AgendaItem foreign = new Meeting("B", "UBND", NINE).addItem("x");
        assertThrows(IllegalArgumentException.class, () -> one.makeCurrent(foreign));
    }

    @Test
    void theCopyForNextMonthKeepsTheAgendaInOrderAndStartsInPreparation() {
        Meeting meeting = new Meeting("Giao ban tháng 1", "HĐND huyện", NINE);
        meeting.setEndsAt(NINE.plusHours(3));
        meeting.setStatus(MeetingStatus.CLOSED);
        meeting.setQuorumRule(app.quorum.meeting.entity.QuorumRule.TWO_THIRDS);
        meeting.addItem("Khai mạc").setPlannedMinutes(10);
        meeting.addItem("Bỏ phiếu");
        Meeting copy = meeting.copyForNextMonth();
        assertEquals(MeetingStatus.DRAFT, copy.getStatus());
        assertEquals(NINE.plusMonths(1), copy.getStartsAt());
        assertEquals(NINE.plusMonths(1).plusHours(3), copy.getEndsAt());
        assertEquals(app.quorum.meeting.entity.QuorumRule.TWO_THIRDS, copy.getQuorumRule());
        assertEquals(java.util.List.of("Khai mạc", "Bỏ phiếu"), copy.getAgenda().stream().map(AgendaItem::getTitle).toList());
        assertEquals(10, copy.getAgenda().get(0).getPlannedMinutes());
        assertSame(copy, copy.getAgenda().get(1).getMeeting());
    }

    @Test
    void newMeetingsAreDraftsInVietnamTime() {
        Meeting meeting = new Meeting("Hội nghị", "UBND", NINE);
        assertEquals(MeetingStatus.DRAFT, meeting.getStatus());
        assertEquals(ZoneId.of("Asia/Ho_Chi_Minh"), meeting.zone());
    }
}
