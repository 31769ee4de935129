package app.quorum.meeting.control;

import app.quorum.meeting.entity.AgendaDocument;
import app.quorum.meeting.entity.AgendaItem;
import app.quorum.meeting.entity.DocumentInfo;
import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.Limits;
import app.quorum.platform.Refusal;
import app.quorum.platform.UploadLimits;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import app.quorum.platform.audit.AuditLog;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;

/**
 * PDF documents on agenda items. A file is accepted for what it is, not for its name: it must start like a PDF
 * and end like one, and stay under the size limit (QUORUM_DOCUMENTS_MAX_MB, 20 MB by default); its name has at most
 * {@value Limits#FILE_NAME} characters.
 */
@Stateless
@RolesAllowed("SECRETARY")
public class DocumentService {

    static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PDF_END = "%%EOF".getBytes(StandardCharsets.US_ASCII);

    @PersistenceContext
    EntityManager em;

    @Inject
    MeetingService meetings;

    @Inject
    AuditLog audit;

    @Inject
    UploadLimits limits;

    public DocumentInfo upload(long meetingId, long itemId, @NotNull String fileName, @NotNull byte[] content) {
        Meeting meeting = meetings.editable(meetingId);
        AgendaItem item = MeetingService.item(meeting, itemId);
        checkPdf(content, limits.getDocumentMegabytes());
        AgendaDocument document = new AgendaDocument(item, cleanName(fileName), content, sha256(content));
        em.persist(document);
        em.flush();
        audit.record("document.upload", "document", document.getId(), meetingId, document.getFileName());
        return new DocumentInfo(document.getId(), itemId, document.getFileName(), document.getSizeBytes(), null);
    }

    @PermitAll
    public List<DocumentInfo> ofItem(long itemId) {
        return em.createNamedQuery(AgendaDocument.OF_ITEM, DocumentInfo.class).setParameter("itemId", itemId).getResultList();
    }

    @PermitAll
    public List<DocumentInfo> ofMeeting(long meetingId) {
        return em.createNamedQuery(AgendaDocument.OF_MEETING, DocumentInfo.class).setParameter("meetingId", meetingId).getResultList();
    }

    @PermitAll
    public Optional<AgendaDocument> document(long documentId) {
        return Optional.ofNullable(em.find(AgendaDocument.class, documentId));
    }

    public void delete(long documentId) {
        AgendaDocument document = document(documentId).orElseThrow(() -> new Refusal(Refusal.Kind.NOT_FOUND, "document.notFound"));
        long meetingId = document.getItem().getMeeting().getId();
        meetings.editable(meetingId);
        em.remove(document);
        audit.record("document.delete", "document", documentId, meetingId, document.getFileName());
    }

    /** Refuses what is empty, too large, or not a PDF by its content. */
    static void checkPdf(byte[] content, int maxMegabytes) {
        if (content.length == 0) {
            throw new Refusal(Refusal.Kind.INVALID, "document.empty");
        }
        if (content.length > maxMegabytes * 1024L * 1024L) {
            throw new Refusal(Refusal.Kind.INVALID, "document.tooLarge", maxMegabytes);
        }
        if (indexOf(content, PDF_MAGIC, 0, Math.min(content.length, 1024)) < 0
                || indexOf(content, PDF_END, Math.max(0, content.length - 2048), content.length) < 0) {
            throw new Refusal(Refusal.Kind.INVALID, "document.notPdf");
        }
    }

    /**
     * The file's own name without folders or control characters.
     *
     * @throws Refusal when it is longer than {@value Limits#FILE_NAME} characters
     */
    static String cleanName(String fileName) {
        String name = fileName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (name.isEmpty()) {
            name = "document.pdf";
        }
        if (name.length() > Limits.FILE_NAME) {
            throw new Refusal(Refusal.Kind.INVALID, "document.nameTooLong", Limits.FILE_NAME);
        }
        return name;
    }

    private static int indexOf(byte[] data, byte[] needle, int from, int to) {
        outer:
        for (int i = from; i <= to - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
