package app.quorum.results.control;

import app.quorum.meeting.entity.AwardeeKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * What the minutes say about a meeting, as plain values (the renderer never touches an entity): its details, who
 * chaired it and kept the minutes, the roster with attendance (roster order), the agenda with the awardees
 * announced under each item, and when the document was printed. Texts may be empty, never {@code null}.
 *
 * @param organiser the organising body (cơ quan tổ chức)
 * @param title the meeting's title
 * @param venue where it is held; may be empty
 * @param startsAt when it starts, in the meeting's time zone
 * @param endsAt when it ends; may be {@code null}
 * @param zone the meeting's time zone: every instant of the minutes is shown in it
 * @param chairs the participants with the role CHAIR
 * @param secretaries the participants with the role SECRETARY
 * @param roster every participant in roster order, with attendance; empty in a ballot's minutes
 * @param agenda the agenda items in order
 * @param printedAt when the document is made
 * @param sessionOpenedAt when the chair really opened the session; {@code null} when not recorded (not opened, or
 *        opened before Quorum recorded it)
 * @param sessionClosedAt when the chair closed it; {@code null} while it runs, or when not recorded
 */
public record MinutesFacts(String organiser, String title, String venue, LocalDateTime startsAt,
        LocalDateTime endsAt, ZoneId zone, List<Person> chairs, List<Person> secretaries, List<Attendee> roster,
        List<Item> agenda, Instant printedAt, Instant sessionOpenedAt, Instant sessionClosedAt) {

    /** The facts of a meeting whose session times are not recorded. */
    public MinutesFacts(String organiser, String title, String venue, LocalDateTime startsAt, LocalDateTime endsAt,
            ZoneId zone, List<Person> chairs, List<Person> secretaries, List<Attendee> roster, List<Item> agenda,
            Instant printedAt) {
        this(organiser, title, venue, startsAt, endsAt, zone, chairs, secretaries, roster, agenda, printedAt, null, null);
    }

    public MinutesFacts {
        organiser = text(organiser);
        title = text(title);
        venue = text(venue);
        Objects.requireNonNull(startsAt, "startsAt");
        Objects.requireNonNull(zone, "zone");
        chairs = List.copyOf(chairs);
        secretaries = List.copyOf(secretaries);
        roster = List.copyOf(roster);
        agenda = List.copyOf(agenda);
        Objects.requireNonNull(printedAt, "printedAt");
    }

    /** The day the meeting was scheduled for, at the venue. */
    public LocalDate scheduledDay() {
        return startsAt.toLocalDate();
    }

    /**
     * The day the meeting was really held, at the venue: the day its session opened; when that is not recorded, the
     * day of the first of its ballots that opened ({@code firstBallot}, may be null); else {@code null} (unknown).
     */
    public LocalDate heldOn(Instant firstBallot) {
        Instant held = sessionOpenedAt != null ? sessionOpenedAt : firstBallot;
        return held == null ? null : LocalDate.ofInstant(held, zone);
    }

    /** The agenda item of this number, if there is one. */
    public Item item(Integer number) {
        return number == null ? null : agenda.stream().filter(item -> item.number() == number).findFirst().orElse(null);
    }

    /** A chair or secretary: name and position. */
    public record Person(String name, String position) {

        public Person {
            name = text(name);
            position = text(position);
        }
    }

    /** One roster entry: name, position, unit, voting right and whether they are checked in. */
    public record Attendee(String name, String position, String unit, boolean voting, boolean present) {

        public Attendee {
            name = text(name);
            position = text(position);
            unit = text(unit);
        }
    }

    /** One agenda item: number, title, presenter, and the awardees announced under it (in their order). */
    public record Item(int number, String title, String presenter, List<Award> awards) {

        public Item {
            title = text(title);
            presenter = text(presenter);
            awards = List.copyOf(awards);
        }
    }

    /** One recipient of a commendation: a collective, an individual or a household, and the award. */
    public record Award(AwardeeKind kind, String name, String award) {

        public Award {
            Objects.requireNonNull(kind, "kind");
            name = text(name);
            award = text(award);
        }
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
