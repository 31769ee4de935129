package app.quorum.platform.api;

import app.quorum.platform.Refusal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Context;
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
        return ApiError.answer(Response.status(Response.Status.CONFLICT), request, refusal.key(), refusal.arguments()).build();
    }
}
