package app.quorum.platform.api;

import app.quorum.platform.Jsons;
import app.quorum.platform.i18n.Bundle;
import app.quorum.platform.web.LocaleFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.Writer;

/** The body of an error answer of the API: a stable key for programs and a translated message for people. */
public record ApiError(String error, String message) {

    static final String JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8").toString();
    /** The most of a refused request's body a filter reads, to drop it, before it answers (RequestBodies.drain). */
    static final long FILTER_DRAIN_BYTES = 1024 * 1024;

    /**
     * The API's error answer on {@code builder} (its status set): {@code {"error": key, "message": text}} in the
     * caller's language (the quorum-lang cookie, else Vietnamese), the same words the Faces pages show; never cached.
     */
    public static Response.ResponseBuilder answer(Response.ResponseBuilder builder, HttpServletRequest request, String key,
            Object... arguments) {
        return builder.type(JSON).header("Cache-Control", "no-store").entity(of(request, key, arguments));
    }

    /** {@code 400 Bad Request} with the API's error answer: what a resource throws for a body it cannot take. */
    public static BadRequestException badRequest(HttpServletRequest request, String key, Object... arguments) {
        return new BadRequestException(answer(Response.status(Response.Status.BAD_REQUEST), request, key, arguments).build());
    }

    /**
     * The same answer written by a servlet filter, before JAX-RS is reached (signed out: 401; the database away: 503).
     * The response must not be committed yet.
     */
    public static void send(HttpServletRequest request, HttpServletResponse response, int status, String key) throws IOException {
        if (request.getContentLengthLong() != 0) {
            RequestBodies.drain(request.getInputStream(), FILTER_DRAIN_BYTES); // unread, an HTTP/2 client would wait
        }
        ApiError error = of(request, key);
        response.resetBuffer();
        response.setStatus(status);
        response.setContentType(JSON);
        response.setHeader("Cache-Control", "no-store");
        Writer body = response.getWriter();
        body.write(Jsons.JSON.createObjectBuilder().add("error", error.error()).add("message", error.message()).build().toString());
        body.flush();
    }

    static ApiError of(HttpServletRequest request, String key, Object... arguments) {
        return new ApiError(key, Bundle.text(Bundle.supported(LocaleFilter.language(request)), key, arguments));
    }
}
