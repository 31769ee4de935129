package app.quorum.ballot.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A meeting's key ceremony (election-record.md §2): its id (128 random bits, drawn by the server), {@code n} trustees,
 * threshold {@code t}, its state, and once READY the joint public key. Named so as not to clash with
 * {@code app.quorum.ballot.crypto.Ceremony}, the published record it is built into.
 */
@Entity
@Table(name = "ceremony")
@NamedQuery(name = TrusteeCeremony.OPEN_SECRET_BALLOTS, query = "SELECT COUNT(b) FROM Ballot b WHERE b.meeting.id = :meetingId"
        + " AND b.status = app.quorum.ballot.entity.BallotStatus.OPEN AND b.secrecy = app.quorum.ballot.entity.Secrecy.SECRET")
public class TrusteeCeremony {

    /** How many secret ballots of the meeting are open: a ceremony is neither started nor restarted under one. */
    public static final String OPEN_SECRET_BALLOTS = "TrusteeCeremony.openSecretBallots";

    @Id
    @Column(name = "meeting_id")
    private long meetingId;

    @Column(name = "ceremony_id")
    private String ceremonyId;

    private int n;

    private int threshold;

    @Enumerated(EnumType.STRING)
    private CeremonyState status;

    @Column(name = "public_key")
    private String publicKey;

    @Column(name = "created_at")
    private Instant createdAt;

    @Column(name = "ready_at")
    private Instant readyAt;

    protected TrusteeCeremony() {
        // for JPA
    }

    public TrusteeCeremony(long meetingId, String ceremonyId, int n, int threshold, Instant createdAt) {
        this.meetingId = meetingId;
        this.n = n;
        this.threshold = threshold;
        renew(ceremonyId, createdAt);
    }

    /** A fresh start under a new id: collecting again, no key. */
    public final void renew(String freshId, Instant now) {
        this.ceremonyId = freshId;
        this.status = CeremonyState.COLLECTING;
        this.publicKey = null;
        this.createdAt = now;
        this.readyAt = null;
    }

    /** A fresh start with other trustees or another threshold. */
    public void resize(int trustees, int t) {
        this.n = trustees;
        this.threshold = t;
    }

    public void ready(String jointKey, Instant now) {
        this.status = CeremonyState.READY;
        this.publicKey = jointKey;
        this.readyAt = now;
    }

    public void fail() {
        this.status = CeremonyState.FAILED;
    }

    public long getMeetingId() {
        return meetingId;
    }

    public String getCeremonyId() {
        return ceremonyId;
    }

    public int getN() {
        return n;
    }

    public int getThreshold() {
        return threshold;
    }

    public CeremonyState getStatus() {
        return status;
    }

    public String getPublicKey() {
        return publicKey;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadyAt() {
        return readyAt;
    }
}
