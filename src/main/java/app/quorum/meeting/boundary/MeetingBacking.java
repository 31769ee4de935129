package app.quorum.meeting.boundary;

import app.quorum.meeting.control.MeetingService;
import app.quorum.meeting.entity.Meeting;
import app.quorum.roster.control.RosterService;
import app.quorum.roster.entity.Participant;
import app.quorum.roster.entity.Role;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;

/** One meeting with its ordered agenda; {@code ?id=} names it, an unknown id answers 404. */
@Named
@ViewScoped
public class MeetingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient MeetingService meetings;

    @Inject
    transient RosterService roster;

    private String id;
    private Meeting meeting;
    private List<Participant> chairs;
    private List<Participant> secretaries;

    /** The view action: loads the meeting or answers 404. */
    public void load() throws IOException {
        Long meetingId = parseId(id);
        meeting = meetingId == null ? null : meetings.withAgenda(meetingId).orElse(null);
        if (meeting == null) {
            FacesContext.getCurrentInstance().getExternalContext().responseSendError(HttpServletResponse.SC_NOT_FOUND, null);
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        chairs = roster.withRole(meetingId, Role.CHAIR);
        secretaries = roster.withRole(meetingId, Role.SECRETARY);
    }

    /** A meeting id from the address; anything that is not one reads as "no such meeting". */
    static Long parseId(String text) {
        if (text == null || !text.matches("\\d{1,18}")) {
            return null;
        }
        return Long.valueOf(text);
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

    public List<Participant> getChairs() {
        return chairs;
    }

    public List<Participant> getSecretaries() {
        return secretaries;
    }
}
