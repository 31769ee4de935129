package app.quorum.ballot.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReceiptsTest {

    /** Vectors computed outside Java: Python's RFC 4648 base 32 of the first 10 bytes, mapped to Crockford's. */
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "00000000000000000000000000000000, 0000-0000-0000-0000",
        "ffffffffffffffffffffffffffffffff, ZZZZ-ZZZZ-ZZZZ-ZZZZ",
        "000102030405060708090a0b0c0d0e0f, 000G-40R4-0M30-E209",
        "f81d4fae7dec11d0a76500a0c91e6bf6, Z0EM-ZBKX-XG8X-19V5",
        "deadbeefcafebabe0123456789abcdef, VTPV-XVYA-ZTXB-W093"})
    void knownVectors(String id, String receipt) {
        assertEquals(receipt, Receipts.of(HexFormat.of().parseHex(id)));
    }

    @Test
    void aUuidGivesTheReceiptOfItsSixteenBytes() {
        UUID id = UUID.fromString("f81d4fae-7dec-11d0-a765-00a0c91e6bf6");
        assertEquals("Z0EM-ZBKX-XG8X-19V5", Receipts.of(id));
    }

    @Test
    void onlyTheFirstEightyBitsCount() {
        byte[] id = HexFormat.of().parseHex("deadbeefcafebabe0123456789abcdef");
        String receipt = Receipts.of(id);
        byte[] tail = id.clone();
        for (int i = 10; i < 16; i++) {
            tail[i] ^= (byte) 0xff;
        }
        assertEquals(receipt, Receipts.of(tail));
        for (int bit = 0; bit < 80; bit++) {
            byte[] flipped = id.clone();
            flipped[bit / 8] ^= (byte) (0x80 >>> bit % 8);
            assertNotEquals(receipt, Receipts.of(flipped), "bit " + bit);
        }
    }

    /** Against an independent derivation (BigInteger in base 32), for many random ids; same id, same receipt. */
    @Test
    void deterministicAndEqualToBase32OfTheFirstEightyBits() {
        Random random = new Random(20240119);
        for (int n = 0; n < 2000; n++) {
            byte[] id = new byte[16];
            random.nextBytes(id);
            String digits = new BigInteger(1, Arrays.copyOf(id, 10)).toString(32);
            String padded = "0".repeat(16 - digits.length()) + digits;
            StringBuilder expected = new StringBuilder();
            for (int i = 0; i < 16; i++) {
                if (i > 0 && i % 4 == 0) {
                    expected.append('-');
                }
                expected.append(Receipts.ALPHABET.charAt(Character.digit(padded.charAt(i), 32)));
            }
            assertEquals(expected.toString(), Receipts.of(id));
            assertEquals(Receipts.of(id), Receipts.of(id.clone()));
        }
    }

    /** Receipts sort as strings in the order of the ids' first 80 bits (unsigned). */
    @Test
    void receiptOrderIsIdOrder() {
        Random random = new Random(7);
        List<byte[]> ids = IntStream.range(0, 500).mapToObj(i -> {
            byte[] id = new byte[16];
            random.nextBytes(id);
            return id;
        }).toList();
        List<String> byId = ids.stream()
                .sorted(Comparator.comparing((byte[] id) -> new BigInteger(1, Arrays.copyOf(id, 10))))
                .map(Receipts::of)
                .toList();
        List<String> byReceipt = ids.stream().map(Receipts::of).sorted().toList();
        assertEquals(byId, byReceipt);
    }

    @Test
    void theAlphabetHasNoLookAlikesAndIsInAsciiOrder() {
        assertEquals(32, Receipts.ALPHABET.length());
        assertEquals(32, Receipts.ALPHABET.chars().distinct().count());
        for (char c : "ILOU".toCharArray()) {
            assertEquals(-1, Receipts.ALPHABET.indexOf(c));
        }
        char[] sorted = Receipts.ALPHABET.toCharArray();
        Arrays.sort(sorted);
        assertEquals(Receipts.ALPHABET, new String(sorted));
    }

    @ParameterizedTest(name = "\"{0}\" is read as {1}")
    @CsvSource({
        "VTPV-XVYA-ZTXB-W093, VTPV-XVYA-ZTXB-W093",
        "vtpv xvya ztxb w093, VTPV-XVYA-ZTXB-W093",
        "VTPVXVYAZTXBW093, VTPV-XVYA-ZTXB-W093",
        "  vtpv-xvyaztxb  -w093 , VTPV-XVYA-ZTXB-W093",
        "ZOEM-ZBKX-XG8X-i9V5, Z0EM-ZBKX-XG8X-19V5",
        "Z0EM-ZBKX-XG8X-L9V5, Z0EM-ZBKX-XG8X-19V5",
        "oooo-oooo-oooo-oooo, 0000-0000-0000-0000"})
    void typedReceiptsAreNormalized(String typed, String receipt) {
        assertEquals(receipt, Receipts.normalize(typed));
        assertTrue(Receipts.wellFormed(typed));
    }

    @ParameterizedTest(name = "\"{0}\" is not a receipt")
    @CsvSource({"VTPV-XVYA-ZTXB-W09", "VTPV-XVYA-ZTXB-W0933", "UTPV-XVYA-ZTXB-W093", "VTPV-XVYA-ZTXB-W09#", "''"})
    void malformedReceipts(String typed) {
        assertNull(Receipts.normalize(typed));
        assertFalse(Receipts.wellFormed(typed));
    }

    @Test
    void anIdHasSixteenBytes() {
        assertNull(Receipts.normalize(null));
        assertThrows(IllegalArgumentException.class, () -> Receipts.of(new byte[15]));
        assertThrows(IllegalArgumentException.class, () -> Receipts.of(new byte[17]));
        assertThrows(NullPointerException.class, () -> Receipts.of((byte[]) null));
    }
}
