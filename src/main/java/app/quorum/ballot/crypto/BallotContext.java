package app.quorum.ballot.crypto;

import org.bouncycastle.math.ec.ECPoint;

/**
 * A ballot as its papers' proofs see it (election-record.md §3–§4): the context digest, the public key (one object,
 * so that its precomputed tables are reused), the number of options {@code N} and the marks {@code min..max}; and the
 * proofs' prefixes.
 */
public record BallotContext(String value, ECPoint publicKey, int options, int min, int max) {

    /** The values a bit proof allows: 0 or 1. */
    static final long[] BIT = {0, 1};

    /** {@code "quorum/v1/bit|" + ballotContext + "|" + paperId + "|" + o}. */
    public Transcript bitPrefix(String paperId, int option) {
        return Transcript.of("quorum/v1/bit").text(value).text(paperId).number(option);
    }

    /** {@code "quorum/v1/total|" + ballotContext + "|" + paperId + "|" + min + "|" + max}. */
    public Transcript totalPrefix(String paperId) {
        return Transcript.of("quorum/v1/total").text(value).text(paperId).number(min).number(max);
    }

    /** The values a total proof allows: {@code min … max}. */
    public long[] totals() {
        return DisjunctiveProof.range(min, max);
    }
}
