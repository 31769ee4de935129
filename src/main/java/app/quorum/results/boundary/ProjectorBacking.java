package app.quorum.results.boundary;

import app.quorum.meeting.control.MeetingView;
import app.quorum.meeting.control.MeetingService;
import app.quorum.meeting.entity.Meeting;
import app.quorum.results.control.Projector;
import app.quorum.results.entity.ProjectorScreen;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;

/**
 * The hall's projector ({@code public/projector.xhtml?id=}): no controls, follows the meeting by push. A meeting
 * marked public shows to anyone; any other meeting to its secretary and chair only — someone not signed in is sent
 * to the sign-in page, anyone else signed in gets 403.
 */
@Named
@ViewScoped
public class ProjectorBacking extends MeetingView {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Projector projector;

    @Inject
    transient MeetingService meetingLookup;

    @Inject
    transient SecurityContext security;

    private ProjectorScreen screen;

    @Override
    public void load() throws IOException {
        if (security.getCallerPrincipal() == null && getId() != null && getId().matches("\\d{1,18}")
                && meetingLookup.withAgenda(Long.parseLong(getId())).filter(m -> !m.isPublicMeeting()).isPresent()) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + "/sign-in.xhtml");
            FacesContext.getCurrentInstance().responseComplete();
            return;
        }
        super.load();
    }

    @Override
    protected boolean visible(Meeting candidate) {
        return candidate.isPublicMeeting() || security.isCallerInRole("SECRETARY") || security.isCallerInRole("CHAIR");
    }

    @Override
    protected void loaded(Meeting meeting) {
        screen = projector.screen(meeting.getId());
    }

    /** Pushed: the proceedings, the attendance or the turnout changed. */
    public void refresh() {
        reload();
    }

    public ProjectorScreen getScreen() {
        return screen;
    }
}
