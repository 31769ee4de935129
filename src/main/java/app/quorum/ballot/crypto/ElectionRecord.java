package app.quorum.ballot.crypto;

import app.quorum.platform.Jsons;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * A secret ballot's public election record (election-record.md §7, after ElectionGuard 2.0's election record): the
 * group, the meeting, the ceremony, the ballot and its context, every accepted paper with its tracker (in tracker
 * order), the rejected and audited papers, the aggregate, the partial decryptions with their proofs, the result and
 * the fingerprint. {@link #toJson()} and {@link #fromJson(JsonObject)} are the format {@code quorum-election-record/1};
 * {@link RecordFile} writes and reads it.
 */
public record ElectionRecord(long meetingId, String meetingTitle, Ceremony ceremony, BallotDefinition ballot,
        String context, String openedAt, String closedAt, List<Paper> papers, List<String> trackers,
        List<RejectedPaper> rejected, List<PreparedPaper> audited, Aggregate aggregate,
        List<PartialDecryption> decryptions, List<Long> counts, List<Integer> trustees, String fingerprint) {

    public static final String FORMAT = "quorum-election-record/1";

    public ElectionRecord {
        papers = List.copyOf(papers);
        trackers = List.copyOf(trackers);
        rejected = List.copyOf(rejected);
        audited = List.copyOf(audited);
        decryptions = List.copyOf(decryptions);
        counts = List.copyOf(counts);
        trustees = List.copyOf(trustees);
        if (papers.size() != trackers.size()) {
            throw new IllegalArgumentException("one tracker per paper");
        }
    }

    /** The group's object: {@code {"curve": "P-256", "order": q, "generator": G}}. */
    public static JsonObject group() {
        return Jsons.JSON.createObjectBuilder().add("curve", "P-256").add("order", Group.Q.toString(16))
                .add("generator", Codec.hex(Group.G)).build();
    }

    public JsonObject toJson() {
        JsonArrayBuilder paperList = Jsons.JSON.createArrayBuilder();
        for (int p = 0; p < papers.size(); p++) {
            paperList.add(papers.get(p).toJson(trackers.get(p)));
        }
        JsonArrayBuilder rejectedList = Jsons.JSON.createArrayBuilder();
        rejected.forEach(paper -> rejectedList.add(paper.toJson()));
        JsonArrayBuilder auditedList = Jsons.JSON.createArrayBuilder();
        audited.forEach(paper -> auditedList.add(paper.toJson()));
        JsonArrayBuilder decryptionList = Jsons.JSON.createArrayBuilder();
        decryptions.forEach(decryption -> decryptionList.add(decryption.toJson()));
        JsonArrayBuilder countList = Jsons.JSON.createArrayBuilder();
        counts.forEach(countList::add);
        JsonArrayBuilder trusteeList = Jsons.JSON.createArrayBuilder();
        trustees.forEach(trusteeList::add);
        JsonObjectBuilder json = Jsons.JSON.createObjectBuilder().add("format", FORMAT).add("group", group())
                .add("meeting", Jsons.JSON.createObjectBuilder().add("id", meetingId).add("title", meetingTitle))
                .add("ceremony", ceremony.toJson()).add("ballot", ballot.toJson(context, openedAt, closedAt))
                .add("papers", paperList).add("rejected", rejectedList).add("audited", auditedList);
        if (aggregate == null) {
            json.add("aggregate", JsonValue.NULL);
        } else {
            json.add("aggregate", aggregate.toJson());
        }
        return json.add("decryptions", decryptionList)
                .add("result", Jsons.JSON.createObjectBuilder().add("counts", countList).add("papers", papers.size())
                        .add("trustees", trusteeList))
                .add("fingerprint", fingerprint).build();
    }

    /**
     * Reads a record, refusing any non-canonical point or scalar ({@link InvalidEncoding}). Checks nothing else:
     * verifying is the verifier's job.
     */
    public static ElectionRecord fromJson(JsonObject json) {
        if (!FORMAT.equals(json.getString("format"))) {
            throw new IllegalArgumentException("not a " + FORMAT);
        }
        JsonObject meeting = json.getJsonObject("meeting");
        JsonObject ballot = json.getJsonObject("ballot");
        List<Paper> papers = new ArrayList<>();
        List<String> trackers = new ArrayList<>();
        for (JsonObject paper : json.getJsonArray("papers").getValuesAs(JsonObject.class)) {
            papers.add(Paper.fromJson(paper));
            trackers.add(paper.getString("tracker"));
        }
        JsonObject result = json.getJsonObject("result");
        return new ElectionRecord(Codec.integer(meeting.get("id"), 1, "meeting.id"), meeting.getString("title"),
                Ceremony.fromJson(json.getJsonObject("ceremony")), BallotDefinition.fromJson(ballot),
                ballot.getString("context"), ballot.getString("openedAt"), ballot.getString("closedAt"), papers,
                trackers, objects(json.getJsonArray("rejected")).stream().map(RejectedPaper::fromJson).toList(),
                objects(json.getJsonArray("audited")).stream().map(PreparedPaper::fromJson).toList(),
                json.isNull("aggregate") ? null : Aggregate.fromJson(json.getJsonArray("aggregate")),
                objects(json.getJsonArray("decryptions")).stream().map(PartialDecryption::fromJson).toList(),
                result.getJsonArray("counts").stream().map(count -> Codec.integer(count, 0, "count")).toList(),
                result.getJsonArray("trustees").stream().map(index -> Codec.smallInteger(index, 1, "trustee")).toList(),
                json.getString("fingerprint"));
    }

    private static List<JsonObject> objects(JsonArray array) {
        return array.getValuesAs(JsonObject.class);
    }
}
