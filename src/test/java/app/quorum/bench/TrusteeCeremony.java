package app.quorum.bench;

import app.quorum.ballot.crypto.Codec;
import app.quorum.ballot.crypto.EncryptedShare;
import app.quorum.ballot.crypto.Feldman;
import app.quorum.ballot.crypto.KeyShare;
import app.quorum.ballot.crypto.RoundOne;
import app.quorum.ballot.crypto.SchnorrProof;
import app.quorum.ballot.crypto.Trustee;
import app.quorum.testing.FacesClient;
import app.quorum.testing.FacesForm;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The meeting's key ceremony (election record §2) as the hall makes it: the secretary picks the trustees on her page
 * (secretary/trustees.xhtml, over HTTP as CeremonyIT's secretary does) and starts it with t = 2; the trustees' own
 * tablets — the same sessions that vote — run its three rounds through /api/delegate/trustee/ceremony with the Java
 * prover {@link Trustee} standing in for trustee.js (as CeremonyIT's devices do). Each device keeps its key share.
 */
final class TrusteeCeremony {

    private static final SecureRandom RANDOM = new SecureRandom();

    private TrusteeCeremony() {
    }

    /** The ready ceremony as the devices hold it: its context, the joint key, and each trustee's share by index. */
    record Key(String ceremonyContext, ECPoint publicKey, Map<Integer, KeyShare> shares) {
    }

    /** The secretary picks the trustees (participant ids, in order) with t = 2 and starts; their devices make the key. */
    static Key stage(URI base, long meetingId, List<HallTablet> trustees, String secretaryUser, String secretaryPassword,
            List<Long> trusteeIds, Consumer<String> event) throws Exception {
        long begin = System.nanoTime();
        FacesClient secretary = new FacesClient(base).signIn(secretaryUser, secretaryPassword);
        String page = "secretary/trustees.xhtml?id=" + meetingId;
        FacesForm choose = secretary.form(page, "choose");
        Map<String, String> picked = new HashMap<>();
        for (int i = 0; i < trusteeIds.size(); i++) {
            picked.put("choose:place:" + i + ":trustee", Long.toString(trusteeIds.get(i)));
        }
        picked.put("choose:threshold", "2");
        HttpResponse<String> started = secretary.ajax(choose, "choose", "choose:start", picked);
        if (started.statusCode() != 200 || !started.body().contains("<partial-response") || started.body().contains("<error>")) {
            throw new IllegalStateException("the secretary's start of the ceremony answered " + started.statusCode() + ": " + started.body());
        }
        List<Trustee> devices = new ArrayList<>();
        Map<Integer, KeyShare> shares = new HashMap<>();
        String ceremonyId = null;
        String ceremonyContext = null;
        for (HallTablet tablet : trustees) {
            JsonObject view = view(tablet);
            if (!"COLLECTING".equals(view.getString("status")) || view.getInt("n") != trustees.size() || view.getInt("t") != 2) {
                throw new IllegalStateException("the ceremony did not start as the secretary asked: " + view);
            }
            ceremonyId = view.getString("ceremonyId");
            ceremonyContext = view.getString("ceremonyContext");
            devices.add(Trustee.draw(ceremonyContext, view.getInt("index"), view.getInt("n"), view.getInt("t"), RANDOM));
        }
        for (int i = 0; i < trustees.size(); i++) {
            put(trustees.get(i), "ceremony/round-one", Json.createObjectBuilder().add("ceremonyId", ceremonyId)
                    .add("roundOne", roundOneJson(devices.get(i).roundOne())).build());
        }
        List<RoundOne> published = published(trustees.get(0));
        for (int i = 0; i < trustees.size(); i++) {
            JsonArrayBuilder boxes = Json.createArrayBuilder();
            devices.get(i).roundTwo(published).forEach(box -> boxes.add(box.toJson()));
            put(trustees.get(i), "ceremony/shares", Json.createObjectBuilder().add("ceremonyId", ceremonyId).add("shares", boxes).build());
        }
        JsonObject last = null;
        for (int i = 0; i < trustees.size(); i++) {
            List<EncryptedShare> received = view(trustees.get(i)).getJsonArray("boxes").getValuesAs(JsonObject.class).stream()
                    .map(EncryptedShare::fromJson).toList();
            KeyShare share = devices.get(i).roundThree(published, received);
            shares.put(share.index(), share);
            last = put(trustees.get(i), "ceremony/verification-key", Json.createObjectBuilder().add("ceremonyId", ceremonyId)
                    .add("verificationKey", Json.createObjectBuilder().add("index", share.index())
                            .add("verificationKey", Codec.hex(share.verificationKey())).add("verificationKeyProof", share.proof().toJson()))
                    .build());
        }
        if (!"READY".equals(last.getString("status")) || last.isNull("publicKey")) {
            throw new IllegalStateException("the ceremony is not READY after the three rounds: " + last);
        }
        ECPoint publicKey = Codec.point(last.getString("publicKey"));
        ECPoint joint = Feldman.jointKey(devices.stream().map(d -> d.roundOne().commitments()).toList());
        if (!Codec.hex(joint).equals(Codec.hex(publicKey))) {
            throw new IllegalStateException("the server's joint key is not the sum of the trustees' commitments");
        }
        event.accept("Key ceremony READY (3 trustees' tablets, t = 2; started by the secretary on secretary/trustees.xhtml) in "
                + HallReport.fmt((System.nanoTime() - begin) / 1e9) + " s");
        return new Key(ceremonyContext, publicKey, shares);
    }

    /** Everyone's round 1 as the server publishes it (read back, not the provers' own). */
    private static List<RoundOne> published(HallTablet tablet) throws IOException, InterruptedException {
        List<RoundOne> published = new ArrayList<>();
        for (JsonObject trustee : view(tablet).getJsonArray("trustees").getValuesAs(JsonObject.class)) {
            JsonObject one = trustee.getJsonObject("roundOne");
            published.add(new RoundOne(one.getInt("index"), Codec.point(one.getString("deviceKey")),
                    SchnorrProof.fromJson(one.getJsonObject("deviceKeyProof")),
                    one.getJsonArray("commitments").getValuesAs(JsonString.class).stream().map(p -> Codec.point(p.getString())).toList(),
                    SchnorrProof.fromJson(one.getJsonObject("commitmentProof"))));
        }
        return published;
    }

    private static JsonObject roundOneJson(RoundOne one) {
        JsonArrayBuilder points = Json.createArrayBuilder();
        one.commitments().forEach(point -> points.add(Codec.hex(point)));
        return Json.createObjectBuilder().add("index", one.index()).add("deviceKey", Codec.hex(one.deviceKey()))
                .add("deviceKeyProof", one.deviceKeyProof().toJson()).add("commitments", points)
                .add("commitmentProof", one.commitmentProof().toJson()).build();
    }

    // ---------------------------------------------------------------- the trustee API, with the tablet's session

    static JsonObject view(HallTablet tablet) throws IOException, InterruptedException {
        HttpResponse<String> answer = tablet.browser.send(tablet.browser.request("api/delegate/trustee/ceremony")
                .header("Accept", "application/json").GET().build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET /api/delegate/trustee/ceremony answered " + answer.statusCode() + ": " + answer.body());
        }
        return json(answer.body());
    }

    static JsonObject put(HallTablet tablet, String path, JsonObject body) throws IOException, InterruptedException {
        HttpResponse<String> answer = tablet.browser.send(tablet.browser.request("api/delegate/trustee/" + path)
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8)).build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("PUT /api/delegate/trustee/" + path + " answered " + answer.statusCode() + ": " + answer.body());
        }
        return json(answer.body());
    }

    static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
