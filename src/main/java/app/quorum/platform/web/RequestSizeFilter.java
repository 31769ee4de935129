package app.quorum.platform.web;

import app.quorum.platform.UploadLimits;
import app.quorum.platform.i18n.Bundle;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The HTTP layer's limit, before anything reads a request's body: a post to the Faces pages larger than the
 * largest one the page can send — a form ({@link UploadLimits#FORM_BYTES}), or an upload (the largest upload limit
 * and its form) — or one that does not say how long it is, is refused with a message in the user's language, and
 * nothing is read, decoded or stored. Without it Grizzly throws "Post too large" from deep inside Faces (the general
 * error page), and a multipart request is read whole to disk before the upload component looks at its size.
 *
 * <p>A Faces ajax request (a page's button, an upload) gets a partial response that shows the message in the page's
 * message area, the page staying as it was; any other post gets the 413 (or 411) error page. The body of a refused
 * request is read and dropped first, up to {@link #DRAIN_BYTES}, so that the browser, still sending, gets the answer
 * rather than a reset connection.
 */
public class RequestSizeFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(RequestSizeFilter.class.getName());
    /** How much of a refused body is read and dropped before answering; a longer one is cut off. */
    static final long DRAIN_BYTES = 128L * 1024 * 1024;
    /** The page's message area (the layout's h:messages): a partial response replaces it. */
    static final String MESSAGES_ID = "messages";

    @Inject
    transient UploadLimits limits;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!"POST".equals(request.getMethod()) && !"PUT".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        long length = request.getContentLengthLong();
        boolean chunked = length < 0 && request.getHeader("Transfer-Encoding") != null;
        long allowed = limits.requestBytes(request.getContentType());
        if (!chunked && length <= allowed) {
            chain.doFilter(request, response);
            return;
        }
        LOG.info(() -> "refused a " + (chunked ? "chunked" : length + "-byte") + " request to " + request.getRequestURI()
                + " (at most " + allowed + " bytes)");
        boolean drained = drain(request.getInputStream());
        Locale locale = Bundle.supported(LocaleFilter.language(request));
        String text = chunked ? Bundle.text(locale, "request.lengthRequired")
                : Bundle.text(locale, "request.tooLarge", limits.requestMegabytes(request.getContentType()));
        if (!drained) {
            response.setHeader("Connection", "close");
        }
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            partialResponse(response, text);
        } else {
            int status = chunked ? HttpServletResponse.SC_LENGTH_REQUIRED : HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE;
            response.setStatus(status);
            request.getRequestDispatcher("/WEB-INF/errorpages/" + status + ".xhtml").forward(new Emptied(request), response);
        }
    }

    /** Reads and drops the body, up to {@link #DRAIN_BYTES}; whether it was read to its end. */
    static boolean drain(InputStream body) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long read = 0;
        try {
            for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
                read += n;
                if (read > DRAIN_BYTES) {
                    return false;
                }
            }
            return true;
        } catch (IOException e) {
            // the client gave up sending
            return false;
        }
    }

    /** A Faces partial response that puts the message in the page's message area and changes nothing else. */
    static void partialResponse(HttpServletResponse response, String text) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/xml");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setHeader("Cache-Control", "no-store");
        PrintWriter out = response.getWriter();
        out.write("<?xml version='1.0' encoding='UTF-8'?>\n<partial-response><changes><update id=\"" + MESSAGES_ID
                + "\"><![CDATA[<ul id=\"" + MESSAGES_ID + "\" class=\"q-messages\"><li class=\"q-error\">"
                + escape(text) + "</li></ul>]]></update></changes></partial-response>");
        out.flush();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("]]>", "]]&gt;");
    }

    /** The refused request as the error page sees it: no body, no parameters, so nothing tries to read it. */
    private static final class Emptied extends HttpServletRequestWrapper {

        Emptied(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public int getContentLength() {
            return 0;
        }

        @Override
        public long getContentLengthLong() {
            return 0;
        }

        @Override
        public String getParameter(String name) {
            return null;
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return Map.of();
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.emptyEnumeration();
        }

        @Override
        public String[] getParameterValues(String name) {
            return null;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            throw new IOException("the body of a refused request is not read");
        }

        @Override
        public java.util.Collection<jakarta.servlet.http.Part> getParts() {
            return java.util.List.of();
        }

        @Override
        public jakarta.servlet.http.Part getPart(String name) {
            return null;
        }
    }
}
