package app.quorum.platform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The JSON API under {@code /api}: the open-data resources (public, read-only) and the delegate's casting resource
 * (signed-in delegates only, guarded in web.xml and again by the service's roles). Resources speak records, never
 * entities; a refusal of the domain becomes a translated JSON error ({@link RefusalMapper}).
 */
@ApplicationPath("api")
public class Api extends Application {
}
