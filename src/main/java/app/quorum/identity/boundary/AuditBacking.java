package app.quorum.identity.boundary;

import app.quorum.platform.audit.AuditLog;
import app.quorum.platform.audit.AuditLog.AuditFilter;
import app.quorum.platform.audit.AuditEvent;
import app.quorum.platform.Limits;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The audit log for admins and secretaries: newest first, filtered by who, what, meeting and day. */
@Named
@ViewScoped
public class AuditBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss").withZone(VIETNAM);

    @Inject
    transient AuditLog audit;

    @Size(max = Limits.SEARCH, message = "{search.size}")
    private String actor;
    @Size(max = Limits.SEARCH, message = "{search.size}")
    private String action;
    private Long meetingId;
    private LocalDate from;
    private LocalDate to;

    private final LazyDataModel<AuditEvent> events = new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
            return Math.toIntExact(audit.count(filter()));
        }

        @Override
        public List<AuditEvent> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
            return audit.events(filter(), first, pageSize);
        }

        @Override
        public String getRowKey(AuditEvent event) {
            return event.getId().toString();
        }
    };

    public AuditFilter filter() {
        return new AuditFilter(actor, action, meetingId,
                from == null ? null : from.atStartOfDay(VIETNAM).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(VIETNAM).toInstant());
    }

    /** When the event happened, in Vietnam's time. */
    public String when(AuditEvent event) {
        return event.getAt() == null ? "" : WHEN.format(event.getAt());
    }

    public LazyDataModel<AuditEvent> getEvents() {
        return events;
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public Long getMeetingId() {
        return meetingId;
    }

    public void setMeetingId(Long meetingId) {
        this.meetingId = meetingId;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
