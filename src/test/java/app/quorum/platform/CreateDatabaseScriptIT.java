package app.quorum.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code deploy/mariadb/create-database.sh} against the machine's MariaDB server, with a throwaway database and user
 * for each test: every option that chooses the server reaches the client (and the last lines name where the database
 * was created, as the client reports its connection), or is refused before anything is created.
 *
 * <p>It needs the server the way CI runs it: {@code root} through {@value #SOCKET} (unix_socket authentication) and on
 * 127.0.0.1:3306. Where no server answers so, every test is skipped and says why.
 */
class CreateDatabaseScriptIT {

    static final String SOCKET = "/run/mysqld/mysqld.sock";
    static final Path SCRIPT = Path.of("deploy/mariadb/create-database.sh");
    static final String COLLATION = "utf8mb4_uca1400_vietnamese_as_ci";

    private String name;
    private String password;

    /** What one run of the script did. */
    record Run(int exitCode, String out, String err) {
    }

    @BeforeAll
    static void needsTheMachinesServer() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(SCRIPT), "skipped: no " + SCRIPT + " (run from the project folder)");
        Assumptions.assumeTrue(root("--protocol=socket", "--socket=" + SOCKET).exitCode() == 0
                        && root("--protocol=tcp", "--host=127.0.0.1", "--port=3306").exitCode() == 0,
                "skipped: no MariaDB server answers as root through " + SOCKET + " and on 127.0.0.1:3306 (start the machine's "
                        + "server, as .ci/run does, and run the tests as root)");
    }

    @BeforeEach
    void throwawayNames() {
        byte[] random = new byte[5];
        new SecureRandom().nextBytes(random);
        name = "qt_script_" + HexFormat.of().formatHex(random);
        password = "pw-" + HexFormat.of().formatHex(random) + "-'\"\\";
    }

    @AfterEach
    void dropThem() throws Exception {
        root("--protocol=socket", "--socket=" + SOCKET, "-e", "DROP DATABASE IF EXISTS `" + name + "`; DROP USER IF EXISTS '"
                + name + "'@'localhost', '" + name + "'@'127.0.0.1'");
    }

    @Test
    void aSocketAfterTheDoubleDashCreatesTheDatabaseThroughThatSocketAndSaysSo() throws Exception {
        Run run = script("--", "-S", SOCKET);

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("at the socket " + SOCKET), run.out());
        assertTrue(run.out().contains("via UNIX socket"), "the client's own word on its connection: " + run.out());
        assertFalse(run.out().contains("127.0.0.1:3306"), run.out());
        assertCreated();
        assertTrue(run.out().contains("QUORUM_DB_URL=jdbc:mariadb://localhost:3306/" + name), run.out());
    }

    @Test
    void aSocketThatLeadsNowhereIsNotReplacedByTcp() throws Exception {
        Run run = script("--", "--socket=/nonexistent/mysqld.sock");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("create-database.sh: cannot connect to MariaDB at the socket /nonexistent/mysqld.sock"), run.err());
        assertNotCreated();
    }

    @Test
    void byDefaultItConnectsOverTcpToTheLoopbackAndSaysSo() throws Exception {
        Run run = script();

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("at 127.0.0.1:3306") && run.out().contains("via TCP/IP"), run.out());
        assertCreated();
        assertTrue(run.out().contains("QUORUM_DB_URL=jdbc:mariadb://127.0.0.1:3306/" + name), run.out());
    }

    @Test
    void aHostAndPortAfterTheDoubleDashAreTheOnesTriedAndNamed() throws Exception {
        Run run = script("--", "-h", "127.0.0.1", "-P1");

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().contains("cannot connect to MariaDB at 127.0.0.1:1 as 'root'"), run.err());
        assertNotCreated();
    }

    @Test
    void theGivenSocketOptionWorksTheSame() throws Exception {
        Run run = script("--admin-socket", SOCKET, "--", "--connect-timeout=5");

        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.out().contains("at the socket " + SOCKET) && run.out().contains("via UNIX socket"), run.out());
        assertCreated();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of(List.of("--", "-p", "secret"), "a password never goes on a command line"),
                Arguments.of(List.of("--", "--password=secret"), "a password never goes on a command line"),
                // harmless SQL: were the option passed on (as the old script did), the client would run it instead of the script's
                Arguments.of(List.of("--", "-e", "SELECT 1"), "runs the script's SQL, and nothing else"),
                Arguments.of(List.of("--", "--defaults-file=/etc/mysql/my.cnf"), "--admin-defaults"),
                Arguments.of(List.of("--", "--protocol=tcp"), "--admin-socket PATH connects through a socket"),
                Arguments.of(List.of("--", "--table"), "'--table' is not supported"),
                Arguments.of(List.of("--", "--ssl-ca", "/etc/ssl/ca.pem"), "give values as --option=value"),
                Arguments.of(List.of("--admin-socket", SOCKET, "--admin-host", "10.0.0.1"), "choose two ways to the server"),
                Arguments.of(List.of("--admin-socket", SOCKET, "--", "-h", "127.0.0.1"), "choose two ways to the server"),
                Arguments.of(List.of("--", "-S", SOCKET, "-P", "3306"), "choose two ways to the server"),
                Arguments.of(List.of("--admin-user", "root", "--", "-u", "nobody"), "two different values"));
    }

    @ParameterizedTest
    @MethodSource
    void refused(List<String> arguments, String says) throws Exception {
        Run run = script(arguments.toArray(String[]::new));

        assertEquals(2, run.exitCode(), run.toString());
        assertTrue(run.err().startsWith("create-database.sh: ") && run.err().strip().lines().count() == 1, run.err());
        assertTrue(run.err().contains(says), run.err());
        assertFalse(run.err().contains("secret"), "a refusal never repeats a password: " + run.err());
        assertNotCreated();
    }

    // ---------------------------------------------------------------- helpers

    private Run script(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", SCRIPT.toString(), "--database", name, "--user", name));
        command.addAll(List.of(arguments));
        return run(command, Map.of("QUORUM_DB_PASSWORD", password));
    }

    private void assertCreated() throws Exception {
        Run collation = root("--protocol=socket", "--socket=" + SOCKET, "-N", "-e",
                "SELECT DEFAULT_COLLATION_NAME FROM information_schema.SCHEMATA WHERE SCHEMA_NAME = '" + name + "'");
        assertEquals(COLLATION, collation.out().strip(), "the database exists with the Vietnamese collation");
        Run signIn = run(List.of("mariadb", "--protocol=tcp", "--host=127.0.0.1", "--port=3306", "--user=" + name, "-N", "-e",
                "SELECT DATABASE()", name), Map.of("MYSQL_PWD", password));
        assertEquals(0, signIn.exitCode(), "the new user signs in over TCP with its password: " + signIn);
        assertEquals(name, signIn.out().strip());
    }

    private void assertNotCreated() throws Exception {
        Run databases = root("--protocol=socket", "--socket=" + SOCKET, "-N", "-e", "SHOW DATABASES LIKE '" + name + "'");
        assertEquals(0, databases.exitCode(), databases.toString());
        assertEquals("", databases.out().strip(), "nothing was created");
    }

    private static Run root(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("mariadb", "--user=root", "--connect-timeout=5"));
        command.addAll(List.of(arguments));
        if (!command.contains("-e")) {
            command.addAll(List.of("-N", "-e", "SELECT 1"));
        }
        return run(command, Map.of());
    }

    private static Run run(List<String> command, Map<String, String> environment) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("MARIADB_ADMIN_PASSWORD");
        builder.environment().putAll(environment);
        Path out = Files.createTempFile("create-database", ".out");
        Path err = Files.createTempFile("create-database", ".err");
        try {
            Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("no end within 90 s: " + command);
            }
            return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return new Run(127, "", e.getMessage()); // no client installed: the assumptions skip
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
