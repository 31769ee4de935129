package app.quorum.ballot.boundary;

import app.quorum.ballot.control.BallotDefinitions;
import app.quorum.ballot.control.BallotLifecycle;
import app.quorum.ballot.control.Ballots;
import app.quorum.ballot.control.BallotTemplate;
import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BallotKind;
import app.quorum.ballot.entity.BallotStatus;
import app.quorum.ballot.entity.MajorityBase;
import app.quorum.ballot.entity.MajorityRule;
import app.quorum.ballot.entity.Secrecy;
import app.quorum.meeting.control.MeetingView;
import app.quorum.meeting.entity.AgendaItem;
import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.i18n.Bundle;
import app.quorum.platform.web.Feedback;
import jakarta.faces.model.SelectItem;
import jakarta.faces.model.SelectItemGroup;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the pages that prepare ballots share — the secretary's ballots page and the chair's console: the meeting's
 * ballots, and the one ballot form ({@code WEB-INF/includes/ballot-form.xhtml}) with its templates, to define a
 * ballot, edit or delete one in preparation.
 */
public abstract class BallotPreparationView extends MeetingView {

    private static final long serialVersionUID = 1L;
    private static final int TEMPLATE_LABEL_MAX = 90;

    @Inject
    transient Ballots ballots;

    @Inject
    transient BallotDefinitions definitions;

    @Inject
    transient BallotLifecycle lifecycle;

    private List<Ballot> all;
    private BallotForm form;
    private transient List<SelectItem> templateItems;

    @Override
    protected final void loaded(Meeting meeting) {
        all = ballots.ofMeeting(meeting.getId());
        templateItems = null;
        if (form == null) {
            form = newForm(meeting);
        }
        ballotsLoaded(meeting);
    }

    /** What the page loads besides the ballots. */
    protected void ballotsLoaded(Meeting meeting) {
        // nothing more by default
    }

    /** The form for a new ballot: on the current item (with its title as the question) when there is one. */
    protected BallotForm newForm(Meeting meeting) {
        AgendaItem current = meeting.getCurrentItem();
        return BallotForm.fresh(current == null ? null : current.getId(), current == null ? null : current.getTitle());
    }

    /** Saves the form: a new ballot, or the changes to the one being edited; the form is then empty again. */
    public void save() {
        if (form.getEditing() == null) {
            definitions.define(meetingId(), form.toDraft());
            Feedback.info(definedKey());
        } else {
            definitions.update(form.getEditing(), form.getEditingVersion(), form.toDraft());
            Feedback.info("ballot.saved");
        }
        form = null;
        reload();
    }

    /** The message once a ballot is defined: the chair may open it now, the secretary hands it to the chair. */
    protected String definedKey() {
        return "ballot.defined";
    }

    /** Shows a ballot in preparation in the form, to change it. */
    public void edit(Ballot ballot) {
        Ballot fresh = ballots.ballot(ballot.getId());
        if (fresh.getStatus() != BallotStatus.DRAFT) {
            Feedback.error("ballot.edit.notDraft", fresh.getStatus());
            reload();
            return;
        }
        form = BallotForm.of(definitions.definition(fresh.getId()), fresh.getId(), fresh.getVersion());
    }

    /** Empties the form (and stops editing). */
    public void startNew() {
        form = newForm(getMeeting());
    }

    /** Leaves the form without saving: it is empty again. */
    public void discard() {
        startNew();
    }

    /** Empties the form for a new ballot on this item, its title as the question. */
    public void startNew(AgendaItem item) {
        form = BallotForm.fresh(item.getId(), item.getTitle());
    }

    public void delete(Ballot ballot) {
        definitions.delete(ballot.getId());
        Feedback.info("ballot.deleted", ballot.getQuestion());
        if (ballot.getId().equals(form.getEditing())) {
            form = null;
        }
        reload();
    }

    /** The template chosen in the form prefills every field but the agenda item. */
    public void applyTemplate() {
        Long templateId = form.getTemplateId();
        form.setTemplateId(null);
        if (templateId != null) {
            form.fill(definitions.definition(templateId));
            Feedback.info("ballot.template.applied");
        }
    }

    /** The templates, grouped by meeting: this meeting first, then the others, most recent first. */
    public List<SelectItem> getTemplateItems() {
        if (templateItems == null) {
            Map<Long, List<SelectItem>> byMeeting = new LinkedHashMap<>();
            Map<Long, String> titles = new LinkedHashMap<>();
            DateTimeFormatter date = DateTimeFormatter.ofPattern("dd/MM/yyyy");
            for (BallotTemplate template : definitions.templates(meetingId())) {
                byMeeting.computeIfAbsent(template.meetingId(), id -> new ArrayList<>())
                        .add(new SelectItem(template.ballotId(), templateLabel(template)));
                titles.putIfAbsent(template.meetingId(), template.meetingId() == meetingId()
                        ? Bundle.text(Bundle.currentLocale(), "ballot.template.thisMeeting")
                        : template.meetingTitle() + " (" + date.format(template.meetingStartsAt()) + ")");
            }
            List<SelectItem> groups = new ArrayList<>();
            byMeeting.forEach((meeting, items) -> {
                SelectItemGroup group = new SelectItemGroup(titles.get(meeting));
                group.setSelectItems(items.toArray(SelectItem[]::new));
                groups.add(group);
            });
            templateItems = groups;
        }
        return templateItems;
    }

    private static String templateLabel(BallotTemplate template) {
        String question = template.question();
        if (question.length() > TEMPLATE_LABEL_MAX) {
            question = question.substring(0, TEMPLATE_LABEL_MAX - 1).strip() + "…";
        }
        return Bundle.text(Bundle.currentLocale(), Bundle.enumKey(template.kind())) + " · " + question;
    }

    /** The meeting's ballots, in the order they were prepared. */
    public List<Ballot> getAll() {
        return all;
    }

    public BallotForm getForm() {
        return form;
    }

    public boolean isPreparable() {
        return getMeeting().getStatus().editable();
    }

    public List<AgendaItem> getItems() {
        return getMeeting().getAgenda();
    }

    public BallotKind[] getKinds() {
        return BallotKind.values();
    }

    public MajorityRule[] getRules() {
        return MajorityRule.values();
    }

    public MajorityBase[] getBases() {
        return MajorityBase.values();
    }

    public Secrecy[] getSecrecies() {
        return Secrecy.values();
    }

    protected Ballots ballots() {
        return ballots;
    }

    protected BallotLifecycle lifecycle() {
        return lifecycle;
    }
}
