package app.quorum.ballot.boundary;

import app.quorum.ballot.control.Ceremonies;
import app.quorum.identity.control.DelegateIdentityStore;
import app.quorum.platform.api.ApiError;
import app.quorum.platform.api.JsonBody;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The key ceremony over HTTP, for a trustee's own device (election-record.md §2; the page delegate/trustee.xhtml). The
 * trustee is the signed-in delegate, never a field of the request; only delegates reach this path
 * ({@code DelegateApiFilter}: 401 JSON when signed out) and the service checks the DELEGATE role again.
 *
 * <ul>
 * <li>{@code GET /api/delegate/trustee/ceremony} — the ceremony as the device needs it:
 * {@code {"meetingId", "ceremonyId", "ceremonyContext", "n", "t", "index", "status": "COLLECTING"|"READY"|"FAILED",
 * "publicKey": P or null, "trustees": [{"index", "name", "role", "roundOne": {…} or null, "sharesSent": bool,
 * "verificationKey": {"key", "proof"} or null, "complaint": {"against": i} or null}], "boxes": [the EncryptedShare
 * JSON of every box sent to this trustee]}}.</li>
 * <li>{@code PUT /api/delegate/trustee/ceremony/round-one} with {@code {"ceremonyId", "roundOne": {"index",
 * "deviceKey", "deviceKeyProof": {a, c, s}, "commitments": [P…t], "commitmentProof": {a, c, s}}}} (trustee.js
 * beginCeremony's {@code published}): both Schnorr proofs must verify.</li>
 * <li>{@code PUT /api/delegate/trustee/ceremony/shares} with {@code {"ceremonyId", "shares": [{"from", "to",
 * "ephemeral", "nonce", "ciphertext"}…]}} (sendShares): exactly one box for every other trustee, once all n have
 * published round 1.</li>
 * <li>{@code PUT /api/delegate/trustee/ceremony/verification-key} with {@code {"ceremonyId", "verificationKey":
 * {"index", "verificationKey", "verificationKeyProof": {a, c, s}}}} (receiveShares' {@code published}): once every
 * box is in; the proof must verify and the key must be the one the commitments determine. The last key makes the
 * ceremony READY.</li>
 * <li>{@code PUT /api/delegate/trustee/ceremony/complaint} with {@code {"ceremonyId", "against": i}}: the share from
 * trustee i failed Feldman's check; the ceremony is FAILED and the secretary restarts it.</li>
 * </ul>
 *
 * Every PUT answers 200 with the same object as the GET; the same publication sent again (a lost answer) answers 200
 * and stores nothing. {@code ceremonyId} names the ceremony the device worked on: after a restart it is refused
 * ({@code ceremony.stale}). Refusals answer 409 with {@code {"error": key, "message": translated}} (not a trustee,
 * out of order, a proof that does not verify, …); a body that is not exactly the object above answers 400 in the same
 * form. A PUT must say {@code Content-Type: application/json}. No answer may be cached.
 */
@Path("delegate/trustee/ceremony")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TrusteeResource {

    @Inject
    Ceremonies ceremonies;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @GET
    public Response ceremony() {
        return answer(ceremonies.device(trustee()));
    }

    @PUT
    @Path("round-one")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response roundOne(byte[] body) {
        long trustee = trustee();
        JsonObject json = body(body, "roundOne");
        return answer(ceremonies.publishRoundOne(trustee, ceremonyId(json), object(json.get("roundOne"))));
    }

    @PUT
    @Path("shares")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response shares(byte[] body) {
        long trustee = trustee();
        JsonObject json = body(body, "shares");
        if (!(json.get("shares") instanceof JsonArray array)) {
            throw ApiError.badRequest(request, "ceremony.body.invalid");
        }
        List<JsonObject> boxes = new ArrayList<>();
        for (JsonValue box : array) {
            boxes.add(object(box));
        }
        return answer(ceremonies.publishShares(trustee, ceremonyId(json), boxes));
    }

    @PUT
    @Path("verification-key")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response verificationKey(byte[] body) {
        long trustee = trustee();
        JsonObject json = body(body, "verificationKey");
        return answer(ceremonies.publishVerificationKey(trustee, ceremonyId(json), object(json.get("verificationKey"))));
    }

    @PUT
    @Path("complaint")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response complaint(byte[] body) {
        long trustee = trustee();
        JsonObject json = body(body, "against");
        if (!(json.get("against") instanceof JsonNumber against) || !against.isIntegral()
                || against.bigDecimalValue().abs().compareTo(java.math.BigDecimal.valueOf(100)) > 0) {
            throw ApiError.badRequest(request, "ceremony.body.invalid");
        }
        return answer(ceremonies.complain(trustee, ceremonyId(json), against.intValue()));
    }

    private long trustee() {
        return DelegateIdentityStore.participantId(security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName())
                .orElseThrow(ForbiddenException::new);
    }

    /** The body: exactly {@code {"ceremonyId": "…", field: …}}. */
    private JsonObject body(byte[] body, String field) {
        JsonObject json = JsonBody.object(body, request);
        if (!json.keySet().equals(Set.of("ceremonyId", field)) || !(json.get("ceremonyId") instanceof JsonString)) {
            throw ApiError.badRequest(request, "ceremony.body.invalid");
        }
        return json;
    }

    private static String ceremonyId(JsonObject json) {
        return json.getString("ceremonyId");
    }

    private JsonObject object(JsonValue value) {
        if (!(value instanceof JsonObject object)) {
            throw ApiError.badRequest(request, "ceremony.body.invalid");
        }
        return object;
    }

    private static Response answer(JsonObject json) {
        return Response.ok(json).header("Cache-Control", CastingResource.NO_STORE).build();
    }
}
