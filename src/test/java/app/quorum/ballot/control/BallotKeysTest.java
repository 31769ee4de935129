package app.quorum.ballot.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.quorum.ballot.entity.BoxFingerprint;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Sealing a secret ballot's papers: every choice, of every ballot, gives a paper of one size; old papers still open. */
class BallotKeysTest {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final BallotKeys keys = new BallotKeys(bytes(32));
    private final byte[] salt = BallotKeys.newSalt();

    @Test
    void everyChoiceOfEveryBallotIsSealedToOneSize() {
        List<String> codes = new ArrayList<>(List.of("YES", "NO", "ABSTAIN", BoxFingerprint.BLANK, "7", "7,8", "123,4567,89012"));
        // an election paper naming 1 to the most candidates a ballot can elect, with ids of 1 to 18 digits
        for (int digits = 1; digits <= 18; digits++) {
            Set<Long> chosen = new TreeSet<>();
            long first = (long) Math.pow(10, digits - 1);
            for (int i = 0; i < BallotDraft.CANDIDATES_MAX - 1 && chosen.size() < (digits == 1 ? 9 : 59); i++) {
                chosen.add(first + i);
                codes.add(BoxFingerprint.code(chosen));
            }
        }
        String longest = codes.stream().max(java.util.Comparator.comparingInt(String::length)).orElseThrow();
        assertEquals(CastingService.CHOICE_MAX_CHARS, longest.length(), "the longest code a ballot can have is among them");
        for (String code : codes) {
            byte[] paper = bytes(16);
            byte[] sealed = keys.seal(7, salt, paper, code);
            assertEquals(BallotKeys.SEALED_BYTES, sealed.length, code);
            assertEquals(code, keys.unseal(7, salt, paper, sealed));
        }
        assertEquals(1180, BallotKeys.SEALED_BYTES, "12-byte nonce, 1152 bytes of padded choice, 16-byte tag");
    }

    @Test
    void aPaperSealedBeforeThePaddingStillOpens() {
        for (String code : List.of("YES", "NO", "ABSTAIN", "-", "41,42,43")) {
            byte[] paper = bytes(16);
            byte[] unpadded = keys.sealBytes(9, salt, paper, code.getBytes(StandardCharsets.UTF_8));
            assertEquals(12 + code.length() + 16, unpadded.length, "sealed as before");
            assertEquals(code, keys.unseal(9, salt, paper, unpadded));
        }
    }

    @Test
    void thePaddingIsIso7816AndUnambiguous() {
        byte[] padded = BallotKeys.pad("NO".getBytes(StandardCharsets.US_ASCII));
        assertEquals(BallotKeys.PADDED_BYTES, padded.length);
        assertEquals('N', padded[0]);
        assertEquals('O', padded[1]);
        assertEquals((byte) 0x80, padded[2]);
        for (int i = 3; i < padded.length; i++) {
            assertEquals(0, padded[i]);
        }
        assertArrayEquals("NO".getBytes(StandardCharsets.US_ASCII), BallotKeys.unpad(padded));
        assertArrayEquals(new byte[0], BallotKeys.unpad(BallotKeys.pad(new byte[0])));
        byte[] zeroInside = {'a', 0, 0, 'b'};
        assertArrayEquals(zeroInside, BallotKeys.unpad(BallotKeys.pad(zeroInside)), "a code ending in 0x00 or holding 0x80 stays itself");
        assertThrows(IllegalStateException.class, () -> BallotKeys.unpad(new byte[BallotKeys.PADDED_BYTES]), "no 0x80 at all");
        byte[] broken = BallotKeys.pad(new byte[] {'x'});
        broken[broken.length - 1] = 1;
        assertThrows(IllegalStateException.class, () -> BallotKeys.unpad(broken), "something after the padding");
        assertThrows(IllegalArgumentException.class, () -> BallotKeys.pad(new byte[BallotKeys.PADDED_BYTES]), "a code too long for a paper");
    }

    @Test
    void aPaperOpensOnlyInItsBallotUnderItsId() {
        byte[] paper = bytes(16);
        byte[] sealed = keys.seal(3, salt, paper, "YES");
        assertThrows(IllegalStateException.class, () -> keys.unseal(4, salt, paper, sealed), "another ballot");
        assertThrows(IllegalStateException.class, () -> keys.unseal(3, salt, bytes(16), sealed), "another paper id");
        assertThrows(IllegalStateException.class, () -> new BallotKeys(bytes(32)).unseal(3, salt, paper, sealed), "another key file");
    }

    private static byte[] bytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
