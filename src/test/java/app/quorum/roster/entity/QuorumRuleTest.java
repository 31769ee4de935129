package app.quorum.roster.entity;

import app.quorum.meeting.entity.QuorumRule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QuorumRuleTest {

    @ParameterizedTest(name = "more than half of {0} is {1}")
    @CsvSource({"0,1", "1,1", "2,2", "3,2", "4,3", "9,5", "10,6", "11,6", "100,51", "5000,2501"})
    void moreThanHalf(int members, int required) {
        assertEquals(required, QuorumRule.MORE_THAN_HALF.required(members, null));
    }

    @ParameterizedTest(name = "two-thirds of {0} is {1}")
    @CsvSource({"0,1", "1,1", "2,2", "3,2", "4,3", "6,4", "9,6", "10,7", "12,8", "30,20", "31,21"})
    void atLeastTwoThirds(int members, int required) {
        assertEquals(required, QuorumRule.TWO_THIRDS.required(members, null));
    }

    @Test
    void aFixedNumberIsThatNumber() {
        assertEquals(7, QuorumRule.FIXED.required(20, 7));
        assertEquals(25, QuorumRule.FIXED.required(20, 25));
        assertThrows(IllegalArgumentException.class, () -> QuorumRule.FIXED.required(20, null));
        assertThrows(IllegalArgumentException.class, () -> QuorumRule.FIXED.required(20, 0));
    }

    @Test
    void theSeedCommitteeOfNine() {
        Quorum four = Quorum.of(QuorumRule.MORE_THAN_HALF, null, 9, 4);
        assertFalse(four.reached());
        assertEquals(1, four.missing());
        Quorum five = Quorum.of(QuorumRule.MORE_THAN_HALF, null, 9, 5);
        assertTrue(five.reached());
        assertEquals(0, five.missing());
        Quorum twoThirds = Quorum.of(QuorumRule.TWO_THIRDS, null, 9, 5);
        assertFalse(twoThirds.reached());
        assertEquals(6, twoThirds.required());
    }

    @Test
    void negativeMembershipIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> QuorumRule.MORE_THAN_HALF.required(-1, null));
    }
}
