package app.quorum.verifier;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECPoint;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The checks of the count (election-record.md §5.3, §6, §7): every decryption share's Chaum–Pedersen proof against
 * its trustee's verification key; at least {@code t} distinct trustees, {@code result.trustees} the first {@code t};
 * {@code result.papers}; each count {@code c_o} with {@code B_o − Σ_{j∈S} λ_j·D_jo == c_o·G}; and the fingerprint.
 */
final class TallyChecks {

    private final Facts facts;
    private List<Long> counts;

    TallyChecks(Facts facts) {
        this.facts = facts;
    }

    void run(Report report) {
        report.check("decryption proofs", this::decryptionProofs);
        report.check("trustees who decrypted", this::trustees);
        report.check("number of papers", this::paperCount);
        report.check("counts", this::counts);
        report.check("fingerprint", this::fingerprint);
    }

    private JsonNode result() {
        return Fields.object(facts.root, "result", "record");
    }

    private String decryptionProofs() {
        JsonNode decryptions = Fields.array(facts.root, "decryptions", "record");
        if (facts.papers.isEmpty()) {
            Report.require(decryptions.isEmpty(), "record.decryptions is not empty for an empty box");
            return "no paper: no decryption";
        }
        long previous = 0;
        int proofs = 0;
        for (int d = 0; d < decryptions.size(); d++) {
            JsonNode decryption = decryptions.get(d);
            long index = Fields.id(decryption, "index", "decryptions[" + d + "]");
            String where = "decryption of trustee " + index;
            Report.require(index > previous && index <= facts.trustees,
                    where + ": indices are not distinct trustees 1..n in ascending order");
            previous = index;
            JsonNode shares = Fields.array(decryption, "shares", where);
            Report.require(shares.size() == facts.options, where + ": not N shares");
            List<ECPoint> ds = new ArrayList<>();
            for (int o = 0; o < facts.options; o++) {
                String at = where + ", option " + o;
                ECPoint share = Fields.point(shares.get(o), "d", at);
                JsonNode proof = Fields.object(shares.get(o), "proof", at);
                Report.require(Proofs.decryption(facts.ballotContext, index, o, facts.verificationKeys.get((int) index),
                        facts.aggregateAlphas[o], share, Fields.point(proof, "a", at), Fields.point(proof, "b", at),
                        Fields.scalar(proof, "c", at), Fields.scalar(proof, "s", at)),
                        at + ": the partial decryption's proof does not verify");
                ds.add(share);
                proofs++;
            }
            facts.shares.put((int) index, ds);
        }
        return proofs + " partial decryptions verify against their trustees' verification keys";
    }

    private String trustees() {
        JsonNode listed = Fields.array(result(), "trustees", "result");
        List<Integer> stated = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            stated.add((int) Fields.integer(listed.get(i), 1, "result.trustees[" + i + "]"));
        }
        if (facts.papers.isEmpty()) {
            Report.require(stated.isEmpty(), "result.trustees is not empty for an empty box");
            return "no paper: no trustee needed";
        }
        Report.require(facts.shares.size() >= facts.threshold,
                "only " + facts.shares.size() + " trustees decrypted, fewer than t = " + facts.threshold);
        List<Integer> first = facts.shares.keySet().stream().limit(facts.threshold).toList();
        Report.require(first.equals(stated), "result.trustees " + stated + " is not the first t who decrypted, " + first);
        return facts.shares.size() + " trustees decrypted (t = " + facts.threshold + "); combined: " + stated;
    }

    private String paperCount() {
        long stated = Fields.integer(result(), "papers", "result");
        Report.require(stated == facts.papers.size(),
                "result.papers is " + stated + ", the record lists " + facts.papers.size());
        return stated + " papers";
    }

    private String counts() {
        JsonNode listed = Fields.array(result(), "counts", "result");
        Report.require(listed.size() == facts.options, "result.counts is not N counts");
        counts = new ArrayList<>();
        for (int o = 0; o < facts.options; o++) {
            long count = Fields.integer(listed.get(o), "result.counts[" + o + "]");
            Report.require(count <= facts.papers.size(), "count of option " + o + " exceeds the papers");
            counts.add(count);
        }
        if (facts.papers.isEmpty()) {
            Report.require(counts.stream().allMatch(c -> c == 0), "an empty box counts 0 for every option");
            return "every count is 0";
        }
        List<Integer> set = facts.shares.keySet().stream().limit(facts.threshold).toList();
        Report.require(set.size() == facts.threshold, "fewer than t verified decryptions to combine");
        BigInteger[] lambdas = new BigInteger[set.size()];
        for (int a = 0; a < set.size(); a++) {
            BigInteger lambda = BigInteger.ONE;
            for (int m : set) {
                if (m != set.get(a)) {
                    lambda = lambda.multiply(BigInteger.valueOf(m))
                            .multiply(BigInteger.valueOf(m - set.get(a)).mod(Curve.ORDER).modInverse(Curve.ORDER))
                            .mod(Curve.ORDER);
                }
            }
            lambdas[a] = lambda;
        }
        for (int o = 0; o < facts.options; o++) {
            ECPoint[] shares = new ECPoint[set.size()];
            for (int a = 0; a < set.size(); a++) {
                shares[a] = facts.shares.get(set.get(a)).get(o);
            }
            ECPoint t = facts.aggregateBetas[o].subtract(ECAlgorithms.sumOfMultiplies(shares, lambdas));
            ECPoint expected = counts.get(o) == 0 ? Curve.CURVE.getInfinity() : Curve.timesG(counts.get(o));
            Report.require(t.equals(expected), "the count of option " + o + " (" + counts.get(o)
                    + ") is not what the trustees' shares decrypt");
        }
        return "counts " + counts + " decrypted from the aggregate by trustees " + set;
    }

    /**
     * §7: SHA256hex of the context, the listed trackers, "audited" and the audited trackers, "rejected" and the
     * rejected trackers ("null" for none), the aggregate (or "null"), each listed decryption's index and D's, and the
     * counts — all as the record writes them (the other checks say whether they are right).
     */
    private String fingerprint() {
        JsonNode root = facts.root;
        List<String> fields = new ArrayList<>(List.of("quorum/v1/record", facts.ballotContext));
        Fields.array(root, "papers", "record").forEach(paper -> fields.add(Fields.text(paper, "tracker", "paper")));
        fields.add("audited");
        Fields.array(root, "audited", "record").forEach(paper -> fields.add(Fields.text(paper, "tracker", "audited")));
        fields.add("rejected");
        for (JsonNode paper : Fields.array(root, "rejected", "record")) {
            fields.add(paper.path("tracker").isNull() ? "null" : Fields.text(paper, "tracker", "rejected paper"));
        }
        JsonNode aggregate = root.get("aggregate");
        if (aggregate == null || aggregate.isNull()) {
            fields.add("null");
        } else {
            for (JsonNode sum : aggregate) {
                fields.add(Fields.text(sum, "alpha", "aggregate"));
                fields.add(Fields.text(sum, "beta", "aggregate"));
            }
        }
        for (JsonNode decryption : Fields.array(root, "decryptions", "record")) {
            fields.add(Long.toString(Fields.id(decryption, "index", "decryption")));
            Fields.array(decryption, "shares", "decryption")
                    .forEach(share -> fields.add(Fields.text(share, "d", "decryption share")));
        }
        Fields.array(result(), "counts", "result")
                .forEach(count -> fields.add(Long.toString(Fields.integer(count, "result.counts"))));
        String fingerprint = Hashing.sha256hex(fields.toArray(String[]::new));
        Report.require(fingerprint.equals(Fields.text(root, "fingerprint", "record")),
                "record.fingerprint is not the hash of the context, the counted, audited and rejected trackers, the "
                + "aggregate, the decryptions and the counts: " + fingerprint);
        return fingerprint;
    }
}
