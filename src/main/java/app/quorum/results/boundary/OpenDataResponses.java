package app.quorum.results.boundary;

import app.quorum.platform.Refusal;
import app.quorum.platform.api.ApiError;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * How the open-data resources answer: published data may be cached for a few seconds by anyone (the list of results
 * grows as the secretary publishes; a result itself never changes) and read from any web page (no credentials are
 * involved); an error is JSON {@code {"error": key, "message": text}} in the caller's language and never cached, so a
 * result published a moment later is seen at once.
 */
final class OpenDataResponses {

    static final String CACHE = "public, max-age=10";
    static final MediaType JSON = MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8");

    private OpenDataResponses() {
    }

    static Response ok(Object entity, MediaType type) {
        return Response.ok(entity, type).header("Cache-Control", CACHE).header("Access-Control-Allow-Origin", "*").build();
    }

    static Response ok(Object entity) {
        return ok(entity, JSON);
    }

    /** 404 with {@code results.notFound}: no such thing, or not published, or not public — never told apart. */
    static WebApplicationException notFound(HttpServletRequest request) {
        return error(request, Response.Status.NOT_FOUND, "results.notFound");
    }

    /**
     * What the open data answers to a refusal, by its kind: what is not there, or not for the public (unpublished,
     * not a public meeting), is one 404 that tells nothing more; any other refusal goes on to the 409 of
     * {@code RefusalMapper}.
     */
    static RuntimeException refused(HttpServletRequest request, Refusal refusal) {
        return switch (refusal.kind()) {
            case NOT_FOUND, FORBIDDEN -> notFound(request);
            case INVALID, CONFLICT, DUPLICATE, CLOSED -> refusal;
        };
    }

    static WebApplicationException error(HttpServletRequest request, Response.Status status, String key) {
        return new WebApplicationException(ApiError.answer(Response.status(status), request, key)
                .header("Access-Control-Allow-Origin", "*").build());
    }

    /** An id from the path; anything that is not one reads as "not found". */
    static long id(String text, HttpServletRequest request) {
        if (text == null || !text.matches("\\d{1,18}")) {
            throw notFound(request);
        }
        return Long.parseLong(text);
    }
}
