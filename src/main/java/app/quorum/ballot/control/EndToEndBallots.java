package app.quorum.ballot.control;

import app.quorum.ballot.crypto.Aggregate;
import app.quorum.ballot.crypto.BallotClose;
import app.quorum.ballot.crypto.BallotContext;
import app.quorum.ballot.crypto.BallotDefinition;
import app.quorum.ballot.crypto.Ceremony;
import app.quorum.ballot.crypto.Codec;
import app.quorum.ballot.crypto.ElectionRecord;
import app.quorum.ballot.crypto.Fingerprint;
import app.quorum.ballot.crypto.InvalidEncoding;
import app.quorum.ballot.crypto.Paper;
import app.quorum.ballot.crypto.PaperCheck;
import app.quorum.ballot.crypto.PaperFault;
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
import app.quorum.ballot.entity.BallotStatus;
import app.quorum.ballot.entity.Election;
import app.quorum.ballot.entity.ElectionBox;
import app.quorum.ballot.entity.Electorate;
import app.quorum.ballot.entity.EncryptedPaper;
import app.quorum.ballot.entity.RejectedPaperEntry;
import app.quorum.ballot.entity.Result;
import app.quorum.ballot.entity.Secrecy;
import app.quorum.ballot.entity.StoredElectionRecord;
import app.quorum.ballot.entity.Tally;
import app.quorum.ballot.entity.TrusteeDecryption;
import app.quorum.platform.Refusal;
import app.quorum.platform.audit.AuditLog;
import app.quorum.platform.push.Changed;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The server's part of the server-blind secret ballot (issue 14; {@code src/site/election-record.md}). The server
 * never sees a choice: it binds a secret ballot to its meeting's trustee ceremony at the open, checks every paper's
 * proofs before it accepts it (§4), lists audited and refused papers, fixes the aggregate at the close (§6), checks
 * each trustee's partial decryption (§5.3) and, once {@code t} have answered, solves the small discrete logarithms,
 * stores the result and the public election record with its fingerprint (§7).
 *
 * <p>A meeting without a ceremony keeps the server-sealed secret ballot ({@link BallotKeys}); a meeting whose ceremony
 * is under way cannot open a secret ballot until it is ready. Callers check roles ({@link CastingService},
 * {@link BallotLifecycle}, {@link TrusteeCount}); nothing here logs a choice — there is none to log.
 */
@Stateless
@PermitAll
public class EndToEndBallots {

    private static final SecureRandom WEIGHTS = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Ceremonies ceremonies;

    @Inject
    RejectedPapers rejections;

    @Inject
    AuditLog audit;

    @Inject
    Event<Changed> changed;

    Clock clock = Clock.systemUTC();

    /**
     * At the open of a secret ballot: binds it to the meeting's ready ceremony (the ballot is then end-to-end), or
     * leaves it sealed by the server when the meeting has no ceremony.
     *
     * @throws Refusal when the meeting's ceremony is not ready yet, or the ballot's shape cannot be counted without
     *                 opening papers
     */
    public boolean bind(Ballot ballot) {
        if (ballot.getSecrecy() != Secrecy.SECRET) {
            return false;
        }
        long meetingId = ballot.getMeeting().getId();
        Optional<Ceremony> ready = ceremonies.ready(meetingId);
        if (ready.isEmpty()) {
            if (ceremonies.status(meetingId).state() != CeremonyStatus.State.NONE) {
                throw new Refusal(Refusal.Kind.CONFLICT, "ballot.e2e.trusteesNotReady");
            }
            return false;
        }
        unsupported(ballot).ifPresent(key -> {
            throw new Refusal(Refusal.Kind.CONFLICT, key);
        });
        Ceremony ceremony = ready.get();
        BallotDefinition definition = definition(ballot);
        BallotContext context = definition.context(meetingId, ceremony.publicKey(), ceremony.context());
        em.persist(new BallotElection(ballot.getId(), ceremony.toJson().toString(), definition.toJson().toString(),
                context.value()));
        return true;
    }

    /**
     * Why a ballot cannot be counted without opening papers, or empty. The sums per option give every count; they do
     * not say how many papers were blank when a paper may mark nothing or several candidates, and a paper's total is
     * proved to lie in one range {@code min..max}: an election allowing blank papers must have one seat.
     */
    public static Optional<String> unsupported(Ballot ballot) {
        if (ballot.getKind() == BallotKind.ELECTION && ballot.isBlankAllowed() && ballot.getSeats() > 1) {
            return Optional.of("ballot.e2e.blankWithSeats");
        }
        return Optional.empty();
    }

    /** The ballot's public fields as the record and the tablets hash them (§3). */
    public static BallotDefinition definition(Ballot ballot) {
        List<BallotDefinition.Option> options = ballot.getOptions().stream()
                .map(option -> new BallotDefinition.Option(option.getCode(), option.getLabel())).toList();
        if (ballot.getKind() == BallotKind.APPROVAL) {
            return new BallotDefinition(ballot.getId(), ballot.getQuestion(), BallotDefinition.APPROVAL, options, 1, 1);
        }
        int min = ballot.isBlankAllowed() ? 0 : Math.max(ballot.getMinChoices(), 0);
        return new BallotDefinition(ballot.getId(), ballot.getQuestion(), BallotDefinition.ELECTION, options, min,
                ballot.getSeats());
    }

    /** The ballot's binding, if it is end-to-end. */
    public Optional<BallotElection> election(long ballotId) {
        return Optional.ofNullable(em.find(BallotElection.class, ballotId));
    }

    /**
     * What a tablet (and a trustee's device) needs to make and check papers: the fields of §3 with the ceremony's
     * context and public key, and the context the server computed, which the device recomputes and compares.
     */
    public JsonObject fields(long meetingId, BallotElection election) {
        JsonObject definition = read(election.getDefinition());
        JsonObject ceremony = read(election.getCeremony());
        return Json.createObjectBuilder().add("meetingId", meetingId).add("ballotId", election.getBallotId())
                .add("kind", definition.getString("kind")).add("question", definition.getString("question"))
                .add("options", definition.getJsonArray("options")).add("min", definition.getInt("min"))
                .add("max", definition.getInt("max")).add("publicKey", ceremony.getString("publicKey"))
                .add("ceremonyContext", ceremony.getString("context")).add("context", election.getContext()).build();
    }

    /** The fields for the open ballot's tablet, as JSON text, or null when the ballot is not end-to-end. */
    public String tabletFields(long ballotId) {
        BallotElection election = em.find(BallotElection.class, ballotId);
        if (election == null) {
            return null;
        }
        return fields(em.find(Ballot.class, ballotId).getMeeting().getId(), election).toString();
    }

    /** The ballot context of a bound ballot, for checking its papers. */
    public BallotContext context(Ballot ballot, BallotElection election) {
        Ceremony ceremony = Ceremony.fromJson(read(election.getCeremony()));
        return BallotDefinition.fromJson(read(election.getDefinition()))
                .context(ballot.getMeeting().getId(), ceremony.publicKey(), ceremony.context());
    }

    /**
     * A paper a voter sends: decoded and checked (§4: shape, encodings, every proof, a new paper id, no α seen in the
     * ballot); an exact resend of an accepted paper is answered with its tracker. A refused paper is listed among the
     * rejected (in its own transaction, so the listing stays though the cast is refused) and refused with its reason.
     *
     * @return the paper's tracker, and whether it is new (to be stored with the voter's participation)
     */
    public Checked check(Ballot ballot, BallotElection election, JsonObject sent) {
        BallotContext context = context(ballot, election);
        Paper paper;
        try {
            paper = Paper.fromJson(sent);
        } catch (InvalidEncoding badPoint) {
            throw refuse(ballot, context, sent, PaperFault.ENCODING);
        } catch (RuntimeException notAPaper) {
            throw refuse(ballot, context, sent, PaperFault.SHAPE);
        }
        Optional<PaperFault> fault = PaperCheck.fault(context, paper);
        if (fault.isPresent()) {
            throw refuse(ballot, context, sent, fault.get());
        }
        String tracker = Tracker.of(context.value(), paper);
        EncryptedPaper known = em.find(EncryptedPaper.class, new EncryptedPaper.Key(ballot.getId(), paper.paperId()));
        if (known != null) {
            if (known.getTracker().equals(tracker)) {
                return new Checked(paper, tracker, false);
            }
            throw refuse(ballot, context, sent, PaperFault.DUPLICATE_ID);
        }
        if (em.find(AuditedPaper.class, new EncryptedPaper.Key(ballot.getId(), paper.paperId())) != null) {
            throw refuse(ballot, context, sent, PaperFault.DUPLICATE_ID);
        }
        if (replays(ballot.getId(), alphas(paper))) {
            throw refuse(ballot, context, sent, PaperFault.REPLAY);
        }
        return new Checked(paper, tracker, true);
    }

    /** A checked paper. */
    public record Checked(Paper paper, String tracker, boolean fresh) {
    }

    /** Stores an accepted paper and its α's (the α's key refuses a copy that raced this one). */
    public void store(long ballotId, Checked checked) {
        em.persist(new EncryptedPaper(ballotId, checked.paper().paperId(), checked.tracker(),
                checked.paper().toJson(checked.tracker()).toString()));
        keepAlphas(ballotId, checked.paper());
    }

    /** The paper's α's, each once per ballot (the key refuses one seen before: a copy that raced this paper). */
    private void keepAlphas(long ballotId, Paper paper) {
        for (String alpha : alphas(paper)) {
            em.createNativeQuery("INSERT INTO ballot_paper_alpha (ballot_id, alpha) VALUES (?, ?)")
                    .setParameter(1, ballotId).setParameter(2, alpha).executeUpdate();
        }
    }

    private static List<String> alphas(Paper paper) {
        return paper.ciphertexts().stream().map(c -> Codec.hex(c.alpha())).toList();
    }

    /** Whether an α repeats within the paper, or one of the ballot's accepted or audited papers has it. */
    private boolean replays(long ballotId, List<String> alphas) {
        if (new HashSet<>(alphas).size() != alphas.size()) {
            return true;
        }
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < alphas.size(); i++) {
            in.append(i == 0 ? "?" : ", ?");
        }
        var query = em.createNativeQuery("SELECT COUNT(*) FROM ballot_paper_alpha WHERE ballot_id = ? AND alpha IN (" + in + ")")
                .setParameter(1, ballotId);
        for (int i = 0; i < alphas.size(); i++) {
            query.setParameter(i + 2, alphas.get(i));
        }
        return ((Number) query.getSingleResult()).longValue() > 0;
    }

    private Refusal refuse(Ballot ballot, BallotContext context, JsonObject sent, PaperFault fault) {
        RejectedPaper rejected = RejectedPaper.of(context.value(), context.options(), sent, fault);
        rejections.list(ballot.getId(), rejected.tracker(), fault.key(), rejected.toJson().toString());
        audit.record("ballot.paperRejected", "ballot", ballot.getId(), ballot.getMeeting().getId(), fault.key());
        return new Refusal(Refusal.Kind.INVALID, fault.key());
    }

    /**
     * Benaloh's challenge (§4): a paper the voter's tablet opened instead of casting it, sent without a session. Listed,
     * never counted; its paper id and α's can then never be cast. Only while the ballot is open.
     *
     * @return the audited paper's tracker
     */
    public String audit(long ballotId, JsonObject sent) {
        List<?> status = em.createNativeQuery("SELECT status FROM ballot WHERE id = ? LOCK IN SHARE MODE")
                .setParameter(1, ballotId).getResultList();
        BallotElection election = em.find(BallotElection.class, ballotId);
        if (status.isEmpty() || election == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "ballot.notFound");
        }
        Ballot ballot = em.find(Ballot.class, ballotId);
        if (!BallotStatus.OPEN.name().equals(String.valueOf(status.get(0))) || !ballot.acceptsVotesAt(clock.instant())) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.notOpenForVotes");
        }
        BallotContext context = context(ballot, election);
        PreparedPaper audited;
        try {
            audited = PreparedPaper.fromJson(sent);
        } catch (RuntimeException notAnAuditedPaper) {
            throw new Refusal(Refusal.Kind.INVALID, "ballot.e2e.auditInvalid");
        }
        Paper paper = audited.paper();
        if (PaperCheck.fault(context, paper).isPresent() || !audited.revelationHolds(context)
                || !Tracker.of(context.value(), paper).equals(audited.tracker())) {
            throw new Refusal(Refusal.Kind.INVALID, "ballot.e2e.auditInvalid");
        }
        EncryptedPaper.Key key = new EncryptedPaper.Key(ballotId, paper.paperId());
        if (em.find(EncryptedPaper.class, key) != null || em.find(AuditedPaper.class, key) != null
                || replays(ballotId, alphas(paper))) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ballot.e2e.auditKnown");
        }
        em.persist(new AuditedPaper(ballotId, paper.paperId(), audited.tracker(), audited.toJson().toString()));
        keepAlphas(ballotId, paper);
        return audited.tracker();
    }

    /**
     * At the close (the ballot row locked by the caller): every stored paper's proofs checked again in one batch (a
     * paper changed in the database after it was accepted stops the close, named), the aggregate fixed with the
     * turnout. With no paper there is nothing to decrypt: the ballot is counted at once.
     */
    public void close(Ballot ballot, BallotElection election, int voted) {
        List<Paper> papers = papers(ballot.getId());
        BallotContext context = context(ballot, election);
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

    /** The accepted papers, in tracker order. */
    public List<Paper> papers(long ballotId) {
        return em.createNamedQuery(EncryptedPaper.OF_BALLOT, EncryptedPaper.class).setParameter("ballotId", ballotId)
                .getResultStream().map(p -> Paper.fromJson(read(p.getPaper()))).toList();
    }

    /**
     * What a trustee's device needs to decrypt (§6): its index and the ceremony's id (to find its key share), the ballot's
     * public fields, the turnout, every accepted and audited paper, and the aggregate the server computed (the device recomputes it and only compares).
     */
    public JsonObject trusteeBox(Ballot ballot, int index) {
        BallotElection election = closedElection(ballot.getId());
        var papers = Json.createArrayBuilder();
        em.createNamedQuery(EncryptedPaper.OF_BALLOT, EncryptedPaper.class).setParameter("ballotId", ballot.getId())
                .getResultStream().forEach(p -> papers.add(read(p.getPaper())));
        var audited = Json.createArrayBuilder();
        em.createNamedQuery(AuditedPaper.OF_BALLOT, AuditedPaper.class).setParameter("ballotId", ballot.getId())
                .getResultStream().forEach(p -> audited.add(read(p.getPaper())));
        var json = Json.createObjectBuilder().add("index", index)
                .add("ceremonyId", read(election.getCeremony()).getString("id"))
                .add("ballot", fields(ballot.getMeeting().getId(), election))
                .add("turnout", election.getTurnout()).add("papers", papers).add("audited", audited);
        if (election.getAggregate() == null) {
            json.addNull("aggregate");
        } else {
            json.add("aggregate", Json.createReader(new StringReader(election.getAggregate())).readArray());
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
        Aggregate aggregate = Aggregate.fromJson(Json.createReader(new StringReader(election.getAggregate())).readArray());
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
        List<Paper> papers = papers(ballotId);
        List<String> trackers = em.createNamedQuery(EncryptedPaper.OF_BALLOT, EncryptedPaper.class)
                .setParameter("ballotId", ballotId).getResultStream().map(EncryptedPaper::getTracker).toList();
        List<PreparedPaper> audited = em.createNamedQuery(AuditedPaper.OF_BALLOT, AuditedPaper.class)
                .setParameter("ballotId", ballotId).getResultStream().map(p -> PreparedPaper.fromJson(read(p.getPaper()))).toList();
        List<RejectedPaper> rejected = em.createNamedQuery(RejectedPaperEntry.OF_BALLOT, RejectedPaperEntry.class)
                .setParameter("ballotId", ballotId).getResultStream().map(p -> RejectedPaper.fromJson(read(p.getPaper()))).toList();
        Aggregate aggregate = election.getAggregate() == null ? null
                : Aggregate.fromJson(Json.createReader(new StringReader(election.getAggregate())).readArray());
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
        List<Paper> papers = papers(ballotId);
        if (kept == null || stored == null) {
            return new BallotCount.Recount(ballotId, papers.size(), false, false, stored != null);
        }
        ElectionRecord record = ElectionRecord.fromJson(read(kept.getRecord()));
        Ceremony ceremony = record.ceremony();
        BallotContext context = context(ballot, election);
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

    /** Drops a cancelled ballot's papers unread. */
    public void cancel(long ballotId) {
        for (String table : List.of("ballot_paper", "ballot_paper_alpha", "ballot_audited_paper")) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE ballot_id = ?").setParameter(1, ballotId).executeUpdate();
        }
    }

    /** The trustee index of a participant in the ceremony a ballot was opened under. */
    public OptionalInt trusteeIndex(long ballotId, long participantId) {
        Ballot ballot = em.find(Ballot.class, ballotId);
        if (ballot == null || em.find(BallotElection.class, ballotId) == null) {
            return OptionalInt.empty();
        }
        return ceremonies.trusteeIndex(ballot.getMeeting().getId(), participantId);
    }

    static JsonObject read(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }
}
