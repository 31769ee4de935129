package app.quorum.identity.boundary;

import app.quorum.meeting.control.MeetingView;

import app.quorum.identity.control.DelegateIdentityStore;
import app.quorum.meeting.control.DocumentService;
import app.quorum.roster.control.RosterService;
import app.quorum.meeting.entity.AgendaDocument;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Optional;

/** Serves an agenda document: {@code /documents/{id}}, as a PDF the browser may show, never sniffed as anything else. */
@WebServlet("/documents/*")
public class DocumentServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient DocumentService documents;

    @Inject
    transient RosterService roster;

    /** Documents of a public meeting are public; otherwise staff, and the meeting's own delegates. */
    boolean mayRead(HttpServletRequest request, AgendaDocument document) {
        var meeting = document.getItem().getMeeting();
        if (meeting.isPublicMeeting() || request.isUserInRole("ADMIN") || request.isUserInRole("SECRETARY")
                || request.isUserInRole("CHAIR")) {
            return true;
        }
        return request.getUserPrincipal() != null
                && DelegateIdentityStore.participantId(request.getUserPrincipal().getName())
                        .flatMap(id -> roster.participant(meeting.getId(), id)).isPresent();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Long id = MeetingView.parseId(request.getPathInfo() == null ? null : request.getPathInfo().substring(1));
        Optional<AgendaDocument> found = id == null ? Optional.empty() : documents.document(id);
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        AgendaDocument document = found.get();
        if (!mayRead(request, document)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        String etag = "\"" + HexFormat.of().formatHex(document.sha256()) + "\"";
        if (etag.equals(request.getHeader("If-None-Match"))) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        byte[] content = document.content();
        response.setContentType("application/pdf");
        response.setContentLengthLong(content.length);
        response.setHeader("ETag", etag);
        response.setHeader("Content-Disposition", "inline; filename*=UTF-8''"
                + URLEncoder.encode(document.getFileName(), StandardCharsets.UTF_8).replace("+", "%20"));
        response.getOutputStream().write(content);
    }
}
