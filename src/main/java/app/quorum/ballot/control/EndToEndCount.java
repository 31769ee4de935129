package app.quorum.ballot.control;

import static app.quorum.ballot.control.EndToEndBallots.read;

import app.quorum.ballot.crypto.Aggregate;
import app.quorum.ballot.crypto.BallotClose;
import app.quorum.ballot.crypto.BallotContext;
import app.quorum.ballot.crypto.BallotDefinition;
import app.quorum.ballot.crypto.Ceremony;
import app.quorum.ballot.crypto.ElectionRecord;
import app.quorum.ballot.crypto.Fingerprint;
import app.quorum.ballot.crypto.Paper;
import app.quorum.ballot.crypto.PartialDecryption;
import app.quorum.ballot.crypto.PreparedPaper;
import app.quorum.ballot.crypto.RejectedPaper;
import app.quorum.ballot.crypto.ThresholdDecryption;
import app.quorum.ballot.crypto.Tracker;
import app.quorum.ballot.entity.ApprovalBox;
import app.quorum.ballot.entity.AuditedPaper;
import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BallotElection;
import app.quorum.ballot.entity.BallotKind;
import app.quorum.ballot.entity.BallotOption;
import app.quorum.ballot.entity.BallotResult;
import app.quorum.ballot.entity.Election;
import app.quorum.ballot.entity.ElectionBox;
import app.quorum.ballot.entity.Electorate;
import app.quorum.ballot.entity.EncryptedPaper;
import app.quorum.ballot.entity.RejectedPaperEntry;
import app.quorum.ballot.entity.Result;
import app.quorum.ballot.entity.StoredElectionRecord;
import app.quorum.ballot.entity.Tally;
import app.quorum.ballot.entity.TrusteeDecryption;
import app.quorum.platform.Jsons;
import app.quorum.platform.Refusal;
import app.quorum.platform.audit.AuditLog;
import app.quorum.platform.push.Changed;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The count of an end-to-end ballot, after its close (election-record.md §6–§7): the box's proofs checked again and its
 * sums fixed at the close, the box a trustee's device checks and decrypts, each trustee's partial decryption checked
 * against their verification key, and — once {@code t} have answered — the counts, the result by the ballot's rule and
 * the public election record with its fingerprint, stored once; the secretary's recount of it. No paper is ever opened.
 * What comes before the close — binding, casting, auditing — is {@link EndToEndBallots}'s. Callers check roles.
 */
@Stateless
@PermitAll
public class EndToEndCount {

    private static final SecureRandom WEIGHTS = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    EndToEndBallots boxes;

    @Inject
    AuditLog audit;

    @Inject
    Event<Changed> changed;

    Clock clock = Clock.systemUTC();
    /**
     * At the close (the ballot row locked by the caller): every stored paper's proofs checked again in one batch (a
     * paper changed in the database after it was accepted stops the close, named), the aggregate fixed with the
     * turnout. With no paper there is nothing to decrypt: the ballot is counted at once.
     */
    public void close(Ballot ballot, BallotElection election, int voted) {
        List<Paper> papers = boxes.papers(ballot.getId());
        BallotContext context = boxes.context(ballot, election);
        try {
            BallotClose.checkStored(context, papers, WEIGHTS);
        } catch (IllegalStateException tampered) {
            audit.record("ballot.boxTampered", "ballot", ballot.getId(), ballot.getMeeting().getId(), tampered.getMessage());
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.e2e.boxTampered");
        }
        Aggregate aggregate = Aggregate.of(papers, context.options());
        election.close(aggregate == null ? null : aggregate.toJson().toString(), voted);
        if (aggregate == null) {
            count(ballot, election, List.of());
        }
    }

    /** Whether a closed end-to-end ballot still waits for its trustees. */
    public boolean awaitingTrustees(long ballotId) {
        BallotElection election = em.find(BallotElection.class, ballotId);
        return election != null && election.isClosed() && em.find(StoredElectionRecord.class, ballotId) == null;
    }


    /**
     * What a trustee's device needs to decrypt (§6): its index and the ceremony's id (to find its key share), the ballot's
     * public fields, the turnout, every accepted and audited paper, and the aggregate the server computed (the device recomputes it and only compares).
     */
    public JsonObject trusteeBox(Ballot ballot, int index) {
        BallotElection election = closedElection(ballot.getId());
        var papers = Jsons.JSON.createArrayBuilder();
        em.createNamedQuery(EncryptedPaper.OF_BALLOT, EncryptedPaper.class).setParameter("ballotId", ballot.getId())
                .getResultStream().forEach(p -> papers.add(read(p.getPaper())));
        var audited = Jsons.JSON.createArrayBuilder();
        em.createNamedQuery(AuditedPaper.OF_BALLOT, AuditedPaper.class).setParameter("ballotId", ballot.getId())
                .getResultStream().forEach(p -> audited.add(read(p.getPaper())));
        var json = Jsons.JSON.createObjectBuilder().add("index", index)
                .add("ceremonyId", read(election.getCeremony()).getString("id"))
                .add("ballot", boxes.fields(ballot.getMeeting().getId(), election))
                .add("turnout", election.getTurnout()).add("papers", papers).add("audited", audited);
        if (election.getAggregate() == null) {
            json.addNull("aggregate");
        } else {
            json.add("aggregate", Jsons.JSON.createReader(new StringReader(election.getAggregate())).readArray());
        }
        return json.build();
    }

    private BallotElection closedElection(long ballotId) {
        BallotElection election = em.find(BallotElection.class, ballotId);
        if (election == null || !election.isClosed()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.e2e.notClosed");
        }
        return election;
    }

    /** The ceremony a ballot was opened under. */
    public Ceremony ceremony(long ballotId) {
        BallotElection election = em.find(BallotElection.class, ballotId);
        if (election == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "ballot.notFound");
        }
        return Ceremony.fromJson(read(election.getCeremony()));
    }

    /** How many trustees have given a decryption that verified. */
    public int decryptions(long ballotId) {
        return em.createNamedQuery(TrusteeDecryption.OF_BALLOT, TrusteeDecryption.class).setParameter("ballotId", ballotId)
                .getResultList().size();
    }

    /** Whether this trustee's decryption of the ballot is stored. */
    public boolean decrypted(long ballotId, int index) {
        return em.find(TrusteeDecryption.class, new TrusteeDecryption.Key(ballotId, index)) != null;
    }

    /**
     * A trustee's partial decryption (§6): checked against their verification key and the aggregate fixed at the
     * close, stored, and — once {@code t} trustees have answered — the count. The ballot row is locked first, so two
     * trustees answering together count once.
     *
     * @return whether the ballot is now counted
     */
    public boolean decrypt(long ballotId, int index, JsonObject sent) {
        Ballot ballot = em.find(Ballot.class, ballotId, LockModeType.PESSIMISTIC_WRITE);
        if (ballot == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "ballot.notFound");
        }
        BallotElection election = closedElection(ballotId);
        if (em.find(StoredElectionRecord.class, ballotId) != null) {
            throw new Refusal(Refusal.Kind.DUPLICATE, "ballot.e2e.alreadyCounted");
        }
        if (decrypted(ballotId, index)) {
            throw new Refusal(Refusal.Kind.DUPLICATE, "ballot.e2e.alreadyDecrypted");
        }
        Ceremony ceremony = Ceremony.fromJson(read(election.getCeremony()));
        Aggregate aggregate = Aggregate.fromJson(Jsons.JSON.createReader(new StringReader(election.getAggregate())).readArray());
        PartialDecryption decryption;
        try {
            decryption = PartialDecryption.fromJson(sent);
        } catch (RuntimeException notADecryption) {
            throw new Refusal(Refusal.Kind.INVALID, "ballot.e2e.decryptionInvalid");
        }
        if (decryption.index() != index || decryption.shares().size() != aggregate.size()
                || BallotClose.accepted(ceremony, election.getContext(), aggregate, List.of(decryption)).isEmpty()) {
            audit.record("ballot.decryptionRefused", "ballot", ballotId, ballot.getMeeting().getId(), "trustee " + index);
            throw new Refusal(Refusal.Kind.INVALID, "ballot.e2e.decryptionInvalid");
        }
        em.persist(new TrusteeDecryption(ballotId, index, decryption.toJson().toString()));
        em.flush();
        audit.record("ballot.decryption", "ballot", ballotId, ballot.getMeeting().getId(), "trustee " + index);
        List<PartialDecryption> all = em.createNamedQuery(TrusteeDecryption.OF_BALLOT, TrusteeDecryption.class)
                .setParameter("ballotId", ballotId).getResultStream()
                .map(d -> PartialDecryption.fromJson(read(d.getDecryption()))).toList();
        boolean counted = all.size() >= ceremony.threshold();
        if (counted) {
            count(ballot, election, all);
        }
        changed.fire(new Changed(ballot.getMeeting().getId(), Changed.What.PROCEEDINGS));
        return counted;
    }

    /**
     * The count: the counts from the first {@code t} decryptions (§6), the result by the ballot's rule, and the public
     * record with its fingerprint, stored once.
     */
    private void count(Ballot ballot, BallotElection election, List<PartialDecryption> decryptions) {
        long ballotId = ballot.getId();
        Ceremony ceremony = Ceremony.fromJson(read(election.getCeremony()));
        BallotDefinition definition = BallotDefinition.fromJson(read(election.getDefinition()));
        List<EncryptedPaper> stored = em.createNamedQuery(EncryptedPaper.OF_BALLOT, EncryptedPaper.class)
                .setParameter("ballotId", ballotId).getResultList();
        List<Paper> papers = stored.stream().map(p -> Paper.fromJson(read(p.getPaper()))).toList();
        List<String> trackers = stored.stream().map(EncryptedPaper::getTracker).toList();
        List<PreparedPaper> audited = em.createNamedQuery(AuditedPaper.OF_BALLOT, AuditedPaper.class)
                .setParameter("ballotId", ballotId).getResultStream().map(p -> PreparedPaper.fromJson(read(p.getPaper()))).toList();
        List<RejectedPaper> rejected = em.createNamedQuery(RejectedPaperEntry.OF_BALLOT, RejectedPaperEntry.class)
                .setParameter("ballotId", ballotId).getResultStream().map(p -> RejectedPaper.fromJson(read(p.getPaper()))).toList();
        Aggregate aggregate = election.getAggregate() == null ? null
                : Aggregate.fromJson(Jsons.JSON.createReader(new StringReader(election.getAggregate())).readArray());
        long[] counts = new long[definition.options().size()];
        List<PartialDecryption> chosen = List.of();
        if (aggregate != null) {
            chosen = ThresholdDecryption.firstT(decryptions, ceremony.threshold());
            counts = ThresholdDecryption.counts(aggregate, chosen, papers.size());
        }
        List<PartialDecryption> listed = aggregate == null ? List.of() : decryptions;
        String fingerprint = Fingerprint.of(election.getContext(), trackers,
                audited.stream().map(PreparedPaper::tracker).toList(), rejected.stream().map(RejectedPaper::tracker).toList(),
                aggregate, listed, counts);
        Instant now = clock.instant();
        ElectionRecord record = new ElectionRecord(ballot.getMeeting().getId(), ballot.getMeeting().getTitle(), ceremony,
                definition, election.getContext(), instant(ballot.getOpenedAt()), instant(ballot.getClosedAt()), papers,
                trackers, rejected, audited, aggregate, listed, java.util.Arrays.stream(counts).boxed().toList(),
                chosen.stream().map(PartialDecryption::index).toList(), fingerprint);
        em.persist(new StoredElectionRecord(ballotId, fingerprint, record.toJson().toString()));
        ballot.counted(fingerprint);
        int voted = election.getTurnout();
        em.persist(BallotResult.of(ballotId, result(ballot, counts, papers.size()), voted, fingerprint, now));
        audit.record("ballot.counted", "ballot", ballotId, ballot.getMeeting().getId(), papers.size() + " papers, record " + fingerprint);
    }

    private static String instant(Instant at) {
        return at == null ? "" : at.truncatedTo(ChronoUnit.MILLIS).toString();
    }

    /** The result by the ballot's rule from the decrypted counts per option (in ballot order). */
    static Result result(Ballot ballot, long[] counts, int papers) {
        Electorate electorate = ballot.closedElectorate().orElseThrow();
        List<BallotOption> options = ballot.getOptions();
        if (ballot.getKind() == BallotKind.APPROVAL) {
            Map<String, Integer> byCode = new HashMap<>();
            for (int o = 0; o < options.size(); o++) {
                byCode.put(options.get(o).getCode(), Math.toIntExact(counts[o]));
            }
            return Tally.approval(ballot.votingRule(), electorate,
                    new ApprovalBox(byCode.getOrDefault("YES", 0), byCode.getOrDefault("NO", 0), byCode.getOrDefault("ABSTAIN", 0)));
        }
        Election election = BallotCount.election(ballot);
        Map<Long, Integer> votes = new HashMap<>();
        long marks = 0;
        for (int o = 0; o < options.size(); o++) {
            votes.put(options.get(o).getId(), Math.toIntExact(counts[o]));
            marks += counts[o];
        }
        // one seat with blank papers allowed (unsupported() refuses more): a paper marks one candidate or none
        int blank = ballot.isBlankAllowed() ? Math.toIntExact(papers - marks) : 0;
        return Tally.election(ballot.votingRule(), electorate, election, new ElectionBox(votes, papers - blank, blank));
    }

    /** The trackers of a closed end-to-end ballot's accepted papers, ascending; empty for any other ballot. */
    public List<String> trackers(long ballotId) {
        if (em.find(BallotElection.class, ballotId) == null) {
            return List.of();
        }
        return em.createNamedQuery(EncryptedPaper.OF_BALLOT, EncryptedPaper.class).setParameter("ballotId", ballotId)
                .getResultStream().map(EncryptedPaper::getTracker).toList();
    }

    /** The public election record of a counted ballot (JSON text), if it is end-to-end and counted. */
    public Optional<StoredElectionRecord> record(long ballotId) {
        return Optional.ofNullable(em.find(StoredElectionRecord.class, ballotId));
    }

    /**
     * The secretary's recount of a counted end-to-end ballot: the papers as stored now, their sums, every stored
     * decryption's proof, the counts from the first {@code t} of them and the record's fingerprint, all computed again
     * and compared with the stored result and record.
     */
    public BallotCount.Recount recount(Ballot ballot, BallotResult stored) {
        long ballotId = ballot.getId();
        BallotElection election = closedElection(ballotId);
        StoredElectionRecord kept = em.find(StoredElectionRecord.class, ballotId);
        List<Paper> papers = boxes.papers(ballotId);
        if (kept == null || stored == null) {
            return new BallotCount.Recount(ballotId, papers.size(), false, false, stored != null);
        }
        ElectionRecord record = ElectionRecord.fromJson(read(kept.getRecord()));
        Ceremony ceremony = record.ceremony();
        BallotContext context = boxes.context(ballot, election);
        boolean sameCount;
        String fingerprint;
        try {
            BallotClose.checkStored(context, papers, WEIGHTS);
            Aggregate aggregate = Aggregate.of(papers, context.options());
            List<PartialDecryption> decryptions = aggregate == null ? List.of()
                    : BallotClose.accepted(ceremony, context.value(), aggregate, record.decryptions());
            long[] counts = aggregate == null ? new long[context.options()]
                    : ThresholdDecryption.counts(aggregate, ThresholdDecryption.firstT(decryptions, ceremony.threshold()), papers.size());
            List<String> trackers = papers.stream().map(paper -> Tracker.of(context.value(), paper)).sorted().toList();
            fingerprint = Fingerprint.of(context.value(), trackers, record.audited().stream().map(PreparedPaper::tracker).toList(),
                    record.rejected().stream().map(RejectedPaper::tracker).toList(), aggregate, decryptions, counts);
            sameCount = stored.sameCount(result(ballot, counts, papers.size()));
        } catch (RuntimeException broken) { // a paper or a decryption that no longer verifies, no count in range
            return new BallotCount.Recount(ballotId, papers.size(), false, false, true);
        }
        return new BallotCount.Recount(ballotId, papers.size(), sameCount,
                fingerprint.equals(kept.getFingerprint()) && fingerprint.equals(stored.getFingerprint()), true);
    }
}
