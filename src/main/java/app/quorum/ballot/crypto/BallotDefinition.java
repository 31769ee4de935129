package app.quorum.ballot.crypto;

import app.quorum.platform.Jsons;
import java.util.List;

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

    /** An approval ballot's answers, in this order (§3). */
    public static final List<String> APPROVAL_CODES = List.of("YES", "NO", "ABSTAIN");

    /**
     * @throws IllegalArgumentException unless §3's shape: an id in {@code [1, 2^53 − 1]}; an approval with its three
     *                                  answers YES, NO, ABSTAIN in this order and {@code min = max = 1}; an election
     *                                  with {@code 0 ≤ min ≤ max}, {@code 1 ≤ max ≤ N}
     */
    public BallotDefinition {
        options = List.copyOf(options);
        Codec.checkInteger(id, 1, "ballotId");
        if (APPROVAL.equals(kind)) {
            if (!options.stream().map(Option::code).toList().equals(APPROVAL_CODES) || min != 1 || max != 1) {
                throw new IllegalArgumentException("an approval has the answers YES, NO, ABSTAIN and min = max = 1");
            }
        } else if (!ELECTION.equals(kind)) {
            throw new IllegalArgumentException("kind is APPROVAL or ELECTION");
        } else if (min < 0 || min > max || max < 1 || max > options.size()) {
            throw new IllegalArgumentException("an election has 0 ≤ min ≤ max, 1 ≤ max ≤ N");
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
        JsonArrayBuilder list = Jsons.JSON.createArrayBuilder();
        options.forEach(option -> list.add(Jsons.JSON.createObjectBuilder().add("code", option.code())
                .add("label", option.label())));
        return Jsons.JSON.createObjectBuilder().add("id", id).add("question", question).add("kind", kind)
                .add("options", list).add("min", min).add("max", max).add("context", context)
                .add("openedAt", openedAt).add("closedAt", closedAt).build();
    }

    /** The definition alone, {@code {"id", "question", "kind", "options", "min", "max"}}, as {@link #fromJson} reads it. */
    public JsonObject toJson() {
        JsonArrayBuilder list = Jsons.JSON.createArrayBuilder();
        options.forEach(option -> list.add(Jsons.JSON.createObjectBuilder().add("code", option.code())
                .add("label", option.label())));
        return Jsons.JSON.createObjectBuilder().add("id", id).add("question", question).add("kind", kind)
                .add("options", list).add("min", min).add("max", max).build();
    }

    public static BallotDefinition fromJson(JsonObject json) {
        List<Option> options = json.getJsonArray("options").getValuesAs(JsonObject.class).stream()
                .map(option -> new Option(option.getString("code"), option.getString("label"))).toList();
        return new BallotDefinition(Codec.integer(json.get("id"), 1, "ballot.id"), json.getString("question"),
                json.getString("kind"), options, Codec.smallInteger(json.get("min"), 0, "min"),
                Codec.smallInteger(json.get("max"), 0, "max"));
    }
}
