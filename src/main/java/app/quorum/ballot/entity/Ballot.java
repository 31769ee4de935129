package app.quorum.ballot.entity;

import app.quorum.meeting.entity.AgendaItem;
import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.Limits;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A question put to the vote on an agenda item: its kind (approval or election), secrecy, majority rule and base,
 * its options, and its life DRAFT → OPEN → CLOSED → PUBLISHED (or CANCELLED).
 */
@Entity
@Table(name = "ballot")
@NamedQuery(name = Ballot.OF_MEETING, query = "SELECT b FROM Ballot b WHERE b.meeting.id = :meetingId ORDER BY b.id")
@NamedQuery(name = Ballot.EXPIRED, query = "SELECT b FROM Ballot b WHERE b.status = app.quorum.ballot.entity.BallotStatus.OPEN AND b.closesAt IS NOT NULL AND b.closesAt <= :now")
@NamedQuery(name = Ballot.OTHER_MEETINGS, query = "SELECT b FROM Ballot b WHERE b.meeting.id <> :meetingId ORDER BY b.meeting.startsAt DESC, b.id DESC")
@NamedQuery(name = Ballot.OPEN_IN_MEETING, query = "SELECT COUNT(b) FROM Ballot b WHERE b.meeting.id = :meetingId AND b.status = app.quorum.ballot.entity.BallotStatus.OPEN")
public class Ballot {

    public static final String OF_MEETING = "Ballot.ofMeeting";
    public static final String OPEN_IN_MEETING = "Ballot.openInMeeting";
    public static final String EXPIRED = "Ballot.expired";
    public static final String OTHER_MEETINGS = "Ballot.otherMeetings";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "meeting_id")
    private Meeting meeting;

    @ManyToOne
    @JoinColumn(name = "agenda_item_id")
    private AgendaItem item;

    @NotBlank(message = "{ballot.question.required}")
    @Size(max = Limits.BALLOT_QUESTION, message = "{ballot.question.size}")
    private String question;

    @Enumerated(EnumType.STRING)
    private BallotKind kind;

    @Enumerated(EnumType.STRING)
    private Secrecy secrecy = Secrecy.SECRET;

    @Enumerated(EnumType.STRING)
    @Column(name = "majority_rule")
    private MajorityRule majorityRule;

    @Enumerated(EnumType.STRING)
    @Column(name = "majority_base")
    private MajorityBase majorityBase;

    @Column(name = "abstentions_in_base")
    private boolean abstentionsInBase;

    private Integer percentage;

    @Column(name = "quorum_required")
    private boolean quorumRequired = true;

    private int seats = 1;

    @Column(name = "min_choices")
    private int minChoices = 1;

    @Column(name = "blank_allowed")
    private boolean blankAllowed;

    @Enumerated(EnumType.STRING)
    private BallotStatus status = BallotStatus.DRAFT;

    @Column(name = "closes_at")
    private Instant closesAt;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Size(max = Limits.BALLOT_CANCEL_REASON, message = "{ballot.cancel.reasonSize}")
    @Column(name = "cancel_reason")
    private String cancelReason;

    @Column(name = "voting_members")
    private Integer votingMembers;

    private Integer present;

    @Column(name = "closed_voting_members")
    private Integer closedVotingMembers;

    @Column(name = "closed_present")
    private Integer closedPresent;

    private Integer voted;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "published_by")
    private String publishedBy;

    @Column(name = "key_salt")
    private byte[] keySalt;

    private String fingerprint;

    @OneToMany(mappedBy = "ballot", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder")
    private List<BallotOption> options = new ArrayList<>();

    @Version
    private long version;

    protected Ballot() {
        // for JPA
    }

    /** An approval ballot with its three answers, labelled as given (Đồng ý / Không đồng ý / Không biểu quyết). */
    public static Ballot approval(Meeting meeting, AgendaItem item, String question, VotingRule rule, Secrecy secrecy,
            Map<ApprovalChoice, String> labels) {
        Ballot ballot = new Ballot(meeting, item, question, BallotKind.APPROVAL, rule, secrecy);
        for (ApprovalChoice choice : ApprovalChoice.values()) {
            ballot.options.add(new BallotOption(ballot, choice.ordinal() + 1, choice.name(), labels.get(choice)));
        }
        return ballot;
    }

    /** An election of {@code seats} among the candidates, each ballot marking between minChoices and seats of them. */
    public static Ballot election(Meeting meeting, AgendaItem item, String question, VotingRule rule, Secrecy secrecy,
            List<String> candidates, int seats, int minChoices, boolean blankAllowed) {
        Ballot ballot = new Ballot(meeting, item, question, BallotKind.ELECTION, rule, secrecy);
        for (int i = 0; i < candidates.size(); i++) {
            ballot.options.add(new BallotOption(ballot, i + 1, "C" + (i + 1), candidates.get(i)));
        }
        ballot.seats = seats;
        ballot.minChoices = minChoices;
        ballot.blankAllowed = blankAllowed;
        return ballot;
    }

    private Ballot(Meeting meeting, AgendaItem item, String question, BallotKind kind, VotingRule rule, Secrecy secrecy) {
        this.meeting = meeting;
        this.item = item;
        this.question = question;
        this.kind = kind;
        this.secrecy = secrecy;
        this.majorityRule = rule.rule();
        this.majorityBase = rule.base();
        this.abstentionsInBase = rule.abstentionsInBase();
        this.percentage = rule.percentage();
    }

    /**
     * Changes the definition of a ballot still in preparation. The options are matched by code (YES / NO / ABSTAIN,
     * or C1, C2, … by position), so an unchanged position keeps its option and its id.
     *
     * @param optionLabels the three answers' labels in {@link ApprovalChoice} order, or the candidates in ballot order
     * @throws IllegalStateException if the ballot is no longer in preparation
     */
    public void redefine(AgendaItem newItem, String newQuestion, BallotKind newKind, VotingRule rule, Secrecy newSecrecy,
            boolean newQuorumRequired, List<String> optionLabels, int newSeats, int newMinChoices, boolean newBlankAllowed) {
        if (status != BallotStatus.DRAFT) {
            throw new IllegalStateException("only a ballot in preparation changes, this one is " + status);
        }
        item = newItem;
        question = newQuestion;
        kind = newKind;
        secrecy = newSecrecy;
        majorityRule = rule.rule();
        majorityBase = rule.base();
        abstentionsInBase = rule.abstentionsInBase();
        percentage = rule.percentage();
        quorumRequired = newQuorumRequired;
        seats = newKind == BallotKind.APPROVAL ? 1 : newSeats;
        minChoices = newKind == BallotKind.APPROVAL ? 1 : newMinChoices;
        blankAllowed = newKind == BallotKind.ELECTION && newBlankAllowed;
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < optionLabels.size(); i++) {
            codes.add(newKind == BallotKind.APPROVAL ? ApprovalChoice.values()[i].name() : "C" + (i + 1));
        }
        options.removeIf(option -> !codes.contains(option.getCode()));
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            BallotOption existing = options.stream().filter(option -> option.getCode().equals(code)).findFirst().orElse(null);
            if (existing == null) {
                options.add(new BallotOption(this, i + 1, code, optionLabels.get(i)));
            } else {
                existing.setLabel(optionLabels.get(i));
                existing.setSortOrder(i + 1);
            }
        }
        options.sort(java.util.Comparator.comparingInt(BallotOption::getSortOrder));
    }

    /** A new ballot in preparation with this one's definition, on another meeting's item (a meeting's copy). */
    public Ballot copyFor(Meeting otherMeeting, AgendaItem otherItem) {
        Ballot copy = new Ballot(otherMeeting, otherItem, question, kind, votingRule(), secrecy);
        copy.quorumRequired = quorumRequired;
        copy.seats = seats;
        copy.minChoices = minChoices;
        copy.blankAllowed = blankAllowed;
        for (BallotOption option : options) {
            copy.options.add(new BallotOption(copy, option.getSortOrder(), option.getCode(), option.getLabel()));
        }
        return copy;
    }

    /** The version the optimistic lock checks: an edit made from an older version was made on stale data. */
    public long getVersion() {
        return version;
    }

    public VotingRule votingRule() {
        return new VotingRule(majorityRule, majorityBase, abstentionsInBase, percentage);
    }

    public void open(Instant at, Instant closes, byte[] salt, int voting, int presentVoting) {
        status = BallotStatus.OPEN;
        openedAt = at;
        closesAt = closes;
        keySalt = salt.clone();
        votingMembers = voting;
        present = presentVoting;
    }

    /**
     * Closes the box: its fingerprint, and the electorate and turnout as they were at the close, so that the result
     * does not move when people check out after the vote.
     */
    public void close(Instant at, String boxFingerprint, Electorate electorate, int participations) {
        status = BallotStatus.CLOSED;
        closedAt = at;
        fingerprint = boxFingerprint;
        closedVotingMembers = electorate.votingMembers();
        closedPresent = electorate.present();
        voted = participations;
    }

    /**
     * An end-to-end ballot is counted after its close, once its trustees have decrypted the sums: its fingerprint is then
     * its public election record's (election-record.md §7).
     */
    public void counted(String recordFingerprint) {
        if (status != BallotStatus.CLOSED || fingerprint != null) {
            throw new IllegalStateException("a ballot is counted once, after its close");
        }
        fingerprint = recordFingerprint;
    }

    /** Publishes the closed result: final from now on (the database refuses any later change of this row). */
    public void publish(Instant at, String by) {
        status = BallotStatus.PUBLISHED;
        publishedAt = at;
        publishedBy = by;
    }

    /** The electorate frozen at the close, or empty for a ballot closed before version 5 of the schema. */
    public java.util.Optional<Electorate> closedElectorate() {
        return closedVotingMembers == null || closedPresent == null ? java.util.Optional.empty()
                : java.util.Optional.of(new Electorate(closedVotingMembers, closedPresent));
    }

    public void cancel(Instant at, String reason) {
        status = BallotStatus.CANCELLED;
        closedAt = at;
        cancelReason = reason;
    }

    /** Whether a vote may be cast now: open, and its countdown (if any) not over. */
    public boolean acceptsVotesAt(Instant now) {
        return status == BallotStatus.OPEN && (closesAt == null || now.isBefore(closesAt));
    }

    public Long getId() {
        return id;
    }

    public Meeting getMeeting() {
        return meeting;
    }

    public AgendaItem getItem() {
        return item;
    }

    public String getQuestion() {
        return question;
    }

    public BallotKind getKind() {
        return kind;
    }

    public Secrecy getSecrecy() {
        return secrecy;
    }

    public boolean isQuorumRequired() {
        return quorumRequired;
    }

    public void setQuorumRequired(boolean quorumRequired) {
        this.quorumRequired = quorumRequired;
    }

    public int getSeats() {
        return seats;
    }

    public int getMinChoices() {
        return minChoices;
    }

    public boolean isBlankAllowed() {
        return blankAllowed;
    }

    public BallotStatus getStatus() {
        return status;
    }

    public Instant getClosesAt() {
        return closesAt;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getClosedAt() {
        return closedAt;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public Integer getVotingMembers() {
        return votingMembers;
    }

    public Integer getPresent() {
        return present;
    }

    public byte[] keySalt() {
        return keySalt == null ? null : keySalt.clone();
    }

    /** Participations counted at the close (who voted, never what). */
    public Integer getVoted() {
        return voted;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getPublishedBy() {
        return publishedBy;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public List<BallotOption> getOptions() {
        return Collections.unmodifiableList(options);
    }
}
