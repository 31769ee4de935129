package app.quorum.identity.boundary;

import app.quorum.identity.control.DelegateIdentityStore;
import app.quorum.platform.api.ApiError;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;

/**
 * Who may call the delegate's API ({@code /api/delegate/*}): a delegate signed in with their card. Anyone else is
 * answered in the API's JSON form, never sent to the HTML sign-in page: nobody signed in (or a session expired or
 * ended on another device) gets {@code 401} with {@code api.signedOut}, which the tablet reads as "signed out"; a
 * signed-in staff member gets {@code 403}. A security constraint in web.xml would make the container redirect to
 * the sign-in page instead, so this path has none; the services check the DELEGATE role again.
 *
 * <p>A 401 must carry a challenge (RFC 9110 §15.5.2); there is no registered scheme for a session cookie, so it
 * names the cookie scheme of draft-broyer-http-cookie-auth: where to sign in and which cookie holds the session.
 */
@WebFilter(urlPatterns = "/api/delegate/*")
public class DelegateApiFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Principal caller = request.getUserPrincipal();
        if (caller == null) {
            signedOut(request, response);
            return;
        }
        if (DelegateIdentityStore.participantId(caller.getName()).isEmpty()) {
            ApiError.send(request, response, HttpServletResponse.SC_FORBIDDEN, "api.forbidden");
            return;
        }
        chain.doFilter(request, response);
    }

    /** The API's answer to a caller without a (current) delegate session: 401, JSON, with the challenge. */
    static void signedOut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Cookie realm=\"Quorum\", form-action=\"" + request.getContextPath()
                + "/sign-in.xhtml\", cookie-name=\"JSESSIONID\"");
        ApiError.send(request, response, HttpServletResponse.SC_UNAUTHORIZED, "api.signedOut");
    }

    /** Whether a request is one of the API's (answered in JSON), not a page's. */
    static boolean api(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
    }
}
