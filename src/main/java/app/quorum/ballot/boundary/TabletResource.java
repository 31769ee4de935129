package app.quorum.ballot.boundary;

import app.quorum.ballot.control.TabletPush;
import app.quorum.ballot.control.TabletService;
import app.quorum.ballot.control.TabletState;
import app.quorum.identity.control.DelegateIdentityStore;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;

/**
 * {@code GET /api/delegate/tablet}: the tablet's light check, every few seconds and whenever the connection comes
 * back: {@code {"signature": "…", "view": "open", "ballotId": n or null, "news": … or null}}. The page re-renders only when the
 * signature differs from the one it was rendered from, so a push missed while the Wi-Fi was down costs one small
 * request, not a re-rendered page every time.
 */
@Path("delegate/tablet")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TabletResource {

    @Inject
    TabletService tablet;

    @Inject
    TabletPush push;

    @Context
    SecurityContext security;

    @GET
    public Response state() {
        long participantId = DelegateIdentityStore.participantId(security.getUserPrincipal() == null ? null
                : security.getUserPrincipal().getName()).orElseThrow(ForbiddenException::new);
        TabletState state = tablet.state(participantId);
        JsonObject news = push.latest(state.meetingId(), TabletState.meetingSignature(state.meetingId(), state.meetingStatus(),
                state.currentItemId(), state.ballotId(), state.ballotStatus())).orElse(null);
        return Response.ok(new Tablet(state.signature(), state.view(), state.ballotId(), news))
                .header("Cache-Control", CastingResource.NO_STORE).build();
    }

    /**
     * What the tablet compares with the page it shows, and the meeting's news as last pushed when it is the state's
     * ({@link TabletPush#latest}): a tablet that hears of an open ballot here first draws it as from its push.
     */
    @JsonbNillable
    public record Tablet(String signature, String view, Long ballotId, JsonObject news) {
    }
}
