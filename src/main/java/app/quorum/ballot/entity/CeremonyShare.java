package app.quorum.ballot.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;

/** A round-2 share {@code s_ij} of a ceremony, encrypted for trustee {@code j}: the EncryptedShare JSON (§2.1). */
@Entity
@Table(name = "ceremony_share")
@IdClass(CeremonyShare.Key.class)
@NamedQuery(name = CeremonyShare.OF_MEETING,
        query = "SELECT s FROM CeremonyShare s WHERE s.meetingId = :meetingId ORDER BY s.fromIndex, s.toIndex")
@NamedQuery(name = CeremonyShare.TO,
        query = "SELECT s FROM CeremonyShare s WHERE s.meetingId = :meetingId AND s.toIndex = :to ORDER BY s.fromIndex")
@NamedQuery(name = CeremonyShare.REMOVE_OF_MEETING, query = "DELETE FROM CeremonyShare s WHERE s.meetingId = :meetingId")
public class CeremonyShare {

    public static final String OF_MEETING = "CeremonyShare.ofMeeting";
    public static final String TO = "CeremonyShare.to";
    public static final String REMOVE_OF_MEETING = "CeremonyShare.removeOfMeeting";

    @Id
    @Column(name = "meeting_id")
    private long meetingId;

    @Id
    @Column(name = "from_index")
    private int fromIndex;

    @Id
    @Column(name = "to_index")
    private int toIndex;

    private String box;

    protected CeremonyShare() {
        // for JPA
    }

    public CeremonyShare(long meetingId, int fromIndex, int toIndex, String box) {
        this.meetingId = meetingId;
        this.fromIndex = fromIndex;
        this.toIndex = toIndex;
        this.box = box;
    }

    public long getMeetingId() {
        return meetingId;
    }

    public int getFromIndex() {
        return fromIndex;
    }

    public int getToIndex() {
        return toIndex;
    }

    public String getBox() {
        return box;
    }

    /** The composite key. */
    public record Key(long meetingId, int fromIndex, int toIndex) implements Serializable {

        public Key() {
            this(0, 0, 0);
        }
    }
}
