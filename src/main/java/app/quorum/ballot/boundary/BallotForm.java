package app.quorum.ballot.boundary;

import app.quorum.ballot.control.BallotDraft;
import app.quorum.ballot.entity.ApprovalChoice;
import app.quorum.ballot.entity.BallotKind;
import app.quorum.ballot.entity.MajorityBase;
import app.quorum.ballot.entity.MajorityRule;
import app.quorum.ballot.entity.Secrecy;
import app.quorum.platform.Limits;
import app.quorum.platform.i18n.Bundle;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What the ballot form ({@code WEB-INF/includes/ballot-form.xhtml}) holds while the secretary or the chair fills it
 * in: a new ballot, or the draft being edited ({@link #getEditing()}). Turned into a {@link BallotDraft} for the
 * service, which checks it; the form itself checks only the lengths of the texts (the same limits, {@link Limits}), so a
 * text too long is said next to its field.
 */
public class BallotForm implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long editing;
    private long editingVersion;
    private Long templateId;

    private Long itemId;
    @Size(max = Limits.BALLOT_QUESTION, message = "{ballot.question.size}")
    private String question;
    private BallotKind kind = BallotKind.APPROVAL;
    private Secrecy secrecy = Secrecy.SECRET;
    private MajorityRule rule = MajorityRule.ABSOLUTE;
    private MajorityBase base = MajorityBase.PRESENT;
    private boolean abstentionsInBase = true;
    private Integer percentage;
    private boolean quorumRequired = true;
    @Size(max = Limits.BALLOT_LABEL, message = "{ballot.label.size}")
    private String labelYes;
    @Size(max = Limits.BALLOT_LABEL, message = "{ballot.label.size}")
    private String labelNo;
    @Size(max = Limits.BALLOT_LABEL, message = "{ballot.label.size}")
    private String labelAbstain;
    @Size(max = Limits.BALLOT_CANDIDATES_TEXT, message = "{ballot.candidates.size}")
    private String candidates;
    private Integer seats = 1;
    private Integer minChoices = 1;
    private boolean blankAllowed;

    /** An empty form for a new ballot on this item (or none), the approval labels prefilled. */
    static BallotForm fresh(Long itemId, String question) {
        BallotForm form = new BallotForm();
        form.itemId = itemId;
        form.question = question;
        form.setLabels(BallotDraft.defaultLabels(Bundle.currentLocale()));
        return form;
    }

    /** A form showing this draft: for editing ballot {@code ballotId} at {@code version}, or ({@code null}) a new one. */
    static BallotForm of(BallotDraft draft, Long ballotId, long version) {
        BallotForm form = fresh(draft.itemId(), null);
        form.fill(draft);
        form.editing = ballotId;
        form.editingVersion = version;
        return form;
    }

    /** Takes every setting of the draft but the agenda item (a template's item belongs to its own meeting). */
    void fill(BallotDraft draft) {
        question = draft.question();
        kind = draft.kind();
        secrecy = draft.secrecy();
        rule = draft.rule();
        base = draft.base();
        abstentionsInBase = draft.abstentionsInBase();
        percentage = draft.percentage();
        quorumRequired = draft.quorumRequired();
        if (draft.kind() == BallotKind.APPROVAL) {
            setLabels(draft.labels());
            candidates = null;
            seats = 1;
            minChoices = 1;
            blankAllowed = false;
        } else {
            setLabels(BallotDraft.defaultLabels(Bundle.currentLocale()));
            candidates = String.join("\n", draft.candidates());
            seats = draft.seats();
            minChoices = draft.minChoices();
            blankAllowed = draft.blankAllowed();
        }
    }

    /** The definition as typed: candidates one per line, empty lines left out. */
    BallotDraft toDraft() {
        Map<ApprovalChoice, String> labels = new EnumMap<>(ApprovalChoice.class);
        labels.put(ApprovalChoice.YES, labelYes);
        labels.put(ApprovalChoice.NO, labelNo);
        labels.put(ApprovalChoice.ABSTAIN, labelAbstain);
        List<String> names = candidates == null ? List.of()
                : Arrays.stream(candidates.split("\\R")).filter(line -> !line.isBlank()).toList();
        return new BallotDraft(itemId, question, kind, secrecy, rule, base, abstentionsInBase,
                rule == MajorityRule.PERCENTAGE ? percentage : null, quorumRequired, labels, names,
                seats == null ? 0 : seats, minChoices == null ? 0 : minChoices, blankAllowed);
    }

    private void setLabels(Map<ApprovalChoice, String> labels) {
        labelYes = labels.get(ApprovalChoice.YES);
        labelNo = labels.get(ApprovalChoice.NO);
        labelAbstain = labels.get(ApprovalChoice.ABSTAIN);
    }

    public boolean isElection() {
        return kind == BallotKind.ELECTION;
    }

    public boolean isPercentageRule() {
        return rule == MajorityRule.PERCENTAGE;
    }

    public boolean isVotesCastBase() {
        return base == MajorityBase.VOTES_CAST;
    }

    public boolean isOpenBallot() {
        return secrecy == Secrecy.OPEN;
    }

    public Long getEditing() {
        return editing;
    }

    long getEditingVersion() {
        return editingVersion;
    }

    public Long getTemplateId() {
        return templateId;
    }

    public void setTemplateId(Long templateId) {
        this.templateId = templateId;
    }

    public Long getItemId() {
        return itemId;
    }

    public void setItemId(Long itemId) {
        this.itemId = itemId;
    }

    public String getQuestion() {
        return question;
    }

    public void setQuestion(String question) {
        this.question = question;
    }

    public BallotKind getKind() {
        return kind;
    }

    public void setKind(BallotKind kind) {
        this.kind = kind;
    }

    public Secrecy getSecrecy() {
        return secrecy;
    }

    public void setSecrecy(Secrecy secrecy) {
        this.secrecy = secrecy;
    }

    public MajorityRule getRule() {
        return rule;
    }

    public void setRule(MajorityRule rule) {
        this.rule = rule;
    }

    public MajorityBase getBase() {
        return base;
    }

    public void setBase(MajorityBase base) {
        this.base = base;
    }

    public boolean isAbstentionsInBase() {
        return abstentionsInBase;
    }

    public void setAbstentionsInBase(boolean abstentionsInBase) {
        this.abstentionsInBase = abstentionsInBase;
    }

    public Integer getPercentage() {
        return percentage;
    }

    public void setPercentage(Integer percentage) {
        this.percentage = percentage;
    }

    public boolean isQuorumRequired() {
        return quorumRequired;
    }

    public void setQuorumRequired(boolean quorumRequired) {
        this.quorumRequired = quorumRequired;
    }

    public String getLabelYes() {
        return labelYes;
    }

    public void setLabelYes(String labelYes) {
        this.labelYes = labelYes;
    }

    public String getLabelNo() {
        return labelNo;
    }

    public void setLabelNo(String labelNo) {
        this.labelNo = labelNo;
    }

    public String getLabelAbstain() {
        return labelAbstain;
    }

    public void setLabelAbstain(String labelAbstain) {
        this.labelAbstain = labelAbstain;
    }

    public String getCandidates() {
        return candidates;
    }

    public void setCandidates(String candidates) {
        this.candidates = candidates;
    }

    public Integer getSeats() {
        return seats;
    }

    public void setSeats(Integer seats) {
        this.seats = seats;
    }

    public Integer getMinChoices() {
        return minChoices;
    }

    public void setMinChoices(Integer minChoices) {
        this.minChoices = minChoices;
    }

    public boolean isBlankAllowed() {
        return blankAllowed;
    }

    public void setBlankAllowed(boolean blankAllowed) {
        this.blankAllowed = blankAllowed;
    }
}
