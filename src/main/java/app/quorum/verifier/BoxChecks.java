package app.quorum.verifier;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.IntStream;

import org.bouncycastle.math.ec.ECPoint;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The checks of the box (election-record.md §4, §6, §7): every listed paper's encodings, proofs and tracker, their
 * order and uniqueness; every audited paper's revelation and that none is counted; that no rejected paper is
 * counted; and the aggregate as the sum of the listed papers.
 */
final class BoxChecks {

    private final Facts facts;

    BoxChecks(Facts facts) {
        this.facts = facts;
    }

    void run(Report report) {
        report.check("paper encodings", this::encodings);
        report.check("paper proofs", this::proofs);
        report.check("paper trackers", this::trackers);
        report.check("paper order and uniqueness", this::uniqueness);
        report.check("audited papers", this::audited);
        report.check("audited papers not counted", this::auditedNotCounted);
        report.check("rejected papers not counted", this::rejectedNotCounted);
        report.check("aggregate", this::aggregate);
    }

    private String encodings() {
        facts.papers = decode(Fields.array(facts.root, "papers", "record"), "paper");
        return facts.papers.size() + " papers, each of " + facts.options + " ciphertexts with canonical points";
    }

    private List<Facts.DecodedPaper> decode(JsonNode list, String what) {
        List<Facts.DecodedPaper> papers = new ArrayList<>(list.size());
        for (int p = 0; p < list.size(); p++) {
            JsonNode paper = list.get(p);
            String where = what + " " + (p + 1);
            String paperId = Fields.text(paper, "paperId", where);
            Report.require(paperId.length() == 32 && Curve.isLowerHex(paperId),
                    where + ": paperId is not 32 lowercase hex digits");
            JsonNode ciphertexts = Fields.array(paper, "ciphertexts", where);
            Report.require(ciphertexts.size() == facts.options, where + ": not N ciphertexts");
            List<String> alphaHex = new ArrayList<>();
            List<String> betaHex = new ArrayList<>();
            List<ECPoint> alphas = new ArrayList<>();
            List<ECPoint> betas = new ArrayList<>();
            for (int o = 0; o < ciphertexts.size(); o++) {
                String at = where + ".ciphertexts[" + o + "]";
                alphas.add(Fields.point(ciphertexts.get(o), "alpha", at));
                betas.add(Fields.point(ciphertexts.get(o), "beta", at));
                alphaHex.add(Fields.text(ciphertexts.get(o), "alpha", at));
                betaHex.add(Fields.text(ciphertexts.get(o), "beta", at));
            }
            papers.add(new Facts.DecodedPaper(p + 1, paperId, Fields.text(paper, "tracker", where), alphaHex, betaHex,
                    alphas, betas, paper));
        }
        return papers;
    }

    private String proofs() {
        List<String> failures = IntStream.range(0, facts.papers.size()).parallel()
                .mapToObj(p -> proofFailure(facts.papers.get(p), "paper")).filter(Objects::nonNull).toList();
        Report.require(failures.isEmpty(), failures.isEmpty() ? "" : failures.get(0)
                + (failures.size() > 1 ? " (and " + (failures.size() - 1) + " more papers)" : ""));
        return facts.papers.size() * (facts.options + 1) + " proofs verify (" + facts.options
                + " bit proofs and one total proof in " + facts.min + ".." + facts.max + " per paper)";
    }

    /** The first failing proof of a paper, or null. */
    private String proofFailure(Facts.DecodedPaper paper, String what) {
        String where = what + " " + paper.position() + " (tracker " + paper.tracker() + ")";
        try {
            JsonNode bitProofs = Fields.array(paper.json(), "bitProofs", where);
            Report.require(bitProofs.size() == facts.options, where + ": not N bit proofs");
            ECPoint totalAlpha = Curve.CURVE.getInfinity();
            ECPoint totalBeta = Curve.CURVE.getInfinity();
            for (int o = 0; o < facts.options; o++) {
                JsonNode proof = bitProofs.get(o);
                String prefix = String.join("|", "quorum/v1/bit", facts.ballotContext, paper.paperId(),
                        Integer.toString(o));
                if (!Proofs.disjunctive(prefix, paper.alphas().get(o), paper.betas().get(o), new long[] {0, 1},
                        Fields.scalars(proof, "c", 2, where + ".bitProofs[" + o + "]"),
                        Fields.scalars(proof, "s", 2, where + ".bitProofs[" + o + "]"), facts.publicKey)) {
                    return where + ": the bit proof of option " + o + " (ciphertext " + o + ") does not verify";
                }
                totalAlpha = totalAlpha.add(paper.alphas().get(o));
                totalBeta = totalBeta.add(paper.betas().get(o));
            }
            long[] values = LongStreams.range(facts.min, facts.max);
            JsonNode total = Fields.object(paper.json(), "totalProof", where);
            String prefix = String.join("|", "quorum/v1/total", facts.ballotContext, paper.paperId(),
                    Integer.toString(facts.min), Integer.toString(facts.max));
            Report.require(!totalAlpha.isInfinity() && !totalBeta.isInfinity(), where + ": a total is the identity");
            if (!Proofs.disjunctive(prefix, totalAlpha.normalize(), totalBeta.normalize(), values,
                    Fields.scalars(total, "c", values.length, where + ".totalProof"),
                    Fields.scalars(total, "s", values.length, where + ".totalProof"), facts.publicKey)) {
                return where + ": the total proof (marks in " + facts.min + ".." + facts.max + ") does not verify";
            }
            return null;
        } catch (BadRecord bad) {
            return bad.getMessage();
        }
    }

    private String tracker(Facts.DecodedPaper paper) {
        List<String> fields = new ArrayList<>(List.of("quorum/v1/tracker", facts.ballotContext, paper.paperId()));
        for (int o = 0; o < facts.options; o++) {
            fields.add(paper.alphaHex().get(o));
            fields.add(paper.betaHex().get(o));
        }
        return Hashing.sha256hex(fields.toArray(String[]::new));
    }

    private String trackers() {
        for (Facts.DecodedPaper paper : facts.papers) {
            Report.require(tracker(paper).equals(paper.tracker()), "paper " + paper.position()
                    + ": its tracker is not the hash of its paperId and ciphertexts (" + tracker(paper) + ")");
        }
        return facts.papers.size() + " trackers recomputed";
    }

    private String uniqueness() {
        Set<String> ids = new HashSet<>();
        Set<String> alphas = new HashSet<>();
        String previous = "";
        for (Facts.DecodedPaper paper : facts.papers) {
            Report.require(paper.tracker().compareTo(previous) > 0,
                    "paper " + paper.position() + ": not in ascending tracker order");
            previous = paper.tracker();
            Report.require(ids.add(paper.paperId()), "paper " + paper.position() + ": its paperId repeats");
            for (String alpha : paper.alphaHex()) {
                Report.require(alphas.add(alpha), "paper " + paper.position() + ": an α repeats (replay)");
            }
        }
        return "ascending trackers, " + ids.size() + " distinct paper ids, " + alphas.size() + " distinct α";
    }

    private String audited() {
        List<Facts.DecodedPaper> audited = decode(Fields.array(facts.root, "audited", "record"), "audited paper");
        String previous = "";
        for (Facts.DecodedPaper paper : audited) {
            String where = "audited paper " + paper.position();
            Report.require(paper.tracker().compareTo(previous) > 0, where + ": not in ascending tracker order");
            previous = paper.tracker();
            JsonNode choices = Fields.array(paper.json(), "choices", where);
            Report.require(choices.size() == facts.options, where + ": not N choices");
            List<BigInteger> randomness = Fields.scalars(paper.json(), "randomness", facts.options, where);
            for (int o = 0; o < facts.options; o++) {
                long m = Fields.integer(choices.get(o), where + ".choices[" + o + "]");
                Report.require(m <= 1, where + ": choice " + o + " is not 0 or 1");
                BigInteger r = randomness.get(o);
                Report.require(paper.alphas().get(o).equals(Curve.GENERATOR.multiply(r))
                        && paper.betas().get(o).equals(Curve.timesG(m).add(facts.publicKey.multiply(r))),
                        where + ": option " + o + " does not open to its revealed choice and randomness");
            }
            Report.require(tracker(paper).equals(paper.tracker()), where + ": its tracker is not recomputed");
        }
        facts.audited = audited;
        return audited.size() + " audited papers open to their revelations";
    }

    private String auditedNotCounted() {
        Set<String> ids = new HashSet<>();
        Set<String> alphas = new HashSet<>();
        facts.papers.forEach(paper -> {
            ids.add(paper.paperId());
            alphas.addAll(paper.alphaHex());
        });
        for (Facts.DecodedPaper paper : facts.audited) {
            Report.require(!ids.contains(paper.paperId()) && paper.alphaHex().stream().noneMatch(alphas::contains),
                    "audited paper " + paper.position() + " is among the counted papers");
        }
        return "none of " + facts.audited.size() + " audited papers is counted";
    }

    private String rejectedNotCounted() {
        JsonNode rejected = Fields.array(facts.root, "rejected", "record");
        Set<String> counted = new HashSet<>();
        facts.papers.forEach(paper -> counted.add(paper.tracker()));
        for (int r = 0; r < rejected.size(); r++) {
            JsonNode paper = rejected.get(r);
            String where = "rejected paper " + (r + 1);
            JsonNode tracker = paper.get("tracker");
            String recomputed = trackerAsSent(paper);
            if (recomputed == null) {
                Report.require(tracker != null && tracker.isNull(), where + ": has no paper's shape, so its tracker is null");
                continue;
            }
            Report.require(tracker != null && tracker.isTextual() && recomputed.equals(tracker.textValue()),
                    where + ": its tracker is not the one of its fields as sent");
            Report.require(!counted.contains(recomputed), where + " is among the counted papers");
        }
        return "none of " + rejected.size() + " rejected papers is counted";
    }

    private String trackerAsSent(JsonNode paper) {
        JsonNode id = paper.get("paperId");
        JsonNode ciphertexts = paper.get("ciphertexts");
        if (id == null || !id.isTextual() || ciphertexts == null || !ciphertexts.isArray()
                || ciphertexts.size() != facts.options) {
            return null;
        }
        List<String> fields = new ArrayList<>(List.of("quorum/v1/tracker", facts.ballotContext, id.textValue()));
        for (JsonNode ciphertext : ciphertexts) {
            JsonNode alpha = ciphertext.get("alpha");
            JsonNode beta = ciphertext.get("beta");
            if (alpha == null || beta == null || !alpha.isTextual() || !beta.isTextual()) {
                return null;
            }
            fields.add(alpha.textValue());
            fields.add(beta.textValue());
        }
        return Hashing.sha256hex(fields.toArray(String[]::new));
    }

    private String aggregate() {
        JsonNode aggregate = facts.root.get("aggregate");
        if (facts.papers.isEmpty()) {
            Report.require(aggregate != null && aggregate.isNull(), "record.aggregate is not null for an empty box");
            return "no paper: the aggregate is null";
        }
        Report.require(aggregate != null && aggregate.isArray() && aggregate.size() == facts.options,
                "record.aggregate is not N ciphertexts");
        facts.aggregateAlphas = new ECPoint[facts.options];
        facts.aggregateBetas = new ECPoint[facts.options];
        for (int o = 0; o < facts.options; o++) {
            ECPoint alpha = Curve.CURVE.getInfinity();
            ECPoint beta = Curve.CURVE.getInfinity();
            for (Facts.DecodedPaper paper : facts.papers) {
                alpha = alpha.add(paper.alphas().get(o));
                beta = beta.add(paper.betas().get(o));
            }
            String where = "aggregate[" + o + "]";
            facts.aggregateAlphas[o] = Fields.point(aggregate.get(o), "alpha", where);
            facts.aggregateBetas[o] = Fields.point(aggregate.get(o), "beta", where);
            Report.require(alpha.equals(facts.aggregateAlphas[o]) && beta.equals(facts.aggregateBetas[o]),
                    where + " (option " + o + ") is not the sum of the listed papers' ciphertexts");
        }
        return "each option's (A, B) is the sum over the " + facts.papers.size() + " listed papers";
    }
}
