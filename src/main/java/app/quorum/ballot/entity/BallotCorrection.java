package app.quorum.ballot.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/** A correction of a published result: a statement appended and linked to it, never an edit (the table is append-only). */
@Entity
@Table(name = "ballot_correction")
@NamedQuery(name = BallotCorrection.OF_BALLOT,
        query = "SELECT c FROM BallotCorrection c WHERE c.ballotId = :ballotId ORDER BY c.publishedAt, c.id")
public class BallotCorrection {

    public static final String OF_BALLOT = "BallotCorrection.ofBallot";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "ballot_id")
    private long ballotId;

    private String statement;

    @Column(name = "published_at")
    private Instant publishedAt;

    @Column(name = "published_by")
    private String publishedBy;

    protected BallotCorrection() {
        // for JPA
    }

    public BallotCorrection(long ballotId, String statement, Instant publishedAt, String publishedBy) {
        this.ballotId = ballotId;
        this.statement = statement;
        this.publishedAt = publishedAt;
        this.publishedBy = publishedBy;
    }

    public Long getId() {
        return id;
    }

    public long getBallotId() {
        return ballotId;
    }

    public String getStatement() {
        return statement;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public String getPublishedBy() {
        return publishedBy;
    }
}
