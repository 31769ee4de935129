package app.quorum.roster.boundary;

import app.quorum.meeting.control.MeetingView;
import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.Limits;
import app.quorum.platform.web.Feedback;
import app.quorum.roster.control.ParticipantDraft;
import app.quorum.roster.control.RosterFilter;
import app.quorum.roster.control.RosterService;
import app.quorum.roster.entity.Participant;
import app.quorum.roster.entity.Role;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;

/** The secretary's roster: a searchable lazy table, and the form to add or edit an entry. */
@Named
@ViewScoped
public class RosterBacking extends MeetingView {

    private static final long serialVersionUID = 1L;

    @Inject
    transient RosterService roster;

    private RosterTable table;
    private transient java.util.List<Participant> everyone;
    @Size(max = Limits.SEARCH, message = "{search.size}")
    private String search;
    private Role role;
    private Boolean voting;

    private Long editing;
    @Size(max = Limits.PARTICIPANT_FULL_NAME, message = "{participant.fullName.size}")
    private String fullName;
    @Size(max = Limits.PARTICIPANT_POSITION, message = "{participant.position.size}")
    private String position;
    @Size(max = Limits.PARTICIPANT_UNIT, message = "{participant.unit.size}")
    private String unit;
    private Role entryRole = Role.DELEGATE;
    private boolean entryVoting = true;
    @Size(max = Limits.PARTICIPANT_PHONE, message = "{participant.phone.size}")
    private String phone;
    @Size(max = Limits.PARTICIPANT_EMAIL, message = "{participant.email.size}")
    private String email;

    @Override
    protected void loaded(Meeting meeting) {
        table = new RosterTable(() -> roster, meeting.getId(), this::filter);
    }

    /** Everyone on the roster, in the roster's order: the printable list and sign-in sheet. */
    public java.util.List<Participant> getEveryone() {
        if (everyone == null) {
            everyone = roster.roster(meetingId());
        }
        return everyone;
    }

    /** How many of everyone have a vote. */
    public long getVotingCount() {
        return getEveryone().stream().filter(Participant::isVoting).count();
    }

    RosterFilter filter() {
        return new RosterFilter(search, role, voting, null);
    }

    public void startNew() {
        edit(null);
    }

    public void edit(Participant participant) {
        editing = participant == null ? null : participant.getId();
        ParticipantDraft draft = participant == null
                ? new ParticipantDraft(null, null, null, Role.DELEGATE, true, null, null)
                : ParticipantDraft.of(participant);
        fullName = draft.fullName();
        position = draft.position();
        unit = draft.unit();
        entryRole = draft.role();
        entryVoting = draft.voting();
        phone = draft.phone();
        email = draft.email();
    }

    public void save() {
        ParticipantDraft draft = new ParticipantDraft(fullName, position, unit, entryRole, entryVoting, phone, email);
        if (editing == null) {
            roster.add(meetingId(), draft);
            Feedback.info("participant.added", fullName);
        } else {
            roster.update(meetingId(), editing, draft);
            Feedback.info("participant.saved", fullName);
        }
    }

    public void remove(Participant participant) {
        roster.remove(meetingId(), participant.getId());
        Feedback.info("participant.removed", participant.getFullName());
    }

    public RosterTable getTable() {
        return table;
    }

    public String getSearch() {
        return search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public Boolean getVoting() {
        return voting;
    }

    public void setVoting(Boolean voting) {
        this.voting = voting;
    }

    public Long getEditing() {
        return editing;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getPosition() {
        return position;
    }

    public void setPosition(String position) {
        this.position = position;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public Role getEntryRole() {
        return entryRole;
    }

    public void setEntryRole(Role entryRole) {
        this.entryRole = entryRole;
    }

    public boolean isEntryVoting() {
        return entryVoting;
    }

    public void setEntryVoting(boolean entryVoting) {
        this.entryVoting = entryVoting;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
