package app.quorum.ballot.control;

import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BallotKind;
import app.quorum.ballot.entity.BallotOption;
import app.quorum.ballot.entity.BallotStatus;
import app.quorum.ballot.entity.Secrecy;
import app.quorum.platform.Jsons;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * What every tablet of a meeting is told at once when the proceedings change ({@link TabletPush}), and the face of an
 * open ballot the tablet draws its choices from (resources/quorum/tablet/face.js): the question, the agenda item, the
 * options in order, the rules of a choice and, for an end-to-end ballot, its public fields. A face is the same for
 * every delegate of the meeting and holds nothing of anyone's vote; whether a delegate may vote stays the tablet's
 * own part of its signature ({@link TabletState#signature}) and the casting API's check.
 *
 * <p>A hall of 2,000 that re-rendered its page on every open made 2,000 Faces renderings at once (issue 15: the last
 * tablet showed the ballot 12 s after the open); with the face in the push, no tablet asks the server anything to
 * show an open ballot.
 */
@Stateless
public class TabletFaces {

    @PersistenceContext
    EntityManager em;

    @Inject
    EndToEndBallots endToEnd;

    /** The meeting's news for its tablets: {@code {"meeting", "signature", "face" (or null)}}. */
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public Optional<JsonObject> news(long meetingId) {
        TabletCache.MeetingFacts facts = TabletCache.MeetingFacts.read(em, meetingId); // as committed, never this node's copy
        if (facts == null) {
            return Optional.empty();
        }
        JsonObjectBuilder news = Jsons.JSON.createObjectBuilder().add("meeting", meetingId).add("signature", facts.signature(meetingId));
        if (facts.ballotStatus() == BallotStatus.OPEN) {
            news.add("face", face(em.find(Ballot.class, facts.ballotId())));
        } else {
            news.addNull("face");
        }
        return Optional.of(news.build());
    }

    /** An open ballot's face as JSON text (the tablet page carries it as rendered, see VotingBacking). */
    public String faceOf(Ballot ballot) {
        return face(ballot).build().toString();
    }

    private JsonObjectBuilder face(Ballot ballot) {
        JsonArrayBuilder options = Jsons.JSON.createArrayBuilder();
        for (BallotOption option : ballot.getOptions()) {
            options.add(Jsons.JSON.createObjectBuilder().add("id", option.getId()).add("code", option.getCode()).add("label", option.getLabel()));
        }
        JsonObjectBuilder face = Jsons.JSON.createObjectBuilder().add("id", ballot.getId()).add("kind", ballot.getKind().name())
                .add("question", ballot.getQuestion()).add("seats", ballot.getSeats()).add("min", ballot.getMinChoices())
                .add("blank", ballot.isBlankAllowed()).add("rollCall", ballot.getSecrecy() == Secrecy.OPEN)
                .add("election", ballot.getKind() == BallotKind.ELECTION).add("options", options);
        if (ballot.getItem() != null) {
            face.add("item", ballot.getItem().getSortOrder() + ". " + ballot.getItem().getTitle());
        } else {
            face.addNull("item");
        }
        String fields = endToEnd.tabletFields(ballot.getId());
        if (fields != null) {
            face.add("fields", fields);
        } else {
            face.addNull("fields");
        }
        return face;
    }
}
