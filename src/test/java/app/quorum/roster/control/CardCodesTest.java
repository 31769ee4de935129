package app.quorum.roster.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CardCodesTest {

    @Test
    void codesCarryAtLeast80BitsWithoutLookAlikes() {
        assertTrue(CardCodes.bits() >= 80, "bits: " + CardCodes.bits());
        for (char lookAlike : "01OILUV".toCharArray()) {
            assertEquals(-1, CardCodes.ALPHABET.indexOf(lookAlike), "look-alike " + lookAlike);
        }
    }

    @Test
    void aCodeIsThreeGroupsOfSixAndWellFormed() {
        String code = CardCodes.generate();
        assertTrue(code.matches("[2-9A-Z]{6}-[2-9A-Z]{6}-[2-9A-Z]{6}"), code);
        assertTrue(CardCodes.wellFormed(code));
    }

    @Test
    void codesDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertTrue(seen.add(CardCodes.generate()));
        }
    }

    @Test
    void typedScannedAndPrintedFormsHashAlike() {
        String code = CardCodes.generate();
        byte[] printed = CardCodes.hash(code);
        assertArrayEquals(printed, CardCodes.hash(code.toLowerCase().replace("-", " ")));
        assertArrayEquals(printed, CardCodes.hash("https://quorum.example/delegate/sign-in.xhtml?meeting=3&code=" + code));
        assertNotEquals(new String(printed), new String(CardCodes.hash(CardCodes.generate())));
        assertEquals(32, printed.length);
    }

    @Test
    void typosAreNotCodes() {
        assertFalse(CardCodes.wellFormed("ABC"));
        assertFalse(CardCodes.wellFormed("OOOOOO-OOOOOO-OOOOOO"));
        assertFalse(CardCodes.wellFormed(null));
        assertEquals("", CardCodes.normalize(null));
    }
}
