package app.quorum.results.boundary;

import app.quorum.ballot.crypto.Receipts;
import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.Limits;
import app.quorum.results.control.Results;
import app.quorum.results.entity.PublishedResult;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * The published results on a meeting's public page, and the receipt lookup: whoever holds a receipt can see that
 * their paper was counted, and as what. The lookup answers for the exact receipt only — never for a part of one —
 * so it cannot list papers; a malformed receipt is told apart from one that is not there. The page that includes
 * this has already decided who may see the meeting.
 */
@Named
@ViewScoped
public class PublicResultsBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** Longer input is no receipt; it is cut before it is echoed in the answer. */
    static final int MAX_TYPED = Limits.RECEIPT_INPUT;

    @Inject
    transient Results results;

    private Long meetingId;
    private boolean publicMeeting;
    private List<PublishedResult> published = List.of();

    private String receipt;
    private Answer answer;
    private String asked;
    private List<Results.Found> found = List.of();

    /** Loads the published results of the meeting the page shows (nothing when the page refused it). */
    public void load(Meeting meeting) {
        if (meeting == null) {
            return;
        }
        meetingId = meeting.getId();
        publicMeeting = meeting.isPublicMeeting();
        reload();
    }

    /** The secretary published (or corrected) a result: the page shows it without reload. */
    public void refresh() {
        if (meetingId != null) {
            reload();
        }
    }

    private void reload() {
        published = publicMeeting ? results.ofPublicMeeting(meetingId) : results.ofMeeting(meetingId);
    }

    /** Looks the typed receipt up among the meeting's published ballot papers. */
    public void lookup() {
        String typed = receipt == null ? "" : receipt.strip();
        asked = typed.length() > MAX_TYPED ? typed.substring(0, MAX_TYPED) + "…" : typed;
        found = List.of();
        if (typed.isEmpty()) {
            answer = Answer.EMPTY;
        } else if (!Receipts.wellFormed(typed)) {
            answer = Answer.MALFORMED;
        } else {
            asked = Receipts.normalize(typed);
            refresh();
            found = publicMeeting ? results.lookup(meetingId, typed) : among(published, asked);
            answer = found.isEmpty() ? Answer.NOT_FOUND : Answer.FOUND;
        }
    }

    /** The papers with exactly this (normalised) receipt. */
    static List<Results.Found> among(List<PublishedResult> published, String normalised) {
        List<Results.Found> matches = new ArrayList<>();
        for (PublishedResult result : published) {
            result.papers().stream().filter(paper -> paper.receipt().equals(normalised))
                    .forEach(paper -> matches.add(new Results.Found(result.ballotId(), result.question(), paper)));
            matches.addAll(Results.encrypted(result, normalised));
        }
        return matches;
    }

    /** What the lookup answered. */
    public enum Answer {
        FOUND, NOT_FOUND, MALFORMED, EMPTY
    }

    public List<PublishedResult> getPublished() {
        return published;
    }

    public String getReceipt() {
        return receipt;
    }

    public void setReceipt(String receipt) {
        this.receipt = receipt;
    }

    public Answer getAnswer() {
        return answer;
    }

    public String getAsked() {
        return asked;
    }

    public List<Results.Found> getFound() {
        return found;
    }
}
