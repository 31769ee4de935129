package app.quorum.results.control;

import app.quorum.ballot.entity.MajorityBase;
import app.quorum.meeting.entity.AwardeeKind;
import app.quorum.platform.i18n.Bundle;
import app.quorum.platform.pdf.PdfFonts;
import app.quorum.results.control.MinutesFacts.Attendee;
import app.quorum.results.control.MinutesFacts.Award;
import app.quorum.results.control.MinutesFacts.Item;
import app.quorum.results.control.MinutesFacts.Person;
import app.quorum.results.entity.PublishedResult;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;
import jakarta.enterprise.context.ApplicationScoped;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Prints the minutes (biên bản): of one ballot (biên bản kiểm phiếu) and of a whole meeting (biên bản hội nghị), as
 * A4 documents laid out the way Vietnamese administrative documents are (Nghị định 30/2020/NĐ-CP): the organiser
 * in capitals on the left and the national name and motto on the right, the place and date in italics, the title
 * centred in bold, numbered sections, and signature blocks at the end. Every text comes from the message bundle in
 * the language asked for, so the English version is the same document; every number comes from the one
 * {@link PublishedResult} that all views read. Liberation Serif (the metrics of Times New Roman) is embedded, so
 * every Vietnamese diacritic prints and can be searched; the fingerprint is in Liberation Mono.
 *
 * <p>Stateless and thread-safe: each document gets its own fonts and writer.
 */
@ApplicationScoped
public class MinutesPdf {

    /** Margins of Nghị định 30/2020: left 30 mm, right 20 mm, top and bottom 20 mm. */
    static final float LEFT = mm(30);
    static final float RIGHT = mm(20);
    static final float TOP = mm(20);
    static final float BOTTOM = mm(22);

    static final float BODY = 13;
    static final float TABLE = 11;
    static final float HEADER = 12.5f;
    /** 64 monospaced digits at this size fit one line of the text column. */
    static final float FINGERPRINT = 10.5f;

    private static final Color RULE_COLOUR = Color.BLACK;
    private static final Color SHADE = new Color(0xEE, 0xEE, 0xEE);
    private static final Color UNPUBLISHED = new Color(0xA1, 0x1D, 0x1D);
    private static final String[] ROMAN = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"};

    /**
     * The place of the date line, from an organiser named the administrative way ("UBND huyện Đắk Mil" → "Đắk Mil").
     */
    private static final Pattern PLACE_OF_ORGANISER = Pattern.compile(
            "^(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân|Huyện ủy|Huyện uỷ|Tỉnh ủy|Tỉnh uỷ|"
                    + "Thành ủy|Thành uỷ|Đảng ủy|Đảng uỷ)\\s+(?:tỉnh|thành phố|TP\\.?|huyện|quận|thị xã|xã|phường|thị trấn)\\s+(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The minutes of the count of one ballot. */
    public byte[] ballot(MinutesFacts meeting, PublishedResult result, Locale locale) {
        Locale language = Bundle.supported(locale);
        LocalDate day = result.closedAt() == null ? meeting.startsAt().toLocalDate()
                : result.closedAt().atZone(meeting.zone()).toLocalDate();
        return new Writer(meeting, language).write(Bundle.text(language, "minutes.ballot.documentTitle",
                PdfFonts.clean(result.question())), writer -> writer.ballotMinutes(result, day));
    }

    /** The minutes of a meeting, with the results given (in the order given). */
    public byte[] meeting(MinutesFacts meeting, List<PublishedResult> results, Locale locale) {
        Locale language = Bundle.supported(locale);
        return new Writer(meeting, language).write(Bundle.text(language, "minutes.meeting.documentTitle",
                PdfFonts.clean(meeting.title())), writer -> writer.meetingMinutes(results));
    }

    /** The place named on the date line: from the organiser's name when it names one, else the venue, else none. */
    static String place(MinutesFacts meeting) {
        Matcher matcher = PLACE_OF_ORGANISER.matcher(PdfFonts.clean(meeting.organiser()));
        if (matcher.matches()) {
            return matcher.group(1).strip();
        }
        return PdfFonts.clean(meeting.venue());
    }

    /** A share in percent as people write it: no decimals when whole (100%), else one (66,7% / 66.7%). */
    static String percent(BigDecimal value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(1);
        return Bundle.text(locale, "minutes.percent", format.format(value == null ? BigDecimal.ZERO : value));
    }

    private static float mm(float millimetres) {
        return millimetres * 72 / 25.4f;
    }

    /** The faces of one document. */
    private record Fonts(BaseFont serif, BaseFont bold, BaseFont italic, BaseFont boldItalic, BaseFont mono) {

        static Fonts load() {
            return new Fonts(PdfFonts.load(PdfFonts.SERIF), PdfFonts.load(PdfFonts.SERIF_BOLD),
                    PdfFonts.load(PdfFonts.SERIF_ITALIC), PdfFonts.load(PdfFonts.SERIF_BOLD_ITALIC),
                    PdfFonts.load(PdfFonts.MONO));
        }
    }

    /** Writes one document. */
    private static final class Writer {

        private final MinutesFacts meeting;
        private final Locale locale;
        private final Fonts fonts = Fonts.load();
        private final Document document = new Document(PageSize.A4, LEFT, RIGHT, TOP, BOTTOM);
        private final DateTimeFormatter dateTime;
        private int section;

        Writer(MinutesFacts meeting, Locale locale) {
            this.meeting = meeting;
            this.locale = locale;
            this.dateTime = DateTimeFormatter.ofPattern(text("minutes.format.dateTime"), locale);
        }

        byte[] write(String documentTitle, Consumer<Writer> body) {
            ByteArrayOutputStream pdf = new ByteArrayOutputStream();
            try {
                PdfWriter writer = PdfWriter.getInstance(document, pdf);
                writer.getExtraCatalog().put(PdfName.LANG, new PdfString(locale.toLanguageTag()));
                document.addTitle(documentTitle);
                document.addAuthor(PdfFonts.clean(meeting.organiser()));
                document.addCreator("Quorum");
                document.open();
                body.accept(this);
                document.close();
            } catch (DocumentException e) {
                throw new IllegalStateException(e);
            }
            return footers(pdf.toByteArray());
        }

        // ------------------------------------------------------------ the two documents

        void ballotMinutes(PublishedResult result, LocalDate day) {
            header(day);
            title(text("minutes.ballot.title"), result.question());
            publication(result, true);

            heading("minutes.section.general");
            line(text("minutes.meeting", clean(meeting.title())));
            lineIf(MinutesHeld.sentence(meeting, result.openedAt(), false, locale));
            Item item = meeting.item(result.itemNumber());
            if (result.itemNumber() != null) {
                line(text("minutes.item", result.itemNumber(),
                        clean(item != null ? item.title() : result.itemTitle())));
            }
            line(text("minutes.question", clean(result.question())));
            line(form(result));
            line(rule(result));
            line(text("minutes.times", at(result.openedAt()), at(result.closedAt())));

            heading("minutes.section.count");
            line(electorate(result));
            document.add(choices(result));
            outcome(result);
            rollCall(result);

            heading("minutes.section.fingerprint");
            line(text("minutes.fingerprint.label", result.votesCast()));
            fingerprint(result.fingerprint(), FINGERPRINT);
            small(text("minutes.fingerprint.howTo"));

            if (!result.corrections().isEmpty()) {
                heading("minutes.section.corrections");
                for (PublishedResult.Correction correction : result.corrections()) {
                    line(text("minutes.correction", at(correction.publishedAt()), clean(correction.publishedBy()),
                            clean(correction.statement())));
                }
            }
            signatures(true);
        }

        void meetingMinutes(List<PublishedResult> results) {
            // dated the day it was really held, which the minutes say when it is not the day it was scheduled for
            Instant firstBallot = results.stream().map(PublishedResult::openedAt).filter(java.util.Objects::nonNull)
                    .min(Instant::compareTo).orElse(null);
            LocalDate held = meeting.heldOn(firstBallot);
            header(held != null ? held : meeting.scheduledDay());
            title(text("minutes.meeting.title"), meeting.title());

            heading("minutes.section.attendance");
            line(text("minutes.meeting.time", when()));
            lineIf(MinutesHeld.sentence(meeting, firstBallot, true, locale));
            if (!meeting.venue().isBlank()) {
                line(text("minutes.meeting.venue", clean(meeting.venue())));
            }
            line(text("minutes.meeting.organiser", clean(meeting.organiser())));
            for (Person chair : meeting.chairs()) {
                line(text("minutes.meeting.chair", person(chair)));
            }
            for (Person secretary : meeting.secretaries()) {
                line(text("minutes.meeting.secretary", person(secretary)));
            }
            attendance();

            heading("minutes.section.agenda");
            agenda();

            heading("minutes.section.ballots");
            if (results.isEmpty()) {
                line(text("minutes.ballots.none"));
            }
            for (int i = 0; i < results.size(); i++) {
                compactResult(i + 1, results.get(i));
            }

            List<Item> awarding = meeting.agenda().stream().filter(i -> !i.awards().isEmpty()).toList();
            if (!awarding.isEmpty()) {
                heading("minutes.section.commendations");
                for (Item item : awarding) {
                    commendations(item);
                }
            }
            signatures(false);
        }

        // ------------------------------------------------------------ the administrative header

        /** Organiser left; national name, motto, place and date right (Nghị định 30/2020, mẫu 1.1). */
        private void header(LocalDate day) {
            PdfPTable header = new PdfPTable(new float[] {40, 60});
            header.setWidthPercentage(100);
            float width = document.right() - document.left();

            PdfPCell left = cell();
            Paragraph organiser = centred(upper(meeting.organiser()), font(fonts.bold, HEADER));
            organiser.setLeading(HEADER * 1.2f);
            left.addElement(organiser);
            left.addElement(rule(35, 0));
            header.addCell(left);

            PdfPCell right = cell();
            float nationSize = fitting(text("minutes.nation"), fonts.bold, HEADER, width * 0.6f - 4);
            right.addElement(centred(text("minutes.nation"), font(fonts.bold, nationSize)));
            Chunk motto = new Chunk(text("minutes.motto"), font(fonts.bold, HEADER + 0.5f));
            motto.setUnderline(0.6f, -3.5f);
            Paragraph mottoLine = new Paragraph(motto);
            mottoLine.setAlignment(Element.ALIGN_CENTER);
            mottoLine.setLeading(HEADER * 1.3f);
            right.addElement(mottoLine);
            Paragraph date = centred(placeAndDate(day), font(fonts.italic, BODY));
            date.setSpacingBefore(10);
            right.addElement(date);
            header.addCell(right);
            document.add(header);
        }

        private String placeAndDate(LocalDate day) {
            String date = DateTimeFormatter.ofPattern(text("minutes.format.longDate"), locale).format(day);
            String place = place(meeting);
            return place.isEmpty() ? date : text("minutes.placeDate", place, date);
        }

        private void title(String title, String subject) {
            Paragraph heading = centred(title, font(fonts.bold, 14.5f));
            heading.setSpacingBefore(22);
            document.add(heading);
            Paragraph about = centred(clean(subject), font(fonts.bold, BODY));
            about.setSpacingBefore(2);
            about.setLeading(BODY * 1.25f);
            document.add(about);
            document.add(rule(18, 0));
        }

        /** Published when, or a clear mark that it is not published yet. */
        private void publication(PublishedResult result, boolean prominent) {
            if (result.publishedAt() != null) {
                if (prominent) {
                    Paragraph published = centred(text("minutes.published", at(result.publishedAt())),
                            font(fonts.italic, BODY - 1));
                    published.setSpacingBefore(4);
                    document.add(published);
                }
                return;
            }
            if (prominent) {
                PdfPTable box = new PdfPTable(1);
                box.setWidthPercentage(46);
                box.setSpacingBefore(6);
                PdfPCell cell = new PdfPCell(new Phrase(text("minutes.unpublished").toUpperCase(locale),
                        font(fonts.bold, BODY - 1, UNPUBLISHED)));
                cell.setHorizontalAlignment(Element.ALIGN_CENTER);
                cell.setBorderColor(UNPUBLISHED);
                cell.setBorderWidth(1);
                cell.setPadding(4);
                cell.setPaddingBottom(6);
                box.addCell(cell);
                document.add(box);
            }
        }

        // ------------------------------------------------------------ ballot parts

        private String form(PublishedResult result) {
            String kind = text("minutes.kind." + result.kind().name(), result.seats(), result.lines().size());
            return text("minutes.form", result.secrecy(), kind);
        }

        private String rule(PublishedResult result) {
            String base = text(Bundle.enumKey(result.base()));
            String words = text("minutes.rule." + result.kind().name() + "." + result.rule().name(), base,
                    result.baseCount(), result.thresholdVotes(), result.percentage() == null ? 0 : result.percentage(),
                    result.seats());
            if (result.base() == MajorityBase.VOTES_CAST && result.abstentionsInBase()) {
                words += " " + text(result.isApproval() ? "minutes.rule.abstentionsInBase" : "minutes.rule.blankInBase");
            }
            return words;
        }

        private String electorate(PublishedResult result) {
            return text("minutes.electorate", result.votingMembers(), result.present(), result.voted(),
                    result.votesCast());
        }

        private PdfPTable choices(PublishedResult result) {
            boolean election = !result.isApproval();
            PdfPTable table = dataTable(election ? new float[] {50, 14, 20, 16} : new float[] {56, 18, 26}, 6, 6);
            headerCell(table, text(election ? "minutes.table.candidate" : "minutes.table.choice"), Element.ALIGN_LEFT);
            headerCell(table, text("minutes.table.votes"), Element.ALIGN_RIGHT);
            headerCell(table, text("minutes.table.percent"), Element.ALIGN_RIGHT);
            if (election) {
                headerCell(table, text("minutes.table.elected"), Element.ALIGN_CENTER);
            }
            for (PublishedResult.Line line : result.lines()) {
                bodyCell(table, clean(line.label()), Element.ALIGN_LEFT, line.elected());
                bodyCell(table, number(line.votes()), Element.ALIGN_RIGHT, false);
                bodyCell(table, percent(line.percent(), locale), Element.ALIGN_RIGHT, false);
                if (election) {
                    bodyCell(table, line.elected() ? text("minutes.table.electedMark") : "", Element.ALIGN_CENTER, true);
                }
            }
            if (election) {
                bodyCell(table, text("minutes.table.blank"), Element.ALIGN_LEFT, false);
                bodyCell(table, number(result.blankPapers()), Element.ALIGN_RIGHT, false);
                bodyCell(table, "", Element.ALIGN_RIGHT, false);
                bodyCell(table, "", Element.ALIGN_RIGHT, false);
            }
            totalCell(table, text("minutes.table.total"), Element.ALIGN_LEFT);
            totalCell(table, number(result.votesCast()), Element.ALIGN_RIGHT);
            totalCell(table, result.votesCast() == 0 ? "" : percent(BigDecimal.valueOf(100), locale), Element.ALIGN_RIGHT);
            if (election) {
                totalCell(table, "", Element.ALIGN_RIGHT);
            }
            return table;
        }

        private void outcome(PublishedResult result) {
            Paragraph outcome = paragraph();
            outcome.add(new Chunk(text("minutes.outcome.label") + " ", font(fonts.serif, BODY)));
            outcome.add(new Chunk(text(Bundle.enumKey(result.outcome())).toUpperCase(locale), font(fonts.bold, BODY)));
            document.add(outcome);
            if (!result.isApproval() && !result.elected().isEmpty()) {
                line(text("minutes.elected", joined(result.elected())));
            }
            if (!result.tied().isEmpty()) {
                line(text("minutes.tied", joined(result.tied())));
            }
        }

        private void rollCall(PublishedResult result) {
            if (!result.isOpenBallot() || result.rollCall().isEmpty()) {
                return;
            }
            line(text("minutes.rollCall"));
            PdfPTable table = dataTable(new float[] {8, 46, 46}, 4, 0);
            headerCell(table, text("minutes.table.number"), Element.ALIGN_CENTER);
            headerCell(table, text("minutes.table.name"), Element.ALIGN_LEFT);
            headerCell(table, text("minutes.table.choice"), Element.ALIGN_LEFT);
            int number = 1;
            for (PublishedResult.RollCallLine line : result.rollCall()) {
                bodyCell(table, number(number++), Element.ALIGN_CENTER, false);
                bodyCell(table, clean(line.name()), Element.ALIGN_LEFT, false);
                bodyCell(table, line.labels().isEmpty() ? text("minutes.blankPaper") : joined(line.labels()),
                        Element.ALIGN_LEFT, false);
            }
            document.add(table);
        }

        /** The 64 hexadecimal digits in one monospaced line (wrapped only if the page were too narrow). */
        private void fingerprint(String fingerprint, float size) {
            Paragraph digits = new Paragraph(fingerprint == null ? "" : fingerprint, font(fonts.mono, size));
            digits.setIndentationLeft(mm(10));
            digits.setSpacingBefore(2);
            digits.setSpacingAfter(4);
            document.add(digits);
        }

        /** One ballot in the meeting's minutes: question, form and rule, counts, outcome and fingerprint. */
        private void compactResult(int number, PublishedResult result) {
            Paragraph question = paragraph();
            question.setFirstLineIndent(0);
            question.setSpacingBefore(8);
            question.add(new Chunk(text("minutes.ballots.heading", number, clean(result.question())), font(fonts.bold, BODY)));
            if (result.publishedAt() == null) {
                question.add(new Chunk(" " + text("minutes.unpublished.short"), font(fonts.boldItalic, BODY - 1, UNPUBLISHED)));
            }
            document.add(question);
            if (result.itemNumber() != null) {
                Item item = meeting.item(result.itemNumber());
                line(text("minutes.item", result.itemNumber(), clean(item != null ? item.title() : result.itemTitle())));
            }
            line(form(result) + " " + rule(result));
            line(electorate(result) + " " + text("minutes.times", at(result.openedAt()), at(result.closedAt())));
            document.add(choices(result));
            outcome(result);
            rollCall(result);
            line(text("minutes.fingerprint.short"));
            fingerprint(result.fingerprint(), FINGERPRINT);
            if (result.publishedAt() != null) {
                line(text("minutes.published", at(result.publishedAt())));
            }
            for (PublishedResult.Correction correction : result.corrections()) {
                line(text("minutes.correction", at(correction.publishedAt()), clean(correction.publishedBy()),
                        clean(correction.statement())));
            }
        }

        // ------------------------------------------------------------ meeting parts

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
            line(text("minutes.attendance", present, roster.size(), roster.size() - present));
            line(text("minutes.attendance.voting", votingPresent, voting));
            if (roster.isEmpty()) {
                return;
            }
            line(text("minutes.attendance.list"));
            PdfPTable table = dataTable(new float[] {7, 27, 42, 11, 13}, 4, 4);
            headerCell(table, text("minutes.table.number"), Element.ALIGN_CENTER);
            headerCell(table, text("minutes.table.name"), Element.ALIGN_LEFT);
            headerCell(table, text("minutes.table.positionUnit"), Element.ALIGN_LEFT);
            headerCell(table, text("minutes.table.voting"), Element.ALIGN_CENTER);
            headerCell(table, text("minutes.table.attendance"), Element.ALIGN_CENTER);
            int number = 1;
            for (Attendee attendee : roster) {
                bodyCell(table, number(number++), Element.ALIGN_CENTER, false);
                bodyCell(table, clean(attendee.name()), Element.ALIGN_LEFT, false);
                bodyCell(table, positionAndUnit(attendee), Element.ALIGN_LEFT, false);
                bodyCell(table, attendee.voting() ? text("minutes.voting.yes") : "", Element.ALIGN_CENTER, false);
                bodyCell(table, text(attendee.present() ? "minutes.present" : "minutes.absent"), Element.ALIGN_CENTER,
                        false);
            }
            document.add(table);
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
                line(text("minutes.agenda.empty"));
                return;
            }
            for (Item item : meeting.agenda()) {
                Paragraph entry = paragraph();
                entry.add(new Chunk(text("minutes.agenda.item", item.number(), clean(item.title())), font(fonts.serif, BODY)));
                if (!item.presenter().isBlank()) {
                    entry.add(new Chunk(" " + text("minutes.agenda.presenter", clean(item.presenter())),
                            font(fonts.italic, BODY)));
                }
                document.add(entry);
            }
        }

        private void commendations(Item item) {
            line(text("minutes.commendations.item", item.number(), clean(item.title())));
            Map<AwardeeKind, Long> counts = item.awards().stream()
                    .collect(Collectors.groupingBy(Award::kind, () -> new java.util.EnumMap<>(AwardeeKind.class),
                            Collectors.counting()));
            List<String> summary = new ArrayList<>();
            counts.forEach((kind, count) -> summary.add(text("minutes.commendations.count." + kind.name(), count)));
            line(text("minutes.commendations.summary", String.join(text("minutes.listSeparator"), summary)));
            PdfPTable table = dataTable(new float[] {7, 45, 16, 32}, 4, 6);
            headerCell(table, text("minutes.table.number"), Element.ALIGN_CENTER);
            headerCell(table, text("minutes.table.awardee"), Element.ALIGN_LEFT);
            headerCell(table, text("minutes.table.kind"), Element.ALIGN_LEFT);
            headerCell(table, text("minutes.table.award"), Element.ALIGN_LEFT);
            int number = 1;
            for (Award award : item.awards()) {
                bodyCell(table, number(number++), Element.ALIGN_CENTER, false);
                bodyCell(table, clean(award.name()), Element.ALIGN_LEFT, false);
                bodyCell(table, text(Bundle.enumKey(award.kind())), Element.ALIGN_LEFT, false);
                bodyCell(table, clean(award.award()), Element.ALIGN_LEFT, false);
            }
            document.add(table);
        }

        // ------------------------------------------------------------ signatures

        /**
         * Who signs: (the vote-counting committee,) the secretary and, on the right, the chair; after a closing
         * sentence kept on the same page, so a signature never stands on a page of its own.
         */
        private void signatures(boolean countingCommittee) {
            List<String[]> blocks = new ArrayList<>();
            if (countingCommittee) {
                blocks.add(new String[] {text("minutes.sign.counting"), ""});
            }
            blocks.add(new String[] {text("minutes.sign.secretary"), names(meeting.secretaries())});
            blocks.add(new String[] {text("minutes.sign.chair"), names(meeting.chairs())});
            PdfPTable table = new PdfPTable(blocks.size());
            table.setWidthPercentage(100);
            for (String[] block : blocks) {
                PdfPCell cell = cell();
                cell.addElement(centred(block[0], font(fonts.bold, BODY)));
                cell.addElement(centred(text("minutes.sign.hint"), font(fonts.italic, BODY - 1.5f)));
                Paragraph name = centred(block[1], font(fonts.bold, BODY));
                name.setSpacingBefore(64);
                cell.addElement(name);
                table.addCell(cell);
            }
            PdfPTable closing = new PdfPTable(1);
            closing.setWidthPercentage(100);
            closing.setSpacingBefore(6);
            closing.setKeepTogether(true);
            PdfPCell sentence = cell();
            Paragraph confirm = paragraph();
            confirm.add(new Chunk(text(countingCommittee ? "minutes.closing.ballot" : "minutes.closing.meeting"),
                    font(fonts.serif, BODY)));
            sentence.addElement(confirm);
            sentence.setPaddingBottom(14);
            closing.addCell(sentence);
            PdfPCell signing = cell();
            signing.setPadding(0);
            signing.addElement(table);
            closing.addCell(signing);
            document.add(closing);
        }

        private String names(List<Person> people) {
            return people.stream().map(p -> clean(p.name())).collect(Collectors.joining("\n"));
        }

        // ------------------------------------------------------------ building blocks

        private void heading(String key) {
            Paragraph heading = new Paragraph(text(key, ROMAN[Math.min(section++, ROMAN.length - 1)]),
                    font(fonts.bold, BODY));
            heading.setLeading(BODY * 1.25f);
            heading.setSpacingBefore(8);
            heading.setSpacingAfter(3);
            heading.setKeepTogether(true);
            document.add(heading);
        }

        /**
         * A body paragraph, first line indented by 1 cm as in Nghị định 30/2020; ragged right rather than justified:
         * OpenPDF spaces a justified paragraph's last line like the line before it, which stretches short lines.
         */
        private Paragraph paragraph() {
            Paragraph paragraph = new Paragraph("", font(fonts.serif, BODY)); // never the default, unembedded Helvetica
            paragraph.setAlignment(Element.ALIGN_LEFT);
            paragraph.setFirstLineIndent(mm(10));
            paragraph.setLeading(BODY * 1.25f);
            paragraph.setSpacingAfter(3);
            return paragraph;
        }

        private void line(String text) {
            Paragraph paragraph = paragraph();
            paragraph.add(new Chunk(text, font(fonts.serif, BODY)));
            document.add(paragraph);
        }

        /** A line, if there is something to say. */
        private void lineIf(String text) {
            if (text != null) {
                line(text);
            }
        }

        private void small(String text) {
            Paragraph paragraph = paragraph();
            paragraph.setLeading((BODY - 2) * 1.25f);
            paragraph.add(new Chunk(text, font(fonts.italic, BODY - 2)));
            document.add(paragraph);
        }

        private Paragraph centred(String text, Font font) {
            Paragraph paragraph = new Paragraph(text, font);
            paragraph.setAlignment(Element.ALIGN_CENTER);
            paragraph.setLeading(font.getSize() * 1.25f);
            return paragraph;
        }

        private Paragraph rule(float percent, float spacingBefore) {
            // the separator is drawn on its own line's baseline: a leading clear of the descenders above
            Chunk line = new Chunk(new LineSeparator(0.6f, percent, RULE_COLOUR, Element.ALIGN_CENTER, 0));
            line.setFont(font(fonts.serif, 2)); // not the default Helvetica, which would not be embedded
            Paragraph rule = new Paragraph(line);
            rule.setLeading(7);
            rule.setSpacingBefore(spacingBefore);
            return rule;
        }

        private static PdfPCell cell() {
            PdfPCell cell = new PdfPCell();
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPadding(0);
            cell.setPaddingLeft(2);
            cell.setPaddingRight(2);
            return cell;
        }

        /** A full-width table of data whose first row, its heading, is repeated on every page it runs over. */
        private static PdfPTable dataTable(float[] widths, float spacingBefore, float spacingAfter) {
            PdfPTable table = new PdfPTable(widths);
            table.setWidthPercentage(100);
            table.setSpacingBefore(spacingBefore);
            table.setSpacingAfter(spacingAfter);
            table.setHeaderRows(1);
            return table;
        }

        private void headerCell(PdfPTable table, String text, int alignment) {
            PdfPCell cell = tableCell(text, font(fonts.bold, TABLE), alignment);
            cell.setBackgroundColor(SHADE);
            table.addCell(cell);
        }

        private void bodyCell(PdfPTable table, String text, int alignment, boolean bold) {
            table.addCell(tableCell(text, font(bold ? fonts.bold : fonts.serif, TABLE), alignment));
        }

        private void totalCell(PdfPTable table, String text, int alignment) {
            table.addCell(tableCell(text, font(fonts.bold, TABLE), alignment));
        }

        private static PdfPCell tableCell(String text, Font font, int alignment) {
            PdfPCell cell = new PdfPCell(new Phrase(font.getSize() * 1.2f, text, font));
            cell.setHorizontalAlignment(alignment);
            cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
            cell.setBorderWidth(0.5f);
            cell.setPaddingTop(3);
            cell.setPaddingBottom(5);
            cell.setPaddingLeft(4);
            cell.setPaddingRight(4);
            return cell;
        }

        private static Font font(BaseFont face, float size) {
            return new Font(face, size);
        }

        private static Font font(BaseFont face, float size, Color colour) {
            return new Font(face, size, Font.NORMAL, colour);
        }

        /** The largest size up to {@code size} at which the text fits the width. */
        private static float fitting(String text, BaseFont face, float size, float width) {
            float natural = face.getWidthPoint(text, size);
            return natural <= width ? size : Math.max(8, size * width / natural);
        }

        private String upper(String text) {
            return clean(text).toUpperCase(Bundle.VIETNAMESE);
        }

        private String at(Instant instant) {
            return instant == null ? "—" : dateTime.format(instant.atZone(meeting.zone()));
        }

        private String number(long value) {
            return NumberFormat.getIntegerInstance(locale).format(value);
        }

        private String joined(List<String> labels) {
            return labels.stream().map(PdfFonts::clean).collect(Collectors.joining(text("minutes.listSeparator")));
        }

        private static String clean(String text) {
            return PdfFonts.clean(text);
        }

        private String text(String key, Object... arguments) {
            return Bundle.text(locale, key, arguments);
        }

        // ------------------------------------------------------------ footers

        /** Every page: where it comes from and when it was printed (left), page n of N (right). */
        private byte[] footers(byte[] pdf) {
            try {
                PdfReader reader = new PdfReader(pdf);
                ByteArrayOutputStream stamped = new ByteArrayOutputStream();
                PdfStamper stamper = new PdfStamper(reader, stamped);
                BaseFont face = PdfFonts.load(PdfFonts.SERIF_ITALIC);
                int pages = reader.getNumberOfPages();
                String printed = text("minutes.footer", dateTime.format(meeting.printedAt().atZone(meeting.zone())));
                for (int page = 1; page <= pages; page++) {
                    PdfContentByte canvas = stamper.getOverContent(page);
                    Font font = new Font(face, 9, Font.NORMAL, Color.DARK_GRAY);
                    float y = mm(12);
                    ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, new Phrase(printed, font), LEFT, y, 0);
                    ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
                            new Phrase(text("minutes.page", page, pages), font),
                            PageSize.A4.getWidth() - RIGHT, y, 0);
                }
                stamper.close();
                reader.close();
                return stamped.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (DocumentException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
