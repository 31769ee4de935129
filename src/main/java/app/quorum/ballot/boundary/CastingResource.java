package app.quorum.ballot.boundary;

import app.quorum.ballot.control.CastingService;
import app.quorum.ballot.crypto.Tracker;
import app.quorum.identity.control.DelegateIdentityStore;
import app.quorum.platform.Refusal;
import app.quorum.platform.api.ApiError;
import app.quorum.platform.api.JsonBody;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * The delegate's ballot paper over HTTP, for a tablet on flaky Wi-Fi.
 *
 * <ul>
 * <li>{@code PUT /api/delegate/ballots/{ballotId}/papers/{paperId}} with {@code {"choice": "YES"}} casts the vote
 * (approval: YES, NO or ABSTAIN; election: the chosen option ids, comma-separated, or "-" for a blank paper) and
 * answers {@code {"ballotId": n, "receipt": "XXXX-XXXX-XXXX-XXXX", "recorded": true}}. For an end-to-end ballot the
 * body is {@code {"paper": {paperId, ciphertexts, bitProofs, totalProof}}} (election-record.md §4, made on the tablet;
 * the path's paper id is the paper's), the answer adds {@code "tracker"} (64 hex digits) and the receipt is the
 * tracker's first 80 bits; a paper that fails its checks answers 409 with its reason (ballot.crypto.paper.*). The paper id is 32 hex digits
 * the device drew (128 random bits); sending the same paper again — a retry after a lost answer, even one that
 * crossed the first on the way — answers the same receipt and stores nothing.</li>
 * <li>{@code GET /api/delegate/ballots/{ballotId}/participation?paper={paperId}} answers
 * {@code {"ballotId": n, "voted": bool, "receipt": ... or null}}: what a device asks when it lost the answer.</li>
 * </ul>
 *
 * Refusals answer 409 with a key and a translated message ({@link app.quorum.platform.api.RefusalMapper}). A body that
 * is not exactly {@code {"choice": "…"}} — not UTF-8, not JSON, truncated, empty, too large, the choice an array, an
 * object, a number or null, another field, a field twice — answers 400 in the same form ({@link JsonBody},
 * {@link app.quorum.platform.api.RequestBodies}). The voter is the signed-in delegate, never a field of the request;
 * only delegates reach this path ({@code DelegateApiFilter}: 401 when signed out) and the service checks the role
 * again. A PUT must say {@code Content-Type: application/json} (else 415): with the session cookie being
 * SameSite=Strict, another site can neither send the cookie nor this content type without a CORS preflight, which
 * Quorum never grants. No answer may be cached.
 */
@Path("delegate/ballots/{ballotId}")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CastingResource {

    static final String NO_STORE = "no-store";

    @Inject
    CastingService casting;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @PUT
    @Path("papers/{paperId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response cast(@PathParam("ballotId") long ballotId, @PathParam("paperId") String paperId, byte[] body) {
        long voter = voter();
        JsonObject sent = JsonBody.object(body, request);
        if (sent.size() == 1 && sent.get("paper") instanceof JsonObject paper) {
            String tracker;
            try {
                tracker = casting.castPaper(ballotId, voter, paperId, paper);
            } catch (Refusal refusal) {
                String receipt = sameVoteFromAnotherRequest(refusal, ballotId, voter, paperId);
                return Response.ok(new Cast(ballotId, receipt, true, null)).header("Cache-Control", NO_STORE).build();
            }
            return Response.ok(new Cast(ballotId, Tracker.display(tracker), true, tracker))
                    .header("Cache-Control", NO_STORE).build();
        }
        String choice = choice(sent);
        String receipt;
        try {
            receipt = casting.cast(ballotId, voter, paperId, choice);
        } catch (Refusal refusal) {
            receipt = sameVoteFromAnotherRequest(refusal, ballotId, voter, paperId);
        }
        return Response.ok(new Cast(ballotId, receipt, true, null)).header("Cache-Control", NO_STORE).build();
    }

    /**
     * Two sends of one paper that cross (a retry while the first was still on its way) race for the same
     * participation: the loser is refused as a second vote. Once the winner is committed the paper is in the box, and
     * the loser gets its receipt like any later retry. Decided by the refusal's kind: only a vote already done
     * ({@link Refusal.Kind#DUPLICATE}) may be this one.
     */
    private String sameVoteFromAnotherRequest(Refusal refusal, long ballotId, long voter, String paperId) {
        if (refusal.kind() != Refusal.Kind.DUPLICATE) {
            throw refusal;
        }
        String receipt = casting.recorded(ballotId, voter, paperId).receipt();
        if (receipt == null) {
            throw refusal;
        }
        return receipt;
    }

    @GET
    @Path("participation")
    public Response participation(@PathParam("ballotId") long ballotId, @QueryParam("paper") String paperId) {
        CastingService.Recorded recorded = casting.recorded(ballotId, voter(), paperId);
        return Response.ok(new Participation(ballotId, recorded.voted(), recorded.receipt()))
                .header("Cache-Control", NO_STORE).build();
    }

    private long voter() {
        return DelegateIdentityStore.participantId(security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName())
                .orElseThrow(ForbiddenException::new);
    }

    /** The body of a PUT, {@code {"choice": "…"}}: the choice as the ballot's kind spells it; nothing else. */
    private String choice(JsonObject body) {
        if (body.size() != 1 || !(body.get("choice") instanceof JsonString choice)) {
            throw ApiError.badRequest(request, "ballot.body.invalid");
        }
        return choice.getString();
    }

    /** The answer to a recorded vote; an encrypted paper's answer carries its full tracker too. */
    @JsonbNillable(false)
    public record Cast(long ballotId, String receipt, boolean recorded, String tracker) {
    }

    /** Whether the caller has voted, and the receipt of the asked paper when it is theirs in the box. */
    @JsonbNillable
    public record Participation(long ballotId, boolean voted, String receipt) {
    }
}
