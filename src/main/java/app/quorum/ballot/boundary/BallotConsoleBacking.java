package app.quorum.ballot.boundary;

import app.quorum.ballot.control.Ballots;
import app.quorum.ballot.control.Ceremonies;
import app.quorum.ballot.control.CeremonyStatus;
import app.quorum.ballot.control.EndToEndBallots;
import app.quorum.ballot.control.EndToEndCount;
import app.quorum.ballot.control.RollCallVote;
import app.quorum.ballot.entity.ApprovalChoice;
import app.quorum.ballot.entity.ApprovalResult;
import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BallotOption;
import app.quorum.ballot.entity.BallotStatus;
import app.quorum.ballot.entity.ElectionResult;
import app.quorum.ballot.entity.Result;
import app.quorum.ballot.entity.Secrecy;
import app.quorum.meeting.entity.AgendaItem;
import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.Limits;
import app.quorum.platform.web.Feedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The chair's ballot controls for the meeting in session: the ballots prepared in advance (the current item's
 * first) to pick one and open it, or one prepared on the spot with the same form as the secretary's; while a ballot
 * is open only its turnout and who has not voted yet (never the running choices); after the close its result —
 * approval or election, and for an open (roll-call) ballot who chose what — with the box's fingerprint.
 */
@Named
@ViewScoped
public class BallotConsoleBacking extends BallotPreparationView {

    private static final long serialVersionUID = 1L;

    private Ballot current;
    private Ballots.Turnout turnout;
    private List<Ballot> drafts;
    private List<Ballot> closed;
    private Long shownId;
    private Ballot shown;
    private transient Result result;
    private transient List<RollCallVote> rollCall;
    private boolean formShown;
    private boolean awaitingTrustees;
    private int decryptions;
    private CeremonyStatus ceremony;

    @Inject
    transient EndToEndBallots endToEnd;

    @Inject
    transient EndToEndCount endToEndCount;

    @Inject
    transient Ceremonies ceremonies;

    @Size(max = Limits.BALLOT_CANCEL_REASON, message = "{ballot.cancel.reasonSize}")
    private String cancelReason;
    private Integer countdownMinutes;

    @Override
    protected void ballotsLoaded(Meeting meeting) {
        List<Ballot> all = getAll();
        current = all.stream().filter(b -> b.getStatus() == BallotStatus.OPEN).findFirst().orElse(null);
        turnout = current == null ? null : ballots().turnout(current.getId());
        drafts = all.stream().filter(b -> b.getStatus() == BallotStatus.DRAFT).sorted(draftOrder(meeting)).toList();
        closed = all.stream().filter(b -> b.getStatus() == BallotStatus.CLOSED || b.getStatus() == BallotStatus.PUBLISHED)
                .sorted(Comparator.comparing(Ballot::getClosedAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
                        .reversed().thenComparing(Ballot::getId, Comparator.reverseOrder()))
                .toList();
        shown = closed.stream().filter(b -> b.getId().equals(shownId)).findFirst()
                .orElse(closed.isEmpty() ? null : closed.get(0));
        shownId = shown == null ? null : shown.getId();
        ceremony = ceremonies.status(meeting.getId());
        // an end-to-end ballot closed but not yet decrypted by its trustees has no result yet
        awaitingTrustees = current == null && shown != null && endToEndCount.awaitingTrustees(shown.getId());
        decryptions = awaitingTrustees ? endToEndCount.decryptions(shown.getId()) : 0;
        // while a ballot is open nothing but its turnout is shown: no result, no roll-call
        result = current == null && shown != null && !awaitingTrustees ? ballots().result(shown.getId()) : null;
        rollCall = result != null && shown.getSecrecy() == Secrecy.OPEN ? ballots().closedRollCall(shown.getId()) : List.of();
    }

    /** The current item's ballots first, then the agenda's order, then those on the meeting as a whole; each in the order prepared. */
    private static Comparator<Ballot> draftOrder(Meeting meeting) {
        Long currentItem = meeting.getCurrentItem() == null ? null : meeting.getCurrentItem().getId();
        return Comparator.comparingInt((Ballot b) -> {
            AgendaItem item = b.getItem();
            if (item == null) {
                return Integer.MAX_VALUE;
            }
            return item.getId().equals(currentItem) ? Integer.MIN_VALUE : item.getSortOrder();
        }).thenComparing(Ballot::getId);
    }

    public void open(Ballot ballot) {
        lifecycle().open(ballot.getId(), countdownMinutes == null || countdownMinutes < 1 ? null : Duration.ofMinutes(countdownMinutes));
        Feedback.info("ballot.opened");
        countdownMinutes = null;
        if (ballot.getId().equals(getForm().getEditing())) {
            discard(); // it is no longer in preparation
        }
        reload();
    }

    public void close(Ballot ballot) {
        lifecycle().close(ballot.getId());
        Feedback.info(endToEndCount.awaitingTrustees(ballot.getId()) ? "ballot.closed.awaitingTrustees" : "ballot.closed");
        shownId = ballot.getId();
        reload();
    }

    public void cancel(Ballot ballot) {
        lifecycle().cancel(ballot.getId(), cancelReason == null ? "" : cancelReason);
        Feedback.info("ballot.cancelled");
        cancelReason = null;
        reload();
    }

    /** Whether the ballot shown is closed and waits for its trustees' decryptions (end-to-end). */
    public boolean isAwaitingTrustees() {
        return awaitingTrustees;
    }

    /** Whether the ballot shown was counted end to end: its fingerprint is its public election record's. */
    public boolean isShownEndToEnd() {
        return shown != null && endToEnd.election(shown.getId()).isPresent();
    }

    /** How many trustees have decrypted the ballot shown. */
    public int getDecryptions() {
        return decryptions;
    }

    /**
     * The meeting's trustee ceremony: the chair learns before opening a secret ballot who must be there to count it
     * (any t of the n), or that secret ballots cannot open until the trustees have made their key.
     */
    public CeremonyStatus getCeremony() {
        return ceremony;
    }

    /** Shows the result of another closed ballot. */
    public void show(Ballot ballot) {
        shownId = ballot.getId();
        reload();
    }

    @Override
    public void save() {
        super.save();
        formShown = false;
    }

    @Override
    public void edit(Ballot ballot) {
        super.edit(ballot);
        formShown = true;
    }

    /** Shows the form for a ballot prepared on the spot. */
    public void showForm() {
        startNew();
        formShown = true;
    }

    @Override
    public void discard() {
        super.discard();
        formShown = false;
    }

    /**
     * The form shows when asked for, while editing, and when nothing is prepared and no result is shown: under a
     * result it waits behind its button, so the result is what the chair sees after a close.
     */
    public boolean isFormShown() {
        return formShown || getForm().getEditing() != null || drafts.isEmpty() && result == null && !awaitingTrustees;
    }

    /** Another page changed the proceedings, or someone voted. */
    public void refresh() {
        reload();
    }

    /** The approval result's rows: each answer with its votes and share of the papers, in ballot order. */
    public List<ResultRow> getRows() {
        if (!(result instanceof ApprovalResult approval)) {
            return List.of();
        }
        return shown.getOptions().stream().map(option -> {
            ApprovalChoice choice = ApprovalChoice.valueOf(option.getCode());
            return new ResultRow(option.getLabel(), approval.count(choice), approval.share(choice).percent(1), null);
        }).toList();
    }

    /** The election result's rows: the candidates, most votes first (ballot order among equals), each with its standing. */
    public List<ResultRow> getCandidateRows() {
        if (!(result instanceof ElectionResult election)) {
            return List.of();
        }
        Map<Long, BallotOption> options = shown.getOptions().stream().collect(Collectors.toMap(BallotOption::getId, Function.identity()));
        return election.ranking().stream().map(id -> new ResultRow(options.get(id).getLabel(), election.votes(id),
                election.share(id).percent(1), standing(election, id))).toList();
    }

    private static Standing standing(ElectionResult election, long candidate) {
        if (election.elected().contains(candidate)) {
            return Standing.ELECTED;
        }
        if (election.tie() != null && election.tie().candidates().contains(candidate)) {
            return Standing.TIED;
        }
        return Standing.NOT_ELECTED;
    }

    /** The tied candidates' names, in ballot order, for the chair to resolve by the meeting's rules. */
    public String getTiedNames() {
        if (!(result instanceof ElectionResult election) || election.tie() == null) {
            return "";
        }
        return shown.getOptions().stream().filter(option -> election.tie().candidates().contains(option.getId()))
                .map(BallotOption::getLabel).collect(Collectors.joining(", "));
    }

    public ElectionResult getElection() {
        return result instanceof ElectionResult election ? election : null;
    }

    /** Where a candidate stands after the count. */
    public enum Standing {
        ELECTED, TIED, NOT_ELECTED
    }

    /**
     * One line of a result: the option, its votes, its percentage of the papers, and for a candidate where they stand.
     */
    public record ResultRow(String label, int votes, BigDecimal percent, Standing standing) {
    }

    public Ballot getCurrent() {
        return current;
    }

    public Ballots.Turnout getTurnout() {
        return turnout;
    }

    public List<Ballot> getDrafts() {
        return drafts;
    }

    public List<Ballot> getClosed() {
        return closed;
    }

    public Ballot getShown() {
        return shown;
    }

    public Result getResult() {
        return result;
    }

    public List<RollCallVote> getRollCall() {
        return rollCall;
    }

    /** When the countdown closes the open ballot, in Vietnam's time. */
    public String getClosesAtText() {
        return current == null || current.getClosesAt() == null ? "" : DateTimeFormatter.ofPattern("HH:mm:ss")
                .withZone(ZoneId.of("Asia/Ho_Chi_Minh")).format(current.getClosesAt());
    }

    public Integer getCountdownMinutes() {
        return countdownMinutes;
    }

    public void setCountdownMinutes(Integer countdownMinutes) {
        this.countdownMinutes = countdownMinutes;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public void setCancelReason(String cancelReason) {
        this.cancelReason = cancelReason;
    }
}
