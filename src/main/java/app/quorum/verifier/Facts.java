package app.quorum.verifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bouncycastle.math.ec.ECPoint;

import com.fasterxml.jackson.databind.JsonNode;

/** What the checks have read from the record so far, for the checks after them. */
final class Facts {

    /** A listed (or audited) paper, decoded. */
    record DecodedPaper(int position, String paperId, String tracker, List<String> alphaHex, List<String> betaHex,
            List<ECPoint> alphas, List<ECPoint> betas, JsonNode json) {
    }

    final JsonNode root;
    /** The first number of the record's text not written as §1 says, or null. */
    String wrongNumber;
    long meetingId;
    String ceremonyContext;
    int trustees;
    int threshold;
    ECPoint publicKey;
    final Map<Integer, ECPoint> verificationKeys = new TreeMap<>();
    String ballotContext;
    int options;
    int min;
    int max;
    List<DecodedPaper> papers = new ArrayList<>();
    List<DecodedPaper> audited = new ArrayList<>();
    ECPoint[] aggregateAlphas;
    ECPoint[] aggregateBetas;
    /** Per trustee index, per option: {@code D_jo}, for the answers whose proofs verified. */
    final Map<Integer, List<ECPoint>> shares = new TreeMap<>();

    Facts(JsonNode root) {
        this.root = root;
    }
}
