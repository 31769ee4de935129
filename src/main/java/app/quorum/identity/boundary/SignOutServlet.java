package app.quorum.identity.boundary;

import app.quorum.platform.audit.AuditLog;
import app.quorum.identity.control.DelegateIdentityStore;
import app.quorum.identity.control.DelegateSessions;
import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/**
 * Signs out (POST only, so a link or a prefetch cannot): ends the delegate's device session, logs out, throws
 * the HTTP session away (its cookie is worthless from then on) and returns to the sign-in page.
 */
@WebServlet("/sign-out")
public class SignOutServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    transient DelegateSessions delegateSessions;

    @Inject
    transient AuditLog audit;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (request.getUserPrincipal() != null) {
            String caller = request.getUserPrincipal().getName();
            HttpSession session = request.getSession(false);
            Object token = session == null ? null : session.getAttribute(SignInBacking.DELEGATE_TOKEN);
            DelegateIdentityStore.participantId(caller).ifPresent(id -> delegateSessions.end(id, (String) token));
            audit.recordSignIn("signOut", caller, null);
        }
        request.logout();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect(request.getContextPath() + "/sign-in.xhtml?signedOut=true");
    }
}
