package app.quorum.results.boundary;

import app.quorum.ballot.control.Ballots;
import app.quorum.ballot.control.EndToEndBallots;
import app.quorum.meeting.entity.Meeting;
import app.quorum.platform.Jsons;
import app.quorum.platform.Refusal;
import app.quorum.platform.api.ApiError;
import app.quorum.platform.api.JsonBody;
import app.quorum.platform.i18n.Bundle;
import app.quorum.platform.web.LocaleFilter;
import app.quorum.results.control.ResultExport;
import app.quorum.results.control.Results;
import app.quorum.results.entity.PublishedResult;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Open data: one published result of a public meeting, its list of receipts with the fingerprint they hash to, and
 * both as CSV and XLSX. Anything not published, or of a meeting that is not public, is a 404 — the same answer as
 * for a ballot that does not exist.
 */
@Path("ballots/{id}")
@RequestScoped
@Tag(name = "Ballots", description = "Published results and their ballot papers")
public class BallotsResource {

    @Inject
    Results results;

    @Inject
    ResultExport export;

    @Inject
    Ballots ballots;

    @Inject
    EndToEndBallots endToEnd;

    @Context
    HttpServletRequest request;

    @GET
    @Path("result")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A published result",
            description = "Counts and percentages per choice, base, threshold, outcome, turnout, the box fingerprint, the roll-call of an open ballot and the corrections.")
    @APIResponse(responseCode = "200", description = "The result",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenData.Result.class)))
    @APIResponse(responseCode = "404", description = "No such ballot, not published, or its meeting is not public",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response result(@Parameter(description = "The ballot's id", required = true, example = "1") @PathParam("id") String id) {
        return OpenDataResponses.ok(OpenData.Result.of(published(id)));
    }

    @GET
    @Path("receipts")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The published ballot papers and the fingerprint",
            description = "Every paper as (receipt, choice) in receipt order, and the canonical text whose SHA-256 is the published fingerprint: "
                    + "one line \"receipt TAB choice LF\" per paper, UTF-8. Recompute it with: "
                    + "curl -s …/receipts | jq -j .canonicalForm | sha256sum")
    @APIResponse(responseCode = "200", description = "The papers",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenData.Receipts.class)))
    @APIResponse(responseCode = "404", description = "No such ballot, not published, or its meeting is not public",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response receipts(@Parameter(description = "The ballot's id", required = true, example = "1") @PathParam("id") String id) {
        return OpenDataResponses.ok(OpenData.Receipts.of(published(id)));
    }

    @GET
    @Path("record")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The public election record of a published end-to-end secret ballot",
            description = "Format quorum-election-record/1 (src/site/election-record.md §7): the group, the trustees' public keys and proofs, "
                    + "every paper (ciphertexts, proofs, tracker), the audited and refused papers, the sums, the trustees' partial "
                    + "decryptions with their proofs, the counts and the fingerprint the minutes print. Check it with the verifier "
                    + "(README, \"How to verify a ballot\"). 404 for a ballot sealed by the server or counted in the open.")
    @APIResponse(responseCode = "200", description = "The record", content = @Content(mediaType = MediaType.APPLICATION_JSON))
    @APIResponse(responseCode = "404", description = "No such ballot, not published, not end-to-end, or its meeting is not public",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response record(@Parameter(description = "The ballot's id", required = true, example = "1") @PathParam("id") String id) {
        PublishedResult result = published(id);
        String record = ballots.publishedRecord(result.ballotId())
                .orElseThrow(() -> OpenDataResponses.refused(request, new Refusal(Refusal.Kind.NOT_FOUND, "ballot.e2e.noRecord")));
        return Response.fromResponse(OpenDataResponses.ok(record.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                MediaType.APPLICATION_JSON_TYPE)).build();
    }

    /**
     * Benaloh's challenge (election-record.md §4): a tablet sends the paper it opened instead of casting, with its
     * revelation, without the delegate's session — nothing links it to a voter. Listed in the record, never counted.
     */
    @POST
    @Path("audited")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "List an audited (opened, never counted) paper of an open end-to-end ballot")
    @APIResponse(responseCode = "200", description = "Listed: {\"audited\": true, \"tracker\": …}")
    @APIResponse(responseCode = "409", description = "Not open, not end-to-end, the revelation does not open the paper, or the paper is known",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response audited(@Parameter(description = "The ballot's id", required = true, example = "1") @PathParam("id") String id, byte[] body) {
        long ballotId = OpenDataResponses.id(id, request);
        String tracker = endToEnd.audit(ballotId, JsonBody.object(body, request));
        return Response.ok(jakarta.json.Json.createObjectBuilder().add("audited", true).add("tracker", tracker).build().toString())
                .header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("result.csv")
    @Produces(ResultExport.CSV_CONTENT_TYPE)
    @Operation(summary = "A published result as CSV",
            description = "UTF-8 with a byte order mark; one row per choice, then the summary; headers in the language of the quorum-lang cookie (Vietnamese by default).")
    @APIResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "Not published, or not public",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response resultCsv(@Parameter(description = "The ballot's id", required = true, example = "1") @PathParam("id") String id) throws IOException {
        return file(id, ResultExport.Table.RESULT, ResultExport.Format.CSV);
    }

    @GET
    @Path("result.xlsx")
    @Produces(ResultExport.XLSX_CONTENT_TYPE)
    @Operation(summary = "A published result as an Excel workbook")
    @APIResponse(responseCode = "200", description = "The XLSX file",
            content = @Content(mediaType = ResultExport.XLSX_CONTENT_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "Not published, or not public",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response resultXlsx(@Parameter(description = "The ballot's id", required = true, example = "1") @PathParam("id") String id) throws IOException {
        return file(id, ResultExport.Table.RESULT, ResultExport.Format.XLSX);
    }

    @GET
    @Path("receipts.csv")
    @Produces(ResultExport.CSV_CONTENT_TYPE)
    @Operation(summary = "The published ballot papers as CSV", description = "Receipt, choice code and what it chose, in receipt order.")
    @APIResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "Not published, or not public",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response receiptsCsv(@Parameter(description = "The ballot's id", required = true, example = "1") @PathParam("id") String id) throws IOException {
        return file(id, ResultExport.Table.RECEIPTS, ResultExport.Format.CSV);
    }

    @GET
    @Path("receipts.xlsx")
    @Produces(ResultExport.XLSX_CONTENT_TYPE)
    @Operation(summary = "The published ballot papers as an Excel workbook")
    @APIResponse(responseCode = "200", description = "The XLSX file",
            content = @Content(mediaType = ResultExport.XLSX_CONTENT_TYPE, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "Not published, or not public",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response receiptsXlsx(@Parameter(description = "The ballot's id", required = true, example = "1") @PathParam("id") String id) throws IOException {
        return file(id, ResultExport.Table.RECEIPTS, ResultExport.Format.XLSX);
    }

    private Response file(String id, ResultExport.Table table, ResultExport.Format format) throws IOException {
        PublishedResult result = published(id);
        Meeting meeting = results.publicMeeting(result.meetingId());
        Locale locale = Bundle.supported(LocaleFilter.language(request));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        export.write(result, table, format, meeting.zone(), locale, bytes);
        return Response.fromResponse(OpenDataResponses.ok(bytes.toByteArray(), MediaType.valueOf(format.contentType())))
                .header("Content-Disposition", "attachment; filename=\"" + ResultExport.fileName(result, table, format, locale) + "\"")
                .build();
    }

    private PublishedResult published(String id) {
        long ballotId = OpenDataResponses.id(id, request);
        try {
            return results.publishedPublic(ballotId);
        } catch (Refusal refusal) {
            throw OpenDataResponses.refused(request, refusal);
        }
    }
}
