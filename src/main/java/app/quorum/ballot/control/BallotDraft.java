package app.quorum.ballot.control;

import app.quorum.ballot.entity.ApprovalChoice;
import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BallotKind;
import app.quorum.ballot.entity.BallotOption;
import app.quorum.ballot.entity.MajorityBase;
import app.quorum.ballot.entity.MajorityRule;
import app.quorum.ballot.entity.Secrecy;
import app.quorum.ballot.entity.VotingRule;
import app.quorum.platform.Limits;
import app.quorum.platform.Refusal;
import app.quorum.platform.i18n.Bundle;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A ballot's definition as the secretary or the chair sets it before it opens: the agenda item, the question, the
 * kind (approval with its three labels, or an election with its candidates, seats, fewest choices and whether a
 * blank paper is allowed), secrecy, the majority rule and its base, whether abstentions (blank papers) count in the
 * base, the percentage of a percentage rule, and whether the quorum is required to open. {@link #checked()} says
 * what is wrong in the user's words ({@link Refusal}) and gives the definition tidied up.
 *
 * @param itemId the agenda item, or {@code null} for a ballot on the meeting as a whole
 * @param labels approval only: the label of each answer (what the tablets show)
 * @param candidates election only: the candidates' names in ballot order
 * @param seats election only: how many are elected (k), fewer than the candidates
 * @param minChoices election only: the fewest candidates a non-blank paper marks, from 1 to {@code seats}
 * @param blankAllowed election only: whether a paper marking nobody may be cast
 */
public record BallotDraft(Long itemId, String question, BallotKind kind, Secrecy secrecy, MajorityRule rule,
        MajorityBase base, boolean abstentionsInBase, Integer percentage, boolean quorumRequired,
        Map<ApprovalChoice, String> labels, List<String> candidates, int seats, int minChoices, boolean blankAllowed) {

    /** The longest question (the column's size). */
    public static final int QUESTION_MAX = Limits.BALLOT_QUESTION;
    /** The longest label of an answer or a candidate (the column's size). */
    public static final int LABEL_MAX = Limits.BALLOT_LABEL;
    /** The most candidates on one paper (see {@link Limits#BALLOT_CANDIDATES}). */
    public static final int CANDIDATES_MAX = Limits.BALLOT_CANDIDATES;

    public BallotDraft {
        Map<ApprovalChoice, String> copied = new EnumMap<>(ApprovalChoice.class);
        if (labels != null) {
            copied.putAll(labels);
        }
        labels = Collections.unmodifiableMap(copied);
        candidates = candidates == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(candidates));
    }

    /** An approval ballot; the quorum is required. */
    public static BallotDraft approval(Long itemId, String question, VotingRule rule, Secrecy secrecy,
            Map<ApprovalChoice, String> labels) {
        return new BallotDraft(itemId, question, BallotKind.APPROVAL, secrecy, rule.rule(), rule.base(),
                rule.abstentionsInBase(), rule.percentage(), true, labels, List.of(), 1, 1, false);
    }

    /** An election of {@code seats} among the candidates; the quorum is required. */
    public static BallotDraft election(Long itemId, String question, VotingRule rule, Secrecy secrecy,
            List<String> candidates, int seats, int minChoices, boolean blankAllowed) {
        return new BallotDraft(itemId, question, BallotKind.ELECTION, secrecy, rule.rule(), rule.base(),
                rule.abstentionsInBase(), rule.percentage(), true, Map.of(), candidates, seats, minChoices, blankAllowed);
    }

    /** The definition of an existing ballot, to edit it or to start a new one from it (a template). */
    public static BallotDraft of(Ballot ballot) {
        VotingRule rule = ballot.votingRule();
        Map<ApprovalChoice, String> labels = new EnumMap<>(ApprovalChoice.class);
        List<String> candidates = new ArrayList<>();
        for (BallotOption option : ballot.getOptions()) {
            if (ballot.getKind() == BallotKind.APPROVAL) {
                labels.put(ApprovalChoice.valueOf(option.getCode()), option.getLabel());
            } else {
                candidates.add(option.getLabel());
            }
        }
        return new BallotDraft(ballot.getItem() == null ? null : ballot.getItem().getId(), ballot.getQuestion(),
                ballot.getKind(), ballot.getSecrecy(), rule.rule(), rule.base(), rule.abstentionsInBase(),
                rule.percentage(), ballot.isQuorumRequired(), labels, candidates, ballot.getSeats(),
                ballot.getMinChoices(), ballot.isBlankAllowed());
    }

    /** The labels an approval ballot starts with: the bundle's Vietnamese words (Đồng ý / Không đồng ý / Không biểu quyết). */
    public static Map<ApprovalChoice, String> defaultLabels() {
        return defaultLabels(Bundle.VIETNAMESE);
    }

    /**
     * The labels an approval ballot starts with in a language: a ballot prepared on English pages starts with
     * Approve / Reject / Abstain, one prepared on Vietnamese pages with Đồng ý / Không đồng ý / Không biểu quyết. They
     * are the ballot's own words from then on, shown as written to everyone.
     */
    public static Map<ApprovalChoice, String> defaultLabels(Locale locale) {
        Map<ApprovalChoice, String> labels = new EnumMap<>(ApprovalChoice.class);
        for (ApprovalChoice choice : ApprovalChoice.values()) {
            labels.put(choice, Bundle.text(Bundle.supported(locale), Bundle.enumKey(choice)));
        }
        return labels;
    }

    public BallotDraft withItem(Long item) {
        return new BallotDraft(item, question, kind, secrecy, rule, base, abstentionsInBase, percentage, quorumRequired,
                labels, candidates, seats, minChoices, blankAllowed);
    }

    public BallotDraft withQuorumRequired(boolean required) {
        return new BallotDraft(itemId, question, kind, secrecy, rule, base, abstentionsInBase, percentage, required,
                labels, candidates, seats, minChoices, blankAllowed);
    }

    /**
     * This definition checked and tidied: texts in NFC without surrounding (labels and names: repeated) spaces; the
     * percentage kept only for a percentage rule; abstentions counted in any base but the votes cast (where they
     * count by definition); for an approval, no candidates and the election settings at their defaults; for an
     * election, no approval labels.
     *
     * @throws Refusal naming what is missing or wrong
     */
    public BallotDraft checked() {
        if (kind == null || secrecy == null || rule == null || base == null) {
            throw new Refusal(Refusal.Kind.INVALID, "ballot.definition.incomplete");
        }
        String text = question == null ? "" : nfc(question).strip();
        if (text.isEmpty()) {
            throw new Refusal(Refusal.Kind.INVALID, "ballot.question.required");
        }
        if (text.length() > QUESTION_MAX) {
            throw new Refusal(Refusal.Kind.INVALID, "ballot.question.tooLong", QUESTION_MAX);
        }
        Integer checkedPercentage = null;
        if (rule == MajorityRule.PERCENTAGE) {
            if (percentage == null || percentage < 1 || percentage > 100) {
                throw new Refusal(Refusal.Kind.INVALID, "ballot.percentage.required");
            }
            checkedPercentage = percentage;
        }
        boolean checkedAbstentions = base != MajorityBase.VOTES_CAST || abstentionsInBase;
        if (kind == BallotKind.APPROVAL) {
            return new BallotDraft(itemId, text, kind, secrecy, rule, base, checkedAbstentions, checkedPercentage,
                    quorumRequired, checkedLabels(), List.of(), 1, 1, false);
        }
        List<String> names = checkedCandidates();
        if (seats < 1 || seats >= names.size()) {
            throw new Refusal(Refusal.Kind.INVALID, "ballot.election.seats", names.size() - 1, names.size());
        }
        if (minChoices < 1 || minChoices > seats) {
            throw new Refusal(Refusal.Kind.INVALID, "ballot.election.minChoices", seats);
        }
        return new BallotDraft(itemId, text, kind, secrecy, rule, base, checkedAbstentions, checkedPercentage,
                quorumRequired, Map.of(), names, seats, minChoices, blankAllowed);
    }

    /** The rule as the tally applies it (call on a {@linkplain #checked() checked} draft). */
    public VotingRule votingRule() {
        return new VotingRule(rule, base, abstentionsInBase, percentage);
    }

    /** The options' labels in ballot order: the three answers, or the candidates. */
    public List<String> optionLabels() {
        if (kind == BallotKind.APPROVAL) {
            List<String> ordered = new ArrayList<>();
            for (ApprovalChoice choice : ApprovalChoice.values()) {
                ordered.add(labels.get(choice));
            }
            return ordered;
        }
        return candidates;
    }

    private Map<ApprovalChoice, String> checkedLabels() {
        Map<ApprovalChoice, String> checked = new EnumMap<>(ApprovalChoice.class);
        Map<String, String> seen = new HashMap<>();
        for (ApprovalChoice choice : ApprovalChoice.values()) {
            String label = tidy(labels.get(choice));
            if (label.isEmpty()) {
                throw new Refusal(Refusal.Kind.INVALID, "ballot.label.required", choice);
            }
            if (label.length() > LABEL_MAX) {
                throw new Refusal(Refusal.Kind.INVALID, "ballot.label.tooLong", choice, LABEL_MAX);
            }
            if (seen.putIfAbsent(sameness(label), label) != null) {
                throw new Refusal(Refusal.Kind.INVALID, "ballot.label.duplicate", label);
            }
            checked.put(choice, label);
        }
        return checked;
    }

    private List<String> checkedCandidates() {
        List<String> names = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (String candidate : candidates) {
            String name = tidy(candidate);
            int number = names.size() + 1;
            if (name.isEmpty()) {
                throw new Refusal(Refusal.Kind.INVALID, "ballot.candidate.required", number);
            }
            if (name.length() > LABEL_MAX) {
                throw new Refusal(Refusal.Kind.INVALID, "ballot.candidate.tooLong", number, LABEL_MAX);
            }
            if (seen.putIfAbsent(sameness(name), name) != null) {
                throw new Refusal(Refusal.Kind.INVALID, "ballot.candidate.duplicate", name);
            }
            names.add(name);
        }
        if (names.size() < 2) {
            throw new Refusal(Refusal.Kind.INVALID, "ballot.election.candidates");
        }
        if (names.size() > CANDIDATES_MAX) {
            throw new Refusal(Refusal.Kind.INVALID, "ballot.election.tooManyCandidates", CANDIDATES_MAX);
        }
        return names;
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** A label or a name: NFC, spaces collapsed and stripped; "" for none. */
    static String tidy(String text) {
        return text == null ? "" : nfc(text).strip().replaceAll("\\s+", " ");
    }

    /** Two labels are the same when they differ only in letter case ("Đồng ý" and "đồng ý"). */
    private static String sameness(String label) {
        return label.toLowerCase(Locale.ROOT);
    }
}
