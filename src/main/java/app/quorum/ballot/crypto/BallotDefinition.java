package app.quorum.ballot.crypto;

import java.util.List;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;

import org.bouncycastle.math.ec.ECPoint;

/**
 * What a secret ballot asks (election-record.md §3): its id, question, kind ({@code APPROVAL} or {@code ELECTION}),
 * options in ballot order (code and label), and how many marks a paper carries, {@code min..max}. With the ceremony's
 * key it gives the ballot's context, which every proof and tracker of the ballot binds.
 */
public record BallotDefinition(long id, String question, String kind, List<Option> options, int min, int max) {

    public static final String APPROVAL = "APPROVAL";
    public static final String ELECTION = "ELECTION";

    /** One option: its code (YES, NO, ABSTAIN; C1, C2, …) and its label as shown. */
    public record Option(String code, String label) {
    }

    public BallotDefinition {
        options = List.copyOf(options);
        if (!APPROVAL.equals(kind) && !ELECTION.equals(kind)) {
            throw new IllegalArgumentException("kind is APPROVAL or ELECTION");
        }
        if (min < 0 || min > max || max > options.size() || options.isEmpty()) {
            throw new IllegalArgumentException("0 ≤ min ≤ max ≤ N, N ≥ 1");
        }
    }

    /**
     * {@code ballotContext = SHA256hex("quorum/v1/ballot|" + meetingId + "|" + ballotId + "|" + kind + "|" + N + "|" +
     * min + "|" + max + "|" + PK + "|" + ceremonyContext + "|" + SHA256hex(question) + "|" + SHA256hex(code_0) + "|" +
     * SHA256hex(label_0) + …)}.
     */
    public BallotContext context(long meetingId, ECPoint publicKey, String ceremonyContext) {
        Transcript transcript = Transcript.of("quorum/v1/ballot").number(meetingId).number(id).text(kind)
                .number(options.size()).number(min).number(max).point(publicKey).text(ceremonyContext)
                .text(Hashes.sha256hex(question));
        for (Option option : options) {
            transcript.text(Hashes.sha256hex(option.code())).text(Hashes.sha256hex(option.label()));
        }
        return new BallotContext(transcript.digest(), publicKey, options.size(), min, max);
    }

    /** The record's {@code ballot} object without its context and times, which {@link ElectionRecord} adds. */
    JsonObject toJson(String context, String openedAt, String closedAt) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        options.forEach(option -> list.add(Json.createObjectBuilder().add("code", option.code())
                .add("label", option.label())));
        return Json.createObjectBuilder().add("id", id).add("question", question).add("kind", kind)
                .add("options", list).add("min", min).add("max", max).add("context", context)
                .add("openedAt", openedAt).add("closedAt", closedAt).build();
    }

    static BallotDefinition fromJson(JsonObject json) {
        List<Option> options = json.getJsonArray("options").getValuesAs(JsonObject.class).stream()
                .map(option -> new Option(option.getString("code"), option.getString("label"))).toList();
        return new BallotDefinition(json.getJsonNumber("id").longValueExact(), json.getString("question"),
                json.getString("kind"), options, json.getInt("min"), json.getInt("max"));
    }
}
