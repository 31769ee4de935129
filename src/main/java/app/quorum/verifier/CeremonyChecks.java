package app.quorum.verifier;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The checks of the group, the ceremony and the ballot's context (election-record.md §1–§3, §7): the group's
 * parameters, the ceremony context, every trustee's Schnorr proofs, every verification key
 * {@code X_j = Σ_i Σ_k j^k·C_ik}, the public key {@code PK = Σ_i C_i0}, and the ballot context recomputed.
 */
final class CeremonyChecks {

    private static final String Q_HEX = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551";
    private static final String G_HEX = "036b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296";

    private final Facts facts;
    private final List<List<ECPoint>> commitments = new ArrayList<>();

    CeremonyChecks(Facts facts) {
        this.facts = facts;
    }

    void run(Report report) {
        report.check("format and group", this::group);
        report.check("ceremony context", this::ceremonyContext);
        report.check("trustee proofs", this::trusteeProofs);
        report.check("verification keys", this::verificationKeys);
        report.check("public key", this::publicKey);
        report.check("ballot context", this::ballotContext);
    }

    private String group() {
        JsonNode root = facts.root;
        Report.require("quorum-election-record/1".equals(Fields.text(root, "format", "record")),
                "record.format is not quorum-election-record/1");
        Report.require(facts.wrongNumber == null, "the number " + facts.wrongNumber
                + " is not an integer written as digits only, at most 2^53 - 1 (§1)");
        JsonNode group = Fields.object(root, "group", "record");
        Report.require("P-256".equals(Fields.text(group, "curve", "group")), "group.curve is not P-256");
        Report.require(Q_HEX.equals(Fields.text(group, "order", "group")), "group.order is not P-256's order");
        Report.require(G_HEX.equals(Fields.text(group, "generator", "group")), "group.generator is not P-256's G");
        Report.require(Curve.hex(Curve.GENERATOR).equals(G_HEX) && Curve.ORDER.toString(16).equals(Q_HEX),
                "this verifier's own P-256 parameters are not the standard ones");
        return "P-256, q and G as standardised; every number an integer as §1 writes it";
    }

    private String ceremonyContext() {
        facts.meetingId = Fields.id(Fields.object(facts.root, "meeting", "record"), "id", "meeting");
        JsonNode ceremony = Fields.object(facts.root, "ceremony", "record");
        String id = Fields.text(ceremony, "id", "ceremony");
        Report.require(id.length() == 32 && Curve.isLowerHex(id), "ceremony.id is not 32 lowercase hex digits");
        facts.trustees = (int) Fields.integer(ceremony, "n", "ceremony");
        facts.threshold = (int) Fields.integer(ceremony, "threshold", "ceremony");
        Report.require(facts.threshold >= 1 && facts.threshold <= facts.trustees && facts.trustees <= 9,
                "ceremony: not 1 ≤ t ≤ n ≤ 9");
        String context = Hashing.sha256hex("quorum/v1/ceremony", Long.toString(facts.meetingId), id,
                Integer.toString(facts.trustees), Integer.toString(facts.threshold));
        facts.ceremonyContext = context;
        Report.require(context.equals(Fields.text(ceremony, "context", "ceremony")),
                "ceremony.context is not SHA256hex(quorum/v1/ceremony|meeting|id|n|t) = " + context);
        return "meeting " + facts.meetingId + ", " + facts.threshold + " of " + facts.trustees + " trustees, context "
                + context;
    }

    private String trusteeProofs() {
        JsonNode list = Fields.array(Fields.object(facts.root, "ceremony", "record"), "trustees", "ceremony");
        Report.require(list.size() == facts.trustees, "ceremony.trustees lists " + list.size() + ", not n");
        commitments.clear();
        for (int i = 0; i < list.size(); i++) {
            JsonNode trustee = list.get(i);
            String where = "trustee " + (i + 1);
            Report.require(Fields.id(trustee, "index", where) == i + 1, where + ": index is not " + (i + 1));
            JsonNode points = Fields.array(trustee, "commitments", where);
            Report.require(points.size() == facts.threshold, where + ": not t commitments");
            List<ECPoint> own = new ArrayList<>();
            for (int k = 0; k < points.size(); k++) {
                own.add(Curve.point(points.get(k).isTextual() ? points.get(k).textValue() : null,
                        where + ".commitments[" + k + "]"));
            }
            commitments.add(own);
            ECPoint key = Fields.point(trustee, "verificationKey", where);
            facts.verificationKeys.put(i + 1, key);
            schnorr(trustee, "deviceKeyProof", "device", i + 1, Fields.point(trustee, "deviceKey", where), where);
            schnorr(trustee, "commitmentProof", "commitment", i + 1, own.get(0), where);
            schnorr(trustee, "verificationKeyProof", "share", i + 1, key, where);
        }
        return 3 * list.size() + " Schnorr proofs verify (device key, first commitment, verification key of each)";
    }

    private void schnorr(JsonNode trustee, String field, String tag, int index, ECPoint key, String where) {
        JsonNode proof = Fields.object(trustee, field, where);
        ECPoint a = Fields.point(proof, "a", where + "." + field);
        BigInteger c = Fields.scalar(proof, "c", where + "." + field);
        BigInteger s = Fields.scalar(proof, "s", where + "." + field);
        Report.require(Proofs.schnorr(tag, facts.ceremonyContext, index, key, a, c, s),
                where + ": " + field + " does not verify");
    }

    private String verificationKeys() {
        Report.require(commitments.size() == facts.trustees, "the trustees' commitments could not be read");
        for (int j = 1; j <= facts.trustees; j++) {
            ECPoint[] points = new ECPoint[facts.trustees * facts.threshold];
            BigInteger[] powers = new BigInteger[points.length];
            for (int i = 0; i < facts.trustees; i++) {
                BigInteger power = BigInteger.ONE;
                for (int k = 0; k < facts.threshold; k++) {
                    points[i * facts.threshold + k] = commitments.get(i).get(k);
                    powers[i * facts.threshold + k] = power;
                    power = power.multiply(BigInteger.valueOf(j)).mod(Curve.ORDER);
                }
            }
            Report.require(ECAlgorithms.sumOfMultiplies(points, powers).equals(facts.verificationKeys.get(j)),
                    "trustee " + j + ": verificationKey is not Σ_i Σ_k j^k·C_ik");
        }
        return "each X_j is the one the commitments determine";
    }

    private String publicKey() {
        ECPoint stated = Fields.point(Fields.object(facts.root, "ceremony", "record"), "publicKey", "ceremony");
        facts.publicKey = stated;
        ECPoint sum = Curve.CURVE.getInfinity();
        for (List<ECPoint> own : commitments) {
            sum = sum.add(own.get(0));
        }
        Report.require(commitments.size() == facts.trustees && sum.equals(stated),
                "ceremony.publicKey is not the sum of the trustees' C_i0");
        return "PK = Σ C_i0 = " + Curve.hex(stated);
    }

    private String ballotContext() {
        JsonNode ballot = Fields.object(facts.root, "ballot", "record");
        String kind = Fields.text(ballot, "kind", "ballot");
        Report.require(kind.equals("APPROVAL") || kind.equals("ELECTION"), "ballot.kind is not APPROVAL or ELECTION");
        JsonNode options = Fields.array(ballot, "options", "ballot");
        facts.options = options.size();
        facts.min = (int) Fields.integer(ballot, "min", "ballot");
        facts.max = (int) Fields.integer(ballot, "max", "ballot");
        if (kind.equals("APPROVAL")) {
            List<String> codes = new ArrayList<>();
            options.forEach(option -> codes.add(option.path("code").asText()));
            Report.require(codes.equals(List.of("YES", "NO", "ABSTAIN")) && facts.min == 1 && facts.max == 1,
                    "ballot: an approval has the answers YES, NO, ABSTAIN and min = max = 1 (§3)");
        } else {
            Report.require(facts.options >= 1 && facts.min <= facts.max && facts.max >= 1 && facts.max <= facts.options,
                    "ballot: an election has 0 ≤ min ≤ max, 1 ≤ max ≤ N (§3)");
        }
        List<String> fields = new ArrayList<>(List.of("quorum/v1/ballot", Long.toString(facts.meetingId),
                Long.toString(Fields.id(ballot, "id", "ballot")), kind, Integer.toString(facts.options),
                Integer.toString(facts.min), Integer.toString(facts.max), Curve.hex(facts.publicKey),
                facts.ceremonyContext, Hashing.sha256hex(Fields.text(ballot, "question", "ballot"))));
        for (int o = 0; o < options.size(); o++) {
            fields.add(Hashing.sha256hex(Fields.text(options.get(o), "code", "ballot.options[" + o + "]")));
            fields.add(Hashing.sha256hex(Fields.text(options.get(o), "label", "ballot.options[" + o + "]")));
        }
        String context = Hashing.sha256hex(fields.toArray(String[]::new));
        facts.ballotContext = context;
        Report.require(context.equals(Fields.text(ballot, "context", "ballot")),
                "ballot.context is not the one its fields give: " + context);
        return kind + ", " + facts.options + " options, " + facts.min + ".." + facts.max + " marks, context " + context;
    }
}
