package app.quorum.meeting.boundary;

import app.quorum.meeting.control.MeetingService;
import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.web.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The secretary's list of meetings and the form for a new one. */
@Named
@ViewScoped
public class PrepareBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient MeetingService meetings;

    private List<Meeting> all;
    private Meeting fresh = Meeting.blank();

    @PostConstruct
    void load() {
        all = meetings.meetings();
    }

    public String create() {
        Meeting created = meetings.create(fresh);
        Feedback.info("meeting.created");
        Feedback.keepForRedirect();
        return "/secretary/meeting?faces-redirect=true&id=" + created.getId();
    }

    public List<Meeting> getAll() {
        return all;
    }

    public Meeting getFresh() {
        return fresh;
    }
}
