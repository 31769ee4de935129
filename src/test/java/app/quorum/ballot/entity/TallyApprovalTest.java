package app.quorum.ballot.entity;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class TallyApprovalTest {

    /**
     * Every rule × base × abstention setting, with its boundaries. Columns: the rule (rule, base, abstentions in
     * base, percentage), the electorate (voting members, present), the box (yes, no, abstain), and what is expected
     * (base, threshold value, whether it is strict, minimum yes votes, outcome).
     */
    @ParameterizedTest(name = "[{index}] {0} {1} abst.in={2} p={3} | members {4} present {5} | {6}/{7}/{8} → "
            + "base {9}, {10}, min {12}, {13}")
    @CsvSource(delimiter = '|', textBlock = """
        # SIMPLE: more yes than no; abstentions never count against; the base is only reported
        SIMPLE     | VOTES_CAST  | false |     |  9 |  9 | 5 | 4 | 0 |  9 | 4     | true  | 5 | PASSED
        SIMPLE     | VOTES_CAST  | false |     |  9 |  9 | 4 | 4 | 1 |  8 | 4     | true  | 5 | NOT_PASSED
        SIMPLE     | VOTES_CAST  | false |     |  9 |  9 | 4 | 5 | 0 |  9 | 5     | true  | 6 | NOT_PASSED
        SIMPLE     | VOTES_CAST  | false |     |  9 |  9 | 1 | 0 | 8 |  1 | 0     | true  | 1 | PASSED
        SIMPLE     | VOTES_CAST  | false |     |  9 |  9 | 0 | 0 | 0 |  0 | 0     | true  | 1 | NOT_PASSED
        SIMPLE     | VOTES_CAST  | false |     |  9 |  9 | 0 | 0 | 9 |  0 | 0     | true  | 1 | NOT_PASSED
        SIMPLE     | VOTES_CAST  | true  |     |  9 |  9 | 1 | 0 | 8 |  9 | 0     | true  | 1 | PASSED
        SIMPLE     | VOTES_CAST  | true  |     |  9 |  9 | 4 | 4 | 1 |  9 | 4     | true  | 5 | NOT_PASSED
        SIMPLE     | VOTES_CAST  | true  |     |  9 |  9 | 3 | 2 | 4 |  9 | 2     | true  | 3 | PASSED
        SIMPLE     | PRESENT     | true  |     | 12 |  9 | 3 | 2 | 0 |  9 | 2     | true  | 3 | PASSED
        SIMPLE     | PRESENT     | true  |     | 12 |  9 | 2 | 2 | 0 |  9 | 2     | true  | 3 | NOT_PASSED
        SIMPLE     | ALL_MEMBERS | true  |     | 20 |  9 | 3 | 2 | 4 | 20 | 2     | true  | 3 | PASSED
        SIMPLE     | ALL_MEMBERS | true  |     | 20 |  9 | 0 | 0 | 0 | 20 | 0     | true  | 1 | NOT_PASSED
        # ABSOLUTE: strictly more than half of the base; exactly half fails
        ABSOLUTE   | VOTES_CAST  | false |     | 10 | 10 | 5 | 5 | 0 | 10 | 5     | true  | 6 | NOT_PASSED
        ABSOLUTE   | VOTES_CAST  | false |     | 10 | 10 | 6 | 4 | 0 | 10 | 5     | true  | 6 | PASSED
        ABSOLUTE   | VOTES_CAST  | false |     | 10 | 10 | 5 | 4 | 1 |  9 | 9/2   | true  | 5 | PASSED
        ABSOLUTE   | VOTES_CAST  | false |     |  9 |  9 | 0 | 0 | 0 |  0 | 0     | true  | 1 | NOT_PASSED
        ABSOLUTE   | VOTES_CAST  | false |     |  3 |  3 | 1 | 0 | 2 |  1 | 1/2   | true  | 1 | PASSED
        ABSOLUTE   | VOTES_CAST  | true  |     | 10 | 10 | 5 | 4 | 1 | 10 | 5     | true  | 6 | NOT_PASSED
        ABSOLUTE   | VOTES_CAST  | true  |     | 10 | 10 | 6 | 3 | 1 | 10 | 5     | true  | 6 | PASSED
        ABSOLUTE   | VOTES_CAST  | true  |     |  3 |  3 | 1 | 0 | 2 |  3 | 3/2   | true  | 2 | NOT_PASSED
        ABSOLUTE   | PRESENT     | true  |     | 12 | 10 | 5 | 4 | 0 | 10 | 5     | true  | 6 | NOT_PASSED
        ABSOLUTE   | PRESENT     | true  |     | 12 | 10 | 6 | 0 | 0 | 10 | 5     | true  | 6 | PASSED
        ABSOLUTE   | PRESENT     | true  |     | 12 |  9 | 5 | 0 | 0 |  9 | 9/2   | true  | 5 | PASSED
        ABSOLUTE   | ALL_MEMBERS | true  |     | 12 | 10 | 6 | 4 | 0 | 12 | 6     | true  | 7 | NOT_PASSED
        ABSOLUTE   | ALL_MEMBERS | true  |     | 12 | 10 | 7 | 3 | 0 | 12 | 6     | true  | 7 | PASSED
        ABSOLUTE   | ALL_MEMBERS | true  |     |  9 |  5 | 5 | 0 | 0 |  9 | 9/2   | true  | 5 | PASSED
        # TWO_THIRDS: at least two-thirds of the base; exactly two-thirds passes
        TWO_THIRDS | VOTES_CAST  | false |     |  9 |  9 | 6 | 3 | 0 |  9 | 6     | false | 6 | PASSED
        TWO_THIRDS | VOTES_CAST  | false |     |  9 |  9 | 5 | 4 | 0 |  9 | 6     | false | 6 | NOT_PASSED
        TWO_THIRDS | VOTES_CAST  | false |     | 10 | 10 | 7 | 3 | 0 | 10 | 20/3  | false | 7 | PASSED
        TWO_THIRDS | VOTES_CAST  | false |     | 10 | 10 | 6 | 4 | 0 | 10 | 20/3  | false | 7 | NOT_PASSED
        TWO_THIRDS | VOTES_CAST  | false |     | 10 | 10 | 6 | 3 | 1 |  9 | 6     | false | 6 | PASSED
        TWO_THIRDS | VOTES_CAST  | true  |     | 10 | 10 | 6 | 3 | 1 | 10 | 20/3  | false | 7 | NOT_PASSED
        TWO_THIRDS | VOTES_CAST  | true  |     |  9 |  9 | 6 | 0 | 3 |  9 | 6     | false | 6 | PASSED
        TWO_THIRDS | PRESENT     | true  |     | 12 |  9 | 6 | 0 | 0 |  9 | 6     | false | 6 | PASSED
        TWO_THIRDS | PRESENT     | true  |     | 12 | 10 | 6 | 1 | 1 | 10 | 20/3  | false | 7 | NOT_PASSED
        TWO_THIRDS | PRESENT     | true  |     | 12 | 10 | 7 | 0 | 0 | 10 | 20/3  | false | 7 | PASSED
        TWO_THIRDS | ALL_MEMBERS | true  |     | 12 |  9 | 8 | 1 | 0 | 12 | 8     | false | 8 | PASSED
        TWO_THIRDS | ALL_MEMBERS | true  |     | 12 |  9 | 7 | 1 | 1 | 12 | 8     | false | 8 | NOT_PASSED
        TWO_THIRDS | ALL_MEMBERS | true  |     | 10 |  7 | 6 | 1 | 0 | 10 | 20/3  | false | 7 | NOT_PASSED
        # PERCENTAGE p: at least p % of the base
        PERCENTAGE | VOTES_CAST  | false | 60  |  7 |  7 | 5 | 2 | 0 |  7 | 21/5  | false | 5 | PASSED
        PERCENTAGE | VOTES_CAST  | false | 60  |  7 |  7 | 4 | 3 | 0 |  7 | 21/5  | false | 5 | NOT_PASSED
        PERCENTAGE | VOTES_CAST  | false | 60  |  7 |  7 | 4 | 2 | 1 |  6 | 18/5  | false | 4 | PASSED
        PERCENTAGE | VOTES_CAST  | false | 60  |  5 |  5 | 3 | 2 | 0 |  5 | 3     | false | 3 | PASSED
        PERCENTAGE | VOTES_CAST  | true  | 60  |  7 |  7 | 4 | 2 | 1 |  7 | 21/5  | false | 5 | NOT_PASSED
        PERCENTAGE | VOTES_CAST  | true  | 60  |  7 |  7 | 5 | 0 | 2 |  7 | 21/5  | false | 5 | PASSED
        PERCENTAGE | PRESENT     | true  | 60  |  9 |  7 | 5 | 0 | 0 |  7 | 21/5  | false | 5 | PASSED
        PERCENTAGE | PRESENT     | true  | 60  |  9 |  7 | 4 | 0 | 0 |  7 | 21/5  | false | 5 | NOT_PASSED
        PERCENTAGE | ALL_MEMBERS | true  | 60  |  7 |  6 | 4 | 1 | 1 |  7 | 21/5  | false | 5 | NOT_PASSED
        PERCENTAGE | ALL_MEMBERS | true  | 60  |  7 |  6 | 5 | 1 | 0 |  7 | 21/5  | false | 5 | PASSED
        PERCENTAGE | VOTES_CAST  | false | 50  | 10 | 10 | 5 | 5 | 0 | 10 | 5     | false | 5 | PASSED
        PERCENTAGE | VOTES_CAST  | false | 100 |  9 |  9 | 9 | 0 | 0 |  9 | 9     | false | 9 | PASSED
        PERCENTAGE | VOTES_CAST  | true  | 100 |  9 |  9 | 8 | 0 | 1 |  9 | 9     | false | 9 | NOT_PASSED
        PERCENTAGE | VOTES_CAST  | false | 100 |  9 |  9 | 8 | 0 | 1 |  8 | 8     | false | 8 | PASSED
        PERCENTAGE | ALL_MEMBERS | true  | 1   | 10 | 10 | 1 | 9 | 0 | 10 | 1/10  | false | 1 | PASSED
        PERCENTAGE | VOTES_CAST  | false | 75  |  9 |  9 | 0 | 0 | 0 |  0 | 0     | false | 1 | NOT_PASSED
        PERCENTAGE | PRESENT     | true  | 66  |  9 |  9 | 6 | 3 | 0 |  9 | 297/50 | false | 6 | PASSED
        PERCENTAGE | PRESENT     | true  | 67  |  9 |  9 | 6 | 3 | 0 |  9 | 603/100 | false | 7 | NOT_PASSED
        """)
    void rulesBasesAndBoundaries(MajorityRule rule, MajorityBase base, boolean abstentionsInBase, Integer percentage,
            int members, int present, int yes, int no, int abstain, int expectedBase, String expectedThreshold,
            boolean strict, int minimumVotes, Outcome outcome) {
        ApprovalResult result = Tally.approval(new VotingRule(rule, base, abstentionsInBase, percentage),
                new Electorate(members, present), new ApprovalBox(yes, no, abstain));
        assertAll(
                () -> assertEquals(expectedBase, result.base(), "base"),
                () -> assertEquals(expectedThreshold, result.threshold().value().toString(), "threshold"),
                () -> assertEquals(strict, result.threshold().strict(), "strict"),
                () -> assertEquals(minimumVotes, result.threshold().minimumVotes(), "minimum votes"),
                () -> assertEquals(outcome, result.outcome(), "outcome"),
                () -> assertEquals(outcome == Outcome.PASSED, result.passed()),
                () -> assertEquals(yes + no + abstain, result.votesCast()),
                () -> assertEquals(present - yes - no - abstain, result.notVoted()));
    }

    /** Every rule, base and abstention setting, PERCENTAGE with 60 %. */
    static Stream<VotingRule> everyRule() {
        List<VotingRule> rules = new ArrayList<>();
        for (MajorityRule rule : MajorityRule.values()) {
            Integer percentage = rule == MajorityRule.PERCENTAGE ? 60 : null;
            rules.add(new VotingRule(rule, MajorityBase.VOTES_CAST, false, percentage));
            rules.add(new VotingRule(rule, MajorityBase.VOTES_CAST, true, percentage));
            rules.add(new VotingRule(rule, MajorityBase.PRESENT, true, percentage));
            rules.add(new VotingRule(rule, MajorityBase.ALL_MEMBERS, true, percentage));
        }
        return rules.stream();
    }

    /** The seed: 9 voting members, all present, 9 approve: 100 % approval, passed whatever the rule. */
    @ParameterizedTest(name = "the seed under {0}")
    @MethodSource("everyRule")
    void theSeedsUnanimousBoxPassesUnderEveryRule(VotingRule rule) {
        ApprovalResult result = Tally.approval(rule, new Electorate(9, 9), ApprovalBox.of(Collections.nCopies(9,
                ApprovalChoice.YES)));
        assertAll(
                () -> assertEquals(Outcome.PASSED, result.outcome()),
                () -> assertEquals(9, result.count(ApprovalChoice.YES)),
                () -> assertEquals(0, result.count(ApprovalChoice.NO)),
                () -> assertEquals(0, result.count(ApprovalChoice.ABSTAIN)),
                () -> assertEquals(9, result.base()),
                () -> assertEquals(new BigDecimal("100.0"), result.share(ApprovalChoice.YES).percent(1)),
                () -> assertEquals(new BigDecimal("0.0"), result.share(ApprovalChoice.NO).percent(1)),
                () -> assertEquals(Fraction.ONE, result.support()),
                () -> assertEquals(Fraction.ONE, result.turnout()),
                () -> assertEquals(0, result.notVoted()),
                () -> assertEquals(BallotKind.APPROVAL, result.kind()));
    }

    @ParameterizedTest(name = "an empty box under {0}")
    @MethodSource("everyRule")
    void anEmptyBoxNeverPasses(VotingRule rule) {
        ApprovalResult result = Tally.approval(rule, new Electorate(9, 9), new ApprovalBox(0, 0, 0));
        assertEquals(Outcome.NOT_PASSED, result.outcome());
        assertEquals(Fraction.ZERO, result.turnout());
        assertEquals(Fraction.ZERO, result.share(ApprovalChoice.YES));
        assertEquals(9, result.notVoted());
    }

    @ParameterizedTest(name = "nobody present under {0}")
    @MethodSource("everyRule")
    void nobodyPresentNeverPasses(VotingRule rule) {
        ApprovalResult result = Tally.approval(rule, new Electorate(0, 0), new ApprovalBox(0, 0, 0));
        assertEquals(Outcome.NOT_PASSED, result.outcome());
        assertEquals(0, result.base());
        assertEquals(Fraction.ZERO, result.support());
        assertEquals(Fraction.ZERO, result.turnout());
    }

    @Test
    void aTwoThirdsBallotFailingByOneVote() {
        VotingRule twoThirds = VotingRule.of(MajorityRule.TWO_THIRDS, MajorityBase.PRESENT);
        Electorate committee = new Electorate(9, 9);
        ApprovalResult oneShort = Tally.approval(twoThirds, committee, new ApprovalBox(5, 3, 1));
        assertEquals(Outcome.NOT_PASSED, oneShort.outcome());
        assertEquals(6, oneShort.threshold().minimumVotes());
        assertEquals(Fraction.whole(6), oneShort.threshold().value());
        assertEquals(new BigDecimal("55.6"), oneShort.share(ApprovalChoice.YES).percent(1));
        ApprovalResult exactly = Tally.approval(twoThirds, committee, new ApprovalBox(6, 2, 1));
        assertEquals(Outcome.PASSED, exactly.outcome());
    }

    @Test
    void abstentionsInOrOutOfTheBaseDecide() {
        ApprovalBox box = new ApprovalBox(5, 4, 1);
        Electorate ten = new Electorate(10, 10);
        assertTrue(Tally.approval(new VotingRule(MajorityRule.ABSOLUTE, MajorityBase.VOTES_CAST, false, null), ten,
                box).passed());
        assertFalse(Tally.approval(new VotingRule(MajorityRule.ABSOLUTE, MajorityBase.VOTES_CAST, true, null), ten,
                box).passed());
    }

    @Test
    void sharesAreOfThePapersCastAndSupportIsOfTheBase() {
        ApprovalResult result = Tally.approval(VotingRule.of(MajorityRule.ABSOLUTE, MajorityBase.ALL_MEMBERS),
                new Electorate(12, 10), new ApprovalBox(6, 2, 1));
        assertEquals(Fraction.of(6, 9), result.share(ApprovalChoice.YES));
        assertEquals(Fraction.of(2, 9), result.share(ApprovalChoice.NO));
        assertEquals(Fraction.of(1, 9), result.share(ApprovalChoice.ABSTAIN));
        assertEquals(Fraction.of(6, 12), result.support());
        assertEquals(Fraction.of(9, 10), result.turnout());
        assertEquals(1, result.notVoted());
        assertEquals(Outcome.NOT_PASSED, result.outcome());
    }

    @Test
    void morePapersThanMembersPresentIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Tally.approval(
                VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST), new Electorate(9, 5),
                new ApprovalBox(4, 1, 1)));
        assertThrows(IllegalArgumentException.class, () -> new Electorate(5, 6));
        assertThrows(IllegalArgumentException.class, () -> new Electorate(5, -1));
        assertThrows(IllegalArgumentException.class, () -> new ApprovalBox(-1, 0, 0));
    }

    @Test
    void aBoxCountsItsPapers() {
        ApprovalBox box = ApprovalBox.of(List.of(ApprovalChoice.YES, ApprovalChoice.ABSTAIN, ApprovalChoice.YES,
                ApprovalChoice.NO, ApprovalChoice.YES));
        assertEquals(new ApprovalBox(3, 1, 1), box);
        assertEquals(5, box.votesCast());
        assertEquals(new ApprovalBox(0, 0, 0), ApprovalBox.of(List.of()));
    }

    /**
     * Every box of every electorate up to 8 voting members, under every rule, base and abstention setting and every
     * percentage from 1 to 100, against the rules written as integer inequalities; and the threshold's minimum is the
     * fewest yes votes that would pass, the other counts unchanged.
     */
    @ParameterizedTest(name = "all small boxes under {0} of {1}, abstentions in base {2}")
    @CsvSource({
        "SIMPLE,VOTES_CAST,false", "SIMPLE,VOTES_CAST,true", "SIMPLE,PRESENT,true", "SIMPLE,ALL_MEMBERS,true",
        "ABSOLUTE,VOTES_CAST,false", "ABSOLUTE,VOTES_CAST,true", "ABSOLUTE,PRESENT,true", "ABSOLUTE,ALL_MEMBERS,true",
        "TWO_THIRDS,VOTES_CAST,false", "TWO_THIRDS,VOTES_CAST,true", "TWO_THIRDS,PRESENT,true",
        "TWO_THIRDS,ALL_MEMBERS,true",
        "PERCENTAGE,VOTES_CAST,false", "PERCENTAGE,VOTES_CAST,true", "PERCENTAGE,PRESENT,true",
        "PERCENTAGE,ALL_MEMBERS,true"})
    void everySmallBoxAgreesWithTheRulesAsInequalities(MajorityRule rule, MajorityBase base,
            boolean abstentionsInBase) {
        List<Integer> percentages = new ArrayList<>();
        if (rule == MajorityRule.PERCENTAGE) {
            for (int p = 1; p <= 100; p++) {
                percentages.add(p);
            }
        } else {
            percentages.add(null);
        }
        int checked = 0;
        for (Integer p : percentages) {
            VotingRule votingRule = new VotingRule(rule, base, abstentionsInBase, p);
            for (int members = 0; members <= 8; members++) {
                for (int present = 0; present <= members; present++) {
                    for (int yes = 0; yes <= present; yes++) {
                        for (int no = 0; yes + no <= present; no++) {
                            for (int abstain = 0; yes + no + abstain <= present; abstain++) {
                                Electorate electorate = new Electorate(members, present);
                                ApprovalResult result = Tally.approval(votingRule, electorate,
                                        new ApprovalBox(yes, no, abstain));
                                int b = switch (base) {
                                    case VOTES_CAST -> yes + no + (abstentionsInBase ? abstain : 0);
                                    case PRESENT -> present;
                                    case ALL_MEMBERS -> members;
                                };
                                String box = votingRule + " " + electorate + " " + yes + "/" + no + "/" + abstain;
                                assertEquals(b, result.base(), box);
                                assertEquals(passes(votingRule, b, yes, no), result.passed(), box);
                                int fewest = 1;
                                while (!passes(votingRule, b, fewest, no)) {
                                    fewest++;
                                }
                                assertEquals(fewest, result.threshold().minimumVotes(), box);
                                assertEquals(yes >= fewest, result.passed(), box);
                                checked++;
                            }
                        }
                    }
                }
            }
        }
        assertTrue(checked > 1000, "checked " + checked);
    }

    /** The rules of {@link Tally}'s documentation, as integer inequalities. */
    private static boolean passes(VotingRule rule, int base, int yes, int no) {
        return yes >= 1 && switch (rule.rule()) {
            case SIMPLE -> yes > no;
            case ABSOLUTE -> 2 * yes > base;
            case TWO_THIRDS -> 3 * yes >= 2 * base;
            case PERCENTAGE -> 100 * yes >= rule.percentage() * base;
        };
    }

    /**
     * Abstentions left out of a base of votes cast have no share of it, and the shares of the base add up to 100 %:
     * 6 yes, 2 no, 1 abstain is 75 % and 25 % of 8 (not 12.5 % more for the abstention). Counted in the base, or in a
     * base of those present, the abstention has its share.
     */
    @Test
    void aChoiceThatIsNotPartOfTheBaseHasNoShareOfIt() {
        ApprovalBox box = new ApprovalBox(6, 2, 1);
        Electorate nine = new Electorate(9, 9);
        ApprovalResult out = Tally.approval(VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST), nine, box);
        assertEquals(8, out.base());
        assertFalse(out.inBase(ApprovalChoice.ABSTAIN));
        assertEquals(java.util.Optional.empty(), out.shareOfBase(ApprovalChoice.ABSTAIN));
        assertEquals(new BigDecimal("75.0"), out.shareOfBase(ApprovalChoice.YES).orElseThrow().percent(1));
        assertEquals(new BigDecimal("25.0"), out.shareOfBase(ApprovalChoice.NO).orElseThrow().percent(1));
        assertEquals(new BigDecimal("100.0"), Stream.of(ApprovalChoice.values()).map(out::shareOfBase)
                .flatMap(java.util.Optional::stream).map(share -> share.percent(1)).reduce(BigDecimal.ZERO, BigDecimal::add));
        assertEquals(new BigDecimal("11.1"), out.share(ApprovalChoice.ABSTAIN).percent(1), "of the votes cast it has its share");

        ApprovalResult in = Tally.approval(new VotingRule(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST, true, null), nine, box);
        assertEquals(java.util.Optional.of(Fraction.of(1, 9)), in.shareOfBase(ApprovalChoice.ABSTAIN));
        ApprovalResult present = Tally.approval(VotingRule.of(MajorityRule.ABSOLUTE, MajorityBase.PRESENT), new Electorate(12, 10), box);
        assertTrue(present.inBase(ApprovalChoice.ABSTAIN), "an abstainer is present");
        assertEquals(java.util.Optional.of(Fraction.of(1, 10)), present.shareOfBase(ApprovalChoice.ABSTAIN));
    }
}
