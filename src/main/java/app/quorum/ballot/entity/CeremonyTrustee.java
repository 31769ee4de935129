package app.quorum.ballot.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * A trustee of a meeting's ceremony: a participant of the meeting with an index 1..n, the role and name the election
 * record shows, and what their device published — round 1, the verification key with its proof, or a complaint.
 */
@Entity
@Table(name = "ceremony_trustee")
@IdClass(CeremonyTrustee.Key.class)
@NamedQuery(name = CeremonyTrustee.OF_MEETING,
        query = "SELECT t FROM CeremonyTrustee t WHERE t.meetingId = :meetingId ORDER BY t.trusteeIndex")
@NamedQuery(name = CeremonyTrustee.BY_PARTICIPANT,
        query = "SELECT t FROM CeremonyTrustee t WHERE t.meetingId = :meetingId AND t.participantId = :participantId")
@NamedQuery(name = CeremonyTrustee.REMOVE_OF_MEETING, query = "DELETE FROM CeremonyTrustee t WHERE t.meetingId = :meetingId")
public class CeremonyTrustee {

    public static final String OF_MEETING = "CeremonyTrustee.ofMeeting";
    public static final String BY_PARTICIPANT = "CeremonyTrustee.byParticipant";
    public static final String REMOVE_OF_MEETING = "CeremonyTrustee.removeOfMeeting";

    @Id
    @Column(name = "meeting_id")
    private long meetingId;

    @Id
    @Column(name = "trustee_index")
    private int trusteeIndex;

    @Column(name = "participant_id")
    private long participantId;

    private String role;

    private String name;

    @Column(name = "round_one")
    private String roundOne;

    @Column(name = "verification_key")
    private String verificationKey;

    private String complaint;

    protected CeremonyTrustee() {
        // for JPA
    }

    public CeremonyTrustee(long meetingId, int trusteeIndex, long participantId, String role, String name) {
        this.meetingId = meetingId;
        this.trusteeIndex = trusteeIndex;
        this.participantId = participantId;
        this.role = role;
        this.name = name;
    }

    /** Drops what the device published (a restart). */
    public void clear() {
        roundOne = null;
        verificationKey = null;
        complaint = null;
    }

    public long getMeetingId() {
        return meetingId;
    }

    public int getTrusteeIndex() {
        return trusteeIndex;
    }

    public long getParticipantId() {
        return participantId;
    }

    public String getRole() {
        return role;
    }

    public String getName() {
        return name;
    }

    public String getRoundOne() {
        return roundOne;
    }

    public void setRoundOne(String roundOne) {
        this.roundOne = roundOne;
    }

    public String getVerificationKey() {
        return verificationKey;
    }

    public void setVerificationKey(String verificationKey) {
        this.verificationKey = verificationKey;
    }

    public String getComplaint() {
        return complaint;
    }

    public void setComplaint(String complaint) {
        this.complaint = complaint;
    }

    /** The composite key. */
    public record Key(long meetingId, int trusteeIndex) implements Serializable {

        public Key() {
            this(0, 0);
        }
    }
}
