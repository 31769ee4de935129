package app.quorum.ballot.tablet;

import app.quorum.platform.web.SecurityHeadersFilter;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Field;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A plain-http site for the tablet's cryptography in a real browser, without the application server: Quorum's static
 * resources (src/main/webapp/resources/ at /resources/) and the bare test page (src/test/resources/crypto/ at /test/,
 * with the import map of vendor/importmap.json inlined where the page says), sent with Quorum's own
 * Content-Security-Policy and nosniff, as Payara would send them.
 *
 * <p>It listens on the machine's first non-loopback IPv4 address when there is one, so the page is, like a tablet's
 * at http://192.168.x.x, not a secure context (no {@code crypto.subtle}); on a machine without one, on 127.0.0.1.
 */
final class TabletTestSite implements AutoCloseable {

    static final Path RESOURCES = Path.of("src", "main", "webapp", "resources");
    static final Path TEST_PAGES = Path.of("src", "test", "resources", "crypto");
    private static final Map<String, String> TYPES = Map.of("js", "text/javascript; charset=utf-8",
            "json", "application/json", "html", "text/html; charset=utf-8", "css", "text/css");

    private final HttpServer server;
    private final InetAddress address;

    TabletTestSite(int port) throws IOException {
        address = siteAddress();
        server = HttpServer.create(new InetSocketAddress(address, port), 16);
        server.createContext("/", this::answer);
        server.start();
    }

    /** The test page's address. */
    String page() {
        return "http://" + address.getHostAddress() + ":" + server.getAddress().getPort() + "/test/tablet.html";
    }

    /** Whether the browser reaches the site as a tablet reaches Quorum: not over loopback, so not a secure context. */
    boolean overTheNetwork() {
        return !address.isLoopbackAddress();
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            Path file = path.startsWith("/resources/") ? inside(RESOURCES, path.substring("/resources/".length()))
                    : path.startsWith("/test/") ? inside(TEST_PAGES, path.substring("/test/".length())) : null;
            if (!"GET".equals(exchange.getRequestMethod()) || file == null || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            byte[] body = Files.readAllBytes(file);
            if (file.getFileName().toString().equals("tablet.html")) {
                String importMap = Files.readString(RESOURCES.resolve("vendor/importmap.json"), StandardCharsets.UTF_8);
                body = new String(body, StandardCharsets.UTF_8).replace("<!--IMPORTMAP-->",
                        "<script type=\"importmap\">\n" + importMap + "</script>").getBytes(StandardCharsets.UTF_8);
            }
            String name = file.getFileName().toString();
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(name.substring(name.lastIndexOf('.') + 1),
                    "application/octet-stream"));
            exchange.getResponseHeaders().set("Content-Security-Policy", quorumPolicy());
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static Path inside(Path root, String relative) {
        Path file = root.resolve(relative).normalize();
        return file.startsWith(root) ? file : null;
    }

    /** SecurityHeadersFilter's policy, the one every page of Quorum has (read from the filter, so they stay alike). */
    static String quorumPolicy() {
        try {
            Field policy = SecurityHeadersFilter.class.getDeclaredField("POLICY");
            policy.setAccessible(true);
            return ((String) policy.get(null)).formatted("");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("SecurityHeadersFilter.POLICY is gone", e);
        }
    }

    private static InetAddress siteAddress() throws SocketException {
        return NetworkInterface.networkInterfaces().filter(TabletTestSite::up)
                .flatMap(NetworkInterface::inetAddresses)
                .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress())
                .findFirst().orElse(InetAddress.getLoopbackAddress());
    }

    private static boolean up(NetworkInterface network) {
        try {
            return network.isUp() && !network.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
