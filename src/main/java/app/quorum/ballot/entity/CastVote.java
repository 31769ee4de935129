package app.quorum.ballot.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * An anonymous ballot paper: a 128-bit random id, the ballot, the choice (sealed while the ballot is open).
 * Nothing here says who cast it or when, and nothing orders it.
 */
@Entity
@Table(name = "cast_vote")
@NamedQuery(name = CastVote.OF_BALLOT, query = "SELECT c FROM CastVote c WHERE c.ballotId = :ballotId")
@NamedQuery(name = CastVote.COUNT, query = "SELECT COUNT(c) FROM CastVote c WHERE c.ballotId = :ballotId")
public class CastVote {

    public static final String OF_BALLOT = "CastVote.ofBallot";
    public static final String COUNT = "CastVote.count";

    @Id
    private byte[] id;

    @Column(name = "ballot_id")
    private long ballotId;

    private byte[] sealed;

    private String choice;

    protected CastVote() {
        // for JPA
    }

    public static CastVote sealed(byte[] id, long ballotId, byte[] sealed) {
        CastVote vote = new CastVote();
        vote.id = id.clone();
        vote.ballotId = ballotId;
        vote.sealed = sealed.clone();
        return vote;
    }

    public static CastVote plain(byte[] id, long ballotId, String choice) {
        CastVote vote = new CastVote();
        vote.id = id.clone();
        vote.ballotId = ballotId;
        vote.choice = choice;
        return vote;
    }

    /** At the close: the unsealed choice replaces the sealed one. */
    public void unseal(String unsealed) {
        this.choice = unsealed;
        this.sealed = null;
    }

    public byte[] id() {
        return id.clone();
    }

    public long ballotId() {
        return ballotId;
    }

    public byte[] sealedChoice() {
        return sealed == null ? null : sealed.clone();
    }

    public String choice() {
        return choice;
    }
}
