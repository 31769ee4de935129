package app.quorum.platform.launch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * What the operator asked for, read from the environment (the same variable names the application reads
 * through MicroProfile Config).
 */
record Settings(int port, String dbUrl, String dbUser, String dbPassword, Path dataDir, Duration embeddedStartWait) {

    static final int DEFAULT_PORT = 8080;

    static Settings from(Map<String, String> env) throws LaunchException {
        String portText = blankToNull(env.get("QUORUM_PORT"));
        int port;
        try {
            port = portText == null ? DEFAULT_PORT : Integer.parseInt(portText.trim());
        } catch (NumberFormatException e) {
            throw new LaunchException(Messages.get("port.invalid", portText));
        }
        if (port < 1 || port > 65535) {
            throw new LaunchException(Messages.get("port.invalid", portText));
        }
        String dataDir = blankToNull(env.get("QUORUM_DATA_DIR"));
        return new Settings(port,
                blankToNull(env.get("QUORUM_DB_URL")),
                blankToNull(env.get("QUORUM_DB_USER")),
                env.get("QUORUM_DB_PASSWORD"),
                Path.of(dataDir == null ? "data" : dataDir).toAbsolutePath().normalize(),
                EmbeddedDatabase.startWait(env));
    }

    boolean embedded() {
        return dbUrl == null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
