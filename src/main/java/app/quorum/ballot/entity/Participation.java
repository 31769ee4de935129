package app.quorum.ballot.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;

/** The fact that a participant has voted on a ballot: never what they chose, never when. */
@Entity
@Table(name = "participation")
@IdClass(Participation.Key.class)
@NamedQuery(name = Participation.COUNT, query = "SELECT COUNT(p) FROM Participation p WHERE p.ballotId = :ballotId")
@NamedQuery(name = Participation.VOTERS, query = "SELECT p.participantId FROM Participation p WHERE p.ballotId = :ballotId")
@NamedQuery(name = Participation.VOTED,
        query = "SELECT p.participantId FROM Participation p WHERE p.ballotId = :ballotId AND p.participantId = :participantId")
public class Participation {

    public static final String COUNT = "Participation.count";
    public static final String VOTED = "Participation.voted";
    public static final String VOTERS = "Participation.voters";

    @Id
    @Column(name = "ballot_id")
    private long ballotId;

    @Id
    @Column(name = "participant_id")
    private long participantId;

    protected Participation() {
        // for JPA
    }

    public Participation(long ballotId, long participantId) {
        this.ballotId = ballotId;
        this.participantId = participantId;
    }

    public long getBallotId() {
        return ballotId;
    }

    public long getParticipantId() {
        return participantId;
    }

    /** The composite key. */
    public record Key(long ballotId, long participantId) implements Serializable {

        public Key() {
            this(0, 0);
        }
    }
}
