package app.quorum.platform.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Under {@code /api} nothing answers with the server's HTML error page. JAX-RS (Jersey) answers some errors with a
 * bare {@code sendError} — a {@code Content-Type} header that does not parse is a 400 decided before any exception
 * mapper is asked — which the servlet container would turn into the HTML page of web.xml: here it becomes the API's
 * JSON error for that status. And a failure that escapes everything (a filter's) is answered in JSON too: 503 with
 * Retry-After when the database cannot be reached, else 500, logged once with its stack trace.
 */
@WebFilter(urlPatterns = "/api/*")
public class ApiResponseFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(ApiResponseFilter.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, new HttpServletResponseWrapper(response) {
                @Override
                public void sendError(int status) throws IOException {
                    sendError(status, null);
                }

                @Override
                public void sendError(int status, String message) throws IOException {
                    if (isCommitted()) {
                        super.sendError(status, message);
                        return;
                    }
                    ApiError.send(request, response, status, HttpErrorMapper.key(status));
                }
            });
        } catch (ServletException | RuntimeException failure) { // not an IOException: a client that went away
            if (response.isCommitted()) {
                throw failure;
            }
            if (ServerErrorMapper.databaseUnreachable(failure)) {
                ServerErrorMapper.unavailable(request, response);
            } else {
                LOG.log(Level.SEVERE, "API " + request.getMethod() + " " + request.getRequestURI() + " failed", failure);
                ApiError.send(request, response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, "api.serverError");
            }
        }
    }
}
