package app.quorum.attack;

import app.quorum.testing.TestEnvironment;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * The test database, as the test JVM reads it (TestEnvironment publishes where it is): a fingerprint of every table
 * that holds what people entered, to compare before and after a request, and the queries of the attack.
 *
 * <p>Left out of the fingerprint: what a request may change without storing input — the audit log (it records
 * refusals too), the sign-in throttle, Flyway's history, a delegate's session columns, and the bytes of agenda documents
 * (their SHA-256 column stands for them).
 */
final class Database implements AutoCloseable {

    static final Set<String> UNWATCHED_TABLES = Set.of("audit_event", "sign_in_throttle", "flyway_schema_history");
    static final Set<String> UNWATCHED_COLUMNS = Set.of("participant.session_token", "participant.signed_in_at",
            "agenda_document.content");

    final Connection connection;
    private final Map<String, String> fingerprintQueries = new LinkedHashMap<>();

    Database() {
        try {
            connection = DriverManager.getConnection(setting(TestEnvironment.DB_URL), setting(TestEnvironment.DB_USER),
                    setting(TestEnvironment.DB_PASSWORD));
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                s.execute("SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED");
            }
            Map<String, List<String>> columns = new LinkedHashMap<>();
            try (PreparedStatement q = connection.prepareStatement("SELECT table_name, column_name FROM information_schema.columns "
                    + "WHERE table_schema = DATABASE() ORDER BY table_name, ordinal_position");
                    ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    String table = rows.getString(1).toLowerCase(java.util.Locale.ROOT);
                    String column = rows.getString(2).toLowerCase(java.util.Locale.ROOT);
                    if (!UNWATCHED_TABLES.contains(table) && !UNWATCHED_COLUMNS.contains(table + "." + column)) {
                        columns.computeIfAbsent(table, t -> new ArrayList<>()).add("`" + column + "`");
                    }
                }
            }
            columns.forEach((table, cols) -> fingerprintQueries.put(table, "SELECT COUNT(*), COALESCE(SUM(CRC32(CONCAT_WS(0x1f, "
                    + String.join(", ", cols.stream().map(c -> "COALESCE(HEX(" + c + "), 'NULL')").toList()) + "))), 0) FROM `" + table + "`"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the test database", e);
        }
    }

    /** Every watched table's row count and checksum. */
    Map<String, String> fingerprint() {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Statement s = connection.createStatement()) {
            for (Map.Entry<String, String> query : fingerprintQueries.entrySet()) {
                try (ResultSet row = s.executeQuery(query.getValue())) {
                    row.next();
                    sums.put(query.getKey(), row.getLong(1) + "/" + row.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return sums;
    }

    /** The tables whose fingerprint differs. */
    static Set<String> changed(Map<String, String> before, Map<String, String> after) {
        Set<String> tables = new TreeSet<>();
        for (String table : after.keySet()) {
            if (!Objects.equals(before.get(table), after.get(table))) {
                tables.add(table);
            }
        }
        return tables;
    }

    long number(String sql, Object... parameters) {
        try (PreparedStatement q = prepare(sql, parameters); ResultSet row = q.executeQuery()) {
            return row.next() ? row.getLong(1) : 0;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    List<String> texts(String sql, Object... parameters) {
        List<String> found = new ArrayList<>();
        try (PreparedStatement q = prepare(sql, parameters); ResultSet rows = q.executeQuery()) {
            while (rows.next()) {
                found.add(rows.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
        return found;
    }

    int update(String sql, Object... parameters) {
        try (PreparedStatement u = prepare(sql, parameters)) {
            return u.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    long insert(String sql, Object... parameters) {
        try (PreparedStatement insert = connection.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
            bind(insert, parameters);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                return keys.next() ? keys.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private PreparedStatement prepare(String sql, Object... parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        bind(statement, parameters);
        return statement;
    }

    private static void bind(PreparedStatement statement, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            statement.setObject(i + 1, parameters[i]);
        }
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a connection of the test
        }
    }

    /** A test setting as the test JVM knows it (TestEnvironment escapes spaces for Payara's command line). */
    static String setting(String name) {
        return System.getProperty(name, "").replace("\\ ", " ");
    }
}
