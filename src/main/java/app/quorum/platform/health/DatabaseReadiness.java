package app.quorum.platform.health;

import app.quorum.platform.Migrations;
import app.quorum.platform.QuorumDataSource;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready when the schema is migrated and the database answers within {@value #TIMEOUT_SECONDS} seconds. The
 * probe runs on the container's executor, so a database that hangs (rather than refuses) still reads DOWN in time.
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    static final int TIMEOUT_SECONDS = 3;

    @Resource(lookup = QuorumDataSource.JNDI_NAME)
    DataSource dataSource;

    @Resource
    ManagedExecutorService executor;

    @Inject
    Migrations migrations;

    @Override
    public HealthCheckResponse call() {
        String version = migrations.schemaVersion();
        var response = HealthCheckResponse.named("database").withData("schema", version == null ? "-" : version);
        if (version == null || !StartedListener.started()) {
            return response.down().withData("starting", true).build();
        }
        Future<Boolean> probe = executor.submit(this::answers);
        try {
            return response.status(probe.get(TIMEOUT_SECONDS, TimeUnit.SECONDS)).build();
        } catch (TimeoutException e) {
            probe.cancel(true);
            return response.down().withData("error", "no answer within " + TIMEOUT_SECONDS + " s").build();
        } catch (ExecutionException e) {
            return response.down().withData("error", e.getCause().getClass().getSimpleName()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return response.down().build();
        }
    }

    private boolean answers() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(TIMEOUT_SECONDS);
        }
    }
}
