package app.quorum.results.boundary;

import app.quorum.platform.Refusal;
import app.quorum.platform.i18n.Bundle;
import app.quorum.platform.web.LocaleFilter;
import app.quorum.results.control.Minutes;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The minutes as PDF: {@code /minutes/ballot/{ballotId}.pdf} (biên bản kiểm phiếu) and
 * {@code /minutes/meeting/{meetingId}.pdf} (biên bản hội nghị), each with {@code ?lang=vi|en} (else the visitor's
 * language). A signed-in secretary or chair gets every counted ballot and meeting; anyone else only those of a
 * meeting marked public, with published results only. Everything else — an unknown id, a draft or open ballot, an
 * unpublished result, a meeting not public — is the same 404, so nothing tells what exists.
 */
@WebServlet("/minutes/*")
public class MinutesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final Pattern PATH = Pattern.compile("^/(ballot|meeting)/([1-9][0-9]{0,17})\\.pdf$");

    @Inject
    transient Minutes minutes;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Matcher path = PATH.matcher(request.getPathInfo() == null ? "" : request.getPathInfo());
        if (!path.matches()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        boolean ballot = "ballot".equals(path.group(1));
        long id = Long.parseLong(path.group(2));
        Locale locale = language(request);
        boolean staff = request.isUserInRole("SECRETARY") || request.isUserInRole("CHAIR");
        Minutes.Document document;
        try {
            if (staff) {
                document = ballot ? minutes.ofBallot(id, locale) : minutes.ofMeeting(id, locale);
            } else {
                document = ballot ? minutes.ofPublicBallot(id, locale) : minutes.ofPublicMeeting(id, locale);
            }
        } catch (Refusal notThere) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("application/pdf");
        response.setContentLength(document.content().length);
        response.setHeader("Content-Disposition", "inline; filename=\"" + document.fileName() + "\"");
        // a staff copy may show a result not yet published: never kept by a shared cache
        response.setHeader("Cache-Control", staff ? "private, no-store" : "no-cache");
        response.setHeader("Content-Language", locale.toLanguageTag());
        response.getOutputStream().write(document.content());
    }

    /** {@code ?lang=vi|en}, else the language the visitor chose for the pages, else Vietnamese. */
    static Locale language(HttpServletRequest request) {
        String lang = request.getParameter("lang");
        return Bundle.supported(Bundle.isSupported(lang) ? lang : LocaleFilter.language(request));
    }
}
