package app.quorum.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How large an upload may be: an agenda item's PDF ({@code QUORUM_DOCUMENTS_MAX_MB}, 20 MB by default) and a roster
 * file ({@code QUORUM_ROSTER_MAX_MB}, 10 MB), and what the HTTP layer takes before anything reads a request. The pages
 * read them as {@code #{uploadLimits.…}} for the upload components' own check, the services check them again.
 */
@Named
@ApplicationScoped
public class UploadLimits {

    private static final long MEGABYTE = 1024L * 1024L;
    /**
     * The largest form a page posts that is not an upload: Grizzly's own limit (Payara's default max-post-size, 2 MB),
     * far above the longest texts (10,000 characters are at most 90 KB once URL-encoded).
     */
    public static final long FORM_BYTES = 2 * MEGABYTE;
    /** What an upload's request carries besides the file: the form's other fields and the multipart framing. */
    static final long MULTIPART_OVERHEAD_BYTES = MEGABYTE;
    static final String DOCUMENTS_DEFAULT_MB = "20";
    static final String ROSTER_DEFAULT_MB = "10";

    @Inject
    @ConfigProperty(name = "quorum.documents.max.mb", defaultValue = DOCUMENTS_DEFAULT_MB)
    int documentMegabytes = Integer.parseInt(DOCUMENTS_DEFAULT_MB);

    @Inject
    @ConfigProperty(name = "quorum.roster.max.mb", defaultValue = ROSTER_DEFAULT_MB)
    int rosterMegabytes = Integer.parseInt(ROSTER_DEFAULT_MB);

    /** The limits by default; the application's come from MicroProfile Config. */
    public UploadLimits() {
        // for CDI, and the defaults outside the container
    }

    UploadLimits(int documentMegabytes, int rosterMegabytes) {
        this.documentMegabytes = documentMegabytes;
        this.rosterMegabytes = rosterMegabytes;
    }

    public int getDocumentMegabytes() {
        return documentMegabytes;
    }

    public long getDocumentBytes() {
        return documentMegabytes * MEGABYTE;
    }

    public int getRosterMegabytes() {
        return rosterMegabytes;
    }

    public long getRosterBytes() {
        return rosterMegabytes * MEGABYTE;
    }

    /** The largest multipart request the HTTP layer reads: the largest upload and the rest of its form. */
    public long multipartBytes() {
        return Math.max(getDocumentBytes(), getRosterBytes()) + MULTIPART_OVERHEAD_BYTES;
    }

    /** The largest request of this content type that the HTTP layer reads. */
    public long requestBytes(String contentType) {
        return multipart(contentType) ? multipartBytes() : FORM_BYTES;
    }

    /** The limit a refusal of a request of this content type names, in megabytes: the largest upload, or a form's. */
    public long requestMegabytes(String contentType) {
        return multipart(contentType) ? Math.max(documentMegabytes, rosterMegabytes) : FORM_BYTES / MEGABYTE;
    }

    private static boolean multipart(String contentType) {
        return contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }
}
