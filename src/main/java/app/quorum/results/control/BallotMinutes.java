package app.quorum.results.control;

import app.quorum.platform.pdf.OfficialDocument;
import app.quorum.results.entity.PublishedResult;
import com.lowagie.text.Paragraph;
import java.time.LocalDate;
import java.util.Locale;

/**
 * The minutes of the count of one ballot (biên bản kiểm phiếu): dated the day it closed; whether it is published;
 * what was voted on and how; the count, outcome and roll-call; the box's fingerprint and how to check it; the
 * corrections; and the signatures of the vote-counting committee, the secretary and the chair.
 */
final class BallotMinutes extends MinutesDocument {

    private final PublishedResult result;

    BallotMinutes(MinutesFacts meeting, PublishedResult result, Locale locale) {
        super(meeting, locale);
        this.result = result;
    }

    byte[] write() {
        return write(text("minutes.ballot.documentTitle", clean(result.question())));
    }

    @Override
    void body() {
        header(result.closedAt() == null ? meeting.startsAt().toLocalDate()
                : result.closedAt().atZone(meeting.zone()).toLocalDate());
        page.title(text("minutes.ballot.title"), result.question());
        publication();

        page.section("minutes.section.general");
        page.line(text("minutes.meeting", clean(meeting.title())));
        page.lineIf(MinutesHeld.sentence(meeting, result.openedAt(), false, locale));
        item(result);
        page.line(text("minutes.question", clean(result.question())));
        page.line(form(result));
        page.line(rule(result));
        page.line(text("minutes.times", at(result.openedAt()), at(result.closedAt())));

        page.section("minutes.section.count");
        page.line(electorate(result));
        choices(result);
        outcome(result);
        rollCall(result);

        page.section("minutes.section.fingerprint");
        if (result.endToEnd()) { // the fingerprint of the public election record (election-record.md §7)
            page.line(text("minutes.fingerprint.record", result.votesCast()));
            fingerprint(result);
            page.small(text("minutes.fingerprint.howToRecord", String.valueOf(result.ballotId())));
        } else {
            page.line(text("minutes.fingerprint.label", result.votesCast()));
            fingerprint(result);
            page.small(text("minutes.fingerprint.howTo"));
        }

        if (!result.corrections().isEmpty()) {
            page.section("minutes.section.corrections");
            corrections(result);
        }
        signatures(true);
    }

    /** Published when, or a clear mark that it is not published yet. */
    private void publication() {
        if (result.publishedAt() == null) {
            page.notice(text("minutes.unpublished"), UNPUBLISHED, 46);
            return;
        }
        Paragraph published = page.centred(text("minutes.published", at(result.publishedAt())),
                OfficialDocument.font(page.faces().italic(), OfficialDocument.BODY - 1));
        published.setSpacingBefore(4);
        page.add(published);
    }
}
