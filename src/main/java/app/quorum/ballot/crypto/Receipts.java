package app.quorum.ballot.crypto;

import java.nio.ByteBuffer;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * The receipt a voter keeps: derived from their cast vote's 128-bit random id, so nothing more is stored and
 * nothing links it to the voter.
 *
 * <h2>Derivation</h2> The first 80 bits of the id (bytes 0 to 9, most significant bit first) are written as 16
 * symbols of 5 bits in Crockford's base 32, {@value #ALPHABET} (no I, L, O or U), and grouped 4-4-4-4:
 * {@code 0123-4567-89AB-CDEF}. The same id always gives the same receipt. The alphabet is in ASCII order, so
 * receipts sort as strings in the order of their ids' first 80 bits. A {@link UUID} id is read as its 16 bytes,
 * most significant first; note that a version-4 UUID fixes 4 of those 80 bits (76 random).
 *
 * <h2>Collisions</h2> The full id, with the ballot, stays the unique key of the cast vote; the receipt is shown as
 * derived and is not a key. Two papers of one box share a receipt only if their ids share 80 bits: for n papers the chance is
 * about n²/2⁸¹ (below 10⁻¹⁷ for 5,000 papers). Should it happen, the published list shows both lines under that
 * receipt (both voters find a paper with their choice, if they chose alike, or both papers), and the box
 * fingerprint stays well defined ({@link BoxFingerprint} orders equal receipts by choice). The casting service may
 * also draw a new id when the receipt is already in the box, which makes receipts unique per ballot.
 *
 * <h2>Reading a typed receipt</h2> {@link #normalize(String)} accepts lower case, spaces and any dashes, and reads
 * O as 0 and I or L as 1, as Crockford's decoding does.
 */
public final class Receipts {

    /** Crockford's base 32: digits, then letters without I, L, O and U; in ASCII order. */
    public static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    /** Symbols in a receipt, 5 bits each: 80 bits. */
    public static final int LENGTH = 16;
    private static final int GROUP = 4;

    private Receipts() {
    }

    /**
     * The receipt of a cast vote's id.
     *
     * @param id the 16 bytes of the id
     * @return {@code XXXX-XXXX-XXXX-XXXX}
     */
    public static String of(byte[] id) {
        Objects.requireNonNull(id, "id");
        if (id.length != 16) {
            throw new IllegalArgumentException("a cast vote id has 16 bytes, got " + id.length);
        }
        StringBuilder receipt = new StringBuilder(LENGTH + LENGTH / GROUP - 1);
        for (int symbol = 0; symbol < LENGTH; symbol++) {
            if (symbol > 0 && symbol % GROUP == 0) {
                receipt.append('-');
            }
            receipt.append(ALPHABET.charAt(fiveBits(id, symbol * 5)));
        }
        return receipt.toString();
    }

    /** The receipt of an id held as a {@link UUID}: the same as for its 16 bytes, most significant first. */
    public static String of(UUID id) {
        return of(ByteBuffer.allocate(16)
                .putLong(id.getMostSignificantBits())
                .putLong(id.getLeastSignificantBits())
                .array());
    }

    /**
     * A receipt as typed or read aloud, in the form {@link #of(byte[])} gives: upper case, O read as 0, I and L
     * as 1, spaces and dashes regrouped. Returns {@code null} if it cannot be a receipt (wrong length, or a
     * symbol outside the alphabet such as U).
     */
    public static String normalize(String typed) {
        if (typed == null) {
            return null;
        }
        StringBuilder symbols = new StringBuilder(LENGTH);
        for (char c : typed.toUpperCase(Locale.ROOT).toCharArray()) {
            char read = switch (c) {
                case 'O' -> '0';
                case 'I', 'L' -> '1';
                default -> c;
            };
            if (read == '-' || Character.isWhitespace(read)) {
                continue;
            }
            if (ALPHABET.indexOf(read) < 0) {
                return null;
            }
            symbols.append(read);
        }
        if (symbols.length() != LENGTH) {
            return null;
        }
        for (int at = LENGTH - GROUP; at > 0; at -= GROUP) {
            symbols.insert(at, '-');
        }
        return symbols.toString();
    }

    /** Whether the input could be a receipt at all, so that a typo is told apart from an unknown receipt. */
    public static boolean wellFormed(String typed) {
        return normalize(typed) != null;
    }

    private static int fiveBits(byte[] id, int bit) {
        int value = 0;
        for (int i = bit; i < bit + 5; i++) {
            value = value << 1 | (id[i / 8] >> (7 - i % 8) & 1);
        }
        return value;
    }
}
