package app.quorum.results.control;

import app.quorum.ballot.control.Ballots;
import app.quorum.ballot.entity.ApprovalChoice;
import app.quorum.ballot.entity.ApprovalResult;
import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BallotOption;
import app.quorum.ballot.entity.BallotStatus;
import app.quorum.ballot.entity.ElectionResult;
import app.quorum.ballot.crypto.Receipts;
import app.quorum.ballot.entity.Result;
import app.quorum.meeting.control.MeetingService;
import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.Refusal;
import app.quorum.ballot.entity.BallotCorrection;
import app.quorum.results.entity.PublishedResult;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Published results, read by everyone: only ballots the secretary has published are ever served — never a draft,
 * an open or a closed-but-unpublished ballot. Public callers see the meetings marked public only.
 */
@Stateless
@PermitAll
public class Results {

    @PersistenceContext
    EntityManager em;

    @Inject
    Ballots ballots;

    @Inject
    app.quorum.ballot.control.EndToEndBallots endToEnd;

    @Inject
    app.quorum.ballot.control.EndToEndCount endToEndCount;

    @Inject
    MeetingService meetings;

    /** The published results of a meeting marked public, in the order the ballots were defined. */
    public List<PublishedResult> ofPublicMeeting(long meetingId) {
        publicMeeting(meetingId);
        return ofMeeting(meetingId);
    }

    /** The published results of a meeting, public or not: for the pages and documents of signed-in staff. */
    public List<PublishedResult> ofMeeting(long meetingId) {
        return ballots.ofMeeting(meetingId).stream().filter(b -> b.getStatus() == BallotStatus.PUBLISHED)
                .map(this::result).toList();
    }

    /** One published result, or a refusal {@code results.notFound} when it is not published. */
    public PublishedResult published(long ballotId) {
        Ballot ballot = em.find(Ballot.class, ballotId);
        if (ballot == null || ballot.getStatus() != BallotStatus.PUBLISHED) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "results.notFound");
        }
        return result(ballot);
    }

    /**
     * The counted result of a closed or published ballot, for the chair, the secretary and their documents (the
     * minutes are signed before the result is published): the same record, with {@code publishedAt} still empty
     * while it is not published.
     */
    @jakarta.annotation.security.RolesAllowed({"SECRETARY", "CHAIR"})
    public PublishedResult counted(long ballotId) {
        Ballot ballot = ballots.ballot(ballotId);
        if (ballot.getStatus() != BallotStatus.CLOSED && ballot.getStatus() != BallotStatus.PUBLISHED) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.notClosed");
        }
        return result(ballot);
    }

    /** The counted results (closed or published) of a meeting, for the chair, the secretary and the minutes. */
    @jakarta.annotation.security.RolesAllowed({"SECRETARY", "CHAIR"})
    public List<PublishedResult> countedOfMeeting(long meetingId) {
        return ballots.ofMeeting(meetingId).stream()
                .filter(b -> b.getStatus() == BallotStatus.CLOSED || b.getStatus() == BallotStatus.PUBLISHED)
                .filter(b -> b.getFingerprint() != null) // an end-to-end ballot is counted when its trustees have decrypted it
                .map(this::result).toList();
    }

    /** The closed end-to-end ballots of a meeting that wait for their trustees' decryptions: no result yet. */
    @jakarta.annotation.security.RolesAllowed({"SECRETARY", "CHAIR"})
    public List<Ballot> awaitingTrustees(long meetingId) {
        return ballots.ofMeeting(meetingId).stream()
                .filter(b -> b.getStatus() == BallotStatus.CLOSED && b.getFingerprint() == null).toList();
    }

    /** One published result of a meeting marked public. */
    public PublishedResult publishedPublic(long ballotId) {
        PublishedResult result = published(ballotId);
        publicMeeting(result.meetingId());
        return result;
    }

    /** The meeting, if it is marked public; else the refusal {@code results.notFound}. */
    public Meeting publicMeeting(long meetingId) {
        return meetings.withAgenda(meetingId).filter(Meeting::isPublicMeeting)
                .orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "results.notFound"));
    }

    /**
     * Finds a receipt among the published papers of a public meeting: what the paper chose, for its holder to see it
     * counted; empty when it is not there (or the receipt is malformed).
     */
    public List<Found> lookup(long meetingId, String typedReceipt) {
        if (typedReceipt == null || !Receipts.wellFormed(typedReceipt)) {
            return List.of();
        }
        String receipt = Receipts.normalize(typedReceipt);
        List<Found> found = new ArrayList<>();
        for (PublishedResult result : ofPublicMeeting(meetingId)) {
            result.papers().stream().filter(paper -> paper.receipt().equals(receipt))
                    .forEach(paper -> found.add(new Found(result.ballotId(), result.question(), paper)));
            found.addAll(encrypted(result, receipt));
        }
        return found;
    }

    /**
     * A receipt among the trackers of an end-to-end ballot: the paper is in the box, counted without being opened; what
     * it chose is known to nobody but its voter, so the answer names no choice.
     */
    public static List<Found> encrypted(PublishedResult result, String receipt) {
        return result.trackers().stream().filter(tracker -> app.quorum.ballot.crypto.Tracker.display(tracker).equals(receipt))
                .map(tracker -> new Found(result.ballotId(), result.question(), new PublishedResult.Paper(receipt, null, List.of())))
                .toList();
    }

    /** A receipt found in a published box: the ballot and the paper, counted in its result. */
    public record Found(long ballotId, String question, PublishedResult.Paper paper) {
    }

    PublishedResult result(Ballot ballot) {
        long ballotId = ballot.getId();
        boolean published = ballot.getStatus() == BallotStatus.PUBLISHED;
        Result result = published ? ballots.publishedResult(ballotId) : ballots.result(ballotId);
        Map<Long, String> byId = ballot.getOptions().stream()
                .collect(Collectors.toMap(BallotOption::getId, BallotOption::getLabel));
        List<PublishedResult.Line> lines = ballot.getOptions().stream().map(option -> line(result, option)).toList();
        List<String> elected = List.of();
        List<String> tied = List.of();
        int blank = 0;
        if (result instanceof ElectionResult election) {
            elected = election.elected().stream().map(byId::get).toList();
            tied = election.tie() == null ? List.of() : election.tie().candidates().stream().map(byId::get).toList();
            blank = election.box().blank();
        }
        Function<String, List<String>> choiceLabels = code -> Ballots.chosenLabels(ballot, code);
        List<PublishedResult.Paper> papers = (published ? ballots.publishedPapers(ballotId) : ballots.papers(ballot)).stream()
                .map(paper -> new PublishedResult.Paper(paper.receipt(), paper.choice(), choiceLabels.apply(paper.choice())))
                .toList();
        List<PublishedResult.RollCallLine> rollCall = ballots.rollCall(ballotId).stream()
                .map(line -> new PublishedResult.RollCallLine(line.name(), line.choice(), choiceLabels.apply(line.choice())))
                .toList();
        List<PublishedResult.Correction> corrections = em.createNamedQuery(BallotCorrection.OF_BALLOT, BallotCorrection.class)
                .setParameter("ballotId", ballotId).getResultStream()
                .map(c -> new PublishedResult.Correction(c.getStatement(), c.getPublishedAt(), c.getPublishedBy())).toList();
        var rule = ballot.votingRule();
        List<String> trackers = endToEndCount.trackers(ballotId);
        return new PublishedResult(ballotId, ballot.getMeeting().getId(),
                ballot.getItem() == null ? null : ballot.getItem().getSortOrder(),
                ballot.getItem() == null ? null : ballot.getItem().getTitle(), ballot.getQuestion(), ballot.getKind(),
                ballot.getSecrecy(), rule.rule(), rule.base(), rule.abstentionsInBase(), rule.percentage(),
                ballot.getSeats(), lines, blank, result.votesCast(), result.base(), result.threshold().minimumVotes(),
                result.outcome(), elected, tied, ballot.getVoted() == null ? result.votesCast() : ballot.getVoted(),
                result.electorate().present(), result.electorate().votingMembers(), ballot.getFingerprint(),
                ballot.getOpenedAt(), ballot.getClosedAt(), ballot.getPublishedAt(), papers, rollCall, corrections,
                !trackers.isEmpty() || endToEnd.election(ballotId).isPresent(), trackers);
    }

    private static PublishedResult.Line line(Result result, BallotOption option) {
        if (result instanceof ApprovalResult approval) {
            ApprovalChoice choice = ApprovalChoice.valueOf(option.getCode());
            int votes = approval.count(choice);
            return new PublishedResult.Line(option.getCode(), option.getLabel(), votes, approval.share(choice).percent(1),
                    approval.shareOfBase(choice).map(share -> share.percent(1)).orElse(null), false);
        }
        ElectionResult election = (ElectionResult) result;
        long id = option.getId();
        return new PublishedResult.Line(String.valueOf(id), option.getLabel(), election.votes(id),
                election.share(id).percent(1), election.support(id).percent(1), election.elected().contains(id));
    }
}
