package app.quorum.platform.api;

import jakarta.ejb.EJBAccessException;
import jakarta.resource.ResourceException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whatever else goes wrong under {@code /api}, answered in the API's JSON form, never with the server's HTML page:
 * <ul>
 * <li>the database cannot be reached (a connection refused or lost, the pool unable to open one): {@code 503} with
 * {@code Retry-After} ({@code api.unavailable}) — nothing was stored, and the tablet sends the same paper again, which
 * counts once. One line in the log, no stack trace: the cause is outside the application.</li>
 * <li>a service refused the caller's role: {@code 403} ({@code api.forbidden}).</li>
 * <li>anything else is a fault of Quorum's: {@code 500} ({@code api.serverError}), logged with its stack trace.</li>
 * </ul>
 * A refusal of the domain ({@link RefusalMapper}, 409) and the API's own HTTP errors ({@link HttpErrorMapper}) have
 * mappers of their own, which JAX-RS prefers (the nearest exception class wins).
 */
@Provider
public class ServerErrorMapper implements ExceptionMapper<Throwable> {

    /** Seconds a client should wait before it tries again while the database is away. */
    public static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger LOG = Logger.getLogger(ServerErrorMapper.class.getName());

    @Context
    HttpServletRequest request;

    @Override
    public Response toResponse(Throwable failure) {
        if (databaseUnreachable(failure)) {
            LOG.warning(() -> "API " + request.getMethod() + " " + request.getRequestURI() + ": 503, the database cannot be reached ("
                    + rootCause(failure) + ")");
            return unavailable(Response.status(Response.Status.SERVICE_UNAVAILABLE), request).build();
        }
        if (causedBy(failure, EJBAccessException.class)) {
            return ApiError.answer(Response.status(Response.Status.FORBIDDEN), request, "api.forbidden").build();
        }
        LOG.log(Level.SEVERE, "API " + request.getMethod() + " " + request.getRequestURI() + " failed", failure);
        return ApiError.answer(Response.status(Response.Status.INTERNAL_SERVER_ERROR), request, "api.serverError").build();
    }

    /** The 503 answer: the API's error {@code api.unavailable} and {@code Retry-After}. */
    static Response.ResponseBuilder unavailable(Response.ResponseBuilder builder, HttpServletRequest request) {
        return ApiError.answer(builder, request, "api.unavailable").header("Retry-After", RETRY_AFTER_SECONDS);
    }

    /** The same 503 answer, written by a servlet filter that needed the database before JAX-RS was reached. */
    public static void unavailable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        LOG.warning(() -> "API " + request.getMethod() + " " + request.getRequestURI() + ": 503, the database cannot be reached");
        response.setHeader("Retry-After", RETRY_AFTER_SECONDS);
        ApiError.send(request, response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "api.unavailable");
    }

    /**
     * Whether the failure comes from a database that cannot be reached: a connection exception of JDBC (SQLState class
     * 08, or the JDBC 4 connection exception classes), a refused TCP connection, or the connector's pool failing to
     * allocate a connection. Errors of SQL itself (a constraint, a timeout waiting for a lock) are not.
     */
    public static boolean databaseUnreachable(Throwable failure) {
        for (Throwable cause : chain(failure)) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException || cause instanceof ConnectException
                    || cause instanceof ResourceException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause : chain(failure)) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The failure and its causes, 32 deep at most, never round a loop. */
    private static List<Throwable> chain(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        for (Throwable cause = failure; cause != null && chain.size() < 32 && !chain.contains(cause); cause = next(cause)) {
            chain.add(cause);
        }
        return chain;
    }

    /** The cause after this one (or a SQLException's next exception). */
    private static Throwable next(Throwable cause) {
        Throwable next = cause.getCause();
        if (next == null && cause instanceof SQLException sql) {
            next = sql.getNextException();
        }
        return next == cause ? null : next;
    }

    private static String rootCause(Throwable failure) {
        List<Throwable> chain = chain(failure);
        Throwable root = chain.get(chain.size() - 1);
        return root.getClass().getName() + (root.getMessage() == null ? "" : ": " + root.getMessage().lines().findFirst().orElse(""));
    }
}
