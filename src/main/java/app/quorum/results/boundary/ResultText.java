package app.quorum.results.boundary;

import app.quorum.platform.i18n.Bundle;
import app.quorum.results.control.ResultWords;
import app.quorum.results.entity.PublishedResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;

/**
 * The sentences of a result, in the reader's language, for {@code WEB-INF/includes/result.xhtml}: the rule with its
 * base and threshold in words, the turnout, the times in the meeting's local time, the chosen labels of a paper.
 */
@Named
@ApplicationScoped
public class ResultText {

    /** The rule in words, with its base and the fewest votes that met it. */
    public String rule(PublishedResult result) {
        return ResultWords.rule(result, Bundle.currentLocale());
    }

    /** Who voted, of those present and of all voting members. */
    public String turnout(PublishedResult result) {
        return ResultWords.turnout(result, Bundle.currentLocale());
    }

    /** When the ballot opened and closed, in the meeting's local time. */
    public String times(PublishedResult result, String zone) {
        return Bundle.text(Bundle.currentLocale(), "results.time.text", time(result.openedAt(), zone),
                time(result.closedAt(), zone));
    }

    /** A moment in the meeting's time zone (none or an unknown one: Vietnam's), as dd/MM/yyyy HH:mm. */
    public String time(Instant at, String zone) {
        return ResultWords.time(at, ResultWords.zone(zone));
    }

    /** What a paper or a roll-call line chose, as labelled on the ballot; a blank paper says so. */
    public String chosen(List<String> labels) {
        return ResultWords.chosen(labels, Bundle.currentLocale());
    }
}
