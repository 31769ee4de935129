package app.quorum.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Security headers on every response. The policy allows only this origin; PrimeFaces renders inline
 * initialisation scripts and event handlers, so scripts need 'unsafe-inline' (and 'unsafe-eval' for its
 * ajax updates); websockets connect back to the same host; nothing may frame Quorum, and forms post only to Quorum.
 */
@WebFilter(urlPatterns = "/*")
public class SecurityHeadersFilter extends HttpFilter {

    static final String POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self' %s",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    /**
     * The websocket origin of this page (ws:// or wss:// and the host it was asked for): the live updates connect
     * there, and not every browser counts it as 'self'.
     */
    static String websocketOrigin(HttpServletRequest request) {
        String host = request.getHeader("Host");
        if (host == null || !host.matches("[A-Za-z0-9.:\\[\\]-]+")) {
            return "";
        }
        return ("https".equals(request.getScheme()) ? "wss://" : "ws://") + host;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", POLICY.formatted(websocketOrigin(request)));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        response.setHeader("Permissions-Policy", "geolocation=(), microphone=(), camera=()");
        chain.doFilter(request, response);
    }
}
