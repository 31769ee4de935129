package app.quorum.identity.boundary;

import app.quorum.meeting.control.MeetingView;

import app.quorum.meeting.control.CommendationService;
import app.quorum.meeting.control.DocumentService;
import app.quorum.meeting.entity.Awardee;
import app.quorum.meeting.entity.DocumentInfo;
import app.quorum.meeting.entity.Meeting;
import app.quorum.roster.control.RosterService;
import app.quorum.roster.entity.Participant;
import app.quorum.roster.entity.Role;
import app.quorum.identity.control.DelegateIdentityStore;
import jakarta.faces.view.ViewScoped;
import jakarta.security.enterprise.SecurityContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The public page of one meeting: details, chair and secretary, the ordered agenda with its documents. */
@Named
@ViewScoped
public class MeetingBacking extends MeetingView {

    private static final long serialVersionUID = 1L;

    @Inject
    transient RosterService roster;

    @Inject
    transient DocumentService documents;

    @Inject
    transient CommendationService commendations;

    private List<Participant> chairs;
    private List<Participant> secretaries;
    private Map<Long, List<DocumentInfo>> documentsByItem;
    private Map<Long, List<Awardee>> awardeesByItem;

    @Inject
    transient SecurityContext security;

    /** A meeting's public page: anyone for a public meeting; otherwise staff, and the meeting's own delegates. */
    @Override
    protected boolean visible(Meeting candidate) {
        if (candidate.isPublicMeeting() || security.isCallerInRole("ADMIN") || security.isCallerInRole("SECRETARY")
                || security.isCallerInRole("CHAIR")) {
            return true;
        }
        return security.getCallerPrincipal() != null
                && DelegateIdentityStore.participantId(security.getCallerPrincipal().getName())
                        .flatMap(id -> roster.participant(candidate.getId(), id)).isPresent();
    }

    @Override
    protected void loaded(Meeting meeting) {
        chairs = roster.withRole(meeting.getId(), Role.CHAIR);
        secretaries = roster.withRole(meeting.getId(), Role.SECRETARY);
        documentsByItem = documents.ofMeeting(meeting.getId()).stream().collect(Collectors.groupingBy(DocumentInfo::itemId));
        awardeesByItem = commendations.ofMeeting(meeting.getId()).stream().collect(Collectors.groupingBy(a -> a.getItem().getId()));
    }

    /** The chair moved the meeting on: the page follows. */
    public void refresh() {
        reload();
    }

    public List<Participant> getChairs() {
        return chairs;
    }

    public List<Participant> getSecretaries() {
        return secretaries;
    }

    public List<DocumentInfo> documentsOf(Long itemId) {
        return documentsByItem.getOrDefault(itemId, List.of());
    }

    public List<Awardee> awardeesOf(Long itemId) {
        return awardeesByItem.getOrDefault(itemId, List.of());
    }
}
