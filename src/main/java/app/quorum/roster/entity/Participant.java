package app.quorum.roster.entity;

import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.Limits;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A roster entry of one meeting. The roster is sorted the Vietnamese way, by given name (the last word of
 * the full name, a column the database derives) and then the whole name, in the Vietnamese collation.
 */
@Entity
@Table(name = "participant")
@NamedQuery(name = Participant.ROSTER,
        query = "SELECT p FROM Participant p WHERE p.meeting.id = :meetingId ORDER BY p.givenName, p.fullName, p.id")
@NamedQuery(name = Participant.BY_CARD,
        query = "SELECT p FROM Participant p WHERE p.meeting.id = :meetingId AND p.cardCodeHash = :hash")
@NamedQuery(name = Participant.QUORUM_COUNTS,
        query = "SELECT COUNT(p), SUM(CASE WHEN p.checkedInAt IS NOT NULL THEN 1 ELSE 0 END) FROM Participant p "
                + "WHERE p.meeting.id = :meetingId AND p.voting = TRUE")
@NamedQuery(name = Participant.BY_ROLE,
        query = "SELECT p FROM Participant p WHERE p.meeting.id = :meetingId AND p.role = :role ORDER BY p.givenName, p.fullName, p.id")
@NamedQuery(name = Participant.SESSION_TOKEN, query = "SELECT p.sessionTokenHash FROM Participant p WHERE p.id = :id")
@NamedQuery(name = Participant.SESSION_TOKENS_OF_MEETING, query = "SELECT o.id, o.sessionTokenHash FROM Participant o, Participant p "
        + "WHERE p.id = :id AND o.meeting = p.meeting")
public class Participant {

    public static final String ROSTER = "Participant.roster";
    public static final String BY_ROLE = "Participant.byRole";
    public static final String SESSION_TOKEN = "Participant.sessionToken";
    /** Every session token hash of a participant's meeting, with its participant's id. */
    public static final String SESSION_TOKENS_OF_MEETING = "Participant.sessionTokensOfMeeting";
    public static final String BY_CARD = "Participant.byCard";
    public static final String QUORUM_COUNTS = "Participant.quorumCounts";
    /** A phone number as people write it: digits, spaces, dots, dashes, parentheses, an optional leading +. */
    public static final String PHONE = "^\\+?[0-9][0-9 .()-]{5,28}[0-9]$";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "meeting_id")
    private Meeting meeting;

    @NotBlank(message = "{participant.fullName.required}")
    @Size(max = Limits.PARTICIPANT_FULL_NAME, message = "{participant.fullName.size}")
    @Column(name = "full_name")
    private String fullName;

    @Column(name = "given_name", insertable = false, updatable = false)
    private String givenName;

    @Size(max = Limits.PARTICIPANT_POSITION, message = "{participant.position.size}")
    @Column(name = "position_name")
    private String position;

    @Size(max = Limits.PARTICIPANT_UNIT, message = "{participant.unit.size}")
    private String unit;

    @NotNull
    @Enumerated(EnumType.STRING)
    private Role role = Role.DELEGATE;

    private boolean voting;

    @Pattern(regexp = PHONE, message = "{participant.phone.invalid}")
    @Size(max = Limits.PARTICIPANT_PHONE, message = "{participant.phone.size}")
    private String phone;

    @Email(message = "{participant.email.invalid}")
    @Size(max = Limits.PARTICIPANT_EMAIL, message = "{participant.email.size}")
    private String email;

    @Column(name = "checked_in_at")
    private Instant checkedInAt;

    @Column(name = "card_code_hash")
    private byte[] cardCodeHash;

    @Column(name = "session_token")
    private byte[] sessionTokenHash;

    @Column(name = "signed_in_at")
    private Instant signedInAt;

    @Column(name = "search_text", insertable = false, updatable = false)
    private String searchText;

    @Version
    private long version;

    protected Participant() {
        // for JPA
    }

    public Participant(Meeting meeting, String fullName, Role role, boolean voting) {
        this.meeting = meeting;
        this.fullName = fullName;
        this.role = role;
        this.voting = voting;
    }

    public Long getId() {
        return id;
    }

    public Meeting getMeeting() {
        return meeting;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getPosition() {
        return position;
    }

    public void setPosition(String position) {
        this.position = position;
    }

    public String getUnit() {
        return unit;
    }

    public void setUnit(String unit) {
        this.unit = unit;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public boolean isVoting() {
        return voting;
    }

    public void setVoting(boolean voting) {
        this.voting = voting;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public boolean isPresent() {
        return checkedInAt != null;
    }

    public Instant getCheckedInAt() {
        return checkedInAt;
    }

    public void checkIn(Instant at) {
        this.checkedInAt = at;
    }

    public void checkOut() {
        this.checkedInAt = null;
    }

    public boolean hasCard() {
        return cardCodeHash != null;
    }

    /** A new session on a device: the previous one, if any, is over. */
    public void startSession(byte[] tokenHash, Instant at) {
        this.sessionTokenHash = tokenHash.clone();
        this.signedInAt = at;
    }

    public boolean sessionIs(byte[] tokenHash) {
        return sameSession(sessionTokenHash, tokenHash);
    }

    /** Whether a stored session token hash (null: signed out) is this one, in constant time. */
    public static boolean sameSession(byte[] stored, byte[] tokenHash) {
        return stored != null && java.security.MessageDigest.isEqual(stored, tokenHash);
    }

    public void endSession() {
        this.sessionTokenHash = null;
    }

    public Instant getSignedInAt() {
        return signedInAt;
    }

    /** The same person on another meeting's roster: no attendance, no card. */
    public Participant copyFor(Meeting other) {
        Participant copy = new Participant(other, fullName, role, voting);
        copy.position = position;
        copy.unit = unit;
        copy.phone = phone;
        copy.email = email;
        return copy;
    }

    /** Stores the hash of a newly issued card code; the previous card stops working. */
    public void issueCard(byte[] codeHash) {
        this.cardCodeHash = codeHash.clone();
        this.sessionTokenHash = null;
    }
}
