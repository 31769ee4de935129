package app.quorum.platform.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Map;

/**
 * The JSON API under {@code /api}: the open-data resources (public, read-only) and the delegate's casting resource
 * (signed-in delegates only, guarded in web.xml and again by the service's roles). Resources speak records, never
 * entities; a refusal of the domain becomes a translated JSON error ({@link RefusalMapper}).
 *
 * <p>Jersey's WADL is switched off: it answered every OPTIONS request with an XML description of the resources
 * (an API that speaks JSON only, and whose description is the OpenAPI document at {@code /openapi}).
 */
@ApplicationPath("api")
public class Api extends Application {

    @Override
    public Map<String, Object> getProperties() {
        return Map.of("jersey.config.server.wadl.disableWadl", true);
    }
}
