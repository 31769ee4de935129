package app.quorum.results.boundary;

import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;

/**
 * The description of the open-data API that MicroProfile OpenAPI serves at {@code /openapi} (YAML; JSON with
 * {@code Accept: application/json} or {@code ?format=JSON}).
 */
@OpenAPIDefinition(info = @Info(title = "Quorum open data", version = "1.0",
        description = "Read-only JSON of the meetings marked public: their agenda, the results the secretary has published, "
                + "and each ballot box's papers (receipt and choice) with the fingerprint they hash to. Nothing unpublished is "
                + "ever served: a ballot that is open, closed but not yet published, cancelled, or of a meeting that is not "
                + "public answers 404 like one that does not exist. Field names are stable and in English; instants are ISO 8601 "
                + "in UTC, a meeting's local times carry their offset. Errors are {\"error\": key, \"message\": text}, the text in "
                + "the language of the quorum-lang cookie (vi by default, or en)."))
public final class OpenDataDefinition {

    private OpenDataDefinition() {
    }
}
