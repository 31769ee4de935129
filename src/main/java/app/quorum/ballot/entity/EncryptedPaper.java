package app.quorum.ballot.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * An accepted paper of an end-to-end ballot (election-record.md §4): one ciphertext per option with its proofs, made on
 * the voter's tablet under the trustees' joint key. The server cannot open it. Like {@link CastVote}, it holds no
 * participant, time or order; its key is (ballot, paper id), its tracker the voter's receipt.
 */
@Entity
@Table(name = "ballot_paper")
@IdClass(EncryptedPaper.Key.class)
@NamedQuery(name = EncryptedPaper.OF_BALLOT,
        query = "SELECT p FROM EncryptedPaper p WHERE p.ballotId = :ballotId ORDER BY p.tracker")
@NamedQuery(name = EncryptedPaper.COUNT, query = "SELECT COUNT(p) FROM EncryptedPaper p WHERE p.ballotId = :ballotId")
public class EncryptedPaper {

    public static final String OF_BALLOT = "EncryptedPaper.ofBallot";
    public static final String COUNT = "EncryptedPaper.count";

    @Id
    @Column(name = "ballot_id")
    private long ballotId;

    @Id
    @Column(name = "paper_id")
    private String paperId;

    private String tracker;

    private String paper;

    protected EncryptedPaper() {
        // for JPA
    }

    public EncryptedPaper(long ballotId, String paperId, String tracker, String paper) {
        this.ballotId = ballotId;
        this.paperId = paperId;
        this.tracker = tracker;
        this.paper = paper;
    }

    public String getPaperId() {
        return paperId;
    }

    public String getTracker() {
        return tracker;
    }

    /** The paper's JSON as §4 writes it (without its tracker). */
    public String getPaper() {
        return paper;
    }

    /** The key: a paper id is unique in its ballot. */
    public record Key(long ballotId, String paperId) implements Serializable {

        public Key() {
            this(0, null);
        }
    }
}
