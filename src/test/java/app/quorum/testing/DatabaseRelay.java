package app.quorum.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A TCP relay in the test JVM between the "web" container's Payara and the test database, so that a test can take the
 * database away from that one application without touching the MariaDB server, which the "platform" container, the
 * tests' own JDBC connections and other helpers' databases go on using. {@link #cut()} closes every relayed
 * connection and closes each new one as soon as it is accepted (the driver sees the server go away, as when MariaDB
 * stops); {@link #restore()} relays again, and the connection pool opens new connections on its own.
 *
 * <p>The IT classes run one after the other in one JVM, so a test that cuts the relay and restores it before it ends
 * (in a {@code finally}) disturbs no other test; only the web container's own background work (the ballot timer)
 * fails while it is cut, and says so in its log. A JDBC URL this relay cannot read (no host and port) is used
 * directly, and the tests that need the relay are skipped ({@link #instance()} is empty).
 */
public final class DatabaseRelay {

    private static final Logger LOG = Logger.getLogger(DatabaseRelay.class.getName());
    private static final Pattern URL = Pattern.compile("(jdbc:(?:mariadb|mysql)://)([^/:?,]+)(?::(\\d+))?(/.*)?");
    private static volatile DatabaseRelay instance;

    private final ServerSocket listener;
    private final String host;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;

    private DatabaseRelay(String host, int port) throws IOException {
        this.host = host;
        this.port = port;
        listener = new ServerSocket();
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        Thread accepting = new Thread(this::accept, "database-relay");
        accepting.setDaemon(true);
        accepting.start();
    }

    /**
     * Starts the relay to the server of this JDBC URL and returns the URL that goes through it; the URL unchanged when
     * it names no host (then there is no relay).
     */
    static synchronized String relay(String url) {
        Matcher parts = URL.matcher(url);
        if (!parts.matches()) {
            LOG.warning(() -> "No database relay for " + url + ": the tests that take the database away are skipped");
            return url;
        }
        try {
            int port = parts.group(3) == null ? 3306 : Integer.parseInt(parts.group(3));
            instance = new DatabaseRelay(parts.group(2), port);
            String relayed = parts.group(1) + "127.0.0.1:" + instance.listener.getLocalPort() + (parts.group(4) == null ? "/" : parts.group(4));
            LOG.info(() -> "The web container reaches the test database through a relay: " + relayed);
            return relayed;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot start the database relay", e);
        }
    }

    /** The relay of the web container's database, if there is one. */
    public static Optional<DatabaseRelay> instance() {
        return Optional.ofNullable(instance);
    }

    /** Takes the database away: every relayed connection is closed, and every new one is closed at once. */
    public void cut() {
        cut = true;
        for (Socket socket : open) {
            closeQuietly(socket);
        }
    }

    /** Relays again. */
    public void restore() {
        cut = false;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                if (cut) {
                    closeQuietly(client);
                    continue;
                }
                Socket server = new Socket();
                try {
                    server.connect(new InetSocketAddress(host, port), 10_000);
                } catch (IOException unreachable) {
                    closeQuietly(client);
                    closeQuietly(server);
                    continue;
                }
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                open.add(client);
                open.add(server);
                pump(client, server);
                pump(server, client);
            } catch (IOException e) {
                if (!listener.isClosed()) {
                    LOG.warning(() -> "Database relay: " + e);
                }
            }
        }
    }

    /** Copies one direction until either side ends, then closes both. */
    private void pump(Socket from, Socket to) {
        Thread copy = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ended) {
                // one side closed: the connection is over
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "database-relay-copy");
        copy.setDaemon(true);
        copy.start();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
