package app.quorum.roster.boundary;

import app.quorum.meeting.control.MeetingView;
import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.Limits;
import app.quorum.platform.web.Feedback;
import app.quorum.roster.control.RosterFilter;
import app.quorum.roster.control.RosterService;
import app.quorum.roster.entity.Participant;
import app.quorum.roster.entity.Quorum;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Check-in at the door: search and one tap, or the code on a delegate's card typed or scanned into one field.
 * The quorum indicator follows every check-in, on every open page, without reload.
 */
@Named
@ViewScoped
public class AttendanceBacking extends MeetingView {

    private static final long serialVersionUID = 1L;
    static final int SHOWN = 40;

    @Inject
    transient RosterService roster;

    @Size(max = Limits.SEARCH, message = "{search.size}")
    private String search;
    @Size(max = Limits.CARD_CODE_INPUT, message = "{card.code.size}")
    private String code;
    private Boolean present;
    private List<Participant> found;
    private long matching;
    private Quorum quorum;

    @Override
    protected void loaded(Meeting meeting) {
        find();
    }

    public void find() {
        RosterFilter filter = new RosterFilter(search, null, null, present);
        found = roster.page(meetingId(), filter, 0, SHOWN);
        matching = roster.count(meetingId(), filter);
        quorum = roster.quorum(meetingId());
    }

    public void toggle(Participant participant) {
        Participant changed = participant.isPresent()
                ? roster.checkOut(meetingId(), participant.getId())
                : roster.checkIn(meetingId(), participant.getId());
        Feedback.info(changed.isPresent() ? "attendance.checkedIn" : "attendance.checkedOut", changed.getFullName());
        find();
    }

    public void checkInByCode() {
        try {
            Participant holder = roster.checkInByCode(meetingId(), code);
            Feedback.info("attendance.checkedIn", holder.getFullName());
        } finally {
            code = null;
        }
        find();
    }

    /** Called when another page changed attendance. */
    public void refresh() {
        find();
    }

    public List<Participant> getFound() {
        return found;
    }

    public long getMatching() {
        return matching;
    }

    public int getShown() {
        return SHOWN;
    }

    public Quorum getQuorum() {
        return quorum;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public Boolean getPresent() {
        return present;
    }

    public void setPresent(Boolean present) {
        this.present = present;
    }
}
