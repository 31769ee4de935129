package app.quorum.platform.api;

import app.quorum.platform.i18n.Bundle;
import app.quorum.platform.web.LocaleFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The body of an error answer of the API: a stable key for programs and a translated message for people. */
public record ApiError(String error, String message) {

    /**
     * The API's error answer on {@code builder} (its status set): {@code {"error": key, "message": text}} in the
     * caller's language (the quorum-lang cookie, else Vietnamese), the same words the Faces pages show; never cached.
     */
    public static Response.ResponseBuilder answer(Response.ResponseBuilder builder, HttpServletRequest request, String key,
            Object... arguments) {
        String message = Bundle.text(Bundle.supported(LocaleFilter.language(request)), key, arguments);
        return builder.type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).header("Cache-Control", "no-store")
                .entity(new ApiError(key, message));
    }
}
