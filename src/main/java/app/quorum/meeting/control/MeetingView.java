package app.quorum.meeting.control;

import app.quorum.meeting.control.MeetingService;
import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.i18n.Bundle;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * What every page about one meeting shares: the {@code ?id=} parameter, loading the meeting with its agenda,
 * and a 404 for an id that names no meeting.
 */
public abstract class MeetingView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    protected transient MeetingService meetings;

    private String id;
    private Meeting meeting;

    /** The view action: loads the meeting or answers 404. */
    public void load() throws IOException {
        Long meetingId = parseId(id);
        meeting = meetingId == null ? null : meetings.withAgenda(meetingId).orElse(null);
        if (meeting == null || !visible(meeting)) {
            int status = meeting == null ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_FORBIDDEN;
            meeting = null;
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(status, null);
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        loaded(meeting);
    }

    /** Whether the caller may see this meeting on this page (the container already checked the page's role). */
    protected boolean visible(Meeting candidate) {
        return true;
    }

    /** Loads the meeting again after a change, and what the page shows with it. */
    protected void reload() {
        meeting = meetings.withAgenda(meeting.getId()).orElseThrow();
        loaded(meeting);
    }

    /** What the page loads along with its meeting. */
    protected void loaded(Meeting loaded) {
        // nothing more by default
    }

    /** A meeting id from the address; anything that is not one reads as "no such meeting". */
    public static Long parseId(String text) {
        if (text == null || !text.matches("\\d{1,18}")) {
            return null;
        }
        return Long.valueOf(text);
    }

    public long meetingId() {
        return meeting.getId();
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public Meeting getMeeting() {
        return meeting;
    }

    /**
     * Whether the meeting is scheduled for today at the venue. If not, the chair's console (and the secretary's
     * meeting page) say so and ask before opening it (a demo meeting, or one postponed); the minutes give both days.
     */
    public boolean isScheduledToday() {
        return getMeeting().scheduledToday(Clock.systemUTC());
    }

    /** The note and the question before opening a meeting scheduled for another day: both days named. */
    public String otherDay(String key) {
        Locale locale = Bundle.currentLocale();
        DateTimeFormatter date = DateTimeFormatter.ofPattern(Bundle.text(locale, "format.date"), locale);
        return Bundle.text(locale, key, date.format(getMeeting().scheduledDay()), date.format(getMeeting().today(Clock.systemUTC())));
    }
}
