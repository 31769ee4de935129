package app.quorum.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One administrative action: who did what, to which object, when, from where. Append-only (the database refuses
 * changes and deletions). Never holds a vote's choice.
 */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(insertable = false, updatable = false)
    private Instant at;

    private String actor;
    private String action;

    @Column(name = "object_type")
    private String objectType;

    @Column(name = "object_id")
    private String objectId;

    @Column(name = "meeting_id")
    private Long meetingId;

    private String detail;
    private String source;

    protected AuditEvent() {
        // for JPA
    }

    public AuditEvent(String actor, String action, String objectType, String objectId, Long meetingId, String detail, String source) {
        this.actor = clip(actor, 200);
        this.action = clip(action, 60);
        this.objectType = clip(objectType, 40);
        this.objectId = clip(objectId, 60);
        this.meetingId = meetingId;
        this.detail = clip(detail, 1000);
        this.source = clip(source, 64);
    }

    private static String clip(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public Instant getAt() {
        return at;
    }

    public String getActor() {
        return actor;
    }

    public String getAction() {
        return action;
    }

    public String getObjectType() {
        return objectType;
    }

    public String getObjectId() {
        return objectId;
    }

    public Long getMeetingId() {
        return meetingId;
    }

    public String getDetail() {
        return detail;
    }

    public String getSource() {
        return source;
    }
}
