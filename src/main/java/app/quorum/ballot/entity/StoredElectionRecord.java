package app.quorum.ballot.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The public election record of an end-to-end ballot (election-record.md §7), written once when its count is known
 * (the database refuses any change afterwards); its fingerprint is the ballot's and goes into the minutes.
 */
@Entity
@Table(name = "election_record")
public class StoredElectionRecord {

    @Id
    @Column(name = "ballot_id")
    private long ballotId;

    private String fingerprint;

    private String record;

    protected StoredElectionRecord() {
        // for JPA
    }

    public StoredElectionRecord(long ballotId, String fingerprint, String record) {
        this.ballotId = ballotId;
        this.fingerprint = fingerprint;
        this.record = record;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    /** The record's JSON. */
    public String getRecord() {
        return record;
    }
}
