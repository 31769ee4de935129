package app.quorum.testing;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A client that uses the Faces pages as a browser's scripts do, without a browser — and as a hostile client can, past
 * every check the browser makes: it signs in, and posts a page's form as PrimeFaces' ajax does, or as its upload
 * component does (multipart), with whatever values it likes.
 */
public final class FacesClient {

    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final URI app;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;

    /** @param app the application's address, ending in a slash */
    public FacesClient(URI app) {
        this.app = app;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Signs a staff member in with the sign-in page's form; the session's cookie is kept. */
    public FacesClient signIn(String username, String password) throws IOException, InterruptedException {
        FacesForm form = form("sign-in.xhtml", "staff");
        HttpResponse<String> signedIn = post(form.action(), form.with(Map.of("staff:username", username,
                "staff:password", password, "staff:signInStaff", "")), Map.of());
        if (signedIn.statusCode() != 302) {
            throw new AssertionError("not signed in as " + username + ": " + signedIn.statusCode());
        }
        return this;
    }

    /** Pages in this language from now on (the language switch's cookie). */
    public FacesClient language(String language) {
        HttpCookie cookie = new HttpCookie("quorum-lang", language);
        cookie.setPath("/");
        cookie.setVersion(0); // a plain cookie, as the language switch sets it (version 1 would be sent quoted)
        cookies.getCookieStore().add(app, cookie);
        return this;
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(app.resolve(path)).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** The form with this id on the page at this path. */
    public FacesForm form(String path, String id) throws IOException, InterruptedException {
        String page = get(path).body();
        return FacesForm.find(page, id).orElseThrow(() -> new AssertionError("no form " + id + " with a view state on " + path));
    }

    /** Posts the form as PrimeFaces' ajax does when {@code source} (a button) is pressed, the whole form processed. */
    public HttpResponse<String> ajax(FacesForm form, String formId, String source, Map<String, String> values)
            throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>(form.with(values));
        fields.putAll(ajaxFields(formId, source));
        fields.put(source, source);
        return post(form.action(), fields, Map.of("Faces-Request", "partial/ajax"));
    }

    /** Posts the form's upload component {@code upload} with a file, as PrimeFaces' advanced upload does. */
    public HttpResponse<String> upload(FacesForm form, String formId, String upload, String fileName, byte[] content)
            throws IOException, InterruptedException {
        Map<String, String> fields = new LinkedHashMap<>(form.fields());
        fields.putAll(ajaxFields(formId, upload));
        fields.put(upload + "_totalFilesCount", "1");
        String boundary = "----quorum" + UUID.randomUUID();
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"").append(upload)
                .append("\"; filename=\"").append(fileName).append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        HttpRequest request = HttpRequest.newBuilder(app.resolve(form.action())).timeout(TIMEOUT)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Faces-Request", "partial/ajax")
                .POST(HttpRequest.BodyPublishers.concat(
                        HttpRequest.BodyPublishers.ofByteArray(head.toString().getBytes(StandardCharsets.UTF_8)),
                        HttpRequest.BodyPublishers.ofByteArray(content),
                        HttpRequest.BodyPublishers.ofByteArray(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8))))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static Map<String, String> ajaxFields(String formId, String source) {
        return Map.of("jakarta.faces.partial.ajax", "true", "jakarta.faces.source", source,
                "jakarta.faces.partial.execute", formId, "jakarta.faces.partial.render", formId + " messages");
    }

    private HttpResponse<String> post(String action, Map<String, String> fields, Map<String, String> headers)
            throws IOException, InterruptedException {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(app.resolve(action)).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(request::header);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
