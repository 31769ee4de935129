package app.quorum.ballot.entity;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TallyElectionTest {

    private static final long A = 1;
    private static final long B = 2;
    private static final long C = 3;
    private static final long D = 4;

    /**
     * Elections by counts. Candidates are 1, 2, … in ballot order, as many as the counts given. Columns: the rule,
     * the electorate, the paper (seats, fewest choices, blank allowed), the box (votes per candidate, marked papers,
     * blank papers), and what is expected: base, minimum votes, elected (in order), the tie as
     * {@code votes:seats:candidates} (empty when none), outcome.
     */
    @ParameterizedTest(name = "[{index}] {0} {1} abst.in={2} p={3} | k={6} | votes {9}, {10} marked, {11} blank → "
            + "base {12}, min {13}, elected [{14}] tie [{15}] {16}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
        # SIMPLE (relative majority): the most votes win; a tie at the cut-off is reported
        SIMPLE     | VOTES_CAST  | false |    | 11 | 11 | 2 | 1 | false | 7 5 5 2 | 10 | 0 | 10 | 1 | 1       | 5:1:2 3   | TIE
        SIMPLE     | VOTES_CAST  | true  |    | 11 | 11 | 2 | 1 | true  | 7 5 5 2 | 10 | 1 | 11 | 1 | 1       | 5:1:2 3   | TIE
        SIMPLE     | VOTES_CAST  | false |    | 10 | 10 | 1 | 1 | false | 5 5     | 10 | 0 | 10 | 1 |         | 5:1:1 2   | TIE
        SIMPLE     | VOTES_CAST  | false |    |  8 |  8 | 2 | 1 | false | 5 5 5 0 |  8 | 0 |  8 | 1 |         | 5:2:1 2 3 | TIE
        SIMPLE     | VOTES_CAST  | false |    |  9 |  9 | 3 | 1 | false | 2 7 7 1 |  9 | 0 |  9 | 1 | 2 3 1   |           | ELECTED
        SIMPLE     | VOTES_CAST  | false |    |  4 |  4 | 3 | 1 | false | 4 3 0 0 |  4 | 0 |  4 | 1 | 1 2     |           | SEATS_VACANT
        SIMPLE     | PRESENT     | true  |    |  9 |  9 | 2 | 1 | false | 0 0 0 0 |  0 | 0 |  9 | 1 |         |           | SEATS_VACANT
        SIMPLE     | ALL_MEMBERS | true  |    | 20 |  9 | 2 | 1 | false | 6 4 4 1 |  8 | 0 | 20 | 1 | 1       | 4:1:2 3   | TIE
        SIMPLE     | VOTES_CAST  | true  |    |  9 |  9 | 2 | 1 | true  | 0 0 0 0 |  0 | 9 |  9 | 1 |         |           | SEATS_VACANT
        # ABSOLUTE: more than half of the base
        ABSOLUTE   | VOTES_CAST  | false |    | 11 | 11 | 2 | 1 | false | 7 5 5 2 | 10 | 0 | 10 | 6 | 1       |           | SEATS_VACANT
        ABSOLUTE   | VOTES_CAST  | false |    | 10 | 10 | 2 | 1 | false | 7 6 6 1 | 10 | 0 | 10 | 6 | 1       | 6:1:2 3   | TIE
        ABSOLUTE   | VOTES_CAST  | false |    | 12 | 12 | 2 | 1 | true  | 6 6 2 0 | 10 | 2 | 10 | 6 | 1 2     |           | ELECTED
        ABSOLUTE   | VOTES_CAST  | true  |    | 12 | 12 | 2 | 1 | true  | 6 6 2 0 | 10 | 2 | 12 | 7 |         |           | SEATS_VACANT
        ABSOLUTE   | VOTES_CAST  | false |    | 15 | 12 | 1 | 1 | false | 6 5     | 11 | 0 | 11 | 6 | 1       |           | ELECTED
        ABSOLUTE   | PRESENT     | true  |    | 15 | 12 | 1 | 1 | false | 6 5     | 11 | 0 | 12 | 7 |         |           | SEATS_VACANT
        ABSOLUTE   | PRESENT     | true  |    | 15 | 12 | 1 | 1 | false | 7 4     | 11 | 0 | 12 | 7 | 1       |           | ELECTED
        ABSOLUTE   | ALL_MEMBERS | true  |    | 15 | 12 | 1 | 1 | true  | 8       |  8 | 4 | 15 | 8 | 1       |           | ELECTED
        ABSOLUTE   | ALL_MEMBERS | true  |    | 15 | 12 | 1 | 1 | true  | 7       |  7 | 5 | 15 | 8 |         |           | SEATS_VACANT
        ABSOLUTE   | ALL_MEMBERS | true  |    | 16 | 16 | 2 | 1 | false | 8 8 8 8 | 16 | 0 | 16 | 9 |         |           | SEATS_VACANT
        # TWO_THIRDS: at least two-thirds of the base
        TWO_THIRDS | VOTES_CAST  | false |    |  9 |  9 | 3 | 1 | false | 9 6 6 6 |  9 | 0 |  9 | 6 | 1       | 6:2:2 3 4 | TIE
        TWO_THIRDS | VOTES_CAST  | false |    |  9 |  9 | 2 | 1 | false | 6 6 2 0 |  9 | 0 |  9 | 6 | 1 2     |           | ELECTED
        TWO_THIRDS | VOTES_CAST  | true  |    | 10 | 10 | 2 | 1 | true  | 6 6 2 0 |  9 | 1 | 10 | 7 |         |           | SEATS_VACANT
        TWO_THIRDS | PRESENT     | true  |    | 12 | 10 | 2 | 1 | false | 7 6 5 2 | 10 | 0 | 10 | 7 | 1       |           | SEATS_VACANT
        TWO_THIRDS | ALL_MEMBERS | true  |    |  9 |  9 | 1 | 1 | false | 9       |  9 | 0 |  9 | 6 | 1       |           | ELECTED
        # PERCENTAGE
        PERCENTAGE | VOTES_CAST  | false | 60 |  7 |  7 | 2 | 1 | false | 5 4 3   |  7 | 0 |  7 | 5 | 1       |           | SEATS_VACANT
        PERCENTAGE | VOTES_CAST  | true  | 50 | 10 | 10 | 2 | 2 | true  | 5 5 5 5 | 10 | 0 | 10 | 5 |         | 5:2:1 2 3 4 | TIE
        PERCENTAGE | PRESENT     | true  | 50 | 12 | 12 | 2 | 2 | true  | 6 5 5 4 | 10 | 2 | 12 | 6 | 1       |           | SEATS_VACANT
        PERCENTAGE | ALL_MEMBERS | true  | 40 | 10 |  8 | 2 | 1 | false | 4 4 3 2 |  8 | 0 | 10 | 4 | 1 2     |           | ELECTED
        """)
    void electionsByCounts(MajorityRule rule, MajorityBase base, boolean abstentionsInBase, Integer percentage,
            int members, int present, int seats, int minChoices, boolean blankAllowed, String votes, int marked,
            int blank, int expectedBase, int minimumVotes, String elected, String tie, Outcome outcome) {
        long[] counts = Arrays.stream(votes.trim().split(" +")).mapToLong(Long::parseLong).toArray();
        List<Long> candidates = LongStream.rangeClosed(1, counts.length).boxed().toList();
        Map<Long, Integer> byCandidate = new HashMap<>();
        for (int i = 0; i < counts.length; i++) {
            byCandidate.put(candidates.get(i), (int) counts[i]);
        }
        Election election = new Election(candidates, seats, minChoices, blankAllowed);
        ElectionResult result = Tally.election(new VotingRule(rule, base, abstentionsInBase, percentage),
                new Electorate(members, present), election, new ElectionBox(byCandidate, marked, blank));
        assertAll(
                () -> assertEquals(expectedBase, result.base(), "base"),
                () -> assertEquals(minimumVotes, result.threshold().minimumVotes(), "minimum votes"),
                () -> assertEquals(ids(elected), result.elected(), "elected"),
                () -> assertEquals(tie == null ? null : tie(tie), result.tie(), "tie"),
                () -> assertEquals(outcome, result.outcome(), "outcome"),
                () -> assertEquals(seats - result.elected().size() - (result.tie() == null ? 0 : result.tie().seats()),
                        result.vacantSeats()),
                () -> assertEquals(outcome == Outcome.SEATS_VACANT, result.vacantSeats() > 0, "vacant seats"),
                () -> assertEquals(marked + blank, result.votesCast()),
                () -> assertEquals(BallotKind.ELECTION, result.kind()));
        for (long candidate : candidates) {
            boolean chosen = result.elected().contains(candidate)
                    || result.tie() != null && result.tie().candidates().contains(candidate);
            if (chosen) {
                assertTrue(result.qualified(candidate), "elected or tied without qualifying: " + candidate);
            }
        }
    }

    /** k = 2 of 4 from real papers, with a tie at second place reported and not resolved. */
    @Test
    void twoOfFourWithATieForSecondPlace() {
        Election election = new Election(List.of(A, B, C, D), 2, 1, true);
        List<Set<Long>> papers = new ArrayList<>();
        papers.addAll(Collections.nCopies(4, Set.of(A, B)));
        papers.addAll(Collections.nCopies(3, Set.of(A, C)));
        papers.addAll(Collections.nCopies(2, Set.of(C)));
        papers.add(Set.of(B, D));
        papers.add(Set.of(D));
        papers.add(Set.of());
        ElectionBox box = ElectionBox.count(election, papers);
        assertEquals(Map.of(A, 7, B, 5, C, 5, D, 2), box.votes());
        assertEquals(11, box.marked());
        assertEquals(1, box.blank());

        ElectionResult result = Tally.election(VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST),
                new Electorate(12, 12), election, box);
        assertEquals(Outcome.TIE, result.outcome());
        assertEquals(List.of(A), result.elected());
        assertEquals(new Tie(5, 1, List.of(B, C)), result.tie());
        assertEquals(0, result.vacantSeats());
        assertEquals(List.of(A, B, C, D), result.ranking());
        assertEquals(11, result.base());
        assertEquals(Fraction.of(7, 12), result.share(A));
        assertEquals(new BigDecimal("58.3"), result.share(A).percent(1));
        assertEquals(Fraction.of(7, 11), result.support(A));

        ElectionResult absolute = Tally.election(VotingRule.of(MajorityRule.ABSOLUTE, MajorityBase.VOTES_CAST),
                new Electorate(12, 12), election, box);
        assertEquals(Outcome.SEATS_VACANT, absolute.outcome());
        assertEquals(List.of(A), absolute.elected());
        assertNull(absolute.tie());
        assertEquals(1, absolute.vacantSeats());
        assertTrue(absolute.qualified(A));
        assertFalse(absolute.qualified(B));
    }

    /** An absolute majority of all members: absentees and blank papers weigh against a candidate. */
    @Test
    void absoluteMajorityOfAllMembers() {
        Election chairman = new Election(List.of(A), 1, 1, true);
        List<Set<Long>> papers = new ArrayList<>();
        papers.addAll(Collections.nCopies(8, Set.of(A)));
        papers.addAll(Collections.nCopies(4, Set.<Long>of()));
        VotingRule rule = VotingRule.of(MajorityRule.ABSOLUTE, MajorityBase.ALL_MEMBERS);
        ElectionBox box = ElectionBox.count(chairman, papers);
        ElectionResult fifteen = Tally.election(rule, new Electorate(15, 12), chairman, box);
        assertEquals(Outcome.ELECTED, fifteen.outcome());
        assertEquals(List.of(A), fifteen.elected());
        ElectionResult sixteen = Tally.election(rule, new Electorate(16, 12), chairman, box);
        assertEquals(Outcome.SEATS_VACANT, sixteen.outcome());
        assertEquals(List.of(), sixteen.elected());
        assertEquals(9, sixteen.threshold().minimumVotes());
        assertEquals(Fraction.ONE, sixteen.turnout());
        assertEquals(Fraction.of(8, 16), sixteen.support(A));
    }

    @Test
    void blankPapersAreCountedAndInTheBaseOnlyWhenTheRuleSaysSo() {
        Election election = new Election(List.of(A, B, C), 1, 1, true);
        List<Set<Long>> papers = new ArrayList<>();
        papers.addAll(Collections.nCopies(5, Set.of(A)));
        papers.addAll(Collections.nCopies(3, Set.of(B)));
        papers.addAll(Collections.nCopies(2, Set.<Long>of()));
        ElectionBox box = ElectionBox.count(election, papers);
        assertEquals(2, box.blank());
        assertEquals(0, box.votes(C));
        Electorate ten = new Electorate(10, 10);
        ElectionResult out = Tally.election(new VotingRule(MajorityRule.ABSOLUTE, MajorityBase.VOTES_CAST, false,
                null), ten, election, box);
        assertEquals(8, out.base());
        assertEquals(List.of(A), out.elected());
        // left out of the base, blank papers have no share of it; the candidates share all of it (one seat)
        assertEquals(java.util.Optional.empty(), out.blankShareOfBase());
        assertEquals(Fraction.of(2, 10), out.blankShare());
        assertEquals(Fraction.ONE, Fraction.of(out.votes(A) + out.votes(B) + out.votes(C), out.base()));
        assertEquals(Fraction.of(5, 8), out.support(A));
        ElectionResult in = Tally.election(new VotingRule(MajorityRule.ABSOLUTE, MajorityBase.VOTES_CAST, true,
                null), ten, election, box);
        assertEquals(10, in.base());
        assertEquals(List.of(), in.elected());
        assertEquals(Outcome.SEATS_VACANT, in.outcome());
        assertEquals(java.util.Optional.of(Fraction.of(2, 10)), in.blankShareOfBase());
        assertEquals(Fraction.of(5, 10), in.support(A));
    }

    @Test
    void aPaperTheElectionDoesNotAcceptIsRefused() {
        Election twoOfFour = new Election(List.of(A, B, C, D), 2, 1, false);
        assertTrue(twoOfFour.accepts(Set.of(A)));
        assertTrue(twoOfFour.accepts(Set.of(A, D)));
        assertFalse(twoOfFour.accepts(Set.of()), "blank, not allowed");
        assertFalse(twoOfFour.accepts(Set.of(A, B, C)), "more than k");
        assertFalse(twoOfFour.accepts(Set.of(A, 99L)), "not a candidate");
        assertThrows(IllegalArgumentException.class, () -> ElectionBox.count(twoOfFour, List.of(Set.of(A),
                Set.of())));
        assertThrows(IllegalArgumentException.class, () -> ElectionBox.count(twoOfFour, List.of(Set.of(A, B, C))));
        Election exactlyTwo = new Election(List.of(A, B, C, D), 2, 2, true);
        assertFalse(exactlyTwo.accepts(Set.of(A)), "fewer than the minimum");
        assertTrue(exactlyTwo.accepts(Set.of()));
        assertThrows(IllegalArgumentException.class, () -> ElectionBox.count(exactlyTwo, List.of(Set.of(A))));
    }

    @Test
    void countsNoPaperCouldGiveAreRefused() {
        Election twoOfFour = new Election(List.of(A, B, C, D), 2, 1, false);
        VotingRule simple = VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST);
        Electorate ten = new Electorate(10, 10);
        assertThrows(IllegalArgumentException.class, () -> Tally.election(simple, ten, twoOfFour,
                new ElectionBox(Map.of(A, 3, 99L, 1), 4, 0)), "not a candidate");
        assertThrows(IllegalArgumentException.class, () -> Tally.election(simple, ten, twoOfFour,
                new ElectionBox(Map.of(A, 3), 4, 1)), "blank not allowed");
        assertThrows(IllegalArgumentException.class, () -> Tally.election(simple, ten, twoOfFour,
                new ElectionBox(Map.of(A, 3, B, 3, C, 3), 4, 0)), "more choices than 2 per paper");
        assertThrows(IllegalArgumentException.class, () -> Tally.election(simple, ten, twoOfFour,
                new ElectionBox(Map.of(A, 3), 4, 0)), "fewer choices than 1 per paper");
        assertThrows(IllegalArgumentException.class, () -> Tally.election(simple, new Electorate(10, 3), twoOfFour,
                new ElectionBox(Map.of(A, 4), 4, 0)), "more papers than present");
        assertThrows(IllegalArgumentException.class, () -> new ElectionBox(Map.of(A, 5), 4, 0), "votes > papers");
        assertThrows(IllegalArgumentException.class, () -> new ElectionBox(Map.of(A, -1), 4, 0));
        assertThrows(IllegalArgumentException.class, () -> new ElectionBox(Map.of(), -1, 0));
    }

    @ParameterizedTest(name = "{0} candidates, {1} seats, at least {2} choices: refused")
    @CsvSource({"0,1,1", "3,0,1", "3,4,1", "3,2,0", "3,2,3"})
    void inconsistentElectionsAreRefused(int candidates, int seats, int minChoices) {
        List<Long> ids = LongStream.rangeClosed(1, candidates).boxed().toList();
        assertThrows(IllegalArgumentException.class, () -> new Election(ids, seats, minChoices, true));
    }

    @Test
    void aCandidateListedTwiceIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Election(List.of(A, B, A), 1, 1, true));
        assertThrows(IllegalArgumentException.class, () -> new Tie(5, 2, List.of(A, B)), "no tie without a loser");
    }

    private static List<Long> ids(String ids) {
        return ids == null ? List.of() : Arrays.stream(ids.trim().split(" +")).map(Long::valueOf).toList();
    }

    private static Tie tie(String tie) {
        String[] parts = tie.split(":");
        return new Tie(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), ids(parts[2]));
    }
}
