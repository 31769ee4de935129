package app.quorum.ballot.control;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every two seconds, closes the ballots whose countdown has run out. */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class BallotTimer {

    private static final Logger LOG = Logger.getLogger(BallotTimer.class.getName());

    @Inject
    BallotLifecycle lifecycle;

    @Schedule(hour = "*", minute = "*", second = "*/2", persistent = false)
    void closeExpired() {
        try {
            lifecycle.closeExpired();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "closing ballots whose countdown ran out failed; next try in 2 s", e);
        }
    }
}
