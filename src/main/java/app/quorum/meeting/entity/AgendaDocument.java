package app.quorum.meeting.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A PDF attached to an agenda item. The bytes live in the database, so a backup of the database (or of the
 * embedded data folder) holds the documents too.
 */
@Entity
@Table(name = "agenda_document")
@NamedQuery(name = AgendaDocument.OF_ITEM, query = "SELECT NEW app.quorum.meeting.entity.DocumentInfo(d.id, d.item.id, d.fileName, d.sizeBytes, d.uploadedAt) "
        + "FROM AgendaDocument d WHERE d.item.id = :itemId ORDER BY d.uploadedAt, d.id")
@NamedQuery(name = AgendaDocument.OF_MEETING, query = "SELECT NEW app.quorum.meeting.entity.DocumentInfo(d.id, d.item.id, d.fileName, d.sizeBytes, d.uploadedAt) "
        + "FROM AgendaDocument d WHERE d.item.meeting.id = :meetingId ORDER BY d.item.sortOrder, d.uploadedAt, d.id")
public class AgendaDocument {

    public static final String OF_ITEM = "AgendaDocument.ofItem";
    public static final String OF_MEETING = "AgendaDocument.ofMeeting";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agenda_item_id")
    private AgendaItem item;

    @Column(name = "file_name")
    private String fileName;

    @Column(name = "size_bytes")
    private long sizeBytes;

    private byte[] sha256;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    private byte[] content;

    @Column(name = "uploaded_at", insertable = false, updatable = false)
    private Instant uploadedAt;

    protected AgendaDocument() {
        // for JPA
    }

    public AgendaDocument(AgendaItem item, String fileName, byte[] content, byte[] sha256) {
        this.item = item;
        this.fileName = fileName;
        this.content = content.clone();
        this.sizeBytes = content.length;
        this.sha256 = sha256.clone();
    }

    public Long getId() {
        return id;
    }

    public AgendaItem getItem() {
        return item;
    }

    public String getFileName() {
        return fileName;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public byte[] content() {
        return content.clone();
    }

    public byte[] sha256() {
        return sha256.clone();
    }
}
