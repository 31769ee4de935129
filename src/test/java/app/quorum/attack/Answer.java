package app.quorum.attack;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** What the server answered to one request of the attack: status, headers and the body as bytes and as text. */
record Answer(String method, URI uri, int status, HttpHeaders headers, byte[] body) {

    static Answer of(String method, HttpResponse<byte[]> response) {
        return new Answer(method, response.uri(), response.statusCode(), response.headers(), response.body());
    }

    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    String contentType() {
        return headers.firstValue("Content-Type").orElse("").toLowerCase(Locale.ROOT);
    }

    boolean json() {
        return contentType().startsWith("application/json");
    }

    boolean html() {
        return contentType().startsWith("text/html") || contentType().startsWith("application/xhtml");
    }

    /** A Faces partial response (PrimeFaces ajax): XML with the updated fragments. */
    boolean partial() {
        return contentType().startsWith("text/xml") && text().contains("<partial-response");
    }

    String location() {
        return headers.firstValue("Location").orElse("");
    }

    /** One line for the report: status, type and where a redirect goes. */
    String brief() {
        String type = contentType().isEmpty() ? "no type" : contentType().split(";")[0];
        return status + " " + type + (status / 100 == 3 ? " → " + URI.create(location()).getPath() : "")
                + " (" + body.length + " bytes)";
    }
}
