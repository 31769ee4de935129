package app.quorum.attack;

import app.quorum.testing.FacesForm;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * One browser or API client of the attack: its own cookies, HTTP/1.1, never following a redirect, from a loopback
 * address of its own (127.0.0.200 and up, so that the sign-in throttle's count per address never touches the
 * 127.0.0.1 that the other test classes sign in from), signed in as a role or anonymous.
 */
final class Agent {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    final Role role;
    final URI base;
    final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    Agent(Role role, URI base, InetAddress from) {
        this.role = role;
        this.base = base;
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).localAddress(from).build();
    }

    URI uri(String path) {
        return base.resolve(path.startsWith("/") ? path.substring(1) : path);
    }

    Answer get(String path) {
        return send("GET", uri(path), null, null);
    }

    Answer post(String path, Map<String, String> form) {
        return post(path, form, StandardCharsets.UTF_8);
    }

    /** A form post, its fields encoded in the given charset (a browser's "invalid encodings" are other charsets). */
    Answer post(String path, Map<String, String> form, Charset charset) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), charset) + "=" + URLEncoder.encode(e.getValue(), charset))
                .collect(Collectors.joining("&"));
        return send("POST", uri(path), "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.US_ASCII));
    }

    /** The same form, as PrimeFaces' ajax sends it: it says so in a header and a field, and reads a partial response. */
    Answer ajax(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send("POST", uri(path), "application/x-www-form-urlencoded; charset=UTF-8", body.getBytes(StandardCharsets.US_ASCII),
                "Faces-Request", "partial/ajax", "X-Requested-With", "XMLHttpRequest");
    }

    /** A multipart post (a file upload) with the form's fields and one file. */
    Answer multipart(String path, Map<String, String> fields, String fileField, String fileName, byte[] content, boolean ajax) {
        String boundary = "----attack" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            for (Map.Entry<String, String> field : fields.entrySet()) {
                body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n")
                        .getBytes(StandardCharsets.UTF_8));
                body.write(field.getValue().getBytes(StandardCharsets.UTF_8));
                body.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(content);
            body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String type = "multipart/form-data; boundary=" + boundary;
        return ajax ? send("POST", uri(path), type, body.toByteArray(), "Faces-Request", "partial/ajax", "X-Requested-With", "XMLHttpRequest")
                : send("POST", uri(path), type, body.toByteArray());
    }

    /** Any request: a method, a content type (or none) and a body (or none), and headers as name, value, name, value… */
    Answer send(String method, URI uri, String contentType, byte[] body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return Answer.of(method, http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray()));
        } catch (IOException e) {
            // the server closed the connection without an answer: that is an answer too, and not a good one
            return new Answer(method, uri, 0, java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true),
                    ("connection: " + e).getBytes(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    String sessionId() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Signs in with a staff account's password; fails the test when the account is not let in. */
    Agent signInStaff(String username, String password) {
        FacesForm form = form(get("sign-in.xhtml"), "staff");
        Answer answer = post(form.action(), form.with(Map.of("staff:username", username, "staff:password", password,
                "staff:signInStaff", "")));
        expectSignedIn(answer, username);
        return this;
    }

    /** Signs a delegate in with the code of their card. */
    Agent signInCard(String code) {
        FacesForm form = form(get("sign-in.xhtml"), "delegate");
        Answer answer = post(form.action(), form.with(Map.of("delegate:code", code, "delegate:signInDelegate", "")));
        expectSignedIn(answer, "a delegate's card");
        return this;
    }

    private static void expectSignedIn(Answer answer, String who) {
        if (answer.status() != 302 || answer.location().contains("sign-in")) {
            throw new AssertionError("cannot sign in " + who + " for the attack: " + answer.brief());
        }
    }

    static FacesForm form(Answer page, String id) {
        return FacesForm.find(page.text(), id)
                .orElseThrow(() -> new AssertionError("no form " + id + " in " + page.uri() + ": " + page.brief()));
    }

    /** Who the agent is. */
    enum Role {
        ANONYMOUS, DELEGATE, SECRETARY, CHAIR, ADMIN;

        static final List<Role> ALL = List.of(values());
    }
}
