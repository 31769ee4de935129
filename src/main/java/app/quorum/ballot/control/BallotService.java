package app.quorum.ballot.control;

import app.quorum.ballot.entity.ApprovalBox;
import app.quorum.ballot.entity.ApprovalChoice;
import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BallotKind;
import app.quorum.ballot.entity.BallotOption;
import app.quorum.ballot.entity.BallotStatus;
import app.quorum.ballot.entity.BoxFingerprint;
import app.quorum.ballot.entity.CastVote;
import app.quorum.ballot.entity.Election;
import app.quorum.ballot.entity.ElectionBox;
import app.quorum.ballot.entity.Electorate;
import app.quorum.ballot.entity.Participation;
import app.quorum.ballot.entity.Receipts;
import app.quorum.ballot.entity.Result;
import app.quorum.ballot.entity.Secrecy;
import app.quorum.ballot.entity.Tally;
import app.quorum.ballot.entity.VotingRule;
import app.quorum.identity.control.AuditLog;
import app.quorum.meeting.control.MeetingService;
import app.quorum.meeting.entity.AgendaItem;
import app.quorum.meeting.entity.Meeting;
import app.quorum.meeting.entity.MeetingStatus;
import app.quorum.platform.Refusal;
import app.quorum.platform.push.Changed;
import app.quorum.roster.control.RosterService;
import app.quorum.roster.entity.Participant;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ballots: prepared by the secretary or the chair, opened and closed by the chair. At the close the sealed papers
 * are unsealed, counted by {@link Tally}, and the box's fingerprint is fixed. While a secret ballot is open,
 * nobody — the chair included — sees counts per choice: only turnout.
 */
@Stateless
@RolesAllowed({"SECRETARY", "CHAIR"})
public class BallotService {

    @PersistenceContext
    EntityManager em;

    @Inject
    MeetingService meetings;

    @Inject
    RosterService roster;

    @Inject
    BallotKeys keys;

    @Inject
    AuditLog audit;

    @jakarta.annotation.Resource
    jakarta.ejb.SessionContext context;

    @Inject
    Event<Changed> changed;

    @Inject
    @ConfigProperty(name = "quorum.ballot.min.secret.voters", defaultValue = "3")
    int minSecretVoters;

    Clock clock = Clock.systemUTC();

    /** A new approval ballot (Đồng ý / Không đồng ý / Không biểu quyết, labels as given) on an agenda item. */
    public Ballot defineApproval(long meetingId, Long itemId,
            @NotBlank(message = "{ballot.question.required}") @Size(max = 1000, message = "{ballot.question.size}") String question,
            @NotNull VotingRule rule, @NotNull Secrecy secrecy, @NotNull Map<ApprovalChoice, String> labels) {
        Meeting meeting = meetings.editable(meetingId);
        Ballot ballot = Ballot.approval(meeting, item(meeting, itemId), question.strip(), rule, secrecy, labels);
        return persist(ballot);
    }

    /** A new election of {@code seats} among the candidates. */
    public Ballot defineElection(long meetingId, Long itemId,
            @NotBlank(message = "{ballot.question.required}") @Size(max = 1000, message = "{ballot.question.size}") String question,
            @NotNull VotingRule rule, @NotNull Secrecy secrecy, @NotNull List<String> candidates, int seats, int minChoices,
            boolean blankAllowed) {
        Meeting meeting = meetings.editable(meetingId);
        if (candidates.size() < 2 || seats < 1 || seats >= candidates.size() + 1 || minChoices < 0 || minChoices > seats) {
            throw new Refusal("ballot.election.invalid");
        }
        Ballot ballot = Ballot.election(meeting, item(meeting, itemId), question.strip(), rule, secrecy,
                candidates.stream().map(String::strip).toList(), seats, minChoices, blankAllowed);
        return persist(ballot);
    }

    private Ballot persist(Ballot ballot) {
        em.persist(ballot);
        em.flush();
        audit.record("ballot.define", "ballot", ballot.getId(), ballot.getMeeting().getId(), ballot.getQuestion());
        return ballot;
    }

    @PermitAll
    public List<Ballot> ofMeeting(long meetingId) {
        return em.createNamedQuery(Ballot.OF_MEETING, Ballot.class).setParameter("meetingId", meetingId).getResultList();
    }

    @PermitAll
    public Ballot ballot(long ballotId) {
        Ballot ballot = em.find(Ballot.class, ballotId);
        if (ballot == null) {
            throw new Refusal("ballot.notFound");
        }
        return ballot;
    }

    /**
     * Opens a ballot for votes, optionally closing by itself after {@code countdown}. Refused unless the meeting is
     * in session, the quorum is there (when the ballot requires it), and — for a secret ballot — enough entitled
     * voters are present that the box cannot reveal a vote.
     */
    @RolesAllowed("CHAIR")
    public Ballot open(long ballotId, Duration countdown) {
        Ballot ballot = locked(ballotId);
        if (ballot.getStatus() != BallotStatus.DRAFT) {
            throw new Refusal("ballot.notDraft");
        }
        if (ballot.getMeeting().getStatus() != MeetingStatus.IN_SESSION) {
            throw new Refusal("ballot.meetingNotInSession");
        }
        if (em.createNamedQuery(Ballot.OPEN_IN_MEETING, Long.class).setParameter("meetingId", ballot.getMeeting().getId())
                .getSingleResult() > 0) {
            throw new Refusal("ballot.anotherOpen");
        }
        var quorum = roster.quorum(ballot.getMeeting().getId());
        if (ballot.isQuorumRequired() && !quorum.reached()) {
            throw new Refusal("ballot.noQuorum", quorum.present(), quorum.required());
        }
        if (ballot.getSecrecy() == Secrecy.SECRET && quorum.present() < minSecretVoters) {
            throw new Refusal("ballot.tooFewForSecrecy", minSecretVoters);
        }
        Instant now = clock.instant();
        ballot.open(now, countdown == null || countdown.isZero() ? null : now.plus(countdown), BallotKeys.newSalt(),
                quorum.votingMembers(), quorum.present());
        audit.record("ballot.open", "ballot", ballotId, ballot.getMeeting().getId(), ballot.getQuestion());
        changed.fire(new Changed(ballot.getMeeting().getId(), Changed.What.PROCEEDINGS));
        return ballot;
    }

    /** Closes the ballot: unseals the papers, counts them and fixes the box's fingerprint. */
    @RolesAllowed("CHAIR")
    public Ballot close(long ballotId) {
        return closeLocked(locked(ballotId), "ballot.close");
    }

    /**
     * Closes the open ballots whose countdown has run out (the chair set it when opening). Anyone may ask: it does
     * only what the chair already decided. Run by {@link BallotTimer}.
     */
    @PermitAll
    public int closeExpired() {
        Instant now = clock.instant();
        int closed = 0;
        for (Ballot ballot : em.createNamedQuery(Ballot.EXPIRED, Ballot.class).setParameter("now", now).getResultList()) {
            closeLocked(locked(ballot.getId()), "ballot.closeByCountdown");
            closed++;
        }
        return closed;
    }

    private Ballot closeLocked(Ballot ballot, String auditAction) {
        long ballotId = ballot.getId();
        if (ballot.getStatus() != BallotStatus.OPEN) {
            throw new Refusal("ballot.notOpen");
        }
        List<CastVote> papers = papers(ballotId);
        for (CastVote paper : papers) {
            if (paper.sealedChoice() != null) {
                paper.unseal(keys.unseal(ballotId, ballot.keySalt(), paper.id(), paper.sealedChoice()));
            }
        }
        ballot.close(clock.instant(), BoxFingerprint.of(papers.stream()
                .map(paper -> new BoxFingerprint.Paper(Receipts.of(paper.id()), paper.choice())).toList()),
                electorateNow(ballot), voters(ballotId).size());
        audit.record(auditAction, "ballot", ballotId, ballot.getMeeting().getId(), papers.size() + " papers");
        changed.fire(new Changed(ballot.getMeeting().getId(), Changed.What.PROCEEDINGS));
        return ballot;
    }

    /** Cancels a ballot that is prepared or open, with a reason; its papers are destroyed unread. */
    @RolesAllowed("CHAIR")
    public Ballot cancel(long ballotId, @NotBlank(message = "{ballot.cancel.reasonRequired}") String reason) {
        Ballot ballot = locked(ballotId);
        if (ballot.getStatus() != BallotStatus.DRAFT && ballot.getStatus() != BallotStatus.OPEN) {
            throw new Refusal("ballot.notCancellable");
        }
        em.createQuery("DELETE FROM CastVote c WHERE c.ballotId = :ballotId").setParameter("ballotId", ballotId).executeUpdate();
        ballot.cancel(clock.instant(), reason.strip());
        audit.record("ballot.cancel", "ballot", ballotId, ballot.getMeeting().getId(), reason);
        changed.fire(new Changed(ballot.getMeeting().getId(), Changed.What.PROCEEDINGS));
        return ballot;
    }

    /** How many have voted, of the entitled members present; never what they chose. */
    @RolesAllowed({"SECRETARY", "CHAIR"})
    public Turnout turnout(long ballotId) {
        Ballot ballot = ballot(ballotId);
        Set<Long> voted = new HashSet<>(em.createNamedQuery(Participation.VOTERS, Long.class)
                .setParameter("ballotId", ballotId).getResultList());
        List<Participant> entitled = roster.roster(ballot.getMeeting().getId()).stream()
                .filter(Participant::isVoting).filter(Participant::isPresent).toList();
        List<Participant> notYet = entitled.stream().filter(p -> !voted.contains(p.getId())).toList();
        return new Turnout(voted.size(), entitled.size(), notYet);
    }

    /** The counted result of a closed (or published) ballot. */
    @RolesAllowed({"SECRETARY", "CHAIR"})
    public Result result(long ballotId) {
        Ballot ballot = ballot(ballotId);
        if (ballot.getStatus() != BallotStatus.CLOSED && ballot.getStatus() != BallotStatus.PUBLISHED) {
            throw new Refusal("ballot.notClosed");
        }
        return count(ballot, papers(ballotId));
    }

    /** The result of a published ballot: anyone may read it, signed in or not. */
    @PermitAll
    public Result publishedResult(long ballotId) {
        Ballot ballot = published(ballotId);
        return count(ballot, papers(ballotId));
    }

    /** The papers of a published ballot, (receipt, choice code) in receipt order: anyone may read them. */
    @PermitAll
    public List<BoxFingerprint.Paper> publishedPapers(long ballotId) {
        return papers(published(ballotId));
    }

    /**
     * The roll-call of an open ballot — who chose what, which such a ballot makes public by design — once it is
     * closed (for the chair and secretary) or published (for anyone); never for a secret ballot.
     */
    @PermitAll
    public List<RollCall> rollCall(long ballotId) {
        Ballot ballot = ballot(ballotId);
        if (ballot.getSecrecy() != Secrecy.OPEN) {
            return List.of();
        }
        boolean staff = context.isCallerInRole("SECRETARY") || context.isCallerInRole("CHAIR");
        if (ballot.getStatus() != BallotStatus.PUBLISHED && !(staff && ballot.getStatus() == BallotStatus.CLOSED)) {
            throw new Refusal("ballot.notPublished");
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT p.full_name, r.choice FROM roll_call r JOIN participant p"
                + " ON p.id = r.participant_id WHERE r.ballot_id = ? ORDER BY p.given_name, p.full_name, p.id")
                .setParameter(1, ballotId).getResultList();
        return rows.stream().map(row -> new RollCall((String) row[0], (String) row[1])).toList();
    }

    private Ballot published(long ballotId) {
        Ballot ballot = ballot(ballotId);
        if (ballot.getStatus() != BallotStatus.PUBLISHED) {
            throw new Refusal("ballot.notPublished");
        }
        return ballot;
    }

    /** The published list of ballot papers: (receipt, choice) in receipt order; the fingerprint is its hash. */
    @RolesAllowed({"SECRETARY", "CHAIR"})
    public List<BoxFingerprint.Paper> papers(Ballot ballot) {
        if (ballot.getStatus() != BallotStatus.CLOSED && ballot.getStatus() != BallotStatus.PUBLISHED) {
            throw new Refusal("ballot.notClosed");
        }
        return BoxFingerprint.sorted(papers(ballot.getId()).stream()
                .map(paper -> new BoxFingerprint.Paper(Receipts.of(paper.id()), paper.choice())).toList());
    }

    /** The voting members and those present — checked in, or having voted — as they are now. */
    private Electorate electorateNow(Ballot ballot) {
        Set<Long> voters = voters(ballot.getId());
        // the roster read directly: the countdown's timer closes ballots with no caller role
        List<Participant> members = em.createNamedQuery(Participant.ROSTER, Participant.class)
                .setParameter("meetingId", ballot.getMeeting().getId()).getResultStream().filter(Participant::isVoting).toList();
        int present = (int) members.stream().filter(p -> p.isPresent() || voters.contains(p.getId())).count();
        return new Electorate(members.size(), present);
    }

    private Set<Long> voters(long ballotId) {
        return new HashSet<>(em.createNamedQuery(Participation.VOTERS, Long.class).setParameter("ballotId", ballotId)
                .getResultList());
    }

    /** Counts the box against the electorate frozen at the close. */
    Result count(Ballot ballot, List<CastVote> papers) {
        Electorate electorate = ballot.closedElectorate().orElseGet(() -> electorateNow(ballot));
        if (ballot.getKind() == BallotKind.APPROVAL) {
            return Tally.approval(ballot.votingRule(), electorate,
                    ApprovalBox.of(papers.stream().map(paper -> ApprovalChoice.valueOf(paper.choice())).toList()));
        }
        Election election = election(ballot);
        return Tally.election(ballot.votingRule(), electorate, election,
                ElectionBox.count(election, papers.stream().map(paper -> chosen(paper.choice())).toList()));
    }

    static Election election(Ballot ballot) {
        return new Election(ballot.getOptions().stream().map(BallotOption::getId).toList(), ballot.getSeats(),
                ballot.getMinChoices(), ballot.isBlankAllowed());
    }

    static Set<Long> chosen(String code) {
        if (BoxFingerprint.BLANK.equals(code)) {
            return Set.of();
        }
        return Arrays.stream(code.split(",")).map(Long::valueOf).collect(Collectors.toCollection(LinkedHashSet::new));
    }

    private List<CastVote> papers(long ballotId) {
        return em.createNamedQuery(CastVote.OF_BALLOT, CastVote.class).setParameter("ballotId", ballotId).getResultList();
    }

    private Ballot locked(long ballotId) {
        Ballot ballot = ballot(ballotId);
        em.lock(ballot, LockModeType.PESSIMISTIC_WRITE);
        return ballot;
    }

    private static AgendaItem item(Meeting meeting, Long itemId) {
        if (itemId == null) {
            return null;
        }
        return meeting.getAgenda().stream().filter(i -> i.getId().equals(itemId)).findFirst()
                .orElseThrow(() -> new Refusal("agenda.itemNotFound"));
    }

    /** One line of an open ballot's roll-call: a voter, in roster order, and the code of their choice. */
    public record RollCall(String name, String choice) {
    }

    /** Turnout of a ballot: who may still vote is not secret; what anyone chose is. */
    public record Turnout(int voted, int entitledPresent, List<Participant> notYetVoted) {
    }
}
