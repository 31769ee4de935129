package app.quorum.results.control;

import static app.quorum.platform.pdf.OfficialDocument.BODY;
import static app.quorum.platform.pdf.OfficialDocument.font;

import app.quorum.meeting.entity.AwardeeKind;
import app.quorum.platform.i18n.Bundle;
import app.quorum.platform.pdf.DataTable;
import app.quorum.results.control.MinutesFacts.Attendee;
import app.quorum.results.control.MinutesFacts.Award;
import app.quorum.results.control.MinutesFacts.Item;
import app.quorum.results.control.MinutesFacts.Person;
import app.quorum.results.entity.PublishedResult;
import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The minutes of a meeting (biên bản hội nghị): dated the day it was held; time, place, organiser, who presided and
 * who took the minutes, attendance with the list of those summoned; the agenda; every ballot given, in the order
 * given, with its count; the commendations; and the signatures of the secretary and the chair.
 */
final class MeetingMinutes extends MinutesDocument {

    private final List<PublishedResult> results;

    MeetingMinutes(MinutesFacts meeting, List<PublishedResult> results, Locale locale) {
        super(meeting, locale);
        this.results = results;
    }

    byte[] write() {
        return write(text("minutes.meeting.documentTitle", clean(meeting.title())));
    }

    @Override
    void body() {
        // dated the day it was really held, which the minutes say when it is not the day it was scheduled for
        Instant firstBallot = results.stream().map(PublishedResult::openedAt).filter(Objects::nonNull)
                .min(Instant::compareTo).orElse(null);
        LocalDate held = meeting.heldOn(firstBallot);
        header(held != null ? held : meeting.scheduledDay());
        page.title(text("minutes.meeting.title"), meeting.title());

        page.section("minutes.section.attendance");
        page.line(text("minutes.meeting.time", when()));
        page.lineIf(MinutesHeld.sentence(meeting, firstBallot, true, locale));
        if (!meeting.venue().isBlank()) {
            page.line(text("minutes.meeting.venue", clean(meeting.venue())));
        }
        page.line(text("minutes.meeting.organiser", clean(meeting.organiser())));
        for (Person chair : meeting.chairs()) {
            page.line(text("minutes.meeting.chair", person(chair)));
        }
        for (Person secretary : meeting.secretaries()) {
            page.line(text("minutes.meeting.secretary", person(secretary)));
        }
        attendance();

        page.section("minutes.section.agenda");
        agenda();

        page.section("minutes.section.ballots");
        if (results.isEmpty()) {
            page.line(text("minutes.ballots.none"));
        }
        for (int i = 0; i < results.size(); i++) {
            ballot(i + 1, results.get(i));
        }

        List<Item> awarding = meeting.agenda().stream().filter(i -> !i.awards().isEmpty()).toList();
        if (!awarding.isEmpty()) {
            page.section("minutes.section.commendations");
            for (Item item : awarding) {
                commendations(item);
            }
        }
        signatures(false);
    }

    /** The scheduled time: from and to on one day, or from one day to another. */
    private String when() {
        LocalDateTime starts = meeting.startsAt();
        LocalDateTime ends = meeting.endsAt();
        DateTimeFormatter time = DateTimeFormatter.ofPattern(text("minutes.format.time"), locale);
        DateTimeFormatter date = DateTimeFormatter.ofPattern(text("minutes.format.date"), locale);
        if (ends == null) {
            return text("minutes.meeting.when", time.format(starts), date.format(starts));
        }
        if (ends.toLocalDate().equals(starts.toLocalDate())) {
            return text("minutes.meeting.whenRange", time.format(starts), time.format(ends), date.format(starts));
        }
        return text("minutes.meeting.whenSpan", time.format(starts), date.format(starts), time.format(ends),
                date.format(ends));
    }

    private String person(Person person) {
        return person.position().isBlank() ? clean(person.name())
                : text("minutes.person", clean(person.name()), clean(person.position()));
    }

    private void attendance() {
        List<Attendee> roster = meeting.roster();
        long present = roster.stream().filter(Attendee::present).count();
        long voting = roster.stream().filter(Attendee::voting).count();
        long votingPresent = roster.stream().filter(a -> a.voting() && a.present()).count();
        page.line(text("minutes.attendance", present, roster.size(), roster.size() - present));
        page.line(text("minutes.attendance.voting", votingPresent, voting));
        if (roster.isEmpty()) {
            return;
        }
        page.line(text("minutes.attendance.list"));
        DataTable table = page.table(new float[] {7, 27, 42, 11, 13}, 4, 4)
                .heading(text("minutes.table.number"), Element.ALIGN_CENTER)
                .heading(text("minutes.table.name"), Element.ALIGN_LEFT)
                .heading(text("minutes.table.positionUnit"), Element.ALIGN_LEFT)
                .heading(text("minutes.table.voting"), Element.ALIGN_CENTER)
                .heading(text("minutes.table.attendance"), Element.ALIGN_CENTER);
        int number = 1;
        for (Attendee attendee : roster) {
            table.cell(number(number++), Element.ALIGN_CENTER)
                    .cell(clean(attendee.name()), Element.ALIGN_LEFT)
                    .cell(positionAndUnit(attendee), Element.ALIGN_LEFT)
                    .cell(attendee.voting() ? text("minutes.voting.yes") : "", Element.ALIGN_CENTER)
                    .cell(text(attendee.present() ? "minutes.present" : "minutes.absent"), Element.ALIGN_CENTER);
        }
        page.add(table);
    }

    private String positionAndUnit(Attendee attendee) {
        String position = clean(attendee.position());
        String unit = clean(attendee.unit());
        if (position.isEmpty() || unit.isEmpty()) {
            return position + unit;
        }
        return text("minutes.positionUnit", position, unit);
    }

    private void agenda() {
        if (meeting.agenda().isEmpty()) {
            page.line(text("minutes.agenda.empty"));
            return;
        }
        for (Item item : meeting.agenda()) {
            Paragraph entry = page.paragraph();
            entry.add(new Chunk(text("minutes.agenda.item", item.number(), clean(item.title())),
                    font(page.faces().serif(), BODY)));
            if (!item.presenter().isBlank()) {
                entry.add(new Chunk(" " + text("minutes.agenda.presenter", clean(item.presenter())),
                        font(page.faces().italic(), BODY)));
            }
            page.add(entry);
        }
    }

    /** One ballot in the meeting's minutes: question, form and rule, counts, outcome and fingerprint. */
    private void ballot(int number, PublishedResult result) {
        Paragraph question = page.paragraph();
        question.setFirstLineIndent(0);
        question.setSpacingBefore(8);
        question.add(new Chunk(text("minutes.ballots.heading", number, clean(result.question())),
                font(page.faces().bold(), BODY)));
        if (result.publishedAt() == null) {
            question.add(new Chunk(" " + text("minutes.unpublished.short"),
                    font(page.faces().boldItalic(), BODY - 1, UNPUBLISHED)));
        }
        page.add(question);
        item(result);
        page.line(form(result) + " " + rule(result));
        page.line(electorate(result) + " " + text("minutes.times", at(result.openedAt()), at(result.closedAt())));
        choices(result);
        outcome(result);
        rollCall(result);
        page.line(text("minutes.fingerprint.short"));
        fingerprint(result);
        if (result.publishedAt() != null) {
            page.line(text("minutes.published", at(result.publishedAt())));
        }
        corrections(result);
    }

    private void commendations(Item item) {
        page.line(text("minutes.commendations.item", item.number(), clean(item.title())));
        Map<AwardeeKind, Long> counts = item.awards().stream()
                .collect(Collectors.groupingBy(Award::kind, () -> new EnumMap<>(AwardeeKind.class), Collectors.counting()));
        List<String> summary = new ArrayList<>();
        counts.forEach((kind, count) -> summary.add(text("minutes.commendations.count." + kind.name(), count)));
        page.line(text("minutes.commendations.summary", String.join(text("minutes.listSeparator"), summary)));
        DataTable table = page.table(new float[] {7, 45, 16, 32}, 4, 6)
                .heading(text("minutes.table.number"), Element.ALIGN_CENTER)
                .heading(text("minutes.table.awardee"), Element.ALIGN_LEFT)
                .heading(text("minutes.table.kind"), Element.ALIGN_LEFT)
                .heading(text("minutes.table.award"), Element.ALIGN_LEFT);
        int number = 1;
        for (Award award : item.awards()) {
            table.cell(number(number++), Element.ALIGN_CENTER)
                    .cell(clean(award.name()), Element.ALIGN_LEFT)
                    .cell(text(Bundle.enumKey(award.kind())), Element.ALIGN_LEFT)
                    .cell(clean(award.award()), Element.ALIGN_LEFT);
        }
        page.add(table);
    }
}
