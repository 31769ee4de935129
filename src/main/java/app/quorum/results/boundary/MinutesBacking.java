package app.quorum.results.boundary;

import app.quorum.ballot.control.Ballots;
import app.quorum.ballot.entity.BallotStatus;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** The "Minutes" panel of the secretary's meeting page: the counted ballots, each with its minutes. */
@Named
@ViewScoped
public class MinutesBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Ballots ballots;

    private Long meetingId;
    private List<Counted> counted;

    /** A closed or published ballot of the meeting. */
    public record Counted(long id, String question, boolean published) implements Serializable {
    }

    /** The meeting's closed and published ballots, in the order they were defined (read once per view). */
    public List<Counted> counted(Long meeting) {
        if (meeting == null) {
            return List.of();
        }
        if (counted == null || !meeting.equals(meetingId)) {
            meetingId = meeting;
            counted = ballots.ofMeeting(meeting).stream()
                    .filter(b -> b.getStatus() == BallotStatus.CLOSED || b.getStatus() == BallotStatus.PUBLISHED)
                    .map(b -> new Counted(b.getId(), b.getQuestion(), b.getStatus() == BallotStatus.PUBLISHED))
                    .toList();
        }
        return counted;
    }
}
