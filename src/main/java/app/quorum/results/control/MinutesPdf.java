package app.quorum.results.control;

import app.quorum.platform.i18n.Bundle;
import app.quorum.platform.pdf.OfficialDocument;
import app.quorum.platform.pdf.PdfFonts;
import app.quorum.results.entity.PublishedResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prints the minutes (biên bản): of one ballot (biên bản kiểm phiếu, {@link BallotMinutes}) and of a whole meeting
 * (biên bản hội nghị, {@link MeetingMinutes}), as A4 {@link OfficialDocument}s laid out the way Vietnamese
 * administrative documents are (Nghị định 30/2020/NĐ-CP). Every text comes from the message bundle in the language
 * asked for, so the English version is the same document; every number comes from the one
 * {@link PublishedResult} that all views read.
 *
 * <p>Stateless and thread-safe: each document gets its own fonts and writer.
 */
@ApplicationScoped
public class MinutesPdf {

    /**
     * The place of the date line, from an organiser named the administrative way ("UBND huyện Đắk Mil" → "Đắk Mil").
     */
    private static final Pattern PLACE_OF_ORGANISER = Pattern.compile(
            "^(?:UBND|HĐND|Ủy ban nhân dân|Uỷ ban nhân dân|Hội đồng nhân dân|Huyện ủy|Huyện uỷ|Tỉnh ủy|Tỉnh uỷ|"
                    + "Thành ủy|Thành uỷ|Đảng ủy|Đảng uỷ)\\s+(?:tỉnh|thành phố|TP\\.?|huyện|quận|thị xã|xã|phường|thị trấn)\\s+(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The minutes of the count of one ballot. */
    public byte[] ballot(MinutesFacts meeting, PublishedResult result, Locale locale) {
        return new BallotMinutes(meeting, result, Bundle.supported(locale)).write();
    }

    /** The minutes of a meeting, with the results given (in the order given). */
    public byte[] meeting(MinutesFacts meeting, List<PublishedResult> results, Locale locale) {
        return new MeetingMinutes(meeting, results, Bundle.supported(locale)).write();
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
}
