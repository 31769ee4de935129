package app.quorum.meeting.entity;

import java.time.Instant;

/** What a list of documents shows, without loading their bytes. */
public record DocumentInfo(Long id, Long itemId, String fileName, long sizeBytes, Instant uploadedAt) {

    /** The size for people: "840 KB", "2.4 MB". */
    public String size() {
        if (sizeBytes < 1024 * 1024) {
            return Math.max(1, Math.round(sizeBytes / 1024.0)) + " KB";
        }
        return String.format(java.util.Locale.ROOT, "%.1f MB", sizeBytes / (1024.0 * 1024.0));
    }
}
