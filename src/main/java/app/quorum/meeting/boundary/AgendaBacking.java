package app.quorum.meeting.boundary;

import app.quorum.meeting.control.MeetingView;

import app.quorum.meeting.control.AgendaItemDraft;
import app.quorum.meeting.control.CommendationService;
import app.quorum.meeting.control.DocumentService;
import app.quorum.meeting.entity.AgendaItem;
import app.quorum.meeting.entity.Awardee;
import app.quorum.meeting.entity.AwardeeKind;
import app.quorum.meeting.entity.DocumentInfo;
import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.Limits;
import app.quorum.platform.web.Feedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.event.ReorderEvent;

/** The secretary's agenda: items (add, edit, remove, drag to reorder), their PDF documents and awardees. */
@Named
@ViewScoped
public class AgendaBacking extends MeetingView {

    private static final long serialVersionUID = 1L;

    @Inject
    transient DocumentService documents;

    @Inject
    transient CommendationService commendations;

    private List<AgendaItem> items;
    private Map<Long, List<DocumentInfo>> documentsByItem;
    private Map<Long, List<Awardee>> awardeesByItem;

    private Long editing;
    @Size(max = Limits.AGENDA_TITLE, message = "{agenda.title.size}")
    private String title;
    @Size(max = Limits.AGENDA_DESCRIPTION, message = "{agenda.description.size}")
    private String description;
    @Size(max = Limits.AGENDA_PRESENTER, message = "{agenda.presenter.size}")
    private String presenter;
    private Integer plannedMinutes;

    private Long awardeeItem;
    private AwardeeKind awardeeKind = AwardeeKind.COLLECTIVE;
    @Size(max = Limits.AWARDEE_NAME, message = "{awardee.name.size}")
    private String awardeeName;
    @Size(max = Limits.AWARDEE_AWARD, message = "{awardee.award.size}")
    private String award;
    @Size(max = Limits.AWARDEE_REASON, message = "{awardee.reason.size}")
    private String awardReason;

    @Override
    protected void loaded(Meeting meeting) {
        items = new ArrayList<>(meeting.getAgenda());
        documentsByItem = documents.ofMeeting(meeting.getId()).stream().collect(Collectors.groupingBy(DocumentInfo::itemId));
        awardeesByItem = commendations.ofMeeting(meeting.getId()).stream().collect(Collectors.groupingBy(a -> a.getItem().getId()));
    }

    /** Opens the item form empty, for a new item. */
    public void startNew() {
        edit(null);
    }

    public void edit(AgendaItem item) {
        editing = item == null ? null : item.getId();
        AgendaItemDraft draft = item == null ? new AgendaItemDraft(null, null, null, null) : AgendaItemDraft.of(item);
        title = draft.title();
        description = draft.description();
        presenter = draft.presenter();
        plannedMinutes = draft.plannedMinutes();
    }

    public void save() {
        AgendaItemDraft draft = new AgendaItemDraft(title, description, presenter, plannedMinutes);
        if (editing == null) {
            meetings.addItem(meetingId(), draft);
            Feedback.info("agenda.added", title);
        } else {
            meetings.updateItem(meetingId(), editing, draft);
            Feedback.info("agenda.saved", title);
        }
        reload();
    }

    public void remove(AgendaItem item) {
        meetings.removeItem(meetingId(), item.getId());
        Feedback.info("agenda.removed", item.getTitle());
        reload();
    }

    /** A row was dragged: the table's list is already in the new order. */
    public void reordered(ReorderEvent event) {
        meetings.reorder(meetingId(), items.stream().map(AgendaItem::getId).toList());
        Feedback.info("agenda.reordered");
        reload();
    }

    public void moveUp(AgendaItem item) {
        move(item, -1);
    }

    public void moveDown(AgendaItem item) {
        move(item, 1);
    }

    private void move(AgendaItem item, int by) {
        List<Long> order = new ArrayList<>(items.stream().map(AgendaItem::getId).toList());
        int from = order.indexOf(item.getId());
        int to = from + by;
        if (from < 0 || to < 0 || to >= order.size()) {
            return;
        }
        order.add(to, order.remove(from));
        meetings.reorder(meetingId(), order);
        reload();
    }

    public void upload(FileUploadEvent event) {
        long itemId = Long.parseLong(event.getComponent().getAttributes().get("itemId").toString());
        DocumentInfo added = documents.upload(meetingId(), itemId, event.getFile().getFileName(), event.getFile().getContent());
        Feedback.info("document.uploaded", added.fileName());
        reload();
    }

    public void deleteDocument(DocumentInfo document) {
        documents.delete(document.id());
        Feedback.info("document.deleted", document.fileName());
        reload();
    }

    public void startAwardees(AgendaItem item) {
        awardeeItem = item.getId();
        awardeeName = null;
        award = null;
        awardReason = null;
    }

    public void addAwardee() {
        if (awardeeItem == null) {
            // the dialog's form posted before an item's "add awardees" chose the item (a stale or forged post)
            Feedback.error("agenda.itemNotFound");
            return;
        }
        commendations.add(meetingId(), awardeeItem, awardeeKind, awardeeName, award, awardReason);
        Feedback.info("awardee.added", awardeeName);
        awardeeName = null;
        awardReason = null;
        reload();
    }

    public void removeAwardee(Awardee awardee) {
        commendations.remove(meetingId(), awardee.getId());
        reload();
    }

    public List<AgendaItem> getItems() {
        return items;
    }

    public List<DocumentInfo> documentsOf(Long itemId) {
        return documentsByItem.getOrDefault(itemId, List.of());
    }

    public List<Awardee> awardeesOf(Long itemId) {
        return awardeesByItem.getOrDefault(itemId, List.of());
    }

    public Long getEditing() {
        return editing;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getPresenter() {
        return presenter;
    }

    public void setPresenter(String presenter) {
        this.presenter = presenter;
    }

    public Integer getPlannedMinutes() {
        return plannedMinutes;
    }

    public void setPlannedMinutes(Integer plannedMinutes) {
        this.plannedMinutes = plannedMinutes;
    }

    public Long getAwardeeItem() {
        return awardeeItem;
    }

    public AgendaItem getAwardeeItemEntity() {
        return items.stream().filter(i -> i.getId().equals(awardeeItem)).findFirst().orElse(null);
    }

    public AwardeeKind getAwardeeKind() {
        return awardeeKind;
    }

    public void setAwardeeKind(AwardeeKind awardeeKind) {
        this.awardeeKind = awardeeKind;
    }

    public String getAwardeeName() {
        return awardeeName;
    }

    public void setAwardeeName(String awardeeName) {
        this.awardeeName = awardeeName;
    }

    public String getAward() {
        return award;
    }

    public void setAward(String award) {
        this.award = award;
    }

    public String getAwardReason() {
        return awardReason;
    }

    public void setAwardReason(String awardReason) {
        this.awardReason = awardReason;
    }
}
