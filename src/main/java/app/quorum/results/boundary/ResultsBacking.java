package app.quorum.results.boundary;

import app.quorum.ballot.control.BallotCount;
import app.quorum.ballot.control.Ballots;
import app.quorum.ballot.entity.Ballot;
import app.quorum.meeting.control.MeetingView;
import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.web.Feedback;
import app.quorum.ballot.control.Publication;
import app.quorum.results.control.Results;
import app.quorum.results.entity.PublishedResult;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.primefaces.PrimeFaces;

/**
 * The secretary's results page: every closed or published ballot of the meeting in full, the explicit act of
 * publishing one (confirmed first, final), corrections of a published one, and the downloads.
 */
@Named
@ViewScoped
public class ResultsBacking extends MeetingView {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Results results;

    @Inject
    transient Publication publication;

    @Inject
    transient Ballots ballots;

    @Inject
    transient BallotCount box;

    private List<PublishedResult> counted = List.of();
    private List<Ballot> awaiting = List.of();
    private Map<Long, String> publishedBy = Map.of();
    private final Map<Long, String> corrections = new HashMap<>();
    private String shown;

    @Override
    protected void loaded(Meeting meeting) {
        counted = results.countedOfMeeting(meeting.getId());
        awaiting = results.awaitingTrustees(meeting.getId());
        publishedBy = ballots.ofMeeting(meeting.getId()).stream().filter(b -> b.getPublishedBy() != null)
                .collect(Collectors.toMap(Ballot::getId, Ballot::getPublishedBy));
        shown = state();
    }

    /** The closed end-to-end ballots whose trustees have not decrypted them yet: nothing to publish so far. */
    public List<Ballot> getAwaiting() {
        return awaiting;
    }

    /** Publishes a closed ballot's result: final once done (the page asked for confirmation first). */
    public void publish(PublishedResult result) {
        publication.publish(result.ballotId());
        Feedback.info("results.published", result.question());
        reload();
    }

    /** Counts the ballot's box again and says whether it gives the result stored at the close. */
    public void recount(PublishedResult result) {
        BallotCount.Recount recount = box.recount(result.ballotId());
        if (recount.matches()) {
            Feedback.info("results.recount.matches", recount.papers(), result.question());
        } else {
            Feedback.error("results.recount.differs", recount.papers(), result.question());
        }
    }

    /**
     * Publishes the correction typed under a published result, as a new statement linked to it (its length is checked
     * by the form and again by the service).
     */
    public void correct(PublishedResult result) {
        String text = corrections.get(result.ballotId());
        if (text == null || text.isBlank()) {
            Feedback.error("results.correction.required");
            return;
        }
        publication.correct(result.ballotId(), text);
        corrections.remove(result.ballotId());
        Feedback.info("results.correction.published");
        reload();
    }

    /** Called when a ballot of the meeting changed (closed, published) on another page: redraws only if it did. */
    public void refresh() {
        String before = shown;
        reload();
        if (!Objects.equals(before, shown)) {
            PrimeFaces.current().ajax().update("results:ballots");
        }
    }

    /** What the page shows, in short: which ballots, in which state, with how many corrections. */
    private String state() {
        return counted.stream().map(r -> r.ballotId() + ":" + (r.publishedAt() != null) + ":" + r.corrections().size())
                .collect(Collectors.joining(","));
    }

    public List<PublishedResult> getCounted() {
        return counted;
    }

    /** The account that published a result, for the staff. */
    public String publishedBy(PublishedResult result) {
        return publishedBy.getOrDefault(result.ballotId(), "");
    }

    /** The corrections being typed, by ballot id. */
    public Map<Long, String> getCorrections() {
        return corrections;
    }
}
