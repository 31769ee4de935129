package app.quorum.ballot.control;

import app.quorum.ballot.crypto.Receipts;
import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BallotStatus;
import app.quorum.ballot.entity.BoxFingerprint;
import app.quorum.ballot.entity.CastVote;
import app.quorum.ballot.entity.Secrecy;
import app.quorum.meeting.control.MeetingClosing;
import app.quorum.meeting.entity.MeetingStatus;
import app.quorum.platform.Limits;
import app.quorum.platform.Refusal;
import app.quorum.platform.audit.AuditLog;
import app.quorum.platform.push.Changed;
import app.quorum.roster.control.RosterService;
import app.quorum.roster.control.VotingRightsChanging;
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
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A ballot's life after its definition: DRAFT → OPEN → CLOSED (→ PUBLISHED by {@link Publication}), or CANCELLED.
 * The chair opens and closes; at the close the sealed papers are unsealed, the box's fingerprint is fixed and its
 * result is counted and stored once ({@link BallotCount#store}), in the same transaction — or, for an end-to-end
 * ballot ({@link EndToEndBallots}), no paper is opened and the result waits for the trustees. While a secret ballot is
 * open, nobody — the chair included — sees counts per choice: only turnout.
 */
@Stateless
@RolesAllowed("CHAIR")
public class BallotLifecycle {

    @PersistenceContext
    EntityManager em;

    @Inject
    RosterService roster;

    @Inject
    BallotKeys keys;

    @Inject
    BallotCount box;

    @Inject
    EndToEndBallots endToEnd;

    @Inject
    EndToEndCount endToEndCount;

    @Inject
    AuditLog audit;

    @Inject
    Event<Changed> changed;

    @Inject
    @ConfigProperty(name = "quorum.ballot.min.secret.voters", defaultValue = "3")
    int minSecretVoters;

    Clock clock = Clock.systemUTC();

    /**
     * Opens a ballot for votes, optionally closing by itself after {@code countdown}. Refused unless the meeting is
     * in session, the quorum is there (when the ballot requires it), and — for a secret ballot — enough entitled
     * voters are present that the box cannot reveal a vote.
     */
    public Ballot open(long ballotId, Duration countdown) {
        Ballot ballot = locked(ballotId);
        if (ballot.getStatus() != BallotStatus.DRAFT) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.notDraft");
        }
        if (ballot.getMeeting().getStatus() != MeetingStatus.IN_SESSION) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.meetingNotInSession");
        }
        if (anyOpen(ballot.getMeeting().getId())) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.anotherOpen");
        }
        var quorum = roster.quorum(ballot.getMeeting().getId());
        if (ballot.isQuorumRequired() && !quorum.reached()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.noQuorum", quorum.present(), quorum.required());
        }
        if (ballot.getSecrecy() == Secrecy.SECRET && quorum.present() < minSecretVoters) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.tooFewForSecrecy", minSecretVoters);
        }
        Instant now = clock.instant();
        ballot.open(now, countdown == null || countdown.isZero() ? null : now.plus(countdown), BallotKeys.newSalt(),
                quorum.votingMembers(), quorum.present());
        endToEnd.bind(ballot); // a secret ballot of a meeting with a ready trustee ceremony: the tablets encrypt
        audit.record("ballot.open", "ballot", ballotId, ballot.getMeeting().getId(), ballot.getQuestion());
        changed.fire(new Changed(ballot.getMeeting().getId(), Changed.What.PROCEEDINGS));
        return ballot;
    }

    /** Closes the ballot: unseals the papers, fixes the box's fingerprint, counts the box and stores its result. */
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
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.notOpen");
        }
        var election = endToEnd.election(ballotId);
        if (election.isPresent()) {
            return closeEndToEnd(ballot, election.get(), auditAction);
        }
        List<CastVote> papers = box.papers(ballotId);
        for (CastVote paper : papers) {
            if (paper.sealedChoice() != null) {
                paper.unseal(keys.unseal(ballotId, ballot.keySalt(), paper.id(), paper.sealedChoice()));
            }
        }
        Instant now = clock.instant();
        int voted = box.voters(ballotId).size();
        ballot.close(now, BoxFingerprint.of(papers.stream()
                .map(paper -> new BoxFingerprint.Paper(Receipts.of(paper.id()), paper.choice())).toList()),
                box.electorateNow(ballot), voted);
        box.store(ballot, papers, voted, now);
        audit.record(auditAction, "ballot", ballotId, ballot.getMeeting().getId(), papers.size() + " papers");
        changed.fire(new Changed(ballot.getMeeting().getId(), Changed.What.PROCEEDINGS));
        return ballot;
    }

    /**
     * Closes an end-to-end ballot: no paper is opened. The box's proofs are checked again and its sums fixed; the
     * result is counted once {@code t} trustees have decrypted the sums ({@link EndToEndBallots#decrypt}).
     */
    private Ballot closeEndToEnd(Ballot ballot, app.quorum.ballot.entity.BallotElection election, String auditAction) {
        Instant now = clock.instant();
        int voted = box.voters(ballot.getId()).size();
        ballot.close(now, null, box.electorateNow(ballot), voted);
        endToEndCount.close(ballot, election, voted);
        audit.record(auditAction, "ballot", ballot.getId(), ballot.getMeeting().getId(), voted + " encrypted papers");
        changed.fire(new Changed(ballot.getMeeting().getId(), Changed.What.PROCEEDINGS));
        return ballot;
    }

    /** The roster may not change who votes while a ballot of the meeting is open: the count of entitled voters must not move under it. */
    @PermitAll
    public void refuseWhileOpen(@Observes VotingRightsChanging change) {
        if (anyOpen(change.meetingId())) {
            throw new Refusal(Refusal.Kind.CONFLICT, "participant.ballotOpen");
        }
    }

    /**
     * A meeting's session cannot be closed while one of its ballots is open: the delegates would be left with a ballot
     * nobody can close from the console any more, and its countdown would close it after the minutes say the session ended.
     */
    @PermitAll
    public void refuseWhileOpen(@Observes MeetingClosing closing) {
        if (anyOpen(closing.meetingId())) {
            throw new Refusal(Refusal.Kind.CONFLICT, "meeting.closeWithOpenBallot");
        }
    }

    private boolean anyOpen(long meetingId) {
        return em.createNamedQuery(Ballot.OPEN_IN_MEETING, Long.class).setParameter("meetingId", meetingId).getSingleResult() > 0;
    }

    /** Cancels a ballot that is prepared or open, with a reason; its papers are destroyed unread. */
    public Ballot cancel(long ballotId, @NotBlank(message = "{ballot.cancel.reasonRequired}")
            @Size(max = Limits.BALLOT_CANCEL_REASON, message = "{ballot.cancel.reasonSize}") String reason) {
        Ballot ballot = locked(ballotId);
        if (ballot.getStatus() != BallotStatus.DRAFT && ballot.getStatus() != BallotStatus.OPEN) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.notCancellable");
        }
        em.createQuery("DELETE FROM CastVote c WHERE c.ballotId = :ballotId").setParameter("ballotId", ballotId).executeUpdate();
        endToEnd.cancel(ballotId);
        ballot.cancel(clock.instant(), reason.strip());
        audit.record("ballot.cancel", "ballot", ballotId, ballot.getMeeting().getId(), reason);
        changed.fire(new Changed(ballot.getMeeting().getId(), Changed.What.PROCEEDINGS));
        return ballot;
    }

    /**
     * The ballot, locked for this transaction. The lock comes first: the papers read after it (the close counts them)
     * are then all those committed before it, the casts that held the ballot's shared lock included.
     */
    private Ballot locked(long ballotId) {
        Ballot ballot = em.find(Ballot.class, ballotId, LockModeType.PESSIMISTIC_WRITE);
        if (ballot == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "ballot.notFound");
        }
        return ballot;
    }
}
