package app.quorum.ballot.crypto;

import java.util.List;

/**
 * The record's fingerprint, printed in the minutes (election-record.md §7):
 * {@code SHA256hex("quorum/v1/record|" + ballotContext + "|" + tracker_1 + … + "|" + (α_0|β_0|… or "null") + "|" +
 * c_0 + … + "|" + c_N-1)}, trackers in the listed (ascending) order.
 */
public final class Fingerprint {

    private Fingerprint() {
    }

    public static String of(String ballotContext, List<String> trackers, Aggregate aggregate, long[] counts) {
        Transcript transcript = Transcript.of("quorum/v1/record").text(ballotContext);
        trackers.forEach(transcript::text);
        if (aggregate == null) {
            transcript.text("null");
        } else {
            aggregate.appendTo(transcript);
        }
        for (long count : counts) {
            transcript.number(count);
        }
        return transcript.digest();
    }
}
