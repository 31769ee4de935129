package app.quorum.identity.boundary;

import app.quorum.platform.audit.AuditLog;
import app.quorum.platform.audit.AuditLog.AuditFilter;
import app.quorum.platform.audit.AuditEvent;
import app.quorum.platform.SpreadsheetCsv;
import app.quorum.platform.i18n.Bundle;
import app.quorum.platform.web.LocaleFilter;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The audit log as CSV ({@code /audit/export.csv?actor=&action=&meeting=&from=yyyy-mm-dd&to=yyyy-mm-dd}), for admins
 * and secretaries (the /audit/* constraint), with the filters of the audit page.
 */
@WebServlet("/audit/export.csv")
public class AuditExportServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int PAGE = 1000;

    @Inject
    transient AuditLog audit;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        AuditFilter filter;
        try {
            filter = new AuditFilter(request.getParameter("actor"), request.getParameter("action"),
                    request.getParameter("meeting") == null || request.getParameter("meeting").isBlank() ? null
                            : Long.valueOf(request.getParameter("meeting")),
                    day(request.getParameter("from"), 0), day(request.getParameter("to"), 1));
        } catch (NumberFormatException | DateTimeParseException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        Locale locale = Bundle.supported(LocaleFilter.language(request));
        response.setContentType(SpreadsheetCsv.CONTENT_TYPE);
        response.setHeader("Content-Disposition", "attachment; filename=\"audit-" + LocalDate.now() + ".csv\"");
        SpreadsheetCsv csv = SpreadsheetCsv.start(response.getOutputStream(), List.of(
                Bundle.text(locale, "audit.at"), Bundle.text(locale, "audit.actor"), Bundle.text(locale, "audit.action"),
                Bundle.text(locale, "audit.object"), Bundle.text(locale, "audit.meeting"), Bundle.text(locale, "audit.detail"),
                Bundle.text(locale, "audit.source")));
        for (int first = 0;; first += PAGE) {
            List<AuditEvent> events = audit.events(filter, first, PAGE);
            for (AuditEvent event : events) {
                csv.row(List.of(AuditBacking.WHEN.format(event.getAt()), event.getActor(), event.getAction(),
                        Objects.toString(event.getObjectType(), "") + " " + Objects.toString(event.getObjectId(), ""),
                        Objects.toString(event.getMeetingId(), ""), Objects.toString(event.getDetail(), ""),
                        Objects.toString(event.getSource(), "")));
            }
            if (events.size() < PAGE) {
                break;
            }
        }
        csv.finish();
    }

    private static java.time.Instant day(String text, int plusDays) {
        return text == null || text.isBlank() ? null
                : LocalDate.parse(text).plusDays(plusDays).atStartOfDay(AuditBacking.VIETNAM).toInstant();
    }
}
