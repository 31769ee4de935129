package app.quorum.ballot.control;

import app.quorum.ballot.crypto.BallotContext;
import app.quorum.ballot.crypto.BallotDefinition;
import app.quorum.ballot.crypto.Ceremony;
import app.quorum.ballot.crypto.GatheredChecks;
import app.quorum.ballot.crypto.Paper;
import app.quorum.ballot.crypto.PaperFault;
import app.quorum.ballot.entity.BallotElection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the check of an end-to-end paper as cast needs on this node, shared by every request: the ballot's context
 * (election-record.md §3), decoded once per ballot instead of once per paper — the ceremony's points (every trustee's
 * commitments and proofs) cost as many point decodings as the paper's own (issue 15) —, and the papers' proofs
 * checked with the papers cast at the same moment ({@link GatheredChecks}). One batch at a time: with one per core,
 * a hall's 200 papers a second were mostly checked alone, each at the full cost of a batch of one; with one, the papers
 * that arrive while a batch is checked make the next, so batches grow with the load (a batch of 100 costs a fraction
 * a paper of a batch of one, CryptoBench), and one core checks far more papers a second than a hall sends.
 */
@ApplicationScoped
public class PaperChecks {

    /** The most ballots whose contexts are kept (ballots being voted on at once on this node); more, and all are dropped. */
    static final int BALLOTS_KEPT = 64;

    private final GatheredChecks checks = new GatheredChecks(1);
    private final Map<Long, Kept> contexts = new ConcurrentHashMap<>();

    /** A ballot's context with the stored texts it was read from (which never change once the ballot is bound, but are compared anyway). */
    private record Kept(String definition, String ceremony, long meetingId, BallotContext context) {
    }

    /** The context of a ballot bound to its ceremony, as its stored definition and ceremony give it. */
    public BallotContext context(long meetingId, BallotElection election) {
        Kept kept = contexts.get(election.getBallotId());
        if (kept != null && kept.meetingId() == meetingId && kept.definition().equals(election.getDefinition())
                && kept.ceremony().equals(election.getCeremony())) {
            return kept.context();
        }
        Ceremony ceremony = Ceremony.fromJson(EndToEndBallots.read(election.getCeremony()));
        BallotContext context = BallotDefinition.fromJson(EndToEndBallots.read(election.getDefinition()))
                .context(meetingId, ceremony.publicKey(), ceremony.context());
        if (contexts.size() >= BALLOTS_KEPT) {
            contexts.clear();
        }
        contexts.put(election.getBallotId(), new Kept(election.getDefinition(), election.getCeremony(), meetingId, context));
        return context;
    }

    /** The paper's first fault, or none (§4: its bit proofs and total proof), checked with the papers cast meanwhile. */
    public Optional<PaperFault> fault(BallotContext context, Paper paper) {
        return checks.fault(context, paper);
    }
}
