package app.quorum.ballot.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A paper a delegate had the tablet open instead of casting it (Benaloh's challenge, election-record.md §4): the paper
 * with its revelation (choices and randomness), so anyone can check that the device encrypted what it showed. Never
 * counted; sent without the delegate's session, so nothing links it to a voter.
 */
@Entity
@Table(name = "ballot_audited_paper")
@IdClass(EncryptedPaper.Key.class)
@NamedQuery(name = AuditedPaper.OF_BALLOT,
        query = "SELECT p FROM AuditedPaper p WHERE p.ballotId = :ballotId ORDER BY p.tracker")
public class AuditedPaper {

    public static final String OF_BALLOT = "AuditedPaper.ofBallot";

    @Id
    @Column(name = "ballot_id")
    private long ballotId;

    @Id
    @Column(name = "paper_id")
    private String paperId;

    private String tracker;

    private String paper;

    protected AuditedPaper() {
        // for JPA
    }

    public AuditedPaper(long ballotId, String paperId, String tracker, String paper) {
        this.ballotId = ballotId;
        this.paperId = paperId;
        this.tracker = tracker;
        this.paper = paper;
    }

    public String getTracker() {
        return tracker;
    }

    /** The audited paper's JSON with its revelation ({@code PreparedPaper#toJson}). */
    public String getPaper() {
        return paper;
    }
}
