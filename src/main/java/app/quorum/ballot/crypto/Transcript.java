package app.quorum.ballot.crypto;

import java.math.BigInteger;

import org.bouncycastle.math.ec.ECPoint;

/**
 * A transcript string of election-record.md §1: fields joined with {@code |} — ASCII tags, decimal integers, points
 * and scalars in their canonical hex, hex digests — none of which contains {@code |}, so a transcript reads back one
 * way only. Hashing the whole statement with the commitments is the strong Fiat–Shamir transform (Bernhard, Pereira,
 * Warinschi 2012).
 */
public final class Transcript {

    private final StringBuilder joined;

    private Transcript(String start) {
        joined = new StringBuilder(256).append(start);
    }

    /** A transcript starting with a domain tag such as {@code quorum/v1/schnorr}. */
    public static Transcript of(String tag) {
        return new Transcript(checked(tag));
    }

    /**
     * A transcript continuing a prefix that is itself a transcript (the {@code prefix} of a disjunctive proof,
     * election-record.md §4 and §5.2).
     */
    public static Transcript continuing(Transcript prefix) {
        return new Transcript(prefix.toString());
    }

    /** Appends a field already in its canonical form (a tag, a context digest, a hex id). */
    public Transcript text(String field) {
        joined.append('|').append(checked(field));
        return this;
    }

    /** Appends a non-negative integer in decimal, without sign or leading zeros. */
    public Transcript number(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("transcript integers are non-negative");
        }
        joined.append('|').append(value);
        return this;
    }

    /** Appends a point in its canonical hex. */
    public Transcript point(ECPoint point) {
        joined.append('|').append(Codec.hex(point));
        return this;
    }

    /** Appends a scalar in its canonical hex. */
    public Transcript scalar(BigInteger scalar) {
        joined.append('|').append(Codec.hex(scalar));
        return this;
    }

    /** The joined string. */
    @Override
    public String toString() {
        return joined.toString();
    }

    /** {@code H(transcript)}: the Fiat–Shamir challenge. */
    public BigInteger challenge() {
        return Hashes.toScalar(toString());
    }

    /** {@code SHA256hex(transcript)}: a context, a tracker, a fingerprint. */
    public String digest() {
        return Hashes.sha256hex(toString());
    }

    private static String checked(String field) {
        if (field.indexOf('|') >= 0) {
            throw new IllegalArgumentException("a transcript field never contains |");
        }
        return field;
    }
}
