package app.quorum.ballot.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A paper the server refused, as it was sent, with the reason (election-record.md §4, §7 {@code rejected}), listed in
 * the order refusals arrived. Not counted; it names no participant.
 */
@Entity
@Table(name = "ballot_rejected_paper")
@NamedQuery(name = RejectedPaperEntry.OF_BALLOT,
        query = "SELECT p FROM RejectedPaperEntry p WHERE p.ballotId = :ballotId ORDER BY p.arrival")
public class RejectedPaperEntry {

    public static final String OF_BALLOT = "RejectedPaperEntry.ofBallot";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long arrival;

    @Column(name = "ballot_id")
    private long ballotId;

    private String tracker;

    private String reason;

    private String paper;

    protected RejectedPaperEntry() {
        // for JPA
    }

    public RejectedPaperEntry(long ballotId, String tracker, String reason, String paper) {
        this.ballotId = ballotId;
        this.tracker = tracker;
        this.reason = reason;
        this.paper = paper;
    }

    /** The §7 entry ({@code RejectedPaper#toJson}): the paper as sent, its tracker (or null) and its reason. */
    public String getPaper() {
        return paper;
    }
}
