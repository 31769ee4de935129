package app.quorum.results.boundary;

import app.quorum.ballot.entity.MajorityBase;
import app.quorum.ballot.entity.MajorityRule;
import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.i18n.Bundle;
import app.quorum.results.entity.PublishedResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the published-result include says in words, in the reader's language: the rule and its threshold, the
 * times, the chart's configuration and its text for screen readers. Used by the public page and the projector.
 */
@Named
@ApplicationScoped
public class PublishedResultView {

    /** The chart of a result: for a page, or in large type for the projector. */
    public String chart(PublishedResult result, boolean large) {
        return ResultChart.config(result, Bundle.text(Bundle.currentLocale(), "publicResults.votes"), large);
    }

    /** The chart's text alternative: every choice with its votes and share. */
    public String chartText(PublishedResult result) {
        return describe(result, Bundle.currentLocale());
    }

    /** The rule, its base and the votes it needed, in one sentence. */
    public String rule(PublishedResult result) {
        return rule(result, Bundle.currentLocale());
    }

    /** A moment in the meetings' time zone (Vietnam), as the reader writes a time and date. */
    public String time(Instant at) {
        if (at == null) {
            return "";
        }
        Locale locale = Bundle.currentLocale();
        return DateTimeFormatter.ofPattern(Bundle.text(locale, "format.dateTime"), locale)
                .withZone(ZoneId.of(Meeting.DEFAULT_TIME_ZONE)).format(at);
    }

    /** What a paper or a roll-call line chose: its labels joined, or "blank paper" for an empty election paper. */
    public String choice(List<String> labels) {
        return choice(labels, Bundle.currentLocale());
    }

    static String choice(List<String> labels, Locale locale) {
        return labels.isEmpty() ? Bundle.text(locale, "publicResults.blankPaper") : String.join(", ", labels);
    }

    static String rule(PublishedResult result, Locale locale) {
        String base = Bundle.text(locale, Bundle.enumKey(result.base()));
        if (result.base() == MajorityBase.VOTES_CAST) {
            base = Bundle.text(locale, result.abstentionsInBase() ? "publicResults.base.withAbstentions" : "publicResults.base.withoutAbstentions", base);
        }
        String kind = result.isApproval() ? "approval" : "election";
        String rule = Bundle.text(locale, "publicResults.rule." + result.rule().name()
                + (result.rule() == MajorityRule.SIMPLE ? "." + kind : ""), base, result.baseCount(),
                result.percentage() == null ? 0 : result.percentage());
        return Bundle.text(locale, "publicResults.ruleNeeds." + kind, rule, result.baseCount(), result.thresholdVotes());
    }

    static String describe(PublishedResult result, Locale locale) {
        NumberFormat percent = NumberFormat.getNumberInstance(locale);
        percent.setMinimumFractionDigits(1);
        percent.setMaximumFractionDigits(1);
        return result.lines().stream()
                .map(line -> Bundle.text(locale, "publicResults.chartLine", line.label(), line.votes(), percent.format(line.percent())))
                .collect(Collectors.joining("; "));
    }
}
