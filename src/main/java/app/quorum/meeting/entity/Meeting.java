package app.quorum.meeting.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import app.quorum.platform.Limits;
import app.quorum.meeting.entity.QuorumRule;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A conference or council session (hội nghị, kỳ họp) with its ordered agenda. */
@Entity
@Table(name = "meeting")
@NamedQuery(name = Meeting.ALL, query = "SELECT m FROM Meeting m ORDER BY m.startsAt DESC, m.id DESC")
// @OrderBy does not order a fetch join: the collection takes the rows in the order the database returns them
@NamedQuery(name = Meeting.WITH_AGENDA,
        query = "SELECT DISTINCT m FROM Meeting m LEFT JOIN FETCH m.agenda a WHERE m.id = :id ORDER BY a.sortOrder")
@NamedQuery(name = Meeting.COUNT, query = "SELECT COUNT(m) FROM Meeting m")
@NamedQuery(name = Meeting.PUBLIC, query = "SELECT m FROM Meeting m WHERE m.publicMeeting = TRUE ORDER BY m.startsAt DESC, m.id DESC")
public class Meeting {

    public static final String ALL = "Meeting.all";
    public static final String WITH_AGENDA = "Meeting.withAgenda";
    public static final String COUNT = "Meeting.count";
    public static final String PUBLIC = "Meeting.public";
    public static final String DEFAULT_TIME_ZONE = "Asia/Ho_Chi_Minh";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @NotBlank(message = "{meeting.title.required}")
    @Size(max = Limits.MEETING_TITLE, message = "{meeting.title.size}")
    private String title;

    @NotBlank(message = "{meeting.organiser.required}")
    @Size(max = Limits.MEETING_ORGANISER, message = "{meeting.organiser.size}")
    private String organiser;

    @Size(max = Limits.MEETING_VENUE, message = "{meeting.venue.size}")
    private String venue;

    @NotNull(message = "{meeting.startsAt.required}")
    @Column(name = "starts_at")
    private LocalDateTime startsAt;

    @Column(name = "ends_at")
    private LocalDateTime endsAt;

    @NotNull(message = "{meeting.timeZone.required}")
    @Size(max = Limits.MEETING_TIME_ZONE, message = "{meeting.timeZone.size}")
    @Column(name = "time_zone")
    private String timeZone = DEFAULT_TIME_ZONE;

    @Size(max = Limits.MEETING_DESCRIPTION, message = "{meeting.description.size}")
    private String description;

    @NotNull(message = "{meeting.status.required}")
    @Enumerated(EnumType.STRING)
    private MeetingStatus status = MeetingStatus.DRAFT;

    @Column(name = "public_meeting")
    private boolean publicMeeting;

    @NotNull(message = "{meeting.quorumRule.required}")
    @Enumerated(EnumType.STRING)
    @Column(name = "quorum_rule")
    private QuorumRule quorumRule = QuorumRule.MORE_THAN_HALF;

    @jakarta.validation.constraints.Positive(message = "{meeting.quorumFixed.positive}")
    @Column(name = "quorum_fixed")
    private Integer quorumFixed;

    @Column(name = "check_in_on_sign_in")
    private boolean checkInOnSignIn = true;

    /** When the chair opened the session: null until then (and for meetings opened before it was recorded). */
    @Column(name = "session_opened_at")
    private Instant sessionOpenedAt;

    /** When the chair closed the session: null until then. */
    @Column(name = "session_closed_at")
    private Instant sessionClosedAt;

    @OneToOne
    @JoinColumn(name = "current_item_id")
    private AgendaItem currentItem;

    @Valid
    @OneToMany(mappedBy = "meeting", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("sortOrder")
    private List<AgendaItem> agenda = new ArrayList<>();

    @Version
    private long version;

    protected Meeting() {
        // for JPA
    }

    /** An empty meeting for the secretary's form. */
    public static Meeting blank() {
        return new Meeting();
    }

    public Meeting(String title, String organiser, LocalDateTime startsAt) {
        this.title = title;
        this.organiser = organiser;
        this.startsAt = startsAt;
    }

    /** A copy for the next session: same details, agenda and quorum rule, one month later, in preparation. */
    public Meeting copyForNextMonth() {
        Meeting copy = new Meeting(title, organiser, startsAt.plusMonths(1));
        copy.endsAt = endsAt == null ? null : endsAt.plusMonths(1);
        copy.venue = venue;
        copy.timeZone = timeZone;
        copy.description = description;
        copy.publicMeeting = publicMeeting;
        copy.quorumRule = quorumRule;
        copy.quorumFixed = quorumFixed;
        copy.checkInOnSignIn = checkInOnSignIn;
        for (AgendaItem item : agenda) {
            AgendaItem copied = copy.addItem(item.getTitle());
            copied.setDescription(item.getDescription());
            copied.setPresenter(item.getPresenter());
            copied.setPlannedMinutes(item.getPlannedMinutes());
        }
        return copy;
    }

    public boolean fixedQuorumMissing() {
        return quorumRule == QuorumRule.FIXED && quorumFixed == null;
    }

    /** Appends an item at the end of the agenda. */
    public AgendaItem addItem(String itemTitle) {
        AgendaItem item = new AgendaItem(this, agenda.size() + 1, itemTitle);
        agenda.add(item);
        return item;
    }

    public boolean endsBeforeItStarts() {
        return endsAt != null && startsAt != null && endsAt.isBefore(startsAt);
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    /** The day the meeting is scheduled for, at the venue. */
    public LocalDate scheduledDay() {
        return startsAt.toLocalDate();
    }

    /** Today at the venue (in the meeting's time zone), by the clock given. */
    public LocalDate today(Clock clock) {
        return LocalDate.ofInstant(clock.instant(), zone());
    }

    /** Whether the meeting is scheduled for today at the venue: if not, the chair is asked before opening it. */
    public boolean scheduledToday(Clock clock) {
        return scheduledDay().equals(today(clock));
    }

    /** Moves the meeting to a status, recording when its session opened (IN_SESSION) or closed (CLOSED). */
    public void moveTo(MeetingStatus target, Instant at) {
        status = target;
        if (target == MeetingStatus.IN_SESSION) {
            sessionOpenedAt = at;
        } else if (target == MeetingStatus.CLOSED) {
            sessionClosedAt = at;
        }
    }

    public Instant getSessionOpenedAt() {
        return sessionOpenedAt;
    }

    public Instant getSessionClosedAt() {
        return sessionClosedAt;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getOrganiser() {
        return organiser;
    }

    public void setOrganiser(String organiser) {
        this.organiser = organiser;
    }

    public String getVenue() {
        return venue;
    }

    public void setVenue(String venue) {
        this.venue = venue;
    }

    public LocalDateTime getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(LocalDateTime startsAt) {
        this.startsAt = startsAt;
    }

    public LocalDateTime getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(LocalDateTime endsAt) {
        this.endsAt = endsAt;
    }

    public String getTimeZone() {
        return timeZone;
    }

    public void setTimeZone(String timeZone) {
        this.timeZone = timeZone;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public MeetingStatus getStatus() {
        return status;
    }

    public void setStatus(MeetingStatus status) {
        this.status = status;
    }

    public boolean isPublicMeeting() {
        return publicMeeting;
    }

    public void setPublicMeeting(boolean publicMeeting) {
        this.publicMeeting = publicMeeting;
    }

    public boolean isCheckInOnSignIn() {
        return checkInOnSignIn;
    }

    public void setCheckInOnSignIn(boolean checkInOnSignIn) {
        this.checkInOnSignIn = checkInOnSignIn;
    }

    public QuorumRule getQuorumRule() {
        return quorumRule;
    }

    public void setQuorumRule(QuorumRule quorumRule) {
        this.quorumRule = quorumRule;
    }

    public Integer getQuorumFixed() {
        return quorumFixed;
    }

    public void setQuorumFixed(Integer quorumFixed) {
        this.quorumFixed = quorumFixed;
    }

    public AgendaItem getCurrentItem() {
        return currentItem;
    }

    /** Makes an item of this meeting the one being dealt with (null: none). */
    public void makeCurrent(AgendaItem item) {
        if (item != null && item.getMeeting() != this) {
            throw new IllegalArgumentException("item of another meeting");
        }
        this.currentItem = item;
    }

    /** Removes an item and numbers the rest 1, 2, 3… again. */
    public void removeItem(AgendaItem item) {
        if (currentItem == item) {
            currentItem = null;
        }
        agenda.remove(item);
        renumber();
    }

    /** Puts the agenda in the order of the given item ids, which must be exactly this meeting's items. */
    public void reorder(List<Long> itemIds) {
        if (itemIds.size() != agenda.size() || !new java.util.HashSet<>(itemIds).equals(
                agenda.stream().map(AgendaItem::getId).collect(java.util.stream.Collectors.toSet()))) {
            throw new IllegalArgumentException("the new order must name every item once");
        }
        agenda.sort(java.util.Comparator.comparingInt(item -> itemIds.indexOf(item.getId())));
        renumber();
    }

    private void renumber() {
        for (int i = 0; i < agenda.size(); i++) {
            agenda.get(i).number(i + 1);
        }
    }

    public List<AgendaItem> getAgenda() {
        return Collections.unmodifiableList(agenda);
    }

    public long getVersion() {
        return version;
    }
}
