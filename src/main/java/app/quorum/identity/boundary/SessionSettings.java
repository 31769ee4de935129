package app.quorum.identity.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Idle sign-out: a session unused for QUORUM_SESSION_IDLE_MINUTES (30 by default) ends. */
@WebListener
public class SessionSettings implements HttpSessionListener {

    @Inject
    @ConfigProperty(name = "quorum.session.idle.minutes", defaultValue = "30")
    int idleMinutes;

    @Override
    public void sessionCreated(HttpSessionEvent event) {
        event.getSession().setMaxInactiveInterval(Math.max(1, idleMinutes) * 60);
    }
}
