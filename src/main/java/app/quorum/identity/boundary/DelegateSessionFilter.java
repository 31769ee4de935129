package app.quorum.identity.boundary;

import app.quorum.identity.control.DelegateIdentityStore;
import app.quorum.identity.control.DelegateSessions;
import app.quorum.platform.api.ServerErrorMapper;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;

/**
 * A delegate's session is valid only while it is their latest: once the card signs in on another device, this
 * one is signed out at its next request, so a forgotten tablet cannot be used. A page is sent to the sign-in page,
 * which says why; a request of the API gets the API's {@code 401} ({@link DelegateApiFilter}), and while the
 * database cannot be reached to tell, the API's {@code 503} (a page gets the error page, as before).
 */
@WebFilter(urlPatterns = "/*")
public class DelegateSessionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Inject
    transient DelegateSessions sessions;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        Optional<Long> participant = request.getUserPrincipal() == null ? Optional.empty()
                : DelegateIdentityStore.participantId(request.getUserPrincipal().getName());
        if (participant.isPresent()) {
            HttpSession session = request.getSession(false);
            Object token = session == null ? null : session.getAttribute(SignInBacking.DELEGATE_TOKEN);
            boolean current;
            try {
                current = sessions.current(participant.get(), (String) token);
            } catch (RuntimeException failure) {
                if (DelegateApiFilter.api(request) && ServerErrorMapper.databaseUnreachable(failure)) {
                    ServerErrorMapper.unavailable(request, response);
                    return;
                }
                throw failure;
            }
            if (!current) {
                request.logout();
                if (session != null) {
                    session.invalidate();
                }
                if (DelegateApiFilter.api(request)) {
                    DelegateApiFilter.signedOut(request, response);
                } else {
                    response.sendRedirect(request.getContextPath() + "/sign-in.xhtml?elsewhere=true");
                }
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
