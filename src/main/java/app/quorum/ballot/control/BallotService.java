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
import app.quorum.meeting.control.MeetingCopied;
import app.quorum.meeting.control.MeetingService;
import app.quorum.meeting.entity.AgendaItem;
import app.quorum.meeting.entity.Meeting;
import app.quorum.meeting.entity.MeetingStatus;
import app.quorum.platform.Limits;
import app.quorum.platform.Refusal;
import app.quorum.platform.push.Changed;
import app.quorum.roster.control.RosterService;
import app.quorum.roster.entity.Participant;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
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

    /** The most ballots of other meetings offered as templates. */
    static final int TEMPLATES_MAX = 200;

    Clock clock = Clock.systemUTC();

    /** A new approval ballot (Đồng ý / Không đồng ý / Không biểu quyết, labels as given) on an agenda item. */
    public Ballot defineApproval(long meetingId, Long itemId, String question, @NotNull VotingRule rule,
            @NotNull Secrecy secrecy, @NotNull Map<ApprovalChoice, String> labels) {
        return define(meetingId, BallotDraft.approval(itemId, question, rule, secrecy, labels));
    }

    /** A new election of {@code seats} among the candidates. */
    public Ballot defineElection(long meetingId, Long itemId, String question, @NotNull VotingRule rule,
            @NotNull Secrecy secrecy, @NotNull List<String> candidates, int seats, int minChoices, boolean blankAllowed) {
        return define(meetingId, BallotDraft.election(itemId, question, rule, secrecy, candidates, seats, minChoices,
                blankAllowed));
    }

    /**
     * A new ballot in preparation, as the draft defines it. Refused, storing nothing, when the meeting is closed, the
     * item is not on its agenda, or the draft is incomplete or inconsistent ({@link BallotDraft#checked()}).
     */
    public Ballot define(long meetingId, @NotNull BallotDraft draft) {
        Meeting meeting = meetings.editable(meetingId);
        BallotDraft checked = draft.checked();
        AgendaItem item = item(meeting, checked.itemId());
        Ballot ballot = checked.kind() == BallotKind.APPROVAL
                ? Ballot.approval(meeting, item, checked.question(), checked.votingRule(), checked.secrecy(), checked.labels())
                : Ballot.election(meeting, item, checked.question(), checked.votingRule(), checked.secrecy(),
                        checked.candidates(), checked.seats(), checked.minChoices(), checked.blankAllowed());
        ballot.setQuorumRequired(checked.quorumRequired());
        return persist(ballot);
    }

    private Ballot persist(Ballot ballot) {
        em.persist(ballot);
        em.flush();
        audit.record("ballot.define", "ballot", ballot.getId(), ballot.getMeeting().getId(), ballot.getQuestion());
        changed.fire(new Changed(ballot.getMeeting().getId(), Changed.What.PROCEEDINGS));
        return ballot;
    }

    /**
     * Changes a ballot still in preparation. Refused when it has been opened (or closed, cancelled) meanwhile, when
     * someone else changed it since {@code version} was read, or as {@link #define(long, BallotDraft)} refuses.
     */
    public Ballot update(long ballotId, long version, @NotNull BallotDraft draft) {
        Ballot ballot = locked(ballotId);
        if (ballot.getStatus() != BallotStatus.DRAFT) {
            throw new Refusal("ballot.edit.notDraft", ballot.getStatus());
        }
        if (ballot.getVersion() != version) {
            throw new Refusal("ballot.changedMeanwhile");
        }
        Meeting meeting = meetings.editable(ballot.getMeeting().getId());
        BallotDraft checked = draft.checked();
        ballot.redefine(item(meeting, checked.itemId()), checked.question(), checked.kind(), checked.votingRule(),
                checked.secrecy(), checked.quorumRequired(), checked.optionLabels(), checked.seats(), checked.minChoices(),
                checked.blankAllowed());
        em.flush();
        audit.record("ballot.update", "ballot", ballotId, meeting.getId(), ballot.getQuestion());
        changed.fire(new Changed(meeting.getId(), Changed.What.PROCEEDINGS));
        return ballot;
    }

    /** Deletes a ballot still in preparation; one that was opened can only be cancelled, with a reason. */
    public void delete(long ballotId) {
        Ballot ballot = locked(ballotId);
        if (ballot.getStatus() != BallotStatus.DRAFT) {
            throw new Refusal("ballot.delete.notDraft", ballot.getStatus());
        }
        long meetingId = ballot.getMeeting().getId();
        meetings.editable(meetingId);
        em.remove(ballot);
        em.flush();
        audit.record("ballot.delete", "ballot", ballotId, meetingId, ballot.getQuestion());
        changed.fire(new Changed(meetingId, Changed.What.PROCEEDINGS));
    }

    /**
     * Earlier ballot definitions to start a new one from: this meeting's first (in the order they were made), then
     * other meetings', the most recent first; a definition already listed (same question, answers or candidates and
     * rules) is listed once.
     */
    public List<BallotTemplate> templates(long meetingId) {
        List<Ballot> found = new ArrayList<>(ofMeeting(meetingId));
        found.addAll(em.createNamedQuery(Ballot.OTHER_MEETINGS, Ballot.class).setParameter("meetingId", meetingId)
                .setHint("eclipselink.batch", "b.options").setMaxResults(TEMPLATES_MAX).getResultList());
        Set<BallotDraft> seen = new HashSet<>();
        List<BallotTemplate> templates = new ArrayList<>();
        for (Ballot ballot : found) {
            if (seen.add(BallotDraft.of(ballot).withItem(null))) {
                templates.add(BallotTemplate.of(ballot));
            }
        }
        return templates;
    }

    /** A ballot's definition: to edit it, or to prefill a new ballot from it (a template). */
    public BallotDraft definition(long ballotId) {
        return BallotDraft.of(ballot(ballotId));
    }

    /**
     * A meeting copied for its next session gets its ballots' definitions, in preparation, on the copied items
     * (the cancelled ones are left behind).
     */
    public void copyBallots(@Observes MeetingCopied copied) {
        Meeting original = em.find(Meeting.class, copied.originalId());
        Meeting copy = em.find(Meeting.class, copied.copyId());
        List<AgendaItem> from = original.getAgenda().stream().sorted(Comparator.comparingInt(AgendaItem::getSortOrder)).toList();
        List<AgendaItem> to = copy.getAgenda().stream().sorted(Comparator.comparingInt(AgendaItem::getSortOrder)).toList();
        int count = 0;
        for (Ballot ballot : ofMeeting(original.getId())) {
            if (ballot.getStatus() == BallotStatus.CANCELLED) {
                continue;
            }
            AgendaItem item = null;
            if (ballot.getItem() != null) {
                for (int i = 0; i < from.size() && i < to.size(); i++) {
                    if (from.get(i).getId().equals(ballot.getItem().getId())) {
                        item = to.get(i);
                    }
                }
            }
            em.persist(ballot.copyFor(copy, item));
            em.flush(); // one at a time: the copies get their ids, and with them their order, in the original's order
            count++;
        }
        if (count > 0) {
            audit.record("ballot.copy", "meeting", copy.getId(), copy.getId(), count + " ballots of meeting " + original.getId());
        }
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
    public Ballot cancel(long ballotId, @NotBlank(message = "{ballot.cancel.reasonRequired}")
            @Size(max = Limits.BALLOT_CANCEL_REASON, message = "{ballot.cancel.reasonSize}") String reason) {
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

    /**
     * The ballot, locked for this transaction. The lock comes first: the papers read after it (the close counts them)
     * are then all those committed before it, the casts that held the ballot's shared lock included.
     */
    private Ballot locked(long ballotId) {
        Ballot ballot = em.find(Ballot.class, ballotId, LockModeType.PESSIMISTIC_WRITE);
        return ballot != null ? ballot : ballot(ballotId);
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

    /**
     * Who chose what in an open (roll-call) ballot, by design part of its result: only once it is closed, in roster
     * order. A secret ballot has no such list: refused.
     */
    @RolesAllowed({"SECRETARY", "CHAIR"})
    public List<RollCallVote> closedRollCall(long ballotId) {
        Ballot ballot = ballot(ballotId);
        if (ballot.getSecrecy() != Secrecy.OPEN) {
            throw new Refusal("ballot.rollCall.secret");
        }
        if (ballot.getStatus() != BallotStatus.CLOSED && ballot.getStatus() != BallotStatus.PUBLISHED) {
            throw new Refusal("ballot.notClosed");
        }
        Map<Long, String> choices = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT participant_id, choice FROM roll_call WHERE ballot_id = ?")
                .setParameter(1, ballotId).getResultList();
        for (Object[] row : rows) {
            choices.put(((Number) row[0]).longValue(), (String) row[1]);
        }
        List<RollCallVote> votes = new ArrayList<>();
        for (Participant participant : roster.roster(ballot.getMeeting().getId())) {
            String code = choices.get(participant.getId());
            if (code != null) {
                votes.add(new RollCallVote(participant.getFullName(), participant.getPosition(), chosenLabels(ballot, code)));
            }
        }
        return votes;
    }

    /** The labels of the options a choice code names, in ballot order; none for a blank election paper. */
    public static List<String> chosenLabels(Ballot ballot, String code) {
        if (ballot.getKind() == BallotKind.APPROVAL) {
            return ballot.getOptions().stream().filter(option -> option.getCode().equals(code)).map(BallotOption::getLabel).toList();
        }
        Set<Long> chosen = chosen(code);
        return ballot.getOptions().stream().filter(option -> chosen.contains(option.getId())).map(BallotOption::getLabel).toList();
    }

    /** Turnout of a ballot: who may still vote is not secret; what anyone chose is. */
    public record Turnout(int voted, int entitledPresent, List<Participant> notYetVoted) {
    }
}
