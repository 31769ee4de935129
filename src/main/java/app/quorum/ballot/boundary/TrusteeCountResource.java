package app.quorum.ballot.boundary;

import app.quorum.ballot.control.TrusteeCount;
import app.quorum.identity.control.DelegateIdentityStore;
import app.quorum.platform.Jsons;
import app.quorum.platform.api.JsonBody;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The count on a trustee's device (election-record.md §6), for the signed-in trustee only:
 *
 * <ul>
 * <li>{@code GET /api/delegate/trustee/ballots}: the meeting's closed end-to-end ballots,
 * {@code [{"ballotId", "question", "state": "AWAITING" | "DECRYPTED" | "COUNTED", "turnout", "decryptions",
 * "threshold"}]};</li>
 * <li>{@code GET /api/delegate/trustee/ballots/{id}/box}: {@code {"index", "ballot": {the public fields},
 * "turnout", "papers", "audited", "aggregate"}} — the device checks every paper, recomputes the sums and decrypts
 * only those;</li>
 * <li>{@code PUT /api/delegate/trustee/ballots/{id}/decryption} with {@code {"index", "shares": [{"d", "proof"}…]}}:
 * {@code {"accepted": true, "counted": bool}}, or a refusal (409 JSON with a translated message) when a proof does
 * not verify.</li>
 * </ul>
 */
@Path("delegate/trustee/ballots")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TrusteeCountResource {

    @Inject
    TrusteeCount count;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @GET
    public Response ballots() {
        return Response.ok(count.ballots(trustee()).toString()).header("Cache-Control", CastingResource.NO_STORE).build();
    }

    @GET
    @Path("{ballotId}/box")
    public Response box(@PathParam("ballotId") long ballotId) {
        return Response.ok(count.box(trustee(), ballotId).toString()).header("Cache-Control", CastingResource.NO_STORE).build();
    }

    @PUT
    @Path("{ballotId}/decryption")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response decryption(@PathParam("ballotId") long ballotId, byte[] body) {
        boolean counted = count.decrypt(trustee(), ballotId, JsonBody.object(body, request));
        return Response.ok(Jsons.JSON.createObjectBuilder().add("accepted", true).add("counted", counted).build().toString())
                .header("Cache-Control", CastingResource.NO_STORE).build();
    }

    private long trustee() {
        return DelegateIdentityStore.participantId(security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName())
                .orElseThrow(ForbiddenException::new);
    }
}
