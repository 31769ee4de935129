package app.quorum.testing;

import app.quorum.platform.launch.EmbeddedDatabase;
import app.quorum.platform.launch.LaunchException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;

/**
 * What the Payara Micro deployments of the integration tests need from the test JVM, set up once per JVM: a MariaDB,
 * a folder for Payara's logs, a free HTTP port for each Payara and the commands that keep it on the loopback interface.
 *
 * <p>Without {@code QUORUM_TEST_DB_URL} it starts a real MariaDB 11.4 ({@link EmbeddedDatabase}) with its files in
 * {@code target/test-db}, emptied first, so every run starts from an empty database. With {@code QUORUM_TEST_DB_URL}
 * (and {@code QUORUM_TEST_DB_USER}, {@code QUORUM_TEST_DB_PASSWORD}) it uses that server and drops everything in its
 * schema first (Flyway clean, on the test side only: the application never cleans).
 *
 * <p>It publishes all of it as system properties ({@code quorum.test.*}) that {@code src/test/resources/arquillian.xml}
 * puts on each Payara Micro command line; the application reads {@code -Dquorum.db.*} through MicroProfile Config.
 */
public final class TestEnvironment {

    public static final String DB_URL = "quorum.test.db.url";
    /** The database URL of the "web" container: the same database through a {@link DatabaseRelay} a test can cut. */
    public static final String WEB_DB_URL = "quorum.test.web.db.url";
    public static final String DB_USER = "quorum.test.db.user";
    public static final String DB_PASSWORD = "quorum.test.db.password";
    /** The folder of Payara's log files. */
    public static final String LOGS = "quorum.test.logs";
    public static final String DATA = "quorum.test.data";
    public static final String ADMIN_PASSWORD = "quorum.test.admin.password";
    /** The HTTP port of the Payara of {@code PlatformIT} and of {@code WebIT}: free ports, never 8080. */
    public static final String PLATFORM_PORT = "quorum.test.platform.port";
    public static final String WEB_PORT = "quorum.test.web.port";
    /** The commands Payara runs before it boots (payara-preboot.txt: HTTP on the loopback interface only). */
    public static final String PREBOOT = "quorum.test.preboot";

    private static final Logger LOG = Logger.getLogger(TestEnvironment.class.getName());

    private static EmbeddedDatabase embedded;
    private static boolean started;

    private TestEnvironment() {
    }

    /** Sets everything up once per JVM; later calls do nothing. */
    public static synchronized void start() {
        if (started) {
            return;
        }
        Path target = Path.of(System.getProperty("quorum.test.target", "target")).toAbsolutePath().normalize();
        Map<String, String> env = System.getenv();
        String url = blankToNull(env.get("QUORUM_TEST_DB_URL"));
        String user;
        String password;
        if (url == null) {
            Path dataDir = target.resolve("test-db");
            deleteRecursively(dataDir);
            long begin = System.nanoTime();
            try {
                // the same wait as the run command's (QUORUM_EMBEDDED_DB_START_SECONDS, 180 s by default)
                embedded = EmbeddedDatabase.start(dataDir, target, EmbeddedDatabase.startWait(env));
            } catch (LaunchException e) {
                throw new IllegalStateException("Cannot start the embedded MariaDB for the tests: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(TestEnvironment::stop, "test-db-stop"));
            url = embedded.url();
            user = embedded.user();
            password = embedded.password();
            String address = url;
            LOG.info(() -> "Embedded MariaDB for the tests at " + address + ", files in " + dataDir
                    + " (started in " + millisSince(begin) + " ms)");
        } else {
            user = blankToNull(env.get("QUORUM_TEST_DB_USER"));
            password = env.getOrDefault("QUORUM_TEST_DB_PASSWORD", "");
            clean(url, user, password);
        }
        System.setProperty(DB_URL, forCommandLine(url));
        System.setProperty(WEB_DB_URL, forCommandLine(DatabaseRelay.relay(url)));
        System.setProperty(DB_USER, forCommandLine(user == null ? "" : user));
        System.setProperty(DB_PASSWORD, forCommandLine(password));

        Path logs = target.resolve("payara-logs");
        deleteRecursively(logs); // Payara appends to its log file: one run's log at a time
        try {
            Files.createDirectories(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty(LOGS, forCommandLine(logs.toString()));
        // the application's data folder (first-start.txt with the demo accounts' passwords) and the first admin's password
        Path data = target.resolve("test-data");
        deleteRecursively(data);
        try {
            Files.createDirectories(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.setProperty(DATA, forCommandLine(data.toString()));
        System.setProperty(ADMIN_PASSWORD, "admin-" + java.util.UUID.randomUUID());
        System.setProperty(PREBOOT, forCommandLine(resource("payara-preboot.txt").toString()));
        System.setProperty(PLATFORM_PORT, Integer.toString(freePort()));
        System.setProperty(WEB_PORT, Integer.toString(freePort()));
        started = true;
    }

    /** A staff account's password for the tests: admin's is set, the demo accounts' are read from first-start.txt. */
    public static String password(String username) {
        if ("admin".equals(username)) {
            return System.getProperty(ADMIN_PASSWORD);
        }
        try {
            return Files.readAllLines(Path.of(System.getProperty(DATA), "first-start.txt")).stream()
                    .map(line -> line.split(" ", 2))
                    .filter(parts -> parts.length == 2 && parts[0].equals(username))
                    .map(parts -> parts[1].strip())
                    .findFirst().orElseThrow(() -> new IllegalStateException("no first-start password for " + username));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the embedded MariaDB, if this JVM started one. */
    public static synchronized void stop() {
        if (embedded != null) {
            embedded.close();
            embedded = null;
        }
    }

    /**
     * Removes the folders where the Payara connector exported each deployment (it leaves them behind), when they are in
     * the build directory: the failsafe configuration points java.io.tmpdir there. Elsewhere they are left alone.
     */
    static void removeExportedDeployments() {
        Path target = Path.of(System.getProperty("quorum.test.target", "target")).toAbsolutePath().normalize();
        Path tmp = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath().normalize();
        if (!tmp.startsWith(target) || !Files.isDirectory(tmp)) {
            return;
        }
        try (Stream<Path> exported = Files.list(tmp)) {
            exported.filter(dir -> dir.getFileName().toString().startsWith("arquillian-payara-micro"))
                    .forEach(TestEnvironment::deleteRecursively);
        } catch (IOException | UncheckedIOException e) {
            LOG.warning(() -> "Cannot remove the exported deployments in " + tmp + ": " + e);
        }
    }

    /** Drops every object in the server's schema, so the run starts from an empty database like the embedded one. */
    static void clean(String url, String user, String password) {
        long begin = System.nanoTime();
        try {
            Flyway.configure(TestEnvironment.class.getClassLoader())
                    .dataSource(url, user, password)
                    .cleanDisabled(false)
                    .load()
                    .clean();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Cannot clean the test database " + url + " (QUORUM_TEST_DB_URL) as "
                    + user + ": " + e.getMessage(), e);
        }
        LOG.info(() -> "Cleaned the test database " + url + " (" + millisSince(begin) + " ms)");
    }

    /**
     * A value as the Payara Arquillian connector needs it in {@code cmdOptions}: it splits them at spaces not preceded
     * by a backslash, then removes every backslash. So a space is escaped, and a backslash cannot be passed at all.
     */
    static String forCommandLine(String value) {
        if (value.contains("\\")) {
            throw new IllegalArgumentException("A test setting may not contain a backslash: the Payara Arquillian "
                    + "connector removes backslashes from the options it passes on");
        }
        return value.replace(" ", "\\ ");
    }

    private static Path resource(String name) {
        URL url = TestEnvironment.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalStateException("No " + name + " on the test class path");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A port free now on the loopback interface; Payara's autoBindHttp moves on should another process take it first. */
    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot empty " + dir, e);
        }
    }

    private static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
