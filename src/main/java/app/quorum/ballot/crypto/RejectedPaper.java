package app.quorum.ballot.crypto;

import app.quorum.platform.Jsons;
import java.util.ArrayList;
import java.util.List;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A paper the server refused, listed in the record for transparency (election-record.md §7): the paper as sent,
 * with {@code paperId}, {@code tracker} (§4 over the fields as sent when the paper has that shape, else {@code null})
 * and the {@code reason} key. It is never counted.
 */
public record RejectedPaper(JsonObject asSent, String tracker, String reason) {

    /** A refused paper, its tracker computed over the strings as sent when it has a paper's shape. */
    public static RejectedPaper of(String ballotContext, int options, JsonObject asSent, PaperFault fault) {
        return new RejectedPaper(asSent, trackerAsSent(ballotContext, options, asSent), fault.key());
    }

    /** §7: the tracker over the strings as sent, or {@code null} when the paper has not §4's shape. */
    public static String trackerAsSent(String ballotContext, int options, JsonObject sent) {
        if (!(sent.get("paperId") instanceof JsonString paperId)
                || !(sent.get("ciphertexts") instanceof JsonArray ciphertexts) || ciphertexts.size() != options) {
            return null;
        }
        List<String> fields = new ArrayList<>(2 * options);
        for (JsonValue value : ciphertexts) {
            if (!(value instanceof JsonObject ciphertext) || !(ciphertext.get("alpha") instanceof JsonString alpha)
                    || !(ciphertext.get("beta") instanceof JsonString beta)) {
                return null;
            }
            fields.add(alpha.getString());
            fields.add(beta.getString());
        }
        return Tracker.ofStrings(ballotContext, paperId.getString(), fields);
    }

    public JsonObject toJson() {
        JsonObjectBuilder json = Jsons.JSON.createObjectBuilder(asSent);
        if (tracker == null) {
            json.add("tracker", JsonValue.NULL);
        } else {
            json.add("tracker", tracker);
        }
        return json.add("reason", reason).build();
    }

    public static RejectedPaper fromJson(JsonObject json) {
        JsonObjectBuilder sent = Jsons.JSON.createObjectBuilder(json);
        sent.remove("tracker").remove("reason");
        return new RejectedPaper(sent.build(), json.isNull("tracker") ? null : json.getString("tracker"),
                json.getString("reason"));
    }
}
