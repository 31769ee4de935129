package app.quorum.results.control;

import app.quorum.platform.i18n.Bundle;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What the minutes say about when the meeting was really held, next to when it was scheduled: a meeting dated
 * 19/01/2024 whose session was opened on 03/12/2026 is "dự kiến ngày 19/01/2024; thực tế họp ngày 03/12/2026", with
 * the opening and closing times when they are recorded. Without a recorded session, the day of the first ballot
 * stands for the day it was held; without either, nothing is said.
 */
final class MinutesHeld {

    private MinutesHeld() {
    }

    /**
     * The sentence, or {@code null} when there is nothing to add. A meeting held on its scheduled day gets its real
     * opening and closing times only if {@code timesOnTheDay} (the meeting's minutes; a ballot's minutes give its own).
     *
     * @param firstBallot when the first of the ballots in the document opened; may be null
     */
    static String sentence(MinutesFacts meeting, Instant firstBallot, boolean timesOnTheDay, Locale locale) {
        LocalDate held = meeting.heldOn(firstBallot);
        if (held == null) {
            return null;
        }
        DateTimeFormatter date = DateTimeFormatter.ofPattern(Bundle.text(locale, "minutes.format.date"), locale);
        boolean sameDay = held.equals(meeting.scheduledDay());
        if (meeting.sessionOpenedAt() == null) {
            return sameDay ? null : Bundle.text(locale, "minutes.held.otherDay", date.format(meeting.scheduledDay()), date.format(held));
        }
        DateTimeFormatter time = DateTimeFormatter.ofPattern(Bundle.text(locale, "minutes.format.time"), locale).withZone(meeting.zone());
        String opened = time.format(meeting.sessionOpenedAt());
        String closed = "";
        if (meeting.sessionClosedAt() != null) {
            boolean closedThatDay = LocalDate.ofInstant(meeting.sessionClosedAt(), meeting.zone()).equals(held);
            closed = Bundle.text(locale, "minutes.held.closed", closedThatDay ? time.format(meeting.sessionClosedAt())
                    : DateTimeFormatter.ofPattern(Bundle.text(locale, "minutes.format.dateTime"), locale).withZone(meeting.zone())
                            .format(meeting.sessionClosedAt()));
        }
        if (sameDay) {
            return timesOnTheDay ? Bundle.text(locale, "minutes.held.sameDay", opened, closed) : null;
        }
        return Bundle.text(locale, "minutes.held.otherDayAt", date.format(meeting.scheduledDay()), date.format(held), opened, closed);
    }
}
