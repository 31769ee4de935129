package app.quorum.ballot.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * One line of an open (roll-call) ballot's record: who chose what, public by design. Written with the voter's
 * {@link Participation} (which it needs: the database links them), never for a secret ballot.
 */
@Entity
@Table(name = "roll_call")
@IdClass(RollCallChoice.Key.class)
@NamedQuery(name = RollCallChoice.OF_BALLOT, query = "SELECT r FROM RollCallChoice r WHERE r.ballotId = :ballotId")
public class RollCallChoice {

    public static final String OF_BALLOT = "RollCallChoice.ofBallot";

    @Id
    @Column(name = "ballot_id")
    private long ballotId;

    @Id
    @Column(name = "participant_id")
    private long participantId;

    private String choice;

    protected RollCallChoice() {
        // for JPA
    }

    public RollCallChoice(long ballotId, long participantId, String choice) {
        this.ballotId = ballotId;
        this.participantId = participantId;
        this.choice = choice;
    }

    public long getBallotId() {
        return ballotId;
    }

    public long getParticipantId() {
        return participantId;
    }

    /** The choice code, as on the paper (YES / NO / ABSTAIN, or option ids). */
    public String getChoice() {
        return choice;
    }

    /** The key: one line per (ballot, participant). */
    public record Key(long ballotId, long participantId) implements Serializable {

        public Key() {
            this(0, 0);
        }
    }
}
