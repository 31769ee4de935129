package app.quorum.ballot.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Arrays;

/**
 * An anonymous ballot paper: the ballot, a 128-bit random id, the choice (sealed while the ballot is open).
 * Nothing here says who cast it or when, and nothing orders it. Its key is (ballot, id): an id is unique in its
 * ballot's box, and the same id in another ballot is another paper.
 */
@Entity
@Table(name = "cast_vote")
@IdClass(CastVote.Key.class)
@NamedQuery(name = CastVote.OF_BALLOT, query = "SELECT c FROM CastVote c WHERE c.ballotId = :ballotId")
@NamedQuery(name = CastVote.COUNT, query = "SELECT COUNT(c) FROM CastVote c WHERE c.ballotId = :ballotId")
public class CastVote {

    public static final String OF_BALLOT = "CastVote.ofBallot";
    public static final String COUNT = "CastVote.count";

    @Id
    @Column(name = "ballot_id")
    private long ballotId;

    @Id
    private byte[] id;

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

    /** The key of a paper: its ballot and its id. */
    public static final class Key implements Serializable {

        private static final long serialVersionUID = 1L;

        private long ballotId;
        private byte[] id;

        public Key() {
            // for JPA
        }

        public Key(long ballotId, byte[] id) {
            this.ballotId = ballotId;
            this.id = id.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.ballotId == ballotId && Arrays.equals(key.id, id);
        }

        @Override
        public int hashCode() {
            return 31 * Long.hashCode(ballotId) + Arrays.hashCode(id);
        }
    }
}
