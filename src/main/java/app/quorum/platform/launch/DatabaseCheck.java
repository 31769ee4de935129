package app.quorum.platform.launch;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * The run command's check of a configured database server (QUORUM_DB_URL): one connection before Payara starts, so a
 * wrong address, user or password ends the launcher at once with one line naming it.
 */
final class DatabaseCheck {

    private DatabaseCheck() {
    }

    /** Connects once to the configured server, so a wrong address or password ends here, in one line. */
    static void connect(String url, String user, String password) throws LaunchException {
        if (!url.startsWith("jdbc:mariadb:") && !url.startsWith("jdbc:mysql:")) {
            throw new LaunchException(Messages.get("db.badUrl", url));
        }
        Properties properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        properties.setProperty("connectTimeout", "10000");
        properties.setProperty("socketTimeout", "15000");
        DriverManager.setLoginTimeout(15);
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            connection.isValid(5);
        } catch (SQLException e) {
            throw new LaunchException(describe(e, url, user));
        }
    }

    static String describe(SQLException e, String url, String user) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int code = e.getErrorCode();
        if (code == 1045 || state.startsWith("28")) {
            return Messages.get("db.credentials", user, url);
        }
        if (code == 1049) {
            return Messages.get("db.unknown", url);
        }
        if (code == 1044 || code == 1142) {
            return Messages.get("db.denied", user, url);
        }
        if (e.getMessage() != null && e.getMessage().startsWith("No suitable driver")) {
            return Messages.get("db.badUrl", url);
        }
        if (state.startsWith("08") || e.getMessage() != null && e.getMessage().contains("connect")) {
            return Messages.get("db.unreachable", url, EmbeddedDatabase.oneLine(EmbeddedDatabase.rootMessage(e)));
        }
        return Messages.get("db.failed", url, EmbeddedDatabase.oneLine(EmbeddedDatabase.rootMessage(e)));
    }
}
