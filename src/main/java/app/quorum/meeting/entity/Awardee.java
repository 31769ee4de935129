package app.quorum.meeting.entity;

import app.quorum.platform.Limits;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** One recipient of a commendation (giấy khen) announced under an agenda item. */
@Entity
@Table(name = "awardee")
@NamedQuery(name = Awardee.OF_ITEM,
        query = "SELECT a FROM Awardee a WHERE a.item.id = :itemId ORDER BY a.kind, a.sortOrder, a.id")
@NamedQuery(name = Awardee.OF_MEETING,
        query = "SELECT a FROM Awardee a WHERE a.item.meeting.id = :meetingId ORDER BY a.item.sortOrder, a.kind, a.sortOrder, a.id")
public class Awardee {

    public static final String OF_ITEM = "Awardee.ofItem";
    public static final String OF_MEETING = "Awardee.ofMeeting";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agenda_item_id")
    private AgendaItem item;

    @Column(name = "sort_order")
    private int sortOrder;

    @NotNull(message = "{awardee.kind.required}")
    @Enumerated(EnumType.STRING)
    private AwardeeKind kind = AwardeeKind.COLLECTIVE;

    @NotBlank(message = "{awardee.name.required}")
    @Size(max = Limits.AWARDEE_NAME, message = "{awardee.name.size}")
    private String name;

    @NotBlank(message = "{awardee.award.required}")
    @Size(max = Limits.AWARDEE_AWARD, message = "{awardee.award.size}")
    private String award;

    @Size(max = Limits.AWARDEE_REASON, message = "{awardee.reason.size}")
    private String reason;

    protected Awardee() {
        // for JPA
    }

    public Awardee(AgendaItem item, int sortOrder, AwardeeKind kind, String name, String award) {
        this.item = item;
        this.sortOrder = sortOrder;
        this.kind = kind;
        this.name = name;
        this.award = award;
    }

    public Long getId() {
        return id;
    }

    public AgendaItem getItem() {
        return item;
    }

    public int getSortOrder() {
        return sortOrder;
    }

    public AwardeeKind getKind() {
        return kind;
    }

    public void setKind(AwardeeKind kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getAward() {
        return award;
    }

    public void setAward(String award) {
        this.award = award;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
