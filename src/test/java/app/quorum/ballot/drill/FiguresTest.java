package app.quorum.ballot.drill;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.ballot.crypto.Receipts;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The drill's verdict: it passes only when every acknowledged vote is in the box once, with the choice sent. */
class FiguresTest {

    private static final String A = "00112233445566778899aabbccddeeff";
    private static final String B = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
    private static final String C = "ffeeddccbbaa99887766554433221100";

    @Test
    void aBoxHoldingExactlyTheAcknowledgedVotesPasses() {
        Figures figures = new Figures(3, List.of(sent(A, "YES"), sent(B, "YES"), sent(C, "NO")),
                box(Map.of(A, "YES", B, "YES", C, "NO"), 3, 3), shown(Map.of("YES", 2, "NO", 1, "ABSTAIN", 0), 3), List.of());

        assertTrue(figures.passed(), () -> String.join("; ", figures.failures));
        assertEquals(0, figures.lost);
        assertEquals(0, figures.duplicates);
        assertEquals(3, figures.counted);
    }

    @Test
    void anAcknowledgedVoteMissingFromTheBoxIsLost() {
        Figures figures = new Figures(3, List.of(sent(A, "YES"), sent(B, "YES"), sent(C, "NO")),
                box(Map.of(A, "YES", B, "YES"), 2, 2), shown(Map.of("YES", 2), 3), List.of());

        assertFalse(figures.passed());
        assertEquals(1, figures.lost);
        assertTrue(figures.failures.get(0).contains("1 acknowledged vote(s) missing"), figures.failures.toString());
    }

    @Test
    void aPaperNobodySentOrAParticipationTwiceIsADuplicate() {
        String stranger = "1234567890abcdef1234567890abcdef";
        Figures extraPaper = new Figures(2, List.of(sent(A, "YES"), sent(B, "NO")),
                box(Map.of(A, "YES", B, "NO", stranger, "YES"), 3, 3), shown(Map.of("YES", 2, "NO", 1), 2), List.of());
        Figures twice = new Figures(2, List.of(sent(A, "YES"), sent(B, "NO")),
                box(Map.of(A, "YES", B, "NO"), 3, 2), shown(Map.of("YES", 1, "NO", 1), 2), List.of());

        assertEquals(1, extraPaper.duplicates);
        assertFalse(extraPaper.passed());
        assertEquals(1, twice.duplicates);
        assertFalse(twice.passed());
    }

    @Test
    void aChangedChoiceOrAWrongResultFails() {
        Figures changed = new Figures(2, List.of(sent(A, "YES"), sent(B, "NO")),
                box(Map.of(A, "YES", B, "YES"), 2, 2), shown(Map.of("YES", 2), 2), List.of());
        Figures miscounted = new Figures(2, List.of(sent(A, "YES"), sent(B, "NO")),
                box(Map.of(A, "YES", B, "NO"), 2, 2), shown(Map.of("YES", 2, "NO", 0), 2), List.of());

        assertEquals(1, changed.alteredChoices);
        assertFalse(changed.passed());
        assertEquals(0, miscounted.alteredChoices);
        assertFalse(miscounted.passed(), "the chair's result differs from the box");
    }

    @Test
    void aVoteNeverAcknowledgedMeansTheDrillDidNotFinish() {
        Figures figures = new Figures(2, List.of(sent(A, "YES"), new Figures.Sent(B, "NO", false, null, receipt(B), null)),
                box(Map.of(A, "YES"), 1, 1), shown(Map.of("YES", 1), 1), List.of());

        assertEquals(1, figures.unacknowledged);
        assertEquals(0, figures.lost);
        assertFalse(figures.passed());
    }

    @Test
    void aVoteAcknowledgedBeforeTheKillButMissingAfterRecoveryFails() {
        Figures.Round round = new Figures.Round(1, 2, 1, 0, 0, 1, 1, 1, List.of("mariadbd (pid 1)"), "1.00", List.of(), 5, 60, 61, true);
        Figures figures = new Figures(2, List.of(sent(A, "YES"), sent(B, "NO")), box(Map.of(A, "YES", B, "NO"), 2, 2),
                shown(Map.of("YES", 1, "NO", 1), 2), List.of(round));

        assertFalse(figures.passed());
        assertTrue(figures.failures.get(0).startsWith("kill 1:"), figures.failures.toString());
    }

    @Test
    void percentilesAreNearestRank() {
        List<Long> nanos = List.of(5_000_000L, 1_000_000L, 3_000_000L, 2_000_000L, 4_000_000L);

        assertEquals(3.0, Figures.percentileMillis(nanos, 50));
        assertEquals(5.0, Figures.percentileMillis(nanos, 95));
        assertTrue(Double.isNaN(Figures.percentileMillis(List.of(), 50)));
    }

    @Test
    void aStartingServerThatAnswers404Or500FailsTheDrill() {
        Map<Figures.Answer, Integer> restart = Map.of(new Figures.Answer("vote", 200, false), 3,
                new Figures.Answer("sign-in page", 404, false), 1821, new Figures.Answer("vote", 500, false), 399,
                new Figures.Answer("vote", 503, false), 2, new Figures.Answer("vote", 503, true), 40,
                new Figures.Answer("vote", 409, false), 1, new Figures.Answer("sign-in", 302, false), 3);
        Figures figures = new Figures(3, List.of(sent(A, "YES"), sent(B, "YES"), sent(C, "NO")),
                box(Map.of(A, "YES", B, "YES", C, "NO"), 3, 3), shown(Map.of("YES", 2, "NO", 1), 3), List.of(), restart);

        assertFalse(figures.passed());
        assertEquals(1821 + 399 + 2, figures.wrongAnswers, "404, 500 and a 503 that does not say when to come back");
        assertTrue(figures.failures.get(0).contains("sign-in page 404 × 1821"), figures.failures.toString());
    }

    @Test
    void refusedConnectionsAnd503WithRetryAfterAreWhatARestartMaySay() {
        Map<Figures.Answer, Integer> restart = Map.of(new Figures.Answer("vote", 200, false), 3,
                new Figures.Answer("vote", 503, true), 40, new Figures.Answer("sign-in", 302, false), 3);
        Figures figures = new Figures(3, List.of(sent(A, "YES"), sent(B, "YES"), sent(C, "NO")),
                box(Map.of(A, "YES", B, "YES", C, "NO"), 3, 3), shown(Map.of("YES", 2, "NO", 1), 3), List.of(), restart);

        assertTrue(figures.passed(), () -> String.join("; ", figures.failures));
        assertEquals(0, figures.wrongAnswers);
        assertEquals("sign-in 302 × 3, vote 200 × 3, vote 503 with Retry-After × 40", KillNineDrill.answers(figures.answers));
    }

    private static Figures.Sent sent(String paper, String choice) {
        return new Figures.Sent(paper, choice, true, receipt(paper), receipt(paper), null);
    }

    private static String receipt(String paper) {
        return Receipts.of(HexFormat.of().parseHex(paper));
    }

    private static Figures.Box box(Map<String, String> papers, long participations, long participants) {
        return new Figures.Box(new LinkedHashMap<>(papers), participations, participants, "f", "f");
    }

    private static Figures.Shown shown(Map<String, Integer> counts, int asked) {
        return new Figures.Shown(counts, "f", asked, asked);
    }
}
