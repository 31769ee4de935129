package app.quorum.ballot.boundary;

import app.quorum.meeting.control.MeetingView;

import app.quorum.meeting.entity.AgendaItem;
import app.quorum.meeting.entity.Meeting;
import app.quorum.meeting.entity.MeetingStatus;
import app.quorum.platform.web.Feedback;
import app.quorum.roster.control.RosterService;
import app.quorum.roster.entity.Quorum;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The chair runs the meeting from one screen: opens and closes it, moves through the agenda, watches quorum. */
@Named
@ViewScoped
public class ChairBacking extends MeetingView {

    private static final long serialVersionUID = 1L;

    @Inject
    transient RosterService roster;

    private Quorum quorum;

    @Override
    protected void loaded(Meeting meeting) {
        quorum = roster.quorum(meeting.getId());
    }

    public void open() {
        meetings.changeStatus(meetingId(), MeetingStatus.IN_SESSION);
        Feedback.info("meeting.statusChanged", MeetingStatus.IN_SESSION);
        reload();
    }

    public void close() {
        meetings.changeStatus(meetingId(), MeetingStatus.CLOSED);
        Feedback.info("meeting.statusChanged", MeetingStatus.CLOSED);
        reload();
    }

    public void makeCurrent(AgendaItem item) {
        meetings.makeCurrent(meetingId(), item == null ? null : item.getId());
        reload();
    }

    /** Called when another page changed attendance or the proceedings. */
    public void refresh() {
        reload();
    }

    public boolean isCurrent(AgendaItem item) {
        return getMeeting().getCurrentItem() != null && getMeeting().getCurrentItem().getId().equals(item.getId());
    }

    public Quorum getQuorum() {
        return quorum;
    }
}
