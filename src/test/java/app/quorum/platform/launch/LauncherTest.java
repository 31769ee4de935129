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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherTest {

    private static final String URL = "jdbc:mariadb://db.example:3306/quorum";

    @Test
    void wrongCredentialsAreNamedAsSuch() {
        String line = Launcher.describe(new SQLInvalidAuthorizationSpecException("Access denied", "28000", 1045), URL, "quorum");
        assertTrue(line.contains("quorum") && line.contains("QUORUM_DB_PASSWORD"), line);
    }

    @Test
    void anUnreachableServerIsNamedWithItsAddress() {
        String line = Launcher.describe(new SQLNonTransientConnectionException("Socket fail to connect", "08000"), URL, "quorum");
        assertTrue(line.contains(URL) && line.contains("Socket fail to connect"), line);
    }

    @Test
    void anUnknownDatabasePointsToTheSetUpScript() {
        String line = Launcher.describe(new SQLException("Unknown database 'quorum'", "42000", 1049), URL, "quorum");
        assertTrue(line.contains("create-database.sh"), line);
    }

    @Test
    void aUrlOfAnotherKindIsCalledThat() {
        String line = Launcher.describe(new SQLException("No suitable driver found for jdbc:postgresql://x/y", "08001"),
                "jdbc:postgresql://x/y", "quorum");
        assertTrue(line.contains("jdbc:postgresql://x/y") && line.contains("jdbc:mariadb://"), line);
    }

    @Test
    void everyDescriptionIsOneLine() {
        for (SQLException e : new SQLException[] {new SQLException("a\nb", "28000", 1045), new SQLException("x", "08000"),
                new SQLException("y", "HY000", 1)}) {
            assertFalse(Launcher.describe(e, URL, "quorum").contains("\n"));
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
        assertFalse(Launcher.payaraSaysReady(log));
        Files.writeString(log, "Payara Micro 7.2026.11 (build 19) ready in 11,976 (ms)\n", StandardCharsets.UTF_8);
        assertTrue(Launcher.payaraSaysReady(log));
        assertEquals("-", Launcher.firstProblem(log));
    }
}
