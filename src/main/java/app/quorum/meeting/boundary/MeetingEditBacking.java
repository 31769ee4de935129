package app.quorum.meeting.boundary;

import app.quorum.meeting.control.MeetingView;

import app.quorum.meeting.entity.Meeting;
import app.quorum.meeting.entity.MeetingStatus;
import app.quorum.platform.i18n.Bundle;
import app.quorum.platform.web.Feedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.List;

/** The secretary edits a meeting's details and moves it through its lifecycle; copies or deletes it. */
@Named
@ViewScoped
public class MeetingEditBacking extends MeetingView {

    private static final long serialVersionUID = 1L;

    public void save() {
        meetings.update(getMeeting());
        Feedback.info("meeting.saved");
        reload();
    }

    public void moveTo(MeetingStatus target) {
        meetings.changeStatus(meetingId(), target);
        Feedback.info("meeting.statusChanged", target);
        reload();
    }

    public String copy() {
        Meeting copy = meetings.copy(meetingId());
        Feedback.info("meeting.copied");
        Feedback.keepForRedirect();
        return "/secretary/meeting?faces-redirect=true&id=" + copy.getId();
    }

    public String delete() {
        meetings.delete(meetingId());
        Feedback.info("meeting.deleted");
        Feedback.keepForRedirect();
        return "/secretary/index?faces-redirect=true";
    }

    /** Whether moving to this status asks first: closing always; opening a meeting scheduled for another day. */
    public boolean asksBefore(MeetingStatus target) {
        return target == MeetingStatus.CLOSED || target == MeetingStatus.IN_SESSION && !isScheduledToday();
    }

    /** The question asked before moving to this status. */
    public String question(MeetingStatus target) {
        return target == MeetingStatus.IN_SESSION ? otherDay("chair.otherDay.confirm")
                : Bundle.text(Bundle.currentLocale(), "meetingStatus.confirm." + target);
    }

    public List<MeetingStatus> getNextStatuses() {
        return getMeeting().getStatus().next().stream().sorted().toList();
    }
}
