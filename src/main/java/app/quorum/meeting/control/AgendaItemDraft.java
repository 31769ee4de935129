package app.quorum.meeting.control;

import app.quorum.meeting.entity.AgendaItem;
import app.quorum.platform.Limits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** What the secretary types for an agenda item. */
public record AgendaItemDraft(
        @NotBlank(message = "{agenda.title.required}") @Size(max = Limits.AGENDA_TITLE, message = "{agenda.title.size}") String title,
        @Size(max = Limits.AGENDA_DESCRIPTION, message = "{agenda.description.size}") String description,
        @Size(max = Limits.AGENDA_PRESENTER, message = "{agenda.presenter.size}") String presenter,
        @Positive(message = "{agenda.plannedMinutes.positive}") Integer plannedMinutes) {

    public static AgendaItemDraft of(AgendaItem item) {
        return new AgendaItemDraft(item.getTitle(), item.getDescription(), item.getPresenter(), item.getPlannedMinutes());
    }

    void applyTo(AgendaItem item) {
        item.setDescription(description);
        item.setPresenter(presenter);
        item.setPlannedMinutes(plannedMinutes);
    }
}
