package app.quorum.results.boundary;

import app.quorum.results.control.Projector;
import app.quorum.results.entity.ProjectorMode;
import app.quorum.results.entity.ProjectorScreen;
import app.quorum.results.entity.PublishedResult;
import app.quorum.platform.web.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The chair chooses what the hall's projector shows: automatic, the current item and quorum, one published result,
 * or blank. Part of the chair's page ({@code ?id=} is the meeting); the page's role check is the container's, and
 * {@link Projector#choose} checks the chair again.
 */
@Named
@ViewScoped
public class ProjectorControlBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Projector projector;

    private Long meetingId;
    private Projector.Choice choice;
    private ProjectorScreen.Shown shown;
    private List<PublishedResult> choosable = List.of();

    @PostConstruct
    void init() {
        String id = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
        if (id != null && id.matches("\\d{1,18}")) {
            meetingId = Long.valueOf(id);
            reload();
        }
    }

    /** Pushed: a result was published, a ballot opened or closed, the projector changed. */
    public void refresh() {
        if (meetingId != null) {
            reload();
        }
    }

    private void reload() {
        choice = projector.choice(meetingId);
        choosable = projector.choosable(meetingId);
        shown = projector.screen(meetingId).shown();
    }

    public void show(ProjectorMode mode) {
        choose(mode, null);
    }

    public void showResult(long ballotId) {
        choose(ProjectorMode.RESULT, ballotId);
    }

    private void choose(ProjectorMode mode, Long ballotId) {
        projector.choose(meetingId, mode, ballotId);
        Feedback.info("projector.chosen", mode);
        reload();
    }

    public boolean isActive(ProjectorMode mode) {
        return choice != null && choice.mode() == mode;
    }

    public boolean isShowing(long ballotId) {
        return choice != null && choice.mode() == ProjectorMode.RESULT && Long.valueOf(ballotId).equals(choice.ballotId());
    }

    public boolean isReady() {
        return meetingId != null;
    }

    public Long getMeetingId() {
        return meetingId;
    }

    public ProjectorMode[] getModes() {
        return new ProjectorMode[] {ProjectorMode.AUTOMATIC, ProjectorMode.AGENDA, ProjectorMode.BLANK};
    }

    public Projector.Choice getChoice() {
        return choice;
    }

    /** What the projector shows now, following the choice (automatic decides by itself). */
    public ProjectorScreen.Shown getShown() {
        return shown;
    }

    public List<PublishedResult> getChoosable() {
        return choosable;
    }
}
