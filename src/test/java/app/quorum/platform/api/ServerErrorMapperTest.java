package app.quorum.platform.api;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.platform.Refusal;
import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import jakarta.resource.spi.ResourceAllocationException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

/**
 * Which failures the API answers 503 (the database cannot be reached) rather than 500: the shapes in which Payara's
 * pool, EclipseLink and the MariaDB driver report a database that is away, wrapped as the EJB container wraps them.
 * The end-to-end answer, with the database taken away for real, is tested in BallotFlowIT.
 */
class ServerErrorMapperTest {

    @Test
    void aDatabaseThatCannotBeReachedIsUnavailable() {
        // the pool cannot open a connection: EJB ← JPA ← JDBC ← the connector's allocation failure
        assertTrue(ServerErrorMapper.databaseUnreachable(new EJBException(new PersistenceException("Exception [EclipseLink-4002]",
                new SQLException("Error in allocating a connection. Cause: Connection could not be allocated",
                        new ResourceAllocationException("Connection could not be allocated"))))));
        // the driver lost or could not open its socket
        assertTrue(ServerErrorMapper.databaseUnreachable(new PersistenceException(new SQLNonTransientConnectionException("Socket error"))));
        assertTrue(ServerErrorMapper.databaseUnreachable(new EJBException(new PersistenceException(
                new SQLException("Could not connect", "08000", new ConnectException("Connection refused"))))));
        assertTrue(ServerErrorMapper.databaseUnreachable(new SQLException("Communications link failure", "08S01")));
        SQLException batch = new SQLException("batch failed");
        batch.setNextException(new SQLNonTransientConnectionException("connection closed"));
        assertTrue(ServerErrorMapper.databaseUnreachable(batch), "a SQLException's next exception counts too");
    }

    @Test
    void otherFailuresAreNot() {
        assertFalse(ServerErrorMapper.databaseUnreachable(new EJBException(new PersistenceException(
                new SQLIntegrityConstraintViolationException("Duplicate entry", "23000")))));
        assertFalse(ServerErrorMapper.databaseUnreachable(new PersistenceException(new SQLTransactionRollbackException("Deadlock", "40001"))));
        assertFalse(ServerErrorMapper.databaseUnreachable(new SQLException("Lock wait timeout exceeded", "HY000")));
        assertFalse(ServerErrorMapper.databaseUnreachable(new Refusal(Refusal.Kind.DUPLICATE, "ballot.alreadyVoted")));
        assertFalse(ServerErrorMapper.databaseUnreachable(new IllegalStateException("a bug")));
        RuntimeException loop = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", loop);
        loop.initCause(second);
        assertFalse(ServerErrorMapper.databaseUnreachable(loop), "a cycle of causes ends");
    }
}
