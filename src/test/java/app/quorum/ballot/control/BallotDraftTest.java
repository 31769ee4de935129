package app.quorum.ballot.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.ballot.entity.ApprovalChoice;
import app.quorum.ballot.entity.BallotKind;
import app.quorum.ballot.entity.MajorityBase;
import app.quorum.ballot.entity.MajorityRule;
import app.quorum.ballot.entity.Secrecy;
import app.quorum.ballot.entity.VotingRule;
import app.quorum.platform.Refusal;
import app.quorum.platform.i18n.Bundle;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The rules of a ballot's definition, without a container: what is refused, with which words, and what is tidied. */
class BallotDraftTest {

    static final VotingRule ABSOLUTE_OF_PRESENT = VotingRule.of(MajorityRule.ABSOLUTE, MajorityBase.PRESENT);

    static BallotDraft approval(Map<ApprovalChoice, String> labels) {
        return BallotDraft.approval(null, "Đề nghị xét công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023",
                ABSOLUTE_OF_PRESENT, Secrecy.SECRET, labels);
    }

    static BallotDraft election(List<String> candidates, int seats, int minChoices) {
        return BallotDraft.election(null, "Bầu Tổ thư ký", VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST),
                Secrecy.SECRET, candidates, seats, minChoices, false);
    }

    static Map<ApprovalChoice, String> labels(String yes, String no, String abstain) {
        Map<ApprovalChoice, String> labels = new EnumMap<>(ApprovalChoice.class);
        labels.put(ApprovalChoice.YES, yes);
        labels.put(ApprovalChoice.NO, no);
        labels.put(ApprovalChoice.ABSTAIN, abstain);
        return labels;
    }

    static Refusal refused(Executable action) {
        return assertThrows(Refusal.class, action);
    }

    @Test
    void theDefaultLabelsAreTheBundlesVietnameseWords() {
        assertEquals(labels("Đồng ý", "Không đồng ý", "Không biểu quyết"), BallotDraft.defaultLabels());
    }

    @Test
    void aBallotPreparedOnEnglishPagesStartsWithEnglishLabels() {
        assertEquals(labels("In favour", "Against", "Abstain"), BallotDraft.defaultLabels(java.util.Locale.ENGLISH));
        assertEquals(BallotDraft.defaultLabels(), BallotDraft.defaultLabels(java.util.Locale.GERMAN), "an unsupported language: Vietnamese");
    }

    @Test
    void labelsAreTidiedAndMustBeThereShortAndDistinct() {
        BallotDraft tidied = approval(labels("  Tán   thành ", "Không tán thành", "Không biểu quyết")).checked();
        assertEquals(List.of("Tán thành", "Không tán thành", "Không biểu quyết"), tidied.optionLabels());

        Refusal blank = refused(() -> approval(labels("Đồng ý", "   ", "Không biểu quyết")).checked());
        assertEquals("ballot.label.required", blank.key());
        assertEquals("Hãy nhập chữ cho lựa chọn “Không đồng ý”.", Bundle.text(Bundle.VIETNAMESE, blank.key(), blank.arguments()));
        assertEquals("Enter the words for the choice “Against”.", Bundle.text(Bundle.ENGLISH, blank.key(), blank.arguments()));

        assertEquals("ballot.label.required", refused(() -> approval(labels("Đồng ý", "Không đồng ý", null)).checked()).key());
        Refusal tooLong = refused(() -> approval(labels("Đ".repeat(301), "Không đồng ý", "Không biểu quyết")).checked());
        assertEquals("ballot.label.tooLong", tooLong.key());
        assertArrayEquals(new Object[] {ApprovalChoice.YES, 300}, tooLong.arguments());
        assertEquals(300, approval(labels("Đ".repeat(300), "Không đồng ý", "Không biểu quyết")).checked().labels()
                .get(ApprovalChoice.YES).length(), "300 characters is the limit, not beyond it");

        Refusal same = refused(() -> approval(labels("Đồng ý", "đồng ý", "Không biểu quyết")).checked());
        assertEquals("ballot.label.duplicate", same.key());
        assertEquals("Hai lựa chọn cùng là “đồng ý”: mỗi lựa chọn cần một chữ khác nhau.",
                Bundle.text(Bundle.VIETNAMESE, same.key(), same.arguments()));
    }

    @Test
    void decomposedVietnameseIsStoredComposedAndComparedSo() {
        String decomposed = java.text.Normalizer.normalize("Đồng ý", java.text.Normalizer.Form.NFD);
        assertFalse(decomposed.equals("Đồng ý"));
        assertEquals("Đồng ý", approval(labels(decomposed, "Không đồng ý", "Không biểu quyết")).checked().labels().get(ApprovalChoice.YES));
        assertEquals("ballot.label.duplicate", refused(() -> approval(labels("Đồng ý", decomposed, "Không biểu quyết")).checked()).key());
    }

    @Test
    void theQuestionIsRequiredAndAtMostAThousandCharacters() {
        assertEquals("ballot.question.required", refused(() -> BallotDraft.approval(null, " \n ", ABSOLUTE_OF_PRESENT,
                Secrecy.SECRET, BallotDraft.defaultLabels()).checked()).key());
        Refusal tooLong = refused(() -> BallotDraft.approval(null, "x".repeat(1001), ABSOLUTE_OF_PRESENT, Secrecy.SECRET,
                BallotDraft.defaultLabels()).checked());
        assertEquals("ballot.question.tooLong", tooLong.key());
        assertEquals("Nội dung biểu quyết dài tối đa 1.000 ký tự.", Bundle.text(Bundle.VIETNAMESE, tooLong.key(), tooLong.arguments()));
        assertEquals("Bầu", BallotDraft.approval(null, "  Bầu  ", ABSOLUTE_OF_PRESENT, Secrecy.SECRET,
                BallotDraft.defaultLabels()).checked().question());
    }

    @Test
    void anElectionNeedsTwoCandidatesFewerSeatsThanCandidatesAndAtLeastOneChoice() {
        assertEquals("ballot.election.candidates", refused(() -> election(List.of("Nguyễn Văn An"), 1, 1).checked()).key());
        assertEquals("ballot.election.candidates", refused(() -> election(List.of(), 1, 1).checked()).key());

        List<String> three = List.of("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường");
        Refusal allSeats = refused(() -> election(three, 3, 1).checked());
        assertEquals("ballot.election.seats", allSeats.key());
        assertEquals("Số người cần bầu phải từ 1 đến 2, tức là ít hơn số ứng cử viên (3).",
                Bundle.text(Bundle.VIETNAMESE, allSeats.key(), allSeats.arguments()));
        assertEquals("ballot.election.seats", refused(() -> election(three, 0, 0).checked()).key());

        Refusal none = refused(() -> election(three, 2, 0).checked());
        assertEquals("ballot.election.minChoices", none.key());
        assertTrue(Bundle.text(Bundle.ENGLISH, none.key(), none.arguments()).contains("Allow blank papers"));
        assertEquals("ballot.election.minChoices", refused(() -> election(three, 2, 3).checked()).key());

        BallotDraft ok = election(List.of(" Nguyễn  Văn An ", "Trần Thị Bình", "", "Lê Văn Cường").subList(0, 2), 1, 1).checked();
        assertEquals(List.of("Nguyễn Văn An", "Trần Thị Bình"), ok.candidates());
        assertEquals(Map.of(), ok.labels(), "an election keeps no approval labels");
    }

    @Test
    void candidatesMustBeNamedOnceAndFitThePaper() {
        Refusal unnamed = refused(() -> election(List.of("Nguyễn Văn An", " ", "Lê Văn Cường"), 1, 1).checked());
        assertEquals("ballot.candidate.required", unnamed.key());
        assertArrayEquals(new Object[] {2}, unnamed.arguments());
        Refusal twice = refused(() -> election(List.of("Nguyễn Văn An", "Trần Thị Bình", "nguyễn văn  an"), 1, 1).checked());
        assertEquals("ballot.candidate.duplicate", twice.key());
        assertEquals("ballot.candidate.tooLong", refused(() -> election(List.of("Nguyễn Văn An", "B".repeat(301)), 1, 1).checked()).key());
        List<String> many = new ArrayList<>();
        for (int i = 1; i <= 61; i++) {
            many.add("Ứng cử viên " + i);
        }
        assertEquals("ballot.election.tooManyCandidates", refused(() -> election(many, 2, 1).checked()).key());
        assertEquals(60, election(many.subList(0, 60), 59, 1).checked().candidates().size());
    }

    @Test
    void theRuleIsMadeConsistent() {
        BallotDraft percentage = new BallotDraft(null, "Thông qua quy chế", BallotKind.APPROVAL, Secrecy.OPEN,
                MajorityRule.PERCENTAGE, MajorityBase.VOTES_CAST, false, null, false, BallotDraft.defaultLabels(),
                List.of(), 1, 1, false);
        assertEquals("ballot.percentage.required", refused(percentage::checked).key());
        BallotDraft sixty = new BallotDraft(null, "Thông qua quy chế", BallotKind.APPROVAL, Secrecy.OPEN,
                MajorityRule.PERCENTAGE, MajorityBase.VOTES_CAST, false, 60, false, BallotDraft.defaultLabels(),
                List.of("a stray candidate"), 3, 2, true).checked();
        assertEquals(new VotingRule(MajorityRule.PERCENTAGE, MajorityBase.VOTES_CAST, false, 60), sixty.votingRule());
        assertFalse(sixty.quorumRequired());
        assertEquals(List.of(), sixty.candidates(), "an approval keeps no candidates");
        assertEquals(List.of(1, 1, false), List.of(sixty.seats(), sixty.minChoices(), sixty.blankAllowed()));
        assertEquals("ballot.percentage.required", refused(() -> new BallotDraft(null, "Q", BallotKind.APPROVAL,
                Secrecy.SECRET, MajorityRule.PERCENTAGE, MajorityBase.PRESENT, true, 101, true, BallotDraft.defaultLabels(),
                List.of(), 1, 1, false).checked()).key());

        BallotDraft twoThirds = new BallotDraft(null, "Q", BallotKind.APPROVAL, Secrecy.SECRET, MajorityRule.TWO_THIRDS,
                MajorityBase.ALL_MEMBERS, false, 60, true, BallotDraft.defaultLabels(), List.of(), 1, 1, false).checked();
        assertNull(twoThirds.percentage(), "only a percentage rule keeps its percentage");
        assertTrue(twoThirds.abstentionsInBase(), "all members count abstainers by definition");
    }

    @Test
    void anIncompleteDefinitionIsRefused() {
        assertEquals("ballot.definition.incomplete", refused(() -> new BallotDraft(null, "Q", null, Secrecy.SECRET,
                MajorityRule.SIMPLE, MajorityBase.VOTES_CAST, false, null, true, null, null, 1, 1, false).checked()).key());
        assertEquals("ballot.definition.incomplete", refused(() -> new BallotDraft(null, "Q", BallotKind.APPROVAL, Secrecy.SECRET,
                null, MajorityBase.VOTES_CAST, false, null, true, null, null, 1, 1, false).checked()).key());
    }

    @Test
    void aDraftIsAValueTheCallerCannotChangeAfterwards() {
        List<String> candidates = new ArrayList<>(List.of("Nguyễn Văn An", "Trần Thị Bình"));
        BallotDraft draft = election(candidates, 1, 1);
        candidates.add("Lê Văn Cường");
        assertEquals(2, draft.candidates().size());
        assertThrows(UnsupportedOperationException.class, () -> draft.candidates().add("x"));
        assertEquals(draft, election(Collections.unmodifiableList(List.of("Nguyễn Văn An", "Trần Thị Bình")), 1, 1));
    }
}
