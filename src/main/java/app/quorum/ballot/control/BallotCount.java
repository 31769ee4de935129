package app.quorum.ballot.control;

import app.quorum.ballot.crypto.Receipts;
import app.quorum.ballot.entity.ApprovalBox;
import app.quorum.ballot.entity.ApprovalChoice;
import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BallotKind;
import app.quorum.ballot.entity.BallotOption;
import app.quorum.ballot.entity.BallotElection;
import app.quorum.ballot.entity.BallotResult;
import app.quorum.ballot.entity.BallotStatus;
import app.quorum.ballot.entity.BoxFingerprint;
import app.quorum.ballot.entity.CastVote;
import app.quorum.ballot.entity.Election;
import app.quorum.ballot.entity.ElectionBox;
import app.quorum.ballot.entity.Electorate;
import app.quorum.ballot.entity.Participation;
import app.quorum.ballot.entity.Result;
import app.quorum.ballot.entity.Tally;
import app.quorum.platform.Refusal;
import app.quorum.platform.audit.AuditLog;
import app.quorum.roster.entity.Participant;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ballot box: its papers, the count ({@link Tally}) at the close, the one stored {@link BallotResult} every
 * reader reads afterwards, and the recount — an explicit verification that counts the box again and says whether it
 * gives the stored result. The callers check who may read what ({@link Ballots}, {@link BallotLifecycle}).
 */
@Stateless
@PermitAll
public class BallotCount {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    EndToEndCount endToEndCount;

    /** Counts the box of a ballot just closed and stores its result, in the closing transaction. */
    public BallotResult store(Ballot ballot, List<CastVote> papers, int voted, Instant at) {
        BallotResult stored = BallotResult.of(ballot.getId(), count(ballot, papers), voted, ballot.getFingerprint(), at);
        em.persist(stored);
        return stored;
    }

    /**
     * The result of a closed or published ballot, as stored at its close. A ballot closed before results were stored
     * (schema V11) has none: it is counted on each read, as it always was.
     */
    public Result result(Ballot ballot) {
        BallotResult stored = em.find(BallotResult.class, ballot.getId());
        if (stored == null && em.find(BallotElection.class, ballot.getId()) != null) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.e2e.awaitingTrustees");
        }
        if (stored == null) {
            return count(ballot, papers(ballot.getId()));
        }
        return stored.result(ballot.votingRule(), ballot.getKind() == BallotKind.ELECTION ? election(ballot) : null);
    }

    /**
     * The secretary's recount of a closed or published ballot: the papers counted again and their fingerprint
     * computed again, compared against the stored result. Audited, whatever it finds.
     */
    @RolesAllowed("SECRETARY")
    public Recount recount(long ballotId) {
        Ballot ballot = em.find(Ballot.class, ballotId);
        if (ballot == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "ballot.notFound");
        }
        if (ballot.getStatus() != BallotStatus.CLOSED && ballot.getStatus() != BallotStatus.PUBLISHED) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.notClosed");
        }
        if (em.find(BallotElection.class, ballotId) != null) {
            Recount recount = endToEndCount.recount(ballot, em.find(BallotResult.class, ballotId));
            audit.record("ballot.recount", "ballot", ballotId, ballot.getMeeting().getId(),
                    (recount.matches() ? "matches" : "DIFFERS") + ": " + recount.papers() + " encrypted papers");
            return recount;
        }
        List<CastVote> papers = papers(ballotId);
        Result again = count(ballot, papers);
        String fingerprint = BoxFingerprint.of(papers.stream()
                .map(paper -> new BoxFingerprint.Paper(Receipts.of(paper.id()), paper.choice())).toList());
        BallotResult stored = em.find(BallotResult.class, ballotId);
        boolean sameFingerprint = fingerprint.equals(stored == null ? ballot.getFingerprint() : stored.getFingerprint());
        boolean sameCount = stored == null || stored.sameCount(again);
        Recount recount = new Recount(ballotId, papers.size(), sameCount, sameFingerprint, stored != null);
        audit.record("ballot.recount", "ballot", ballotId, ballot.getMeeting().getId(),
                (recount.matches() ? "matches" : "DIFFERS") + ": " + papers.size() + " papers");
        return recount;
    }

    /**
     * What a recount found.
     *
     * @param papers papers counted
     * @param sameCount whether the count gives the stored counts, base, threshold, outcome and elected
     * @param sameFingerprint whether the papers give the stored fingerprint
     * @param stored whether the ballot had a stored result (closed after V11); if not, only the fingerprint compares
     */
    public record Recount(long ballotId, int papers, boolean sameCount, boolean sameFingerprint, boolean stored) {

        public boolean matches() {
            return sameCount && sameFingerprint;
        }
    }

    /** The published list of ballot papers: (receipt, choice) in receipt order; the fingerprint is its hash. */
    public List<BoxFingerprint.Paper> list(Ballot ballot) {
        return BoxFingerprint.sorted(papers(ballot.getId()).stream()
                .map(paper -> new BoxFingerprint.Paper(Receipts.of(paper.id()), paper.choice())).toList());
    }

    /** Counts the box against the electorate frozen at the close. */
    public Result count(Ballot ballot, List<CastVote> papers) {
        Electorate electorate = ballot.closedElectorate().orElseGet(() -> electorateNow(ballot));
        if (ballot.getKind() == BallotKind.APPROVAL) {
            return Tally.approval(ballot.votingRule(), electorate,
                    ApprovalBox.of(papers.stream().map(paper -> ApprovalChoice.valueOf(paper.choice())).toList()));
        }
        Election election = election(ballot);
        return Tally.election(ballot.votingRule(), electorate, election,
                ElectionBox.count(election, papers.stream().map(paper -> chosen(paper.choice())).toList()));
    }

    /** The voting members and those present — checked in, or having voted — as they are now. */
    public Electorate electorateNow(Ballot ballot) {
        Set<Long> voters = voters(ballot.getId());
        // the roster read directly: the countdown's timer closes ballots with no caller role
        List<Participant> members = em.createNamedQuery(Participant.ROSTER, Participant.class)
                .setParameter("meetingId", ballot.getMeeting().getId()).getResultStream().filter(Participant::isVoting).toList();
        int present = (int) members.stream().filter(p -> p.isPresent() || voters.contains(p.getId())).count();
        return new Electorate(members.size(), present);
    }

    public Set<Long> voters(long ballotId) {
        return new HashSet<>(em.createNamedQuery(Participation.VOTERS, Long.class).setParameter("ballotId", ballotId)
                .getResultList());
    }

    public List<CastVote> papers(long ballotId) {
        return em.createNamedQuery(CastVote.OF_BALLOT, CastVote.class).setParameter("ballotId", ballotId).getResultList();
    }

    public static Election election(Ballot ballot) {
        return new Election(ballot.getOptions().stream().map(BallotOption::getId).toList(), ballot.getSeats(),
                ballot.getMinChoices(), ballot.isBlankAllowed());
    }

    public static Set<Long> chosen(String code) {
        if (BoxFingerprint.BLANK.equals(code)) {
            return Set.of();
        }
        return Arrays.stream(code.split(",")).map(Long::valueOf).collect(Collectors.toCollection(LinkedHashSet::new));
    }
}
