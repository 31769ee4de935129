package app.quorum.results.boundary;

import app.quorum.meeting.control.MeetingService;
import app.quorum.meeting.entity.Meeting;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Open data: the meetings marked public, their agenda and their published results. A meeting that is not public is
 * answered exactly like one that does not exist (404).
 */
@Path("meetings")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Meetings", description = "Public meetings, their agenda and their published results")
public class MeetingsResource {

    @Inject
    MeetingService meetings;

    @Inject
    Results results;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(summary = "The public meetings", description = "Every meeting marked public, latest first.")
    @APIResponse(responseCode = "200", description = "The public meetings (an empty list when there are none)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = OpenData.MeetingSummary.class)))
    public Response meetings() {
        return OpenDataResponses.ok(meetings.publicMeetings().stream().map(OpenData.MeetingSummary::of).toList());
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A public meeting with its agenda")
    @APIResponse(responseCode = "200", description = "The meeting and its agenda items (number, title, presenter)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenData.MeetingDetail.class)))
    @APIResponse(responseCode = "404", description = "No such meeting, or it is not public",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response meeting(@Parameter(description = "The meeting's id", required = true, example = "1") @PathParam("id") String id) {
        return OpenDataResponses.ok(OpenData.MeetingDetail.of(publicMeeting(id)));
    }

    @GET
    @Path("{id}/results")
    @Operation(summary = "The published results of a public meeting",
            description = "Only results the secretary has published, in the order the ballots were defined: never an open, closed-but-unpublished or cancelled ballot.")
    @APIResponse(responseCode = "200", description = "The published results (an empty list while none is published)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = OpenData.Result.class)))
    @APIResponse(responseCode = "404", description = "No such meeting, or it is not public",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ApiError.class)))
    public Response results(@Parameter(description = "The meeting's id", required = true, example = "1") @PathParam("id") String id) {
        long meetingId = OpenDataResponses.id(id, request);
        try {
            return OpenDataResponses.ok(results.ofPublicMeeting(meetingId).stream().map(OpenData.Result::of).toList());
        } catch (Refusal refusal) {
            throw OpenDataResponses.refused(request, refusal);
        }
    }

    private Meeting publicMeeting(String id) {
        long meetingId = OpenDataResponses.id(id, request);
        try {
            return results.publicMeeting(meetingId);
        } catch (Refusal refusal) {
            throw OpenDataResponses.refused(request, refusal);
        }
    }
}
