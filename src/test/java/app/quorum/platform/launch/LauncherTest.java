package app.quorum.platform.launch;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

    private static final String URL = "jdbc:mariadb://db.example:3306/quorum";

    @Test
    void wrongCredentialsAreNamedAsSuch() {
        String line = DatabaseCheck.describe(new SQLInvalidAuthorizationSpecException("Access denied", "28000", 1045), URL, "quorum");
        assertTrue(line.contains("quorum") && line.contains("QUORUM_DB_PASSWORD"), line);
    }

    @Test
    void anUnreachableServerIsNamedWithItsAddress() {
        String line = DatabaseCheck.describe(new SQLNonTransientConnectionException("Socket fail to connect", "08000"), URL, "quorum");
        assertTrue(line.contains(URL) && line.contains("Socket fail to connect"), line);
    }

    @Test
    void anUnknownDatabasePointsToTheSetUpScript() {
        String line = DatabaseCheck.describe(new SQLException("Unknown database 'quorum'", "42000", 1049), URL, "quorum");
        assertTrue(line.contains("create-database.sh"), line);
    }

    @Test
    void aUrlOfAnotherKindIsCalledThat() {
        String line = DatabaseCheck.describe(new SQLException("No suitable driver found for jdbc:postgresql://x/y", "08001"),
                "jdbc:postgresql://x/y", "quorum");
        assertTrue(line.contains("jdbc:postgresql://x/y") && line.contains("jdbc:mariadb://"), line);
    }

    @Test
    void everyDescriptionIsOneLine() {
        for (SQLException e : new SQLException[] {new SQLException("a\nb", "28000", 1045), new SQLException("x", "08000"),
                new SQLException("y", "HY000", 1)}) {
            assertFalse(DatabaseCheck.describe(e, URL, "quorum").contains("\n"));
        }
    }

    @Test
    void aTakenPortIsRefusedBeforeAnythingStarts() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            LaunchException e = assertThrows(LaunchException.class, () -> Launcher.requirePortFree(taken.getLocalPort()));
            assertTrue(e.getMessage().contains(Integer.toString(taken.getLocalPort())), e.getMessage());
            assertTrue(e.getMessage().contains("QUORUM_PORT"), e.getMessage());
        }
    }

    @Test
    void aFreePortIsAccepted() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        assertDoesNotThrow(() -> Launcher.requirePortFree(port));
    }

    @Test
    void payarasRootFolderStartsEmptySoACrashedRunsApplicationIsNotDeployedTwice(@TempDir Path dir) throws Exception {
        Path root = dir.resolve("payara-root");
        Path remembered = root.resolve("runtime").resolve("applications").resolve("quorum").resolve("WEB-INF");
        Files.createDirectories(remembered);
        Files.writeString(remembered.resolve("web.xml"), "<web-app/>");
        Files.writeString(root.resolve("domain.xml"), "<domain/>");

        assertEquals(root, Launcher.emptyRootDir(root));

        assertFalse(Files.exists(root), "the root folder of the crashed run is gone");
        assertTrue(Files.exists(dir), "its parent stays");
        assertEquals(dir.resolve("none"), Launcher.emptyRootDir(dir.resolve("none")), "a first start has nothing to empty");
    }

    @Test
    void theFirstExceptionOfTheServerLogNamesTheCause(@TempDir Path dir) throws IOException {
        Path log = dir.resolve("server.log");
        Files.writeString(log, """
                [2026-11-28T12:21:34.630+0000] [] [INFO] [] [PayaraMicro] Booting
                [2026-11-28T12:21:37.114+0000] [] [SEVERE] [] [org.flywaydb.core] [[
                java.sql.SQLSyntaxErrorException: (conn=4) Table 'meeting' already exists
                \tat org.mariadb.jdbc.export.ExceptionFactory.createException(ExceptionFactory.java:309)
                Caused by: java.lang.IllegalStateException: later cause
                """, StandardCharsets.UTF_8);
        assertEquals("SQLSyntaxErrorException: (conn=4) Table 'meeting' already exists", Launcher.firstProblem(log));
        Files.writeString(log, "Payara Micro 7.2026.11 (build 19) ready in 11,976 (ms)\n", StandardCharsets.UTF_8);
        assertEquals("-", Launcher.firstProblem(log));
    }

    private static final String LISTENER = "set configs.config.server-config.network-config.network-listeners.network-listener"
            + ".http-listener.enabled=";

    /** The asadmin commands of a boot command file: its lines without comments and blank lines. */
    private static List<String> commandsIn(Path file) throws IOException {
        return Files.readAllLines(file).stream().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
    }

    static final String POOL = "set configs.config.server-config.thread-pools.thread-pool.http-thread-pool.";

    @Test
    void payaraOpensItsPortOnlyOnceQuorumHasStarted(@TempDir Path dir) throws Exception {
        Launcher launcher = new Launcher(new Settings(8265, null, null, null, dir.resolve("data"), Duration.ofSeconds(180)),
                dir.resolve("quorum.war"), dir.resolve("payara-micro.jar"), dir);

        List<String> command = launcher.payaraCommand();

        Path preboot = Path.of(command.get(command.indexOf("--prebootcommandfile") + 1));
        Path postdeploy = Path.of(command.get(command.indexOf("--postdeploycommandfile") + 1));
        assertEquals(List.of(LISTENER + "false",
                        // without an open listener at boot Payara would set its virtual server up with single sign-on,
                        // whose valve refuses every right password (the kill drill's admin could not sign in)
                        "set configs.config.server-config.http-service.virtual-server.server.sso-enabled=false",
                        // few request threads for few cores: 200 queued on the container's global locks (issue 15)
                        POOL + "max-thread-pool-size=32", POOL + "min-thread-pool-size=8", POOL + "max-queue-size=20000"),
                commandsIn(preboot), "closed before Payara boots");
        assertEquals(List.of(LISTENER + "true"), commandsIn(postdeploy), "opened once the application is deployed and started");
        assertEquals(commandsIn(Path.of("deploy/payara", Launcher.PREBOOT)), commandsIn(preboot));
        assertEquals(commandsIn(Path.of("deploy/payara", Launcher.POSTDEPLOY)), commandsIn(postdeploy));
        assertEquals("8265", command.get(command.indexOf("--port") + 1));
    }

    @Test
    void theServiceUnitStartsPayaraWithTheLaunchersOptionsAndCommandFiles(@TempDir Path dir) throws Exception {
        String unit = Files.readString(Path.of("deploy/systemd/quorum.service"));
        String execStart = unit.lines().filter(line -> line.startsWith("ExecStart=")).findFirst().orElseThrow();
        List<String> launcher = new Launcher(new Settings(8080, null, null, null, dir, Duration.ofSeconds(1)),
                dir.resolve("quorum.war"), dir.resolve("payara-micro.jar"), dir).payaraCommand();

        Pattern option = Pattern.compile("--[a-z]+");
        List<String> unitOptions = List.of(execStart.split(" ")).stream().filter(option.asMatchPredicate()).toList();
        List<String> launcherOptions = launcher.stream().filter(option.asMatchPredicate()).toList();
        assertEquals(launcherOptions, unitOptions, execStart);
        assertTrue(execStart.contains("--prebootcommandfile /opt/quorum/" + Launcher.PREBOOT
                + " --postdeploycommandfile /opt/quorum/" + Launcher.POSTDEPLOY), execStart);
    }
}
