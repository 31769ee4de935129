package app.quorum.meeting.boundary;

import app.quorum.meeting.control.MeetingService;
import app.quorum.meeting.entity.Meeting;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.util.List;

/** The list of meetings (the first page). */
@Named
@ViewScoped
public class MeetingsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient MeetingService service;

    private List<Meeting> meetings;

    @Inject
    transient SecurityContext security;

    /** Staff see every meeting; everyone else the public ones. */
    @PostConstruct
    void load() {
        boolean staff = security.isCallerInRole("ADMIN") || security.isCallerInRole("SECRETARY") || security.isCallerInRole("CHAIR");
        meetings = staff ? service.meetings() : service.publicMeetings();
    }

    public List<Meeting> getMeetings() {
        return meetings;
    }
}
