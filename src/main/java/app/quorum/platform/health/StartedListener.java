package app.quorum.platform.health;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Marks the application started once its web module is up: by then the migrations, the first accounts and the
 * demo meeting are done and the views can be served. Readiness waits for it.
 */
@WebListener
public class StartedListener implements ServletContextListener {

    private static volatile boolean started;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        started = true;
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        started = false;
    }

    static boolean started() {
        return started;
    }
}
