package app.quorum.ballot.drill;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Quorum as the run command starts it ({@code mvn -Prun package} runs {@code app.quorum.platform.launch.Launcher} with
 * the compile classpath): the launcher, as a child process of the drill, starts the embedded MariaDB and Payara Micro
 * as its own children. The drill can kill the whole tree with SIGKILL, as a power cut of the application would, and
 * start it again on the same data folder.
 */
public final class QuorumServer implements AutoCloseable {

    private static final Pattern PORT_ARGUMENT = Pattern.compile("--port=(\\d+)");

    private final Path drillDir;
    private final Path dataDir;
    private final Path workDir;
    private final Path war;
    private final Path microJar;
    private final int port;
    private final String adminPassword;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Process launcher;
    private volatile boolean launcherSaidReady;
    private int starts;

    public QuorumServer(Path drillDir, Path war, Path microJar, int port, String adminPassword) {
        this.drillDir = drillDir;
        this.dataDir = drillDir.resolve("data");
        this.workDir = drillDir.resolve("work");
        this.war = war;
        this.microJar = microJar;
        this.port = port;
        this.adminPassword = adminPassword;
    }

    public URI base() {
        return URI.create("http://localhost:" + port + "/");
    }

    public Path dataDir() {
        return dataDir;
    }

    /**
     * What one start took, in seconds from spawning the first launcher; {@code failedAttempts} are the one-line causes
     * of launchers that ended before Quorum was ready (each was started again, as systemd's Restart=on-failure would).
     */
    public record Start(int number, double databaseSeconds, double readySeconds, boolean appAnsweredBeforeDatabaseLook,
            List<String> failedAttempts) {
    }

    /** Launchers started at most for one start (-Ddrill.startAttempts). */
    static final int ATTEMPTS = Integer.getInteger("drill.startAttempts", 5);

    /**
     * Starts the launcher and waits until Quorum is ready: {@code /health/ready} answers 200 and the launcher printed
     * its "ready" line (which waits for {@code /health/ready} too). As soon as the database answers, and before the
     * application does, {@code whileAppStarts} gets a connection to it. A launcher that gives up (it ends with its
     * one-line cause) is started again, up to {@link #ATTEMPTS} times in all.
     */
    public Start start(Consumer<Connection> whileAppStarts) throws IOException, InterruptedException {
        starts++;
        long begin = System.nanoTime();
        List<String> failed = new ArrayList<>();
        boolean looked = false;
        boolean appAnsweredFirst = false;
        double databaseSeconds = Double.NaN;
        long deadline = begin + TimeUnit.MINUTES.toNanos(10);
        Path console = null;
        java.util.Set<ProcessHandle> tree = new java.util.HashSet<>();
        while (System.nanoTime() < deadline) {
            if (launcher != null && launcher.isAlive()) {
                launcher.descendants().forEach(tree::add);
            }
            if (launcher == null || !launcher.isAlive()) {
                if (console != null) {
                    // a launcher that gave up may leave its MariaDB behind, holding the data folder: ours, by pid
                    for (ProcessHandle orphan : tree) {
                        orphan.destroyForcibly();
                        orphan.onExit().join();
                    }
                    tree.clear();
                    failed.add(String.format(java.util.Locale.ROOT, "after %.1f s: %s", secondsSince(begin), cause(console)));
                    if (failed.size() >= ATTEMPTS) {
                        throw new IllegalStateException("Quorum did not start in " + ATTEMPTS + " attempts: " + failed + "; see "
                                + drillDir + " and " + dataDir.resolve("logs"));
                    }
                }
                console = drillDir.resolve("launcher-" + starts + (failed.isEmpty() ? "" : "-" + (failed.size() + 1)) + ".log");
                spawn(console);
            }
            if (!looked) {
                Optional<Connection> db = tryDatabase();
                if (db.isPresent()) {
                    databaseSeconds = secondsSince(begin);
                    appAnsweredFirst = healthUp();
                    try (Connection connection = db.get()) {
                        whileAppStarts.accept(connection);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    looked = true;
                }
            }
            if (launcherSaidReady && healthUp()) {
                return new Start(starts, databaseSeconds, secondsSince(begin), appAnsweredFirst, failed);
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("Quorum was not ready within 10 minutes: see " + console);
    }

    private void spawn(Path console) throws IOException {
        launcherSaidReady = false;
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Dfile.encoding=UTF-8");
        command.add("-Dquorum.war=" + war);
        command.add("-Dpayara.microJar=" + microJar);
        command.add("-Dquorum.work=" + workDir);
        command.add("-classpath");
        command.add(launcherClasspath());
        command.add("app.quorum.platform.launch.Launcher");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(name -> name.startsWith("QUORUM_")); // nothing from the caller's shell: embedded database, our folder
        env.put("QUORUM_PORT", Integer.toString(port));
        env.put("QUORUM_DATA_DIR", dataDir.toString());
        env.put("QUORUM_DEMO", "false");
        env.put("QUORUM_ADMIN_PASSWORD", adminPassword);
        Files.createDirectories(workDir);
        launcher = builder.start();
        Process started = launcher;
        Thread.ofPlatform().daemon().name("launcher-console").start(() -> copyConsole(started, console));
    }

    /** The launcher's one-line cause ("Quorum: …"), without the database's console lines it may quote. */
    private static String cause(Path console) throws InterruptedException {
        Thread.sleep(500); // the console thread writes the last lines
        try (Stream<String> lines = Files.lines(console, StandardCharsets.UTF_8)) {
            return lines.map(line -> line.substring(line.indexOf(' ') + 1))
                    .filter(line -> line.startsWith("Quorum: "))
                    .map(line -> line.replaceFirst(", last \\d+ lines of console:.*", ""))
                    .map(line -> line.length() > 200 ? line.substring(0, 200) + "…" : line)
                    .findFirst().orElse("the launcher ended (see " + console.getFileName() + ")");
        } catch (IOException | java.io.UncheckedIOException e) {
            return "the launcher ended (see " + console.getFileName() + ")";
        }
    }

    private void copyConsole(Process process, Path file) {
        String readyLine = "http://localhost:" + port + "/";
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                PrintWriter out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8), true)) {
            String line;
            while ((line = lines.readLine()) != null) {
                out.println(LocalTime.now() + " " + line);
                if (line.strip().endsWith(readyLine)) {
                    launcherSaidReady = true;
                }
            }
        } catch (IOException e) {
            // the launcher was killed: its console ends here
        }
    }

    /** The process tree killed by one SIGKILL round: what each process was, and when. */
    record Killed(long nanoTime, List<String> processes) {
    }

    /**
     * Kills the launcher, Payara Micro and MariaDB with SIGKILL, all at once (one signal after the other, within a
     * millisecond), and waits until they are gone. Nothing of Quorum gets to run a shutdown hook or flush a buffer.
     */
    Killed killNine() throws InterruptedException {
        List<ProcessHandle> tree = new ArrayList<>(launcher.descendants().toList());
        tree.add(launcher.toHandle());
        long launcherPid = launcher.pid();
        List<String> names = tree.stream().map(p -> p.pid() == launcherPid ? "launcher (java, pid " + p.pid() + ")" : describe(p)).toList();
        long at = System.nanoTime();
        for (ProcessHandle process : tree) {
            process.destroyForcibly();
        }
        for (ProcessHandle process : tree) {
            try {
                process.onExit().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException("process " + process.pid() + " survived SIGKILL", e);
            }
        }
        launcher.waitFor();
        // keep the killed run's server log: the next start moves it to server.log.previous, and the one after drops it
        Path log = dataDir.resolve("logs").resolve("server.log");
        if (Files.exists(log)) {
            try {
                Files.copy(log, drillDir.resolve("server-" + starts + ".log"), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Killed(at, names);
    }

    private static String describe(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        String command = info.command().map(c -> Path.of(c).getFileName().toString()).orElse("?");
        String arguments = String.join(" ", info.arguments().orElse(new String[0]));
        if (arguments.contains("payara-micro")) {
            return "Payara Micro (java, pid " + process.pid() + ")";
        }
        return command + " (pid " + process.pid() + ")";
    }

    /** A connection to the embedded MariaDB of the running tree, as the application's user. */
    public Connection database() throws SQLException {
        return tryDatabase().orElseThrow(() -> new SQLException("the embedded MariaDB is not running"));
    }

    private Optional<Connection> tryDatabase() {
        Optional<Integer> dbPort = launcher.descendants()
                .map(process -> process.info().arguments().orElse(new String[0]))
                .filter(arguments -> String.join(" ", arguments).contains("--datadir"))
                .flatMap(arguments -> java.util.Arrays.stream(arguments))
                .map(PORT_ARGUMENT::matcher)
                .filter(Matcher::matches)
                .map(m -> Integer.valueOf(m.group(1)))
                .findFirst();
        if (dbPort.isEmpty()) {
            return Optional.empty();
        }
        try {
            String password = Files.readString(dataDir.resolve("db-password"), StandardCharsets.UTF_8).strip();
            DriverManager.setLoginTimeout(5);
            return Optional.of(DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + dbPort.get() + "/quorum", "quorum", password));
        } catch (IOException | SQLException e) {
            return Optional.empty(); // not accepting connections yet, or the user is being created
        }
    }

    public boolean healthUp() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(base().resolve("health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops Quorum as Ctrl+C would (SIGTERM to the launcher, which stops Payara, then MariaDB). */
    public void stop() throws InterruptedException {
        if (launcher == null || !launcher.isAlive()) {
            return;
        }
        launcher.destroy();
        if (!launcher.waitFor(120, TimeUnit.SECONDS)) {
            forceAll();
        }
    }

    /** Whatever is left of the tree (the drill failed or was interrupted): killed, so that no process outlives the drill. */
    public void forceAll() {
        if (launcher == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(launcher.descendants().toList());
        tree.add(launcher.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    /** The processes Quorum runs as now: the launcher's descendants (Payara Micro, MariaDB), for CPU and memory figures. */
    public List<ProcessHandle> processes() {
        return launcher == null ? List.of() : launcher.descendants().toList();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** The classpath of the run profile (compile scope, written by the drill profile), else this JVM's. */
    private String launcherClasspath() throws IOException {
        Path target = drillDir.getParent();
        Path file = drillDir.resolve("launcher.classpath");
        if (Files.isRegularFile(file)) {
            return target.resolve("classes") + java.io.File.pathSeparator + Files.readString(file, StandardCharsets.UTF_8).strip();
        }
        return System.getProperty("java.class.path");
    }

    public static double secondsSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1e9;
    }
}
