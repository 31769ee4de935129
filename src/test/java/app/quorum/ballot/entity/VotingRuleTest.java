package app.quorum.ballot.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VotingRuleTest {

    @ParameterizedTest(name = "{0} of {1}, abstentions in base {2}, percentage {3}")
    @CsvSource({
        "SIMPLE,VOTES_CAST,false,", "SIMPLE,VOTES_CAST,true,", "SIMPLE,PRESENT,true,", "SIMPLE,ALL_MEMBERS,true,",
        "ABSOLUTE,VOTES_CAST,false,", "ABSOLUTE,VOTES_CAST,true,", "ABSOLUTE,PRESENT,true,",
        "ABSOLUTE,ALL_MEMBERS,true,",
        "TWO_THIRDS,VOTES_CAST,false,", "TWO_THIRDS,VOTES_CAST,true,", "TWO_THIRDS,PRESENT,true,",
        "TWO_THIRDS,ALL_MEMBERS,true,",
        "PERCENTAGE,VOTES_CAST,false,1", "PERCENTAGE,VOTES_CAST,true,60", "PERCENTAGE,PRESENT,true,75",
        "PERCENTAGE,ALL_MEMBERS,true,100"})
    void consistentRules(MajorityRule rule, MajorityBase base, boolean abstentionsInBase, Integer percentage) {
        VotingRule votingRule = new VotingRule(rule, base, abstentionsInBase, percentage);
        assertEquals(rule, votingRule.rule());
        assertEquals(base, votingRule.base());
        assertEquals(abstentionsInBase, votingRule.abstentionsInBase());
        assertEquals(percentage, votingRule.percentage());
    }

    @ParameterizedTest(name = "{0} of {1}, abstentions in base {2}, percentage {3} is refused")
    @CsvSource({
        "PERCENTAGE,VOTES_CAST,false,", "PERCENTAGE,VOTES_CAST,false,0", "PERCENTAGE,VOTES_CAST,false,101",
        "PERCENTAGE,PRESENT,true,-5",
        "SIMPLE,VOTES_CAST,false,50", "ABSOLUTE,PRESENT,true,50", "TWO_THIRDS,ALL_MEMBERS,true,67",
        "SIMPLE,PRESENT,false,", "ABSOLUTE,ALL_MEMBERS,false,", "PERCENTAGE,PRESENT,false,60"})
    void inconsistentRules(MajorityRule rule, MajorityBase base, boolean abstentionsInBase, Integer percentage) {
        assertThrows(IllegalArgumentException.class, () -> new VotingRule(rule, base, abstentionsInBase, percentage));
    }

    @Test
    void ruleAndBaseAreRequired() {
        assertThrows(NullPointerException.class, () -> new VotingRule(null, MajorityBase.VOTES_CAST, false, null));
        assertThrows(NullPointerException.class, () -> new VotingRule(MajorityRule.SIMPLE, null, false, null));
    }

    @Test
    void factoriesLeaveAbstentionsOutOfVotesCastOnly() {
        assertFalse(VotingRule.of(MajorityRule.ABSOLUTE, MajorityBase.VOTES_CAST).abstentionsInBase());
        assertTrue(VotingRule.of(MajorityRule.ABSOLUTE, MajorityBase.PRESENT).abstentionsInBase());
        assertTrue(VotingRule.of(MajorityRule.ABSOLUTE, MajorityBase.ALL_MEMBERS).abstentionsInBase());
        VotingRule sixty = VotingRule.percentage(60, MajorityBase.VOTES_CAST);
        assertEquals(new VotingRule(MajorityRule.PERCENTAGE, MajorityBase.VOTES_CAST, false, 60), sixty);
        assertThrows(IllegalArgumentException.class, () -> VotingRule.of(MajorityRule.PERCENTAGE, MajorityBase.PRESENT));
    }
}
