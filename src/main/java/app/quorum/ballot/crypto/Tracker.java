package app.quorum.ballot.crypto;

import java.util.HexFormat;
import java.util.List;

import app.quorum.ballot.crypto.Receipts;

/**
 * A paper's tracker, the voter's receipt (ElectionGuard's tracking code; election-record.md §4):
 * {@code SHA256hex("quorum/v1/tracker|" + ballotContext + "|" + paperId + "|" + α_0 + "|" + β_0 + … )}. Shown as its
 * first 80 bits in Crockford base 32, {@code XXXX-XXXX-XXXX-XXXX} (the receipt form of {@link Receipts}), and
 * published in full.
 */
public final class Tracker {

    private Tracker() {
    }

    /** The tracker of a paper. */
    public static String of(String ballotContext, Paper paper) {
        Transcript transcript = Transcript.of("quorum/v1/tracker").text(ballotContext).text(paper.paperId());
        for (Ciphertext ciphertext : paper.ciphertexts()) {
            transcript.point(ciphertext.alpha()).point(ciphertext.beta());
        }
        return transcript.digest();
    }

    /**
     * The tracker over a paper's fields as sent, decoded or not (a rejected paper's, §7): the strings
     * {@code α_0, β_0, …} in order, joined as they are.
     */
    public static String ofStrings(String ballotContext, String paperId, List<String> alphasAndBetas) {
        return Hashes.sha256hex("quorum/v1/tracker|" + ballotContext + "|" + paperId + "|"
                + String.join("|", alphasAndBetas));
    }

    /** The form shown to the voter: the first 80 bits in Crockford base 32, grouped 4-4-4-4. */
    public static String display(String tracker) {
        return Receipts.of(HexFormat.of().parseHex(tracker.substring(0, 32)));
    }
}
