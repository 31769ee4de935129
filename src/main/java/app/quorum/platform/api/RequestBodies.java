package app.quorum.platform.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.NoContentException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Every request body the API reads, whatever reads it: at most {@value #MAX_BYTES} bytes, UTF-8 (the only encoding of
 * JSON, RFC 8259 §8.1: a {@code charset} parameter changes nothing), not empty; and whatever the body reader then
 * fails on — JSON that does not parse, a value of the wrong type for JSON-B — is the client's mistake. Each answers
 * {@code 400} with the API's JSON error ({@code api.body.*}) instead of the server's error page, and nothing is
 * logged: a bad client must not fill the log.
 */
@Provider
public class RequestBodies implements ReaderInterceptor {

    /**
     * The largest body the API reads: an encrypted paper of the largest election (60 candidates, one ciphertext and one
     * bit proof each, and a total proof of up to 60 branches) with its revelation when audited is about 76 kB
     * ({@code RequestBodiesTest}); a choice in clear is at most about 1.2 kB.
     */
    public static final int MAX_BYTES = 128 * 1024;
    /** How much of a body too large the API reads, only to drop it, before it answers (see {@link #drain}). */
    static final long DRAIN_BYTES = 64L * 1024 * 1024;

    @Context
    HttpServletRequest request;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        byte[] body = read(context.getInputStream());
        if (body.length == 0) {
            throw ApiError.badRequest(request, "api.body.missing");
        }
        if (!Utf8.isValid(body)) {
            throw ApiError.badRequest(request, "api.body.encoding");
        }
        context.setInputStream(new ByteArrayInputStream(body));
        try {
            return context.proceed();
        } catch (WebApplicationException answered) {
            throw answered;
        } catch (NoContentException | RuntimeException unreadable) {
            // JsonException, JsonbException, ProcessingException, or anything else a body reader throws at bad input
            throw ApiError.badRequest(request, "api.body.invalid");
        }
    }

    private byte[] read(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            drain(in, DRAIN_BYTES);
            throw ApiError.badRequest(request, "api.body.tooLarge", MAX_BYTES);
        }
        return body;
    }

    /**
     * Reads and drops the rest of a body the API will not take, up to {@code cap} bytes, before it answers: over
     * HTTP/2 (h2c, which Payara offers on plain HTTP) a client goes on sending a body the server stopped reading and
     * waits, its flow-control window spent, without ever reading the answer. Beyond the cap the rest is left unread.
     */
    static void drain(InputStream in, long cap) throws IOException {
        long dropped = 0;
        byte[] buffer = new byte[64 * 1024];
        for (int n; dropped < cap && (n = in.read(buffer)) >= 0; ) {
            dropped += n;
        }
    }
}
