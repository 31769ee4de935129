package app.quorum.platform.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.lang.annotation.Annotation;

/**
 * The last word on every error answer of the API. One that JAX-RS built with no body — Jersey answers a request whose
 * {@code Content-Type} header does not parse with a bare 400 before any exception mapper is asked, and the servlet
 * container would then serve its HTML error page — gets the API's JSON error for its status
 * ({@link HttpErrorMapper#key}). And a request body nobody read (a 415, a 404, a 405 to a PUT) is read and dropped
 * first, at most {@value RequestBodies#DRAIN_BYTES} bytes ({@link RequestBodies#drain}): over HTTP/2 the client would
 * otherwise go on waiting to send it and never read the answer.
 */
@Provider
public class ErrorBodies implements ContainerResponseFilter {

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext requestContext, ContainerResponseContext responseContext) {
        int status = responseContext.getStatus();
        if (status < 400) {
            return;
        }
        try {
            if (requestContext.hasEntity()) {
                RequestBodies.drain(requestContext.getEntityStream(), RequestBodies.DRAIN_BYTES);
            }
        } catch (IOException | IllegalStateException alreadyRead) {
            // the body was read (and closed) on the way: nothing is left to drop
        }
        if (!responseContext.hasEntity()) {
            responseContext.getHeaders().putSingle("Cache-Control", "no-store");
            responseContext.setEntity(ApiError.of(request, HttpErrorMapper.key(status)), new Annotation[0],
                    MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
        }
    }
}
