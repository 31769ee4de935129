package app.quorum.ballot.crypto;

import java.util.List;

/**
 * The record's fingerprint, printed in the minutes (election-record.md §7): the SHA256hex of
 * {@code "quorum/v1/record" | ballotContext | the listed papers' trackers | "audited" | the audited trackers |
 * "rejected" | the rejected trackers ("null" for none) | the aggregate α_0|β_0|… or "null" | for each decryption by
 * ascending index, j | D_j0 | … | D_j,N-1 | c_0 | … | c_N-1}. So it pins what was counted, audited and refused, the
 * aggregate, every partial decryption and the counts.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(String ballotContext, List<String> trackers, List<String> audited, List<String> rejected,
            Aggregate aggregate, List<PartialDecryption> decryptions, long[] counts) {
        Transcript transcript = Transcript.of("quorum/v1/record").text(ballotContext);
        trackers.forEach(transcript::text);
        transcript.text("audited");
        audited.forEach(transcript::text);
        transcript.text("rejected");
        rejected.forEach(tracker -> transcript.text(tracker == null ? "null" : tracker));
        if (aggregate == null) {
            transcript.text("null");
        } else {
            aggregate.appendTo(transcript);
        }
        for (PartialDecryption decryption : decryptions) {
            transcript.number(decryption.index());
            decryption.shares().forEach(share -> transcript.point(share.d()));
        }
        for (long count : counts) {
            transcript.number(count);
        }
        return transcript.digest();
    }
}
