package app.quorum.ballot.control;

import app.quorum.ballot.crypto.BallotContext;
import app.quorum.ballot.crypto.BallotDefinition;
import app.quorum.ballot.crypto.Ceremony;
import app.quorum.ballot.crypto.Codec;
import app.quorum.ballot.crypto.InvalidEncoding;
import app.quorum.ballot.crypto.Paper;
import app.quorum.ballot.crypto.PaperFault;
import app.quorum.ballot.crypto.PreparedPaper;
import app.quorum.ballot.crypto.RejectedPaper;
import app.quorum.ballot.crypto.Tracker;
import app.quorum.ballot.entity.AuditedPaper;
import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BallotElection;
import app.quorum.ballot.entity.BallotKind;
import app.quorum.ballot.entity.BallotStatus;
import app.quorum.ballot.entity.EncryptedPaper;
import app.quorum.ballot.entity.Secrecy;
import app.quorum.platform.Jsons;
import app.quorum.platform.Refusal;
import app.quorum.platform.audit.AuditLog;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.StringReader;
import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/**
 * The server's part of the server-blind secret ballot up to its close (issue 14; {@code src/site/election-record.md}).
 * The server never sees a choice: it binds a secret ballot to its meeting's trustee ceremony at the open, gives the
 * tablets the ballot's public fields, checks every paper's proofs before it accepts it (§4), and lists audited and
 * refused papers. The count after the close — sums, trustees' decryptions, result and record — is
 * {@link EndToEndCount}'s.
 *
 * <p>A meeting without a ceremony keeps the server-sealed secret ballot ({@link BallotKeys}); a meeting whose ceremony
 * is under way cannot open a secret ballot until it is ready. Callers check roles ({@link CastingService},
 * {@link BallotLifecycle}, {@link TrusteeCount}); nothing here logs a choice — there is none to log.
 */
@Stateless
@PermitAll
public class EndToEndBallots {

    @Inject
    PaperChecks checks;

    @PersistenceContext
    EntityManager em;

    @Inject
    Ceremonies ceremonies;

    @Inject
    RejectedPapers rejections;

    @Inject
    AuditLog audit;

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
        return Jsons.JSON.createObjectBuilder().add("meetingId", meetingId).add("ballotId", election.getBallotId())
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
        return checks.context(ballot.getMeeting().getId(), election);
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
        Optional<PaperFault> fault = checks.fault(context, paper);
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
        if (checks.fault(context, paper).isPresent() || !audited.revelationHolds(context)
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

    /** The accepted papers, in tracker order. */
    public List<Paper> papers(long ballotId) {
        return em.createNamedQuery(EncryptedPaper.OF_BALLOT, EncryptedPaper.class).setParameter("ballotId", ballotId)
                .getResultStream().map(p -> Paper.fromJson(read(p.getPaper()))).toList();
    }

    /** Drops a cancelled ballot's papers unread. */
    public void cancel(long ballotId) {
        for (String table : List.of("ballot_paper", "ballot_paper_alpha", "ballot_audited_paper")) {
            em.createNativeQuery("DELETE FROM " + table + " WHERE ballot_id = ?").setParameter(1, ballotId).executeUpdate();
        }
    }


    static JsonObject read(String json) {
        return Jsons.JSON.createReader(new StringReader(json)).readObject();
    }
}
