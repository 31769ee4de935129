package app.quorum.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The one datasource of Quorum: the MariaDB named by QUORUM_DB_URL, QUORUM_DB_USER and QUORUM_DB_PASSWORD
 * (environment variables, or the system properties quorum.db.*), read through MicroProfile Config. The run
 * command sets them for the embedded MariaDB; an operator sets them for a server.
 */
@ApplicationScoped
@DataSourceDefinition(
        name = QuorumDataSource.JNDI_NAME,
        className = "org.mariadb.jdbc.MariaDbDataSource",
        url = "${MPCONFIG=quorum.db.url}",
        user = "${MPCONFIG=quorum.db.user}",
        password = "${MPCONFIG=quorum.db.password}",
        minPoolSize = 2,
        maxPoolSize = 64,
        maxIdleTime = 300,
        loginTimeout = 10,
        properties = {
            "fish.payara.is-connection-validation-required=true",
            "fish.payara.connection-validation-method=custom-validation",
            "fish.payara.validation-classname=org.glassfish.api.jdbc.validation.JDBC40ConnectionValidation",
            // a connection handed out is checked at most once in 5 s, not on every handing out: a round trip before
            // every query of a hall's tablets (issue 15); a connection broken since fails its query, and
            // fail-all-connections then replaces them all
            "fish.payara.validate-atmost-once-period-in-seconds=5",
            "fish.payara.fail-all-connections=true",
            "connectTimeout=10000"
        })
public class QuorumDataSource {

    public static final String JNDI_NAME = "java:app/jdbc/quorum";
}
