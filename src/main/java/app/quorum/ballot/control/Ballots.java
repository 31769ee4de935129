package app.quorum.ballot.control;

import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BallotKind;
import app.quorum.ballot.entity.BallotOption;
import app.quorum.ballot.entity.BallotStatus;
import app.quorum.ballot.entity.BoxFingerprint;
import app.quorum.ballot.entity.Result;
import app.quorum.ballot.entity.RollCallChoice;
import app.quorum.ballot.entity.Secrecy;
import app.quorum.platform.Refusal;
import app.quorum.roster.control.RosterService;
import app.quorum.roster.entity.Participant;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The ballots as read: a meeting's ballots, one ballot, turnout while it is open (never what anyone chose), and,
 * once closed, its stored result, its list of papers and an open ballot's roll-call. Typed queries only.
 * Defining them is {@link BallotDefinitions}' job, opening and closing {@link BallotLifecycle}'s, the box
 * {@link BallotCount}'s; publishing {@link Publication}'s.
 */
@Stateless
@RolesAllowed({"SECRETARY", "CHAIR"})
public class Ballots {

    @PersistenceContext
    EntityManager em;

    @Inject
    RosterService roster;

    @Inject
    BallotCount box;

    @Inject
    EndToEndCount endToEndCount;

    @Resource
    SessionContext context;

    @PermitAll
    public List<Ballot> ofMeeting(long meetingId) {
        return em.createNamedQuery(Ballot.OF_MEETING, Ballot.class).setParameter("meetingId", meetingId).getResultList();
    }

    @PermitAll
    public Ballot ballot(long ballotId) {
        Ballot ballot = em.find(Ballot.class, ballotId);
        if (ballot == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "ballot.notFound");
        }
        return ballot;
    }

    /**
     * The most names of present members who have not voted yet that the turnout lists; with more it gives their
     * number: a hall of 2,000 listed 2,000 names on every refresh of the chair's console (issue 15: the open's click
     * answered after 13 s), and a chair looks for names when a few are left.
     */
    public static final int NOT_YET_NAMED = 30;

    /** How many have voted, of the entitled members present, and who has not yet when few are left; never what anyone chose. */
    public Turnout turnout(long ballotId) {
        Ballot ballot = ballot(ballotId);
        long meetingId = ballot.getMeeting().getId();
        // the three figures in one statement, so they agree with each other while votes arrive (one consistent read)
        Object[] figures = (Object[]) em.createNativeQuery("SELECT (SELECT COUNT(*) FROM participation v WHERE v.ballot_id = ?), "
                + "COUNT(*), COALESCE(SUM(NOT EXISTS (SELECT 1 FROM participation v WHERE v.ballot_id = ? AND v.participant_id = p.id)), 0) "
                + "FROM participant p WHERE p.meeting_id = ? AND p.voting = TRUE AND p.checked_in_at IS NOT NULL")
                .setParameter(1, ballotId).setParameter(2, ballotId).setParameter(3, meetingId).getSingleResult();
        long voted = ((Number) figures[0]).longValue();
        long entitled = ((Number) figures[1]).longValue();
        long notYet = ((Number) figures[2]).longValue();
        List<Participant> named = notYet > NOT_YET_NAMED ? List.of()
                : em.createQuery("SELECT p FROM Participant p WHERE " + NOT_YET + " ORDER BY p.givenName, p.fullName, p.id", Participant.class)
                        .setParameter("meetingId", meetingId).setParameter("ballotId", ballotId).getResultList();
        if (!named.isEmpty() || notYet <= NOT_YET_NAMED) {
            notYet = named.size(); // read after the figures: a vote in between is not named
        }
        return new Turnout((int) voted, (int) entitled, named, (int) notYet);
    }

    /** The present voting members of the meeting without a participation in the ballot (in roster order when listed). */
    private static final String NOT_YET = "p.meeting.id = :meetingId AND p.voting = TRUE AND p.checkedInAt IS NOT NULL "
            + "AND NOT EXISTS (SELECT v FROM Participation v WHERE v.ballotId = :ballotId AND v.participantId = p.id)";

    /** The result of a closed (or published) ballot, as counted at its close. */
    public Result result(long ballotId) {
        return box.result(closed(ballot(ballotId)));
    }

    /** The result of a published ballot: anyone may read it, signed in or not. */
    @PermitAll
    public Result publishedResult(long ballotId) {
        return box.result(published(ballotId));
    }

    /** The papers of a published ballot, (receipt, choice code) in receipt order: anyone may read them. */
    @PermitAll
    public List<BoxFingerprint.Paper> publishedPapers(long ballotId) {
        return box.list(published(ballotId));
    }

    /**
     * The public election record of a published end-to-end ballot (election-record.md §7), JSON text: anyone may
     * read it. Empty for a ballot that is not end-to-end.
     */
    @PermitAll
    public java.util.Optional<String> publishedRecord(long ballotId) {
        return endToEndCount.record(published(ballotId).getId()).map(app.quorum.ballot.entity.StoredElectionRecord::getRecord);
    }

    /** The published list of ballot papers: (receipt, choice) in receipt order; the fingerprint is its hash. */
    public List<BoxFingerprint.Paper> papers(Ballot ballot) {
        return box.list(closed(ballot));
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
            throw new Refusal(Refusal.Kind.NOT_FOUND, "ballot.notPublished");
        }
        // the roster read directly, in its order (given name, full name, id): anyone may read a published roll-call
        Map<Long, String> choices = choices(ballotId);
        return em.createNamedQuery(Participant.ROSTER, Participant.class)
                .setParameter("meetingId", ballot.getMeeting().getId()).getResultStream()
                .filter(p -> choices.containsKey(p.getId()))
                .map(p -> new RollCall(p.getFullName(), choices.get(p.getId()))).toList();
    }

    /**
     * Who chose what in an open (roll-call) ballot, by design part of its result: only once it is closed, in roster
     * order. A secret ballot has no such list: refused.
     */
    public List<RollCallVote> closedRollCall(long ballotId) {
        Ballot ballot = ballot(ballotId);
        if (ballot.getSecrecy() != Secrecy.OPEN) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "ballot.rollCall.secret");
        }
        closed(ballot);
        Map<Long, String> choices = choices(ballotId);
        List<RollCallVote> votes = new ArrayList<>();
        for (Participant participant : roster.roster(ballot.getMeeting().getId())) {
            String code = choices.get(participant.getId());
            if (code != null) {
                votes.add(new RollCallVote(participant.getFullName(), participant.getPosition(), chosenLabels(ballot, code)));
            }
        }
        return votes;
    }

    private Map<Long, String> choices(long ballotId) {
        return em.createNamedQuery(RollCallChoice.OF_BALLOT, RollCallChoice.class).setParameter("ballotId", ballotId)
                .getResultStream().collect(Collectors.toMap(RollCallChoice::getParticipantId, RollCallChoice::getChoice));
    }

    private Ballot published(long ballotId) {
        Ballot ballot = ballot(ballotId);
        if (ballot.getStatus() != BallotStatus.PUBLISHED) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "ballot.notPublished");
        }
        return ballot;
    }

    private static Ballot closed(Ballot ballot) {
        if (ballot.getStatus() != BallotStatus.CLOSED && ballot.getStatus() != BallotStatus.PUBLISHED) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.notClosed");
        }
        return ballot;
    }

    /** The labels of the options a choice code names, in ballot order; none for a blank election paper. */
    public static List<String> chosenLabels(Ballot ballot, String code) {
        if (ballot.getKind() == BallotKind.APPROVAL) {
            return ballot.getOptions().stream().filter(option -> option.getCode().equals(code)).map(BallotOption::getLabel).toList();
        }
        Set<Long> chosen = BallotCount.chosen(code);
        return ballot.getOptions().stream().filter(option -> chosen.contains(option.getId())).map(BallotOption::getLabel).toList();
    }

    /** One line of an open ballot's roll-call: a voter, in roster order, and the code of their choice. */
    public record RollCall(String name, String choice) {
    }

    /**
     * Turnout of a ballot: who may still vote is not secret; what anyone chose is.
     *
     * @param notYetVoted the present voting members who have not voted, in roster order, when at most {@link #NOT_YET_NAMED}; else empty
     * @param notYetCount how many they are
     */
    public record Turnout(int voted, int entitledPresent, List<Participant> notYetVoted, int notYetCount) {
    }
}
