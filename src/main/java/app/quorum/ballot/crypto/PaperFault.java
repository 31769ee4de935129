package app.quorum.ballot.crypto;

/**
 * Why a paper is refused (election-record.md §4), as the record's {@code rejected[].reason} writes it
 * ({@link #key()}); the server maps each to a translated message.
 */
public enum PaperFault {
    /** Not the paper's JSON shape: fields, {@code N} ciphertexts and proofs, {@code max-min+1} total branches. */
    SHAPE,
    /** A point or scalar not in its canonical form, or a point off the curve. */
    ENCODING,
    /** A bit proof does not verify. */
    BIT_PROOF,
    /** The total proof does not verify. */
    TOTAL_PROOF,
    /** The paperId is already in the ballot: an accepted paper's with other ciphertexts, or an audited paper's. */
    DUPLICATE_ID,
    /** An α repeats one of the paper, of an accepted paper or of an audited paper (Cortier–Smyth replay). */
    REPLAY;

    /** The reason key of the record: {@code ballot.crypto.paper.bit-proof} and so on. */
    public String key() {
        return "ballot.crypto.paper." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
