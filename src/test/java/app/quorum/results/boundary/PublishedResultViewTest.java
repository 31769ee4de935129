package app.quorum.results.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.ballot.entity.BallotKind;
import app.quorum.ballot.entity.MajorityBase;
import app.quorum.ballot.entity.MajorityRule;
import app.quorum.ballot.entity.Outcome;
import app.quorum.ballot.entity.Secrecy;
import app.quorum.platform.i18n.Bundle;
import app.quorum.results.entity.ProjectorMode;
import app.quorum.results.entity.ProjectorScreen;
import app.quorum.results.entity.PublishedResult;
import app.quorum.results.entity.PublishedResult.Line;
import app.quorum.results.entity.PublishedResult.Paper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The words and the chart of a published result: the Đắk Gằn ballot, 9 of 9 for. */
class PublishedResultViewTest {

    static PublishedResult dakGan(MajorityRule rule, MajorityBase base, boolean abstentionsInBase, Integer percentage) {
        return new PublishedResult(1, 7, 5, "Biểu quyết công nhận xã Đắk Gằn", "Đề nghị công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023",
                BallotKind.APPROVAL, Secrecy.SECRET, rule, base, abstentionsInBase, percentage, 1,
                List.of(new Line("YES", "Đồng ý", 9, new BigDecimal("100.0"), new BigDecimal("100.0"), false),
                        new Line("NO", "Không đồng ý", 0, new BigDecimal("0.0"), new BigDecimal("0.0"), false),
                        new Line("ABSTAIN", "Không biểu quyết", 0, new BigDecimal("0.0"), new BigDecimal("0.0"), false)),
                0, 9, 9, 5, Outcome.PASSED, List.of(), List.of(), 9, 9, 9, "ab".repeat(32), Instant.EPOCH, Instant.EPOCH,
                Instant.parse("2024-01-19T03:30:00Z"), List.of(new Paper("0123-4567-89AB-CDEF", "YES", List.of("Đồng ý"))),
                List.of(), List.of());
    }

    @Test
    void theRuleInWordsInBothLanguages() {
        PublishedResult absolute = dakGan(MajorityRule.ABSOLUTE, MajorityBase.PRESENT, true, null);
        assertEquals("Quá nửa số thành viên có mặt: cơ sở tính 9, cần ít nhất 5 phiếu đồng ý.",
                PublishedResultView.rule(absolute, Bundle.VIETNAMESE));
        assertEquals("More than half of members present: base 9, at least 5 yes votes needed.",
                PublishedResultView.rule(absolute, Bundle.ENGLISH));
        assertEquals("Ít nhất 60% số phiếu bầu (không tính phiếu không biểu quyết): cơ sở tính 9, cần ít nhất 5 phiếu đồng ý.",
                PublishedResultView.rule(dakGan(MajorityRule.PERCENTAGE, MajorityBase.VOTES_CAST, false, 60), Bundle.VIETNAMESE));
        assertEquals("Simple majority (more yes than no votes): base 9, at least 5 yes votes needed.",
                PublishedResultView.rule(dakGan(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST, true, null), Bundle.ENGLISH));
    }

    @Test
    void everyRuleAndBaseHasItsWords() {
        for (Locale locale : Bundle.SUPPORTED) {
            for (MajorityRule rule : MajorityRule.values()) {
                for (MajorityBase base : MajorityBase.values()) {
                    String words = PublishedResultView.rule(dakGan(rule, base, true, 60), locale);
                    assertFalse(words.contains("???"), words);
                }
            }
            for (ProjectorMode mode : ProjectorMode.values()) {
                assertFalse(Bundle.text(locale, Bundle.enumKey(mode)).contains("???"), mode.name());
                assertFalse(Bundle.text(locale, "projectorMode.help." + mode.name()).contains("???"), mode.name());
                assertFalse(Bundle.text(locale, "projector.chosen", mode).contains("???"), mode.name());
            }
            for (ProjectorScreen.Shown shown : ProjectorScreen.Shown.values()) {
                assertFalse(Bundle.text(locale, "projectorScreen." + shown.name()).contains("???"), shown.name());
            }
        }
    }

    @Test
    void theChartTextNamesEveryChoiceWithItsVotesInTheReadersNumbers() {
        PublishedResult result = dakGan(MajorityRule.ABSOLUTE, MajorityBase.PRESENT, true, null);
        assertEquals("Đồng ý: 9 phiếu (100,0%); Không đồng ý: 0 phiếu (0,0%); Không biểu quyết: 0 phiếu (0,0%)",
                PublishedResultView.describe(result, Bundle.VIETNAMESE));
        assertEquals("Đồng ý: 9 votes (100.0%); Không đồng ý: 0 votes (0.0%); Không biểu quyết: 0 votes (0.0%)",
                PublishedResultView.describe(result, Bundle.ENGLISH));
    }

    @Test
    void aBlankElectionPaperIsNamed() {
        assertEquals("phiếu trắng", PublishedResultView.choice(List.of(), Bundle.VIETNAMESE));
        assertEquals("Nguyễn Văn A, Trần Thị B", PublishedResultView.choice(List.of("Nguyễn Văn A", "Trần Thị B"), Bundle.VIETNAMESE));
    }

    @Test
    void theChartIsAHorizontalBarPerChoiceOnTheScaleOfThePapersCast() {
        String config = ResultChart.config(dakGan(MajorityRule.ABSOLUTE, MajorityBase.PRESENT, true, null), "Số phiếu", false);
        assertTrue(config.startsWith("{\"type\":\"bar\",\"data\":{\"labels\":[\"Đồng ý\",\"Không đồng ý\",\"Không biểu quyết\"],"
                + "\"datasets\":[{\"label\":\"Số phiếu\",\"data\":[9,0,0],\"backgroundColor\":[\"#1c6b35\",\"#a1191f\",\"#6b7685\"]"), config);
        assertTrue(config.contains("\"indexAxis\":\"y\""), config);
        assertTrue(config.contains("\"suggestedMax\":9"), config);
        assertTrue(config.contains("\"animation\":false"), config);
        assertTrue(ResultChart.config(dakGan(MajorityRule.ABSOLUTE, MajorityBase.PRESENT, true, null), "Votes", true)
                .contains("\"size\":30"));
    }

    @Test
    void noLabelCanEndTheScriptTheChartIsWrittenInto() {
        assertEquals("[\"\\u003c/script\\u003e\\u003cb\\u003e \\u0026amp; \\\"q\\\" \\\\ \\n\",1,true,null]",
                ResultChart.json(java.util.Arrays.asList("</script><b> &amp; \"q\" \\ \n", 1, true, null)));
    }
}
