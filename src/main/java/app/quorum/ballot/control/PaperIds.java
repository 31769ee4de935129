package app.quorum.ballot.control;

import app.quorum.platform.Refusal;
import java.util.HexFormat;

/**
 * A ballot paper's id as the voter's device sends it: 32 hex digits, 128 bits drawn at random (the tablet uses
 * {@code crypto.getRandomValues}). The id is the paper's key in its ballot's box and the source of its receipt, so
 * an id that is plainly not random — all zero, a counter, a short pattern repeated — is refused: its receipt could be
 * guessed, and it would collide with the next device that makes the same mistake.
 *
 * <h2>The check, and how often it refuses a truly random id</h2> An id is refused when its 16 bytes take fewer than
 * {@value #MIN_DISTINCT_BYTES} distinct values, or when its Hamming weight (the number of 1 bits) is at most
 * {@value #MAX_DISTANCE_FROM_HALF} away from 0 or from 128, that is {@code |weight - 64| >= 48}. Either catches an
 * all-zero or all-equal id, a small counter, a repeated pattern of up to five bytes (…{@code deadbeef}…), an id of
 * bytes that are almost all 0x00 or 0xFF. For 128 uniformly random bits the two events have the probabilities
 * <ul>
 * <li>fewer than 6 distinct bytes among 16: {@code sum_{j<=5} C(256,j) * S(16,j) * j! / 256^16} = 3.41 × 10⁻¹⁸
 * (S: Stirling numbers of the second kind, so {@code S(16,j) * j!} counts the sequences using exactly j values);</li>
 * <li>weight {@code <= 16} or {@code >= 112}: {@code 2 * sum_{k<=16} C(128,k) / 2^128} = 6.38 × 10⁻¹⁹;</li>
 * </ul>
 * and their union — a random id refused — has the exact probability computed in {@code PaperIdsTest}
 * (4.05 × 10⁻¹⁸, below 2⁻⁵⁷): a hall that casts a million papers a day would see one refused in about 10¹² years.
 * The check is no test of randomness (no such test exists for one value; {@code 0123456789abcdef0123456789abcdef}
 * passes); it keeps out the ids a broken device sends.
 */
public final class PaperIds {

    /** The fewest distinct byte values a paper id must have among its 16 bytes. */
    static final int MIN_DISTINCT_BYTES = 6;
    /** An id whose weight is at most this far from 0 or from 128 is refused (|weight − 64| ≥ 48). */
    static final int MAX_DISTANCE_FROM_HALF = 16;
    static final int BYTES = 16;

    private PaperIds() {
    }

    /**
     * The 16 bytes of a paper id given as 32 hex digits (either case), or a refusal: {@code ballot.paperInvalid} when
     * it is not 32 hex digits, {@code ballot.paperNotRandom} when it is plainly not random.
     */
    public static byte[] parse(String hex) {
        if (hex == null || !hex.matches("[0-9a-fA-F]{32}")) {
            throw new Refusal(Refusal.Kind.INVALID, "ballot.paperInvalid");
        }
        byte[] id = HexFormat.of().parseHex(hex);
        if (!looksRandom(id)) {
            throw new Refusal(Refusal.Kind.INVALID, "ballot.paperNotRandom");
        }
        return id;
    }

    /** Whether 16 bytes pass the check above. */
    static boolean looksRandom(byte[] id) {
        if (id.length != BYTES) {
            return false;
        }
        boolean[] seen = new boolean[256];
        int distinct = 0;
        int weight = 0;
        for (byte b : id) {
            if (!seen[b & 0xff]) {
                seen[b & 0xff] = true;
                distinct++;
            }
            weight += Integer.bitCount(b & 0xff);
        }
        return distinct >= MIN_DISTINCT_BYTES && weight > MAX_DISTANCE_FROM_HALF && weight < 8 * BYTES - MAX_DISTANCE_FROM_HALF;
    }
}
