package app.quorum.ballot.control;

import app.quorum.ballot.crypto.Ceremony;
import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BallotStatus;
import app.quorum.platform.Jsons;
import app.quorum.platform.Refusal;
import app.quorum.roster.entity.Participant;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The count from a trustee's device (election-record.md §6): the closed end-to-end ballots of the trustee's meeting,
 * the box of one of them to check and decrypt on the device, and the partial decryption it sends back. The trustee is
 * the signed-in participant, a trustee of the very ceremony the ballot was opened under; the device never receives
 * anything secret, and the server never receives a key share.
 */
@Stateless
@RolesAllowed("DELEGATE")
public class TrusteeCount {

    /** Where a ballot stands for a trustee. */
    public enum State {
        /** closed, waiting for this trustee's decryption */
        AWAITING,
        /** this trustee has decrypted; waiting for others */
        DECRYPTED,
        /** counted: enough trustees have decrypted */
        COUNTED
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    EndToEndBallots endToEnd;

    @Inject
    EndToEndCount endToEndCount;

    @Inject
    Ceremonies ceremonies;

    /** The trustee's meeting's closed end-to-end ballots, newest first, each with its state for this trustee. */
    public JsonArray ballots(long participantId) {
        Participant trustee = participant(participantId);
        long meetingId = trustee.getMeeting().getId();
        var list = Jsons.JSON.createArrayBuilder();
        for (Ballot ballot : em.createNamedQuery(Ballot.OF_MEETING, Ballot.class).setParameter("meetingId", meetingId).getResultList()) {
            var election = endToEnd.election(ballot.getId());
            if (election.isEmpty() || !election.get().isClosed()) {
                continue;
            }
            Ceremony ceremony = endToEndCount.ceremony(ballot.getId());
            var index = ceremonies.trusteeIndex(meetingId, participantId);
            if (index.isEmpty() || !sameCeremony(meetingId, ceremony)) {
                continue;
            }
            State state = !endToEndCount.awaitingTrustees(ballot.getId()) ? State.COUNTED
                    : endToEndCount.decrypted(ballot.getId(), index.getAsInt()) ? State.DECRYPTED : State.AWAITING;
            list.add(Jsons.JSON.createObjectBuilder().add("ballotId", ballot.getId()).add("question", ballot.getQuestion())
                    .add("state", state.name()).add("turnout", election.get().getTurnout())
                    .add("decryptions", endToEndCount.decryptions(ballot.getId())).add("threshold", ceremony.threshold()));
        }
        return list.build();
    }

    /** A closed ballot's box for this trustee's device to check and decrypt. */
    public JsonObject box(long participantId, long ballotId) {
        Ballot ballot = ballot(ballotId);
        return endToEndCount.trusteeBox(ballot, index(participantId, ballot));
    }

    /** This trustee's partial decryption of a closed ballot; whether the ballot is counted now. */
    public boolean decrypt(long participantId, long ballotId, JsonObject decryption) {
        Ballot ballot = ballot(ballotId);
        return endToEndCount.decrypt(ballotId, index(participantId, ballot), decryption);
    }

    private int index(long participantId, Ballot ballot) {
        Participant trustee = participant(participantId);
        long meetingId = ballot.getMeeting().getId();
        if (!trustee.getMeeting().getId().equals(meetingId)) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "ballot.e2e.notTrustee");
        }
        var index = ceremonies.trusteeIndex(meetingId, participantId);
        if (index.isEmpty() || !sameCeremony(meetingId, endToEndCount.ceremony(ballot.getId()))) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "ballot.e2e.notTrustee");
        }
        return index.getAsInt();
    }

    /** Whether the meeting's ceremony is still the one the ballot was opened under (a replaced one has other trustees). */
    private boolean sameCeremony(long meetingId, Ceremony bound) {
        return bound.id().equals(ceremonies.status(meetingId).ceremonyId());
    }

    private Ballot ballot(long ballotId) {
        Ballot ballot = em.find(Ballot.class, ballotId);
        if (ballot == null || endToEnd.election(ballotId).isEmpty()) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "ballot.notFound");
        }
        if (ballot.getStatus() != BallotStatus.CLOSED && ballot.getStatus() != BallotStatus.PUBLISHED) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.e2e.notClosed");
        }
        return ballot;
    }

    private Participant participant(long participantId) {
        Participant participant = em.find(Participant.class, participantId);
        if (participant == null) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "ballot.e2e.notTrustee");
        }
        return participant;
    }
}
