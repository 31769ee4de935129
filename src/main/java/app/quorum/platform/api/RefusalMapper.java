package app.quorum.platform.api;

import app.quorum.platform.Refusal;
import app.quorum.platform.i18n.Bundle;
import app.quorum.platform.web.LocaleFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A refusal of the domain, answered as {@code 409 Conflict} with {@code {"error": key, "message": text}} in the
 * caller's language (the quorum-lang cookie, else Vietnamese): the same words the Faces pages show. Never cached.
 */
@Provider
public class RefusalMapper implements ExceptionMapper<Refusal> {

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Refusal refusal) {
        String message = Bundle.text(Bundle.supported(LocaleFilter.language(request)), refusal.key(), refusal.arguments());
        return Response.status(Response.Status.CONFLICT).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("Cache-Control", "no-store").entity(new ApiError(refusal.key(), message)).build();
    }

    /** The body of an error answer: a stable key for programs and a translated message for people. */
    public record ApiError(String error, String message) {
    }
}
