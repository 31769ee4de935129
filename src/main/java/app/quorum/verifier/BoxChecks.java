package app.quorum.verifier;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.bouncycastle.math.ec.ECPoint;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The checks of the box (election-record.md §4, §6, §7): every listed paper's encodings, proofs and tracker, their
 * order and uniqueness; every audited paper's revelation and that none is counted; that no rejected paper is
 * counted; and the aggregate as the sum of the listed papers.
 */
final class BoxChecks {

    /** The reasons a paper is refused for (§4). */
    private static final Set<String> REASONS = Set.of("ballot.crypto.paper.shape", "ballot.crypto.paper.encoding",
            "ballot.crypto.paper.bit-proof", "ballot.crypto.paper.total-proof", "ballot.crypto.paper.duplicate-id",
            "ballot.crypto.paper.replay");

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

    /**
     * Every paper's proofs: read, each challenge against its published commitments, then all the papers' equations
     * in one small-exponents batch (§5.4); when the batch fails, one by one to name the papers.
     */
    private String proofs() {
        List<Object> read = facts.papers.parallelStream().map(paper -> (Object) readProofs(paper)).toList();
        List<String> failures = new ArrayList<>();
        List<PaperProofs> good = new ArrayList<>();
        for (Object outcome : read) {
            if (outcome instanceof String failure) {
                failures.add(failure);
            } else {
                good.add((PaperProofs) outcome);
            }
        }
        List<SmallExponents.Terms> terms = good.parallelStream().map(this::terms).toList();
        boolean batched = good.isEmpty() || SmallExponents.vanishes(terms, facts.publicKey);
        if (!batched) {
            failures.addAll(good.parallelStream().map(this::equationFailure).filter(Objects::nonNull).toList());
        }
        Report.require(failures.isEmpty(), failures.isEmpty() ? "" : failures.get(0)
                + (failures.size() > 1 ? " (and " + (failures.size() - 1) + " more papers)" : ""));
        return facts.papers.size() * (facts.options + 1) + " proofs verify (" + facts.options
                + " bit proofs and one total proof in " + facts.min + ".." + facts.max + " per paper; every challenge "
                + "hashed, the " + 2 * facts.papers.size() * (2 * facts.options + facts.max - facts.min + 1)
                + " equations in one batch)";
    }

    /** A paper's proofs as read, with the total ciphertext {@code (Σ α_o, Σ β_o)}. */
    private record PaperProofs(Facts.DecodedPaper paper, String where, List<Proofs.OneOf> bits, Proofs.OneOf total,
            ECPoint totalAlpha, ECPoint totalBeta) {
    }

    /** The proofs of a paper whose challenges all hold, or the first failure. */
    private Object readProofs(Facts.DecodedPaper paper) {
        String where = "paper " + paper.position() + " (tracker " + paper.tracker() + ")";
        try {
            JsonNode bitProofs = Fields.array(paper.json(), "bitProofs", where);
            Report.require(bitProofs.size() == facts.options, where + ": not N bit proofs");
            List<Proofs.OneOf> bits = new ArrayList<>();
            ECPoint totalAlpha = Curve.CURVE.getInfinity();
            ECPoint totalBeta = Curve.CURVE.getInfinity();
            for (int o = 0; o < facts.options; o++) {
                Proofs.OneOf proof = Proofs.OneOf.read(bitProofs.get(o), 2, where + ".bitProofs[" + o + "]");
                if (!Proofs.challengeHolds(bitPrefix(paper, o), paper.alphas().get(o), paper.betas().get(o), proof)) {
                    return bitFailure(where, o);
                }
                bits.add(proof);
                totalAlpha = totalAlpha.add(paper.alphas().get(o));
                totalBeta = totalBeta.add(paper.betas().get(o));
            }
            Report.require(!totalAlpha.isInfinity() && !totalBeta.isInfinity(), where + ": a total is the identity");
            ECPoint[] totals = {totalAlpha, totalBeta};
            Curve.CURVE.normalizeAll(totals);
            Proofs.OneOf total = Proofs.OneOf.read(Fields.object(paper.json(), "totalProof", where),
                    facts.max - facts.min + 1, where + ".totalProof");
            if (!Proofs.challengeHolds(totalPrefix(paper), totals[0], totals[1], total)) {
                return totalFailure(where);
            }
            return new PaperProofs(paper, where, bits, total, totals[0], totals[1]);
        } catch (BadRecord bad) {
            return bad.getMessage();
        }
    }

    /** The paper's equations with their weights; the total proof's terms on (Σ α, Σ β) go to every α_o, β_o. */
    private SmallExponents.Terms terms(PaperProofs proofs) {
        SmallExponents.Terms terms = new SmallExponents.Terms();
        BigInteger[] total = terms.addOneOf(proofs.total(), LongStreams.range(facts.min, facts.max));
        for (int o = 0; o < facts.options; o++) {
            BigInteger[] bit = terms.addOneOf(proofs.bits().get(o), new long[] {0, 1});
            terms.add(proofs.paper().alphas().get(o), bit[0].add(total[0]));
            terms.add(proofs.paper().betas().get(o), bit[1].add(total[1]));
        }
        return terms;
    }

    /** The first proof of a paper whose equations fail, one by one, or null. */
    private String equationFailure(PaperProofs proofs) {
        for (int o = 0; o < facts.options; o++) {
            if (!Proofs.equationsHold(proofs.paper().alphas().get(o), proofs.paper().betas().get(o), new long[] {0, 1},
                    proofs.bits().get(o), facts.publicKey)) {
                return bitFailure(proofs.where(), o);
            }
        }
        return Proofs.equationsHold(proofs.totalAlpha(), proofs.totalBeta(), LongStreams.range(facts.min, facts.max),
                proofs.total(), facts.publicKey) ? null : totalFailure(proofs.where());
    }

    private String bitPrefix(Facts.DecodedPaper paper, int o) {
        return String.join("|", "quorum/v1/bit", facts.ballotContext, paper.paperId(), Integer.toString(o));
    }

    private String totalPrefix(Facts.DecodedPaper paper) {
        return String.join("|", "quorum/v1/total", facts.ballotContext, paper.paperId(), Integer.toString(facts.min),
                Integer.toString(facts.max));
    }

    private static String bitFailure(String where, int o) {
        return where + ": the bit proof of option " + o + " (ciphertext " + o + ") does not verify";
    }

    private String totalFailure(String where) {
        return where + ": the total proof (marks in " + facts.min + ".." + facts.max + ") does not verify";
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
            JsonNode reason = paper.path("reason");
            Report.require(reason.isTextual() && REASONS.contains(reason.textValue()),
                    where + ": its reason is not one of §4's");
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
        return "none of " + rejected.size() + " rejected papers is counted, each with one of §4's reasons";
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
