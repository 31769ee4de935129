package app.quorum.ballot.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * A trustee's partial decryption of a closed ballot's aggregate, one share per option with its Chaum–Pedersen proof
 * (election-record.md §6), stored once it verified against the trustee's verification key.
 */
@Entity
@Table(name = "ballot_decryption")
@IdClass(TrusteeDecryption.Key.class)
@NamedQuery(name = TrusteeDecryption.OF_BALLOT,
        query = "SELECT d FROM TrusteeDecryption d WHERE d.ballotId = :ballotId ORDER BY d.trusteeIndex")
public class TrusteeDecryption {

    public static final String OF_BALLOT = "TrusteeDecryption.ofBallot";

    @Id
    @Column(name = "ballot_id")
    private long ballotId;

    @Id
    @Column(name = "trustee_index")
    private int trusteeIndex;

    private String decryption;

    protected TrusteeDecryption() {
        // for JPA
    }

    public TrusteeDecryption(long ballotId, int trusteeIndex, String decryption) {
        this.ballotId = ballotId;
        this.trusteeIndex = trusteeIndex;
        this.decryption = decryption;
    }

    public int getTrusteeIndex() {
        return trusteeIndex;
    }

    /** {@code {"index", "shares": [{"d", "proof"}…]}} as §6 writes it. */
    public String getDecryption() {
        return decryption;
    }

    /** The key: one decryption per trustee and ballot. */
    public record Key(long ballotId, int trusteeIndex) implements Serializable {

        public Key() {
            this(0, 0);
        }
    }
}
