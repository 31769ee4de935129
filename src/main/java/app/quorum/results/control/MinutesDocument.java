package app.quorum.results.control;

import app.quorum.ballot.entity.MajorityBase;
import app.quorum.platform.i18n.Bundle;
import app.quorum.platform.pdf.DataTable;
import app.quorum.platform.pdf.OfficialDocument;
import app.quorum.platform.pdf.OfficialDocument.Signatory;
import app.quorum.platform.pdf.PdfFonts;
import app.quorum.results.control.MinutesFacts.Item;
import app.quorum.results.control.MinutesFacts.Person;
import app.quorum.results.entity.PublishedResult;
import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import java.awt.Color;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the two minutes share: an {@link OfficialDocument} of the meeting in one language, dated at the meeting's
 * place; the count of one ballot as both print it (form and rule, electorate, the table of choices, outcome,
 * roll-call, fingerprint, corrections); and the signatures. Every text comes from the message bundle in the
 * document's language; every number from the {@link PublishedResult} that all views read.
 */
abstract sealed class MinutesDocument permits BallotMinutes, MeetingMinutes {

    /** 64 monospaced digits at this size fit one line of the text column. */
    static final float FINGERPRINT = 10.5f;
    static final Color UNPUBLISHED = new Color(0xA1, 0x1D, 0x1D);

    final MinutesFacts meeting;
    final Locale locale;
    final OfficialDocument page;
    private final DateTimeFormatter dateTime;

    MinutesDocument(MinutesFacts meeting, Locale locale) {
        this.meeting = meeting;
        this.locale = locale;
        this.page = new OfficialDocument(locale);
        this.dateTime = DateTimeFormatter.ofPattern(text("minutes.format.dateTime"), locale);
    }

    /** The document, its title (in its properties) being {@code documentTitle}. */
    final byte[] write(String documentTitle) {
        String printed = text("minutes.footer", dateTime.format(meeting.printedAt().atZone(meeting.zone())));
        return page.write(documentTitle, clean(meeting.organiser()), printed, document -> body());
    }

    /** Writes the body of the document into {@link #page}. */
    abstract void body();

    /** The administrative header, dated {@code day} at the meeting's place. */
    final void header(LocalDate day) {
        String date = DateTimeFormatter.ofPattern(text("minutes.format.longDate"), locale).format(day);
        String place = MinutesPdf.place(meeting);
        page.header(meeting.organiser(), place.isEmpty() ? date : text("minutes.placeDate", place, date));
    }

    // ------------------------------------------------------------ the count of one ballot

    final void item(PublishedResult result) {
        if (result.itemNumber() != null) {
            Item item = meeting.item(result.itemNumber());
            page.line(text("minutes.item", result.itemNumber(), clean(item != null ? item.title() : result.itemTitle())));
        }
    }

    final String form(PublishedResult result) {
        String kind = text("minutes.kind." + result.kind().name(), result.seats(), result.lines().size());
        return text("minutes.form", result.secrecy(), kind);
    }

    final String rule(PublishedResult result) {
        String base = text(Bundle.enumKey(result.base()));
        String words = text("minutes.rule." + result.kind().name() + "." + result.rule().name(), base,
                result.baseCount(), result.thresholdVotes(), result.percentage() == null ? 0 : result.percentage(),
                result.seats());
        if (result.base() == MajorityBase.VOTES_CAST && result.abstentionsInBase()) {
            words += " " + text(result.isApproval() ? "minutes.rule.abstentionsInBase" : "minutes.rule.blankInBase");
        }
        return words;
    }

    final String electorate(PublishedResult result) {
        return text("minutes.electorate", result.votingMembers(), result.present(), result.voted(), result.votesCast());
    }

    /** Votes and shares of every choice (with the blank papers of an election), and their total. */
    final void choices(PublishedResult result) {
        boolean election = !result.isApproval();
        DataTable table = page.table(election ? new float[] {50, 14, 20, 16} : new float[] {56, 18, 26}, 6, 6);
        table.heading(text(election ? "minutes.table.candidate" : "minutes.table.choice"), Element.ALIGN_LEFT)
                .heading(text("minutes.table.votes"), Element.ALIGN_RIGHT)
                .heading(text("minutes.table.percent"), Element.ALIGN_RIGHT);
        if (election) {
            table.heading(text("minutes.table.elected"), Element.ALIGN_CENTER);
        }
        for (PublishedResult.Line line : result.lines()) {
            table.cell(clean(line.label()), Element.ALIGN_LEFT, line.elected())
                    .cell(number(line.votes()), Element.ALIGN_RIGHT)
                    .cell(MinutesPdf.percent(line.percent(), locale), Element.ALIGN_RIGHT);
            if (election) {
                table.cell(line.elected() ? text("minutes.table.electedMark") : "", Element.ALIGN_CENTER, true);
            }
        }
        if (election) {
            table.cell(text("minutes.table.blank"), Element.ALIGN_LEFT)
                    .cell(number(result.blankPapers()), Element.ALIGN_RIGHT)
                    .cell("", Element.ALIGN_RIGHT)
                    .cell("", Element.ALIGN_RIGHT);
        }
        table.cell(text("minutes.table.total"), Element.ALIGN_LEFT, true)
                .cell(number(result.votesCast()), Element.ALIGN_RIGHT, true)
                .cell(result.votesCast() == 0 ? "" : MinutesPdf.percent(BigDecimal.valueOf(100), locale),
                        Element.ALIGN_RIGHT, true);
        if (election) {
            table.cell("", Element.ALIGN_RIGHT, true);
        }
        page.add(table);
    }

    final void outcome(PublishedResult result) {
        Paragraph outcome = page.paragraph();
        outcome.add(new Chunk(text("minutes.outcome.label") + " ",
                OfficialDocument.font(page.faces().serif(), OfficialDocument.BODY)));
        outcome.add(new Chunk(text(Bundle.enumKey(result.outcome())).toUpperCase(locale),
                OfficialDocument.font(page.faces().bold(), OfficialDocument.BODY)));
        page.add(outcome);
        if (!result.isApproval() && !result.elected().isEmpty()) {
            page.line(text("minutes.elected", joined(result.elected())));
        }
        if (!result.tied().isEmpty()) {
            page.line(text("minutes.tied", joined(result.tied())));
        }
    }

    /** Of an open ballot: who chose what. */
    final void rollCall(PublishedResult result) {
        if (!result.isOpenBallot() || result.rollCall().isEmpty()) {
            return;
        }
        page.line(text("minutes.rollCall"));
        DataTable table = page.table(new float[] {8, 46, 46}, 4, 0)
                .heading(text("minutes.table.number"), Element.ALIGN_CENTER)
                .heading(text("minutes.table.name"), Element.ALIGN_LEFT)
                .heading(text("minutes.table.choice"), Element.ALIGN_LEFT);
        int number = 1;
        for (PublishedResult.RollCallLine line : result.rollCall()) {
            table.cell(number(number++), Element.ALIGN_CENTER)
                    .cell(clean(line.name()), Element.ALIGN_LEFT)
                    .cell(line.labels().isEmpty() ? text("minutes.blankPaper") : joined(line.labels()), Element.ALIGN_LEFT);
        }
        page.add(table);
    }

    /** The 64 hexadecimal digits of the box's fingerprint in one monospaced line. */
    final void fingerprint(PublishedResult result) {
        page.monospaced(result.fingerprint() == null ? "" : result.fingerprint(), FINGERPRINT);
    }

    final void corrections(PublishedResult result) {
        for (PublishedResult.Correction correction : result.corrections()) {
            page.line(text("minutes.correction", at(correction.publishedAt()), clean(correction.publishedBy()),
                    clean(correction.statement())));
        }
    }

    // ------------------------------------------------------------ signatures

    /** The closing sentence, then who signs: (the vote-counting committee,) the secretary and, right, the chair. */
    final void signatures(boolean countingCommittee) {
        List<Signatory> signatories = new ArrayList<>();
        if (countingCommittee) {
            signatories.add(new Signatory(text("minutes.sign.counting"), ""));
        }
        signatories.add(new Signatory(text("minutes.sign.secretary"), names(meeting.secretaries())));
        signatories.add(new Signatory(text("minutes.sign.chair"), names(meeting.chairs())));
        page.signatures(text(countingCommittee ? "minutes.closing.ballot" : "minutes.closing.meeting"), signatories);
    }

    private static String names(List<Person> people) {
        return people.stream().map(p -> clean(p.name())).collect(Collectors.joining("\n"));
    }

    // ------------------------------------------------------------ words and numbers

    final String at(Instant instant) {
        return instant == null ? "—" : dateTime.format(instant.atZone(meeting.zone()));
    }

    final String number(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    final String joined(List<String> labels) {
        return labels.stream().map(PdfFonts::clean).collect(Collectors.joining(text("minutes.listSeparator")));
    }

    static String clean(String text) {
        return PdfFonts.clean(text);
    }

    final String text(String key, Object... arguments) {
        return Bundle.text(locale, key, arguments);
    }
}
