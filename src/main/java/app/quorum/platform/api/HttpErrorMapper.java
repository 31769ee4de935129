package app.quorum.platform.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The API's own HTTP errors — an unknown path, a method it does not take, a body it cannot read — answered in the
 * API's form, {@code {"error": key, "message": text}} in the caller's language, instead of the server's HTML page.
 * Errors a resource built with a body of its own (the open data's "not found") never come here: JAX-RS answers
 * those as they are.
 */
@Provider
public class HttpErrorMapper implements ExceptionMapper<WebApplicationException> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        return ApiError.answer(Response.fromResponse(original), request, key(original.getStatus())).build();
    }

    /** The error key of an HTTP status the API answers without one of its own. */
    static String key(int status) {
        return switch (status) {
            case 400 -> "api.badRequest";
            case 401 -> "api.signedOut";
            case 403 -> "api.forbidden";
            case 404 -> "api.notFound";
            case 405 -> "api.methodNotAllowed";
            case 406, 415 -> "api.mediaType";
            case 503 -> "api.unavailable";
            default -> status >= 500 ? "api.serverError" : "api.badRequest";
        };
    }
}
