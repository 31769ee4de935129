package app.quorum.results.boundary;

import app.quorum.meeting.control.MeetingService;
import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.Refusal;
import app.quorum.platform.i18n.Bundle;
import app.quorum.platform.web.LocaleFilter;
import app.quorum.results.control.ResultExport;
import app.quorum.results.control.ResultWords;
import app.quorum.results.control.Results;
import app.quorum.results.entity.PublishedResult;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The staff's downloads of a counted ballot, closed or published ({@code /secretary/export/ballots/{id}/result.csv},
 * {@code result.xlsx}, {@code receipts.csv}, {@code receipts.xlsx}), for the secretary (the /secretary/* constraint),
 * in the language of her pages. Anything else is a 404. The public downloads of published results are on the open-data
 * API.
 */
@WebServlet("/secretary/export/*")
public class ResultExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final Pattern PATH = Pattern.compile("/ballots/(\\d{1,18})/(result|receipts)\\.(csv|xlsx)");

    @Inject
    transient Results results;

    @Inject
    transient MeetingService meetings;

    @Inject
    transient ResultExport export;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher path = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        PublishedResult result;
        try {
            result = results.counted(Long.parseLong(path.group(1)));
        } catch (Refusal refusal) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        ZoneId zone = ResultWords.zone(meetings.withAgenda(result.meetingId()).map(Meeting::getTimeZone).orElse(null));
        Locale locale = Bundle.supported(LocaleFilter.language(request));
        ResultExport.Table table = ResultExport.Table.valueOf(path.group(2).toUpperCase(Locale.ROOT));
        ResultExport.Format format = ResultExport.Format.valueOf(path.group(3).toUpperCase(Locale.ROOT));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        export.write(result, table, format, zone, locale, bytes);
        response.setContentType(format.contentType());
        response.setHeader("Content-Disposition",
                "attachment; filename=\"" + ResultExport.fileName(result, table, format, locale) + "\"");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.size());
        bytes.writeTo(response.getOutputStream());
    }
}
