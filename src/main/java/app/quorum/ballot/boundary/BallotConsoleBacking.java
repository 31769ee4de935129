package app.quorum.ballot.boundary;

import app.quorum.ballot.control.BallotService;
import app.quorum.ballot.entity.ApprovalChoice;
import app.quorum.ballot.entity.ApprovalResult;
import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BallotOption;
import app.quorum.ballot.entity.BallotStatus;
import app.quorum.ballot.entity.ElectionResult;
import app.quorum.ballot.entity.MajorityBase;
import app.quorum.ballot.entity.MajorityRule;
import app.quorum.ballot.entity.Result;
import app.quorum.ballot.entity.Secrecy;
import app.quorum.ballot.entity.VotingRule;
import app.quorum.meeting.boundary.MeetingView;
import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.i18n.Bundle;
import app.quorum.platform.web.Feedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The chair's ballot controls for the meeting in session: prepare a ballot on the current item, open it, watch
 * turnout and who has not voted yet (never the running choices), close it and see the result with the box's
 * fingerprint, or cancel it with a reason.
 */
@Named
@ViewScoped
public class BallotConsoleBacking extends MeetingView {

    private static final long serialVersionUID = 1L;

    @Inject
    transient BallotService ballots;

    private List<Ballot> all;
    private Ballot current;
    private BallotService.Turnout turnout;
    private transient Result result;

    private String question;
    private MajorityRule rule = MajorityRule.ABSOLUTE;
    private MajorityBase base = MajorityBase.PRESENT;
    private boolean abstentionsInBase = true;
    private Integer percentage;
    private Secrecy secrecy = Secrecy.SECRET;
    private String cancelReason;
    private Integer countdownMinutes;

    @Override
    protected void loaded(Meeting meeting) {
        all = ballots.ofMeeting(meeting.getId());
        current = all.stream().filter(b -> b.getStatus() == BallotStatus.OPEN).findFirst()
                .orElse(all.isEmpty() ? null : all.get(all.size() - 1));
        turnout = current == null || current.getStatus() == BallotStatus.DRAFT || current.getStatus() == BallotStatus.CANCELLED
                ? null : ballots.turnout(current.getId());
        result = current != null && (current.getStatus() == BallotStatus.CLOSED || current.getStatus() == BallotStatus.PUBLISHED)
                ? ballots.result(current.getId()) : null;
        if (question == null && meeting.getCurrentItem() != null) {
            question = meeting.getCurrentItem().getTitle();
        }
    }

    public void define() {
        Map<ApprovalChoice, String> labels = new EnumMap<>(ApprovalChoice.class);
        for (ApprovalChoice choice : ApprovalChoice.values()) {
            labels.put(choice, Bundle.text(Bundle.VIETNAMESE, Bundle.enumKey(choice)));
        }
        VotingRule votingRule = new VotingRule(rule, base, base != MajorityBase.VOTES_CAST || abstentionsInBase,
                rule == MajorityRule.PERCENTAGE ? percentage : null);
        Long itemId = getMeeting().getCurrentItem() == null ? null : getMeeting().getCurrentItem().getId();
        ballots.defineApproval(meetingId(), itemId, question, votingRule, secrecy, labels);
        Feedback.info("ballot.defined");
        question = null;
        reload();
    }

    public void open(Ballot ballot) {
        ballots.open(ballot.getId(), countdownMinutes == null || countdownMinutes < 1 ? null : java.time.Duration.ofMinutes(countdownMinutes));
        Feedback.info("ballot.opened");
        reload();
    }

    public void close(Ballot ballot) {
        ballots.close(ballot.getId());
        Feedback.info("ballot.closed");
        reload();
    }

    public void cancel(Ballot ballot) {
        ballots.cancel(ballot.getId(), cancelReason == null ? "" : cancelReason);
        Feedback.info("ballot.cancelled");
        cancelReason = null;
        reload();
    }

    /** Another page changed the proceedings, or someone voted. */
    public void refresh() {
        reload();
    }

    /** The result's rows: each option with its votes and share of the papers, in ballot order. */
    public List<ResultRow> getRows() {
        if (result == null) {
            return List.of();
        }
        return current.getOptions().stream().map(option -> row(option)).toList();
    }

    private ResultRow row(BallotOption option) {
        if (result instanceof ApprovalResult approval) {
            ApprovalChoice choice = ApprovalChoice.valueOf(option.getCode());
            return new ResultRow(option.getLabel(), approval.count(choice), approval.share(choice).percent(1));
        }
        ElectionResult election = (ElectionResult) result;
        return new ResultRow(option.getLabel(), election.votes(option.getId()), election.share(option.getId()).percent(1));
    }

    /** One line of a result: the option, its votes, its percentage of the papers. */
    public record ResultRow(String label, int votes, BigDecimal percent) {
    }

    public List<Ballot> getAll() {
        return all;
    }

    public Ballot getCurrent() {
        return current;
    }

    public BallotService.Turnout getTurnout() {
        return turnout;
    }

    public Result getResult() {
        return result;
    }

    public MajorityRule[] getRules() {
        return MajorityRule.values();
    }

    public MajorityBase[] getBases() {
        return MajorityBase.values();
    }

    public Secrecy[] getSecrecies() {
        return Secrecy.values();
    }

    public String getQuestion() {
        return question;
    }

    public void setQuestion(String question) {
        this.question = question;
    }

    public MajorityRule getRule() {
        return rule;
    }

    public void setRule(MajorityRule rule) {
        this.rule = rule;
    }

    public MajorityBase getBase() {
        return base;
    }

    public void setBase(MajorityBase base) {
        this.base = base;
    }

    public boolean isAbstentionsInBase() {
        return abstentionsInBase;
    }

    public void setAbstentionsInBase(boolean abstentionsInBase) {
        this.abstentionsInBase = abstentionsInBase;
    }

    public Integer getPercentage() {
        return percentage;
    }

    public void setPercentage(Integer percentage) {
        this.percentage = percentage;
    }

    public Secrecy getSecrecy() {
        return secrecy;
    }

    public void setSecrecy(Secrecy secrecy) {
        this.secrecy = secrecy;
    }

    /** When the countdown closes the open ballot, in Vietnam's time. */
    public String getClosesAtText() {
        return current == null || current.getClosesAt() == null ? "" : java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss")
                .withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).format(current.getClosesAt());
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
