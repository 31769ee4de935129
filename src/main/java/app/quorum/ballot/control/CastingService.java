package app.quorum.ballot.control;

import app.quorum.ballot.entity.ApprovalChoice;
import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BallotKind;
import app.quorum.ballot.entity.BallotStatus;
import app.quorum.ballot.entity.BoxFingerprint;
import app.quorum.ballot.entity.CastVote;
import app.quorum.ballot.entity.Participation;
import app.quorum.ballot.entity.RollCallChoice;
import app.quorum.ballot.crypto.Receipts;
import app.quorum.ballot.entity.Secrecy;
import app.quorum.platform.Refusal;
import app.quorum.platform.push.Changed;
import app.quorum.roster.entity.Participant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Casting a vote: the participation (who) and the ballot paper (what) are written in one transaction; the
 * database's key on (ballot, participant) lets a delegate vote once, however many times a request is sent. The
 * paper's id is chosen by the voter's device (128 random bits, {@link PaperIds}), so a retried request carries the
 * same paper and the receipt is known to the device alone. A paper sent again after it was recorded (the device lost
 * the answer) is answered with the same receipt and stores nothing; another paper from a voter who has voted is
 * refused. A paper is known by its ballot and its id together (the box's key): the same id in another ballot is
 * another paper. Nothing logged here names a choice.
 */
@Stateless
@RolesAllowed("DELEGATE")
public class CastingService {

    @PersistenceContext
    EntityManager em;

    @jakarta.inject.Inject
    BallotKeys keys;

    @jakarta.inject.Inject
    EndToEndBallots endToEnd;

    @jakarta.inject.Inject
    jakarta.enterprise.event.Event<Changed> changed;

    Clock clock = Clock.systemUTC();

    /** The most digits of an option id on a paper (ids are positive BIGINTs; 18 digits stay clear of overflow). */
    static final int OPTION_ID_DIGITS = 18;
    /**
     * The longest choice code of any ballot: an election paper naming as many candidates as a ballot can elect (one
     * fewer than {@link BallotDraft#CANDIDATES_MAX}), each id of {@value #OPTION_ID_DIGITS} digits, comma-separated.
     * The columns that hold a code are this wide (V9), and {@link BallotKeys} pads every code beyond it.
     */
    public static final int CHOICE_MAX_CHARS = (BallotDraft.CANDIDATES_MAX - 1) * (OPTION_ID_DIGITS + 1) - 1;

    /**
     * Casts the participant's vote on the ballot and returns the receipt.
     *
     * @param paperId 32 hex digits: the 128-bit random id of the ballot paper, made by the voter's device
     * @param choice YES / NO / ABSTAIN for an approval; for an election the chosen option ids, comma-separated, or "-"
     */
    public String cast(long ballotId, long participantId, String paperId, String choice) {
        byte[] id = PaperIds.parse(paperId);
        // A shared lock on the ballot row, first in the transaction: casts go side by side, the close (an exclusive
        // lock) waits until they commit, and a cast after the close reads it closed. EclipseLink takes
        // PESSIMISTIC_READ as FOR UPDATE on MariaDB, which made every vote of a hall wait for the one before
        // (issue 15). Read after the lock, the ballot below is what the lock guards.
        List<?> locked = em.createNativeQuery("SELECT status FROM ballot WHERE id = ? LOCK IN SHARE MODE")
                .setParameter(1, ballotId).getResultList();
        if (locked.isEmpty()) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "ballot.notFound");
        }
        Ballot ballot = em.find(Ballot.class, ballotId);
        if (ballot == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "ballot.notFound");
        }
        if (hasVoted(ballotId, participantId)) {
            if (inBox(ballotId, id)) {
                return Receipts.of(id); // the same paper again: its answer was lost on the way, it counts once
            }
            throw new Refusal(Refusal.Kind.DUPLICATE, "ballot.alreadyVoted");
        }
        mayVoteNow(ballot, String.valueOf(locked.get(0)), participantId);
        // only a secret ballot can be end-to-end: an open ballot's vote asks nothing more of the database here
        if (ballot.getSecrecy() == Secrecy.SECRET && endToEnd.election(ballotId).isPresent()) {
            throw new Refusal(Refusal.Kind.INVALID, "ballot.e2e.paperRequired"); // the tablet encrypts: no choice in clear
        }
        String code = choiceCode(ballot, choice);
        if (inBox(ballotId, id)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.paperInUse"); // another voter's paper id: this voter has not voted
        }
        try {
            em.persist(new Participation(ballotId, participantId));
            em.flush();
        } catch (PersistenceException duplicate) {
            throw new Refusal(Refusal.Kind.DUPLICATE, "ballot.alreadyVoted");
        }
        if (ballot.getSecrecy() == Secrecy.SECRET) {
            em.persist(CastVote.sealed(id, ballotId, keys.seal(ballotId, ballot.keySalt(), id, code)));
        } else {
            em.persist(CastVote.plain(id, ballotId, code));
            em.persist(new RollCallChoice(ballotId, participantId, code)); // after its participation, flushed above
        }
        try {
            em.flush();
        } catch (PersistenceException duplicatePaper) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.paperInUse");
        }
        changed.fire(new Changed(ballot.getMeeting().getId(), Changed.What.TURNOUT));
        return Receipts.of(id);
    }

    /**
     * Casts an encrypted paper (an end-to-end ballot, election-record.md §4) for the participant and returns its tracker.
     * The same rules as {@link #cast}: one vote per member by the participation row, an exact resend of the voter's
     * paper answered again; the paper's proofs are checked before anything is stored ({@link EndToEndBallots}), and a
     * refused paper is listed among the rejected with its reason.
     *
     * @param paperId the paper's id as the path names it: must be the paper's own
     */
    public String castPaper(long ballotId, long participantId, String paperId, jakarta.json.JsonObject paper) {
        List<?> locked = em.createNativeQuery("SELECT status FROM ballot WHERE id = ? LOCK IN SHARE MODE")
                .setParameter(1, ballotId).getResultList();
        Ballot ballot = locked.isEmpty() ? null : em.find(Ballot.class, ballotId);
        if (ballot == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "ballot.notFound");
        }
        var election = endToEnd.election(ballotId)
                .orElseThrow(() -> new Refusal(Refusal.Kind.INVALID, "ballot.e2e.notEndToEnd"));
        if (!(paper.get("paperId") instanceof jakarta.json.JsonString own) || !own.getString().equals(paperId)) {
            throw new Refusal(Refusal.Kind.INVALID, "ballot.e2e.paperIdMismatch");
        }
        if (hasVoted(ballotId, participantId)) {
            var again = em.find(app.quorum.ballot.entity.EncryptedPaper.class,
                    new app.quorum.ballot.entity.EncryptedPaper.Key(ballotId, paperId));
            if (again != null && again.getPaper().equals(resent(paper, again.getTracker()))) {
                return again.getTracker(); // the same paper again: its answer was lost on the way, it counts once
            }
            throw new Refusal(Refusal.Kind.DUPLICATE, "ballot.alreadyVoted");
        }
        mayVoteNow(ballot, String.valueOf(locked.get(0)), participantId);
        EndToEndBallots.Checked checked = endToEnd.check(ballot, election, paper);
        if (!checked.fresh()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.paperInUse"); // another voter's paper: this voter has not voted
        }
        try {
            em.persist(new Participation(ballotId, participantId));
            em.flush();
        } catch (PersistenceException duplicate) {
            throw new Refusal(Refusal.Kind.DUPLICATE, "ballot.alreadyVoted");
        }
        try {
            endToEnd.store(ballotId, checked);
            em.flush();
        } catch (PersistenceException copied) { // a paper with the same id or an α raced this one in
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.crypto.paper.replay");
        }
        changed.fire(new Changed(ballot.getMeeting().getId(), Changed.What.TURNOUT));
        return checked.tracker();
    }

    /** Refuses a vote on a ballot not open for votes (its locked status, its countdown), or by someone not entitled or not present. */
    private void mayVoteNow(Ballot ballot, String lockedStatus, long participantId) {
        if (!ballot.acceptsVotesAt(clock.instant()) || !BallotStatus.OPEN.name().equals(lockedStatus)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.notOpenForVotes");
        }
        Participant voter = em.find(Participant.class, participantId);
        if (voter == null || !voter.getMeeting().getId().equals(ballot.getMeeting().getId()) || !voter.isVoting()) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "ballot.notEntitled");
        }
        if (!voter.isPresent()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.notPresent");
        }
    }

    /** A paper as sent, in the stored form, to compare a resend with the stored paper. */
    private static String resent(jakarta.json.JsonObject paper, String tracker) {
        try {
            return app.quorum.ballot.crypto.Paper.fromJson(paper).toJson(tracker).toString();
        } catch (RuntimeException notAPaper) {
            return "";
        }
    }

    /** Whether the participant's vote on the ballot is recorded. */
    public boolean hasVoted(long ballotId, long participantId) {
        return em.find(Participation.class, new Participation.Key(ballotId, participantId)) != null;
    }

    /**
     * What a device asks after losing the answer to a vote: whether the participant has voted on the ballot, and the
     * receipt of the given paper if the participant has voted and that paper is in the box (a paper of another
     * ballot, or one never stored, gives no receipt).
     *
     * @param paperId the device's paper id (32 hex digits), or null to ask only whether the participant has voted
     */
    public Recorded recorded(long ballotId, long participantId, String paperId) {
        byte[] id = paperId == null || paperId.isEmpty() ? null : PaperIds.parse(paperId);
        if (em.find(Ballot.class, ballotId) == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "ballot.notFound");
        }
        boolean voted = hasVoted(ballotId, participantId);
        if (voted && id != null && endToEnd.election(ballotId).isPresent()) {
            var paper = em.find(app.quorum.ballot.entity.EncryptedPaper.class,
                    new app.quorum.ballot.entity.EncryptedPaper.Key(ballotId, HexFormat.of().formatHex(id)));
            return new Recorded(true, paper == null ? null : app.quorum.ballot.crypto.Tracker.display(paper.getTracker()));
        }
        return new Recorded(voted, voted && id != null && inBox(ballotId, id) ? Receipts.of(id) : null);
    }

    /** Whether this ballot's box holds a paper with this id. */
    private boolean inBox(long ballotId, byte[] paperId) {
        return em.find(CastVote.class, new CastVote.Key(ballotId, paperId)) != null;
    }

    /**
     * Whether a participant has voted on a ballot and, when asked with the device's paper and that paper is theirs
     * in the box, its receipt.
     */
    public record Recorded(boolean voted, String receipt) {
    }

    /** The canonical code of a choice, or a refusal when the ballot does not offer it. */
    static String choiceCode(Ballot ballot, String choice) {
        if (choice == null) {
            throw new Refusal(Refusal.Kind.INVALID, "ballot.choiceInvalid");
        }
        if (ballot.getKind() == BallotKind.APPROVAL) {
            try {
                return BoxFingerprint.code(ApprovalChoice.valueOf(choice));
            } catch (IllegalArgumentException e) {
                throw new Refusal(Refusal.Kind.INVALID, "ballot.choiceInvalid");
            }
        }
        Set<Long> chosen = new TreeSet<>();
        if (!BoxFingerprint.BLANK.equals(choice)) {
            for (String part : choice.split(",")) {
                if (!part.matches("\\d{1," + OPTION_ID_DIGITS + "}") || !chosen.add(Long.valueOf(part))) {
                    throw new Refusal(Refusal.Kind.INVALID, "ballot.choiceInvalid");
                }
            }
        }
        List<Long> options = BallotCount.election(ballot).candidates();
        if (!options.containsAll(chosen) || !BallotCount.election(ballot).accepts(chosen)) {
            throw new Refusal(Refusal.Kind.INVALID, "ballot.choiceInvalid");
        }
        return BoxFingerprint.code(chosen);
    }
}
