package app.quorum.ballot.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A secret ballot bound, at its open, to its meeting's trustee ceremony (election-record.md §2–§3): the ceremony's
 * public record and the ballot's public fields as they were then, and the ballot context every paper's proofs bind.
 * At the close the aggregate (the sums per option) and the turnout are fixed here; the trustees decrypt that
 * aggregate only after recomputing it themselves from the published papers.
 */
@Entity
@Table(name = "ballot_election")
public class BallotElection {

    @Id
    @Column(name = "ballot_id")
    private long ballotId;

    private String ceremony;

    private String definition;

    private String context;

    private String aggregate;

    private boolean closed;

    private Integer turnout;

    protected BallotElection() {
        // for JPA
    }

    public BallotElection(long ballotId, String ceremony, String definition, String context) {
        this.ballotId = ballotId;
        this.ceremony = ceremony;
        this.definition = definition;
        this.context = context;
    }

    /** At the close: the sums per option (JSON, or null for an empty box) and the number of participations. */
    public void close(String aggregateJson, int participations) {
        this.aggregate = aggregateJson;
        this.turnout = participations;
        this.closed = true;
    }

    public long getBallotId() {
        return ballotId;
    }

    /** The ceremony's public record (JSON) the ballot was opened under. */
    public String getCeremony() {
        return ceremony;
    }

    /** The ballot's public fields as bound at the open (JSON). */
    public String getDefinition() {
        return definition;
    }

    public String getContext() {
        return context;
    }

    public String getAggregate() {
        return aggregate;
    }

    public boolean isClosed() {
        return closed;
    }

    public Integer getTurnout() {
        return turnout;
    }
}
