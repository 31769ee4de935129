package app.quorum.bench;

import app.quorum.testing.FacesForm;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What a browser does for one page of Quorum, without a browser: its own cookies (sent by hand over one shared JDK
 * HttpClient, so that thousands of tablets cost one selector thread), the page's Faces form and view state, its
 * {@code <f:websocket>} connections opened as {@code faces.push.init} opens them, and its {@code <p:remoteCommand>}s
 * sent as PrimeFaces sends them: the whole form, {@code jakarta.faces.partial.*}, one request at a time (PrimeFaces
 * queues a page's ajax requests).
 */
final class Browser {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern SET_COOKIE = Pattern.compile("^([^=;\\s]+)=([^;]*)");
    private static final Pattern PUSH_INIT = Pattern.compile("faces\\.push\\.init\\(\\s*[\"']([^\"']+)[\"']\\s*,\\s*[\"']([^\"']+)[\"'](.*?),\\{[^}]*\\}\\s*,\\s*(?:true|false)\\s*\\)",
            Pattern.DOTALL);
    private static final Pattern CALLED = Pattern.compile("(refresh\\w+)\\(\\)|QuorumVote\\.pushed");
    private static final Pattern REMOTE_COMMAND = Pattern.compile("(\\w+)\\s*=\\s*function\\s*\\(\\)\\s*\\{\\s*return\\s+(?:PrimeFaces|pf)\\.ab\\(\\{(.*?)(?:,pa:|\\}\\))",
            Pattern.DOTALL);
    private static final Pattern VIEW_STATE = Pattern.compile("<update id=\"[^\"]*jakarta\\.faces\\.ViewState[^\"]*\"><!\\[CDATA\\[(.*?)\\]\\]></update>");

    /** A remote command as the page declares it: source, what it processes and what it renders. */
    record Command(String source, String process, String update) {
    }

    /** A push connection the page opened: its client id, its URL and the remote command its onmessage calls. */
    record Push(String clientId, URI uri, String calls) {
    }

    static final java.util.concurrent.atomic.AtomicInteger PUSHES = new java.util.concurrent.atomic.AtomicInteger();
    /** Remote commands queued or on the wire, all pages together. */
    static final java.util.concurrent.atomic.AtomicInteger IN_FLIGHT = new java.util.concurrent.atomic.AtomicInteger();
    static final java.util.concurrent.atomic.AtomicInteger REMOTES = new java.util.concurrent.atomic.AtomicInteger();

    private final HttpClient http;
    private final URI base;
    private final Map<String, String> cookies = new ConcurrentHashMap<>();
    private final Errors errors;

    volatile String html;
    volatile FacesForm form;
    final Map<String, Command> commands = new ConcurrentHashMap<>();
    final List<Push> pushes = new ArrayList<>();
    final List<WebSocket> sockets = new ArrayList<>();

    /** The page's ajax queue: one request on the wire at a time, the others wait their turn. */
    private final java.util.concurrent.locks.ReentrantLock queue = new java.util.concurrent.locks.ReentrantLock(true);

    Browser(HttpClient http, URI base, Errors errors) {
        this.http = http;
        this.base = base;
        this.errors = errors;
    }

    URI base() {
        return base;
    }

    // ---------------------------------------------------------------- HTTP with this browser's cookies

    HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(TIMEOUT);
        String cookie = cookieHeader();
        if (!cookie.isEmpty()) {
            builder.header("Cookie", cookie);
        }
        return builder;
    }

    String cookieHeader() {
        return cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("; "));
    }

    /** Requests resent once at once after an I/O error on the wire (as a browser resends on a reused connection the server closed). */
    static final java.util.concurrent.atomic.AtomicInteger RESENT = new java.util.concurrent.atomic.AtomicInteger();

    HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.net.http.HttpTimeoutException e) {
            throw e;
        } catch (IOException e) {
            RESENT.incrementAndGet();
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        for (String header : response.headers().allValues("Set-Cookie")) {
            Matcher cookie = SET_COOKIE.matcher(header);
            if (cookie.find()) {
                if (header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(cookie.group(1));
                } else {
                    cookies.put(cookie.group(1), cookie.group(2));
                }
            }
        }
        return response;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(request(path).GET().build());
    }

    /** Loads a page as the address bar does (following redirects on the same server) and reads its form and push. */
    HttpResponse<String> load(String path, String formId) throws IOException, InterruptedException {
        HttpResponse<String> page = get(path);
        for (int hops = 0; hops < 5 && page.statusCode() / 100 == 3; hops++) {
            String location = page.headers().firstValue("Location").orElseThrow();
            page = send(request(base.resolve(location).toString()).GET().build());
        }
        if (page.statusCode() != 200) {
            throw new IOException("page " + path + " answered " + page.statusCode());
        }
        html = page.body();
        form = FacesForm.find(html, formId).orElseThrow(() -> new IOException("no form " + formId + " on " + path));
        commands.clear();
        Matcher command = REMOTE_COMMAND.matcher(html);
        while (command.find()) {
            String options = command.group(2);
            String update = option(options, "u");
            commands.put(command.group(1), new Command(option(options, "s"), spaced(option(options, "p")), update == null ? null : update.replace(',', ' ')));
        }
        pushes.clear();
        Matcher push = PUSH_INIT.matcher(html);
        while (push.find()) {
            String url = push.group(2);
            URI uri = url.startsWith("ws") ? URI.create(url)
                    : URI.create("ws://" + base.getHost() + ":" + base.getPort() + (url.startsWith("/") ? url : "/" + url));
            Matcher called = CALLED.matcher(push.group(3));
            String calls = called.find() ? (called.group(1) == null ? "refreshDelegate" : called.group(1)) : null;
            pushes.add(new Push(push.group(1), uri, calls));
        }
        return page;
    }

    private static String spaced(String ids) {
        return ids == null ? null : ids.replace(',', ' ');
    }

    private static String option(String options, String name) {
        Matcher value = Pattern.compile("(?<![\\w])" + name + ":\"([^\"]*)\"").matcher(options);
        return value.find() ? value.group(1) : null;
    }

    /** Posts a Faces form as a browser does (a full, non-ajax submit) and answers the response unread. */
    HttpResponse<String> submit(FacesForm with, Map<String, String> values) throws IOException, InterruptedException {
        return send(request(with.action()).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(with.with(values)))).build());
    }

    static String encode(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    // ---------------------------------------------------------------- PrimeFaces ajax

    /**
     * Runs a remote command as PrimeFaces.ab does and answers the partial response: the whole form, the source as its
     * own parameter, execute and render as declared. Queued: the page sends one ajax request at a time.
     */
    Optional<String> remote(String name) throws InterruptedException {
        Command command = commands.get(name);
        if (command == null) {
            errors.add("page has no remote command " + name);
            return Optional.empty();
        }
        IN_FLIGHT.incrementAndGet();
        queue.lockInterruptibly();
        try {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("jakarta.faces.partial.ajax", "true");
            fields.put("jakarta.faces.source", command.source());
            fields.put("jakarta.faces.partial.execute", command.process() == null ? command.source() : command.process());
            if (command.update() != null) {
                fields.put("jakarta.faces.partial.render", command.update());
            }
            fields.put(command.source(), command.source());
            fields.putAll(form.fields());
            HttpResponse<String> response;
            try {
                response = send(request(form.action()).header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                        .header("Faces-Request", "partial/ajax").header("X-Requested-With", "XMLHttpRequest")
                        .header("Accept", "application/xml, text/xml, */*; q=0.01")
                        .POST(HttpRequest.BodyPublishers.ofString(encode(fields))).build());
            } catch (IOException e) {
                errors.add(name + ": " + e.getClass().getSimpleName());
                return Optional.empty();
            }
            if (response.statusCode() != 200 || !response.body().contains("<partial-response")) {
                errors.add(name + ": HTTP " + response.statusCode());
                return Optional.empty();
            }
            if (response.body().contains("<error>")) {
                errors.add(name + ": partial-response error");
                return Optional.empty();
            }
            Matcher state = VIEW_STATE.matcher(response.body());
            if (state.find()) {
                Map<String, String> updated = new LinkedHashMap<>(form.fields());
                updated.put("jakarta.faces.ViewState", state.group(1));
                form = new FacesForm(form.action(), updated);
            }
            REMOTES.incrementAndGet();
            return Optional.of(response.body());
        } finally {
            IN_FLIGHT.decrementAndGet();
            queue.unlock();
        }
    }

    // ---------------------------------------------------------------- the push connections

    /**
     * Opens every push connection of the page as faces.push.init does, sending this browser's cookies and origin;
     * each text message goes to {@code onMessage} with the push's remote command.
     */
    void openPushes(java.util.function.BiConsumer<Push, String> onMessage, Consumer<String> onClose) throws InterruptedException {
        for (Push push : pushes) {
            WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(30))
                    .header("Origin", "http://" + base.getHost() + ":" + base.getPort());
            String cookie = cookieHeader();
            if (!cookie.isEmpty()) {
                builder.header("Cookie", cookie);
            }
            try {
                WebSocket socket = builder.buildAsync(push.uri(), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            String message = text.toString();
                            text.setLength(0);
                            PUSHES.incrementAndGet();
                            onMessage.accept(push, unquote(message));
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        onClose.accept("push closed " + statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        onClose.accept("push error " + error.getClass().getSimpleName());
                    }
                }).get(60, TimeUnit.SECONDS);
                sockets.add(socket);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                errors.add("push connect: " + (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName());
            }
        }
    }

    private static final Pattern DATA = Pattern.compile("^\\{\\s*\"data\"\\s*:\\s*(.*)\\}$", Pattern.DOTALL);

    /** The message as faces.js gives it to onmessage: the JSON {"data": …} unwrapped, a JSON string unquoted. */
    static String unquote(String message) {
        String m = message.strip();
        Matcher data = DATA.matcher(m);
        if (data.matches()) {
            m = data.group(1).strip();
        }
        if (m.length() >= 2 && m.startsWith("\"") && m.endsWith("\"")) {
            try (jakarta.json.JsonReader reader = jakarta.json.Json.createReader(new java.io.StringReader("[" + m + "]"))) {
                return reader.readArray().getString(0);
            } catch (RuntimeException notJson) {
                return m.substring(1, m.length() - 1);
            }
        }
        return m;
    }

    void closePushes() {
        for (WebSocket socket : sockets) {
            socket.abort();
        }
        sockets.clear();
    }

    /** Errors by kind, counted for the whole bench. */
    static final class Errors {
        final Map<String, java.util.concurrent.atomic.AtomicInteger> byKind = new ConcurrentHashMap<>();

        void add(String kind) {
            byKind.computeIfAbsent(kind, k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
        }

        Map<String, Integer> snapshot() {
            Map<String, Integer> copy = new java.util.TreeMap<>();
            byKind.forEach((k, v) -> copy.put(k, v.get()));
            return copy;
        }

        int total() {
            return byKind.values().stream().mapToInt(java.util.concurrent.atomic.AtomicInteger::get).sum();
        }

        void clear() {
            byKind.clear();
        }
    }
}
