package app.quorum.ballot.control;

import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BallotKind;
import java.time.LocalDateTime;

/**
 * An earlier ballot offered as the starting point of a new one: which ballot, of which meeting, and what it asked.
 *
 * @param ballotId the ballot whose definition {@link Ballots#definition(long)} gives
 */
public record BallotTemplate(long ballotId, long meetingId, String meetingTitle, LocalDateTime meetingStartsAt,
        String question, BallotKind kind) {

    static BallotTemplate of(Ballot ballot) {
        return new BallotTemplate(ballot.getId(), ballot.getMeeting().getId(), ballot.getMeeting().getTitle(),
                ballot.getMeeting().getStartsAt(), ballot.getQuestion(), ballot.getKind());
    }
}
