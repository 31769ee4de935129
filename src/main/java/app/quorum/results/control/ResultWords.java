package app.quorum.results.control;

import app.quorum.ballot.entity.MajorityBase;
import app.quorum.platform.i18n.Bundle;
import app.quorum.results.entity.PublishedResult;
import app.quorum.meeting.entity.Meeting;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * A result's numbers in words, the same on the results pages and in the exports: the rule with its base and the
 * fewest votes that met it, the turnout, and what a paper chose.
 */
public final class ResultWords {

    /** Every key these sentences use, besides the enum names: each is in both bundles. */
    public static final List<String> KEYS = List.of("results.base.withAbstentions", "results.base.withBlank",
            "results.turnout.text", "results.blankPaper");

    /** Times as the minutes and the pages write them, in the meeting's local time. */
    public static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private ResultWords() {
    }

    /**
     * The rule in words, with its base and its threshold: "Passes with more than half of the members present (9) in
     * favour: at least 5 votes needed." Keys {@code results.rule.<kind>.<rule>}; arguments: {0} the fewest votes that
     * met the rule, {1} what the base counts, {2} the base, {3} the percentage of a percentage rule, {4} the seats.
     */
    public static String rule(PublishedResult result, Locale locale) {
        String base = Bundle.text(locale, Bundle.enumKey(result.base()));
        if (result.base() == MajorityBase.VOTES_CAST && result.abstentionsInBase()) {
            base = Bundle.text(locale, result.isApproval() ? "results.base.withAbstentions" : "results.base.withBlank", base);
        }
        return Bundle.text(locale, "results.rule." + result.kind() + "." + result.rule(), result.thresholdVotes(), base,
                result.baseCount(), result.percentage() == null ? 0 : result.percentage(), result.seats());
    }

    /** Who voted, of the voting members present and of all voting members. */
    public static String turnout(PublishedResult result, Locale locale) {
        return Bundle.text(locale, "results.turnout.text", result.voted(), result.present(), result.votingMembers());
    }

    /** What a paper or a roll-call line chose, as labelled on the ballot; a blank paper says so. */
    public static String chosen(List<String> labels, Locale locale) {
        return labels.isEmpty() ? Bundle.text(locale, "results.blankPaper") : String.join("; ", labels);
    }

    /** A moment in the meeting's local time, dd/MM/yyyy HH:mm; empty for none. */
    public static String time(Instant at, ZoneId zone) {
        return at == null ? "" : WHEN.format(at.atZone(zone));
    }

    /** A meeting's time zone by its id; Vietnam's for none or an unknown one. */
    public static ZoneId zone(String id) {
        if (id == null || id.isBlank()) {
            return ZoneId.of(Meeting.DEFAULT_TIME_ZONE);
        }
        try {
            return ZoneId.of(id);
        } catch (DateTimeException e) {
            return ZoneId.of(Meeting.DEFAULT_TIME_ZONE);
        }
    }
}
