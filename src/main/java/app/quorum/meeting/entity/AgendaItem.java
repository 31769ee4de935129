package app.quorum.meeting.entity;

import app.quorum.platform.Limits;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/** One item of a meeting's agenda, in the order the meeting takes them. */
@Entity
@Table(name = "agenda_item")
public class AgendaItem {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "meeting_id")
    private Meeting meeting;

    @Column(name = "sort_order")
    private int sortOrder;

    @NotBlank(message = "{agenda.title.required}")
    @Size(max = Limits.AGENDA_TITLE, message = "{agenda.title.size}")
    private String title;

    @Size(max = Limits.AGENDA_DESCRIPTION, message = "{agenda.description.size}")
    private String description;

    @Size(max = Limits.AGENDA_PRESENTER, message = "{agenda.presenter.size}")
    private String presenter;

    @Positive(message = "{agenda.plannedMinutes.positive}")
    @Column(name = "planned_minutes")
    private Integer plannedMinutes;

    @Version
    private long version;

    protected AgendaItem() {
        // for JPA
    }

    AgendaItem(Meeting meeting, int sortOrder, String title) {
        this.meeting = meeting;
        this.sortOrder = sortOrder;
        this.title = title;
    }

    public Long getId() {
        return id;
    }

    public Meeting getMeeting() {
        return meeting;
    }

    void number(int number) {
        this.sortOrder = number;
    }

    /** The item's number on the agenda, from 1. */
    public int getSortOrder() {
        return sortOrder;
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
}
