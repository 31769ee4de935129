package app.quorum.ballot.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A ballot's result as counted at its close, written once in the closing transaction and never changed (the
 * database refuses updates and deletes, V11): counts per choice, base, threshold, outcome, elected, turnout and the
 * box's fingerprint. Every reader rebuilds the {@link Result} from it ({@link #result(VotingRule, Election)})
 * instead of counting the box again; a recount compares a fresh count against it ({@link #sameCount(Result)}).
 */
@Entity
@Table(name = "ballot_result")
public class BallotResult {

    @Id
    @Column(name = "ballot_id")
    private Long ballotId;

    @Enumerated(EnumType.STRING)
    private BallotKind kind;

    @Column(name = "votes_cast")
    private int votesCast;

    private int marked;

    private int blank;

    @Column(name = "base_count")
    private int baseCount;

    @Column(name = "threshold_numerator")
    private long thresholdNumerator;

    @Column(name = "threshold_denominator")
    private long thresholdDenominator;

    @Column(name = "threshold_strict")
    private boolean thresholdStrict;

    @Column(name = "threshold_votes")
    private int thresholdVotes;

    @Enumerated(EnumType.STRING)
    private Outcome outcome;

    private String elected;

    @Column(name = "tie_votes")
    private Integer tieVotes;

    @Column(name = "tie_seats")
    private Integer tieSeats;

    @Column(name = "tie_candidates")
    private String tieCandidates;

    private int voted;

    private int present;

    @Column(name = "voting_members")
    private int votingMembers;

    private String fingerprint;

    @Column(name = "counted_at")
    private Instant countedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "ballot_result_count", joinColumns = @JoinColumn(name = "ballot_id"))
    @MapKeyColumn(name = "choice")
    @Column(name = "votes")
    private Map<String, Integer> counts = new HashMap<>();

    protected BallotResult() {
        // for JPA
    }

    /**
     * The result of a ballot just counted.
     *
     * @param voted participations at the close (the turnout)
     * @param fingerprint the box's fingerprint fixed at the close
     */
    public static BallotResult of(long ballotId, Result result, int voted, String fingerprint, Instant countedAt) {
        BallotResult stored = new BallotResult();
        stored.ballotId = ballotId;
        stored.kind = result.kind();
        stored.votesCast = result.votesCast();
        stored.baseCount = result.base();
        stored.thresholdNumerator = result.threshold().value().numerator();
        stored.thresholdDenominator = result.threshold().value().denominator();
        stored.thresholdStrict = result.threshold().strict();
        stored.thresholdVotes = result.threshold().minimumVotes();
        stored.outcome = result.outcome();
        stored.voted = voted;
        stored.present = result.electorate().present();
        stored.votingMembers = result.electorate().votingMembers();
        stored.fingerprint = Objects.requireNonNull(fingerprint, "fingerprint");
        stored.countedAt = countedAt;
        stored.elected = "";
        stored.counts = new HashMap<>(counts(result));
        switch (result) {
            case ApprovalResult approval -> stored.marked = approval.votesCast();
            case ElectionResult election -> {
                stored.marked = election.box().marked();
                stored.blank = election.box().blank();
                stored.elected = ids(election.elected());
                if (election.tie() != null) {
                    stored.tieVotes = election.tie().votes();
                    stored.tieSeats = election.tie().seats();
                    stored.tieCandidates = ids(election.tie().candidates());
                }
            }
        }
        return stored;
    }

    /** The result as counted, rebuilt with the ballot's rule (and, for an election, its candidates and seats). */
    public Result result(VotingRule rule, Election election) {
        Electorate electorate = new Electorate(votingMembers, present);
        Threshold threshold = new Threshold(new Fraction(thresholdNumerator, thresholdDenominator), thresholdStrict);
        if (kind == BallotKind.APPROVAL) {
            ApprovalBox box = new ApprovalBox(votes(ApprovalChoice.YES.name()), votes(ApprovalChoice.NO.name()),
                    votes(ApprovalChoice.ABSTAIN.name()));
            return new ApprovalResult(rule, electorate, box, baseCount, threshold, outcome);
        }
        Map<Long, Integer> votes = new HashMap<>();
        counts.forEach((choice, count) -> votes.put(Long.valueOf(choice), count));
        Tie tie = tieSeats == null ? null : new Tie(tieVotes, tieSeats, ids(tieCandidates));
        return new ElectionResult(rule, electorate, election, new ElectionBox(votes, marked, blank), baseCount, threshold,
                ids(elected), tie, outcome);
    }

    /** Whether a fresh count of the box gives this result: every count, the base, the threshold, the outcome, who. */
    public boolean sameCount(Result recounted) {
        BallotResult again = of(ballotId, recounted, voted, fingerprint, countedAt);
        return kind == again.kind && votesCast == again.votesCast && marked == again.marked && blank == again.blank
                && baseCount == again.baseCount && thresholdVotes == again.thresholdVotes
                && thresholdNumerator * again.thresholdDenominator == again.thresholdNumerator * thresholdDenominator
                && thresholdStrict == again.thresholdStrict && outcome == again.outcome
                && Objects.equals(elected, again.elected) && Objects.equals(tieVotes, again.tieVotes)
                && Objects.equals(tieSeats, again.tieSeats) && Objects.equals(tieCandidates, again.tieCandidates)
                && present == again.present && votingMembers == again.votingMembers
                && Map.copyOf(counts).equals(Map.copyOf(again.counts));
    }

    private static Map<String, Integer> counts(Result result) {
        Map<String, Integer> counts = new HashMap<>();
        switch (result) {
            case ApprovalResult approval -> {
                for (ApprovalChoice choice : ApprovalChoice.values()) {
                    counts.put(choice.name(), approval.count(choice));
                }
            }
            case ElectionResult election -> election.election().candidates()
                    .forEach(candidate -> counts.put(String.valueOf(candidate), election.votes(candidate)));
        }
        return counts;
    }

    private int votes(String choice) {
        return counts.getOrDefault(choice, 0);
    }

    private static String ids(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private static List<Long> ids(String ids) {
        return ids == null || ids.isEmpty() ? List.of() : Arrays.stream(ids.split(",")).map(Long::valueOf).toList();
    }

    public Long getBallotId() {
        return ballotId;
    }

    public int getVoted() {
        return voted;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public Instant getCountedAt() {
        return countedAt;
    }
}
