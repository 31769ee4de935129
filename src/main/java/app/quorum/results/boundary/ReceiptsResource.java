package app.quorum.results.boundary;

import app.quorum.ballot.crypto.Receipts;
import app.quorum.platform.Limits;
import app.quorum.platform.Refusal;
import app.quorum.platform.api.ApiError;
import app.quorum.results.control.Results;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Open data: a voter checks that their paper was counted, by the receipt their tablet showed, among the published
 * papers of a public meeting. The answer says what the paper chose — which only its holder can connect to a person.
 */
@Path("receipts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Receipts", description = "Find a ballot paper by its receipt")
public class ReceiptsResource {

    @Inject
    Results results;

    @Context
    HttpServletRequest request;

    @GET
    @Path("{receipt}")
    @Operation(summary = "Find a receipt among a public meeting's published papers",
            description = "Lower case, spaces and other dashes are accepted; O reads as 0, I and L as 1 (Crockford's base 32).")
    @APIResponse(responseCode = "200", description = "The ballots whose published papers hold the receipt, with what each paper chose",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenData.ReceiptLookup.class)))
    @APIResponse(responseCode = "400", description = "No meeting given (results.receipt.meetingRequired), or not a receipt (results.receipt.malformed)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "Not among the published papers (results.receipt.notFound), or the meeting is not public (results.notFound)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response lookup(
            @Parameter(description = "The receipt", required = true, example = "0123-4567-89AB-CDEF") @PathParam("receipt") String receipt,
            @Parameter(description = "The meeting's id", required = true, example = "1") @QueryParam("meeting") String meeting) {
        if (meeting == null || meeting.isBlank()) {
            throw OpenDataResponses.error(request, Response.Status.BAD_REQUEST, "results.receipt.meetingRequired");
        }
        long meetingId = OpenDataResponses.id(meeting, request);
        if (receipt == null || receipt.length() > Limits.RECEIPT_INPUT || !Receipts.wellFormed(receipt)) {
            throw OpenDataResponses.error(request, Response.Status.BAD_REQUEST, "results.receipt.malformed");
        }
        List<Results.Found> found;
        try {
            found = results.lookup(meetingId, receipt);
        } catch (Refusal refusal) {
            throw OpenDataResponses.refused(request, refusal);
        }
        if (found.isEmpty()) {
            throw OpenDataResponses.error(request, Response.Status.NOT_FOUND, "results.receipt.notFound");
        }
        return OpenDataResponses.ok(new OpenData.ReceiptLookup(Receipts.normalize(receipt), meetingId, found.stream()
                .map(f -> new OpenData.FoundPaper(f.ballotId(), f.question(), f.paper().choice(), f.paper().labels()))
                .toList()));
    }
}
