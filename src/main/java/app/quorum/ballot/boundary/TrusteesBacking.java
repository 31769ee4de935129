package app.quorum.ballot.boundary;

import app.quorum.ballot.control.CeremonyRules;
import app.quorum.ballot.control.CeremonyStatus;
import app.quorum.ballot.control.Ceremonies;
import app.quorum.meeting.control.MeetingView;
import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.web.Feedback;
import app.quorum.roster.control.RosterService;
import app.quorum.roster.entity.Participant;
import jakarta.faces.view.ViewScoped;
import org.primefaces.PrimeFaces;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The secretary's page of a meeting's key ceremony: choose the trustees (the chair and the secretary proposed, a third
 * to pick) and the threshold, start, watch each trustee's rounds (the page polls), restart when it failed.
 */
@Named
@ViewScoped
public class TrusteesBacking extends MeetingView {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Ceremonies ceremonies;

    @Inject
    transient RosterService roster;

    private CeremonyStatus status;
    private List<Participant> participants;
    private List<Place> places;
    private int threshold = CeremonyRules.DEFAULT_THRESHOLD;

    @Override
    protected void loaded(Meeting meeting) {
        status = ceremonies.status(meeting.getId());
        participants = roster.roster(meeting.getId());
        if (places == null) {
            places = new ArrayList<>();
            if (status.isNone()) {
                ceremonies.proposal(meeting.getId()).forEach(id -> places.add(new Place(id)));
            } else {
                status.trustees().forEach(trustee -> places.add(new Place(trustee.participantId())));
                threshold = status.t();
            }
        }
    }

    /**
     * The poll: the trustees' progress. When it moved, the page's messages are rendered again (empty): a "started"
     * message must not stay above a ceremony that has failed or finished meanwhile.
     */
    public void refresh() {
        CeremonyStatus before = status;
        status = ceremonies.status(meetingId());
        if (!status.equals(before)) {
            PrimeFaces.current().ajax().update("messages");
        }
    }

    public void start() {
        status = ceremonies.start(meetingId(), places.stream().map(Place::getParticipantId).toList(), threshold);
        Feedback.info("ceremony.started");
    }

    public void restart() {
        status = ceremonies.restart(meetingId());
        Feedback.info("ceremony.restarted");
    }

    public CeremonyStatus getStatus() {
        return status;
    }

    public List<Participant> getParticipants() {
        return participants;
    }

    public List<Place> getPlaces() {
        return places;
    }

    public int getTrustees() {
        return places.size();
    }

    /** Another number of trustees: places added (empty) or dropped at the end; the threshold stays within. */
    public void setTrustees(int trustees) {
        int n = Math.max(1, Math.min(CeremonyRules.MAX_TRUSTEES, trustees));
        while (places.size() < n) {
            places.add(new Place(null));
        }
        while (places.size() > n) {
            places.remove(places.size() - 1);
        }
        threshold = Math.min(threshold, n);
    }

    public List<Integer> getTrusteeChoices() {
        return IntStream.rangeClosed(1, CeremonyRules.MAX_TRUSTEES).boxed().toList();
    }

    public List<Integer> getThresholdChoices() {
        return IntStream.rangeClosed(1, places.size()).boxed().toList();
    }

    public int getThreshold() {
        return threshold;
    }

    public void setThreshold(int threshold) {
        this.threshold = threshold;
    }

    /** The name of the trustee of an index, for the failure's message. */
    public String nameOf(Integer index) {
        CeremonyStatus.Trustee trustee = index == null ? null : status.trustee(index);
        return trustee == null ? "" : trustee.name();
    }

    /** The place of a trustee on the form (1..n) and who fills it. */
    public static final class Place implements Serializable {

        private static final long serialVersionUID = 1L;
        private Long participantId;

        Place(Long participantId) {
            this.participantId = participantId;
        }

        public Long getParticipantId() {
            return participantId;
        }

        public void setParticipantId(Long participantId) {
            this.participantId = participantId;
        }
    }
}
