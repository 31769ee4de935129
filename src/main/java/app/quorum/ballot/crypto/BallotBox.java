package app.quorum.ballot.crypto;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import jakarta.json.JsonObject;

/**
 * A ballot box in memory, with every acceptance rule of election-record.md §4: a paper is read strictly, its shape
 * and proofs checked ({@link PaperCheck}), its paperId new, no α repeated — within the paper, from an accepted paper
 * or from an audited one (Cortier–Smyth 2011 replay); an exact resend is answered as accepted and kept once. Papers
 * are kept in tracker order, which carries no time. Papers that arrive together (a tablet's queue sent after a lost
 * connection, the papers a server gathered in a few milliseconds) can be cast at once, their proofs checked in one
 * batch ({@link #castAll}, §5.4). An audited paper is refused when its paperId or an α is already in the box. The
 * reference for the server's box, the drills and the fixtures; not thread-safe.
 */
public final class BallotBox {

    private final BallotContext ballot;
    private final Map<String, Paper> accepted = new TreeMap<>();
    private final Map<String, String> trackerById = new java.util.HashMap<>();
    private final Set<String> alphas = new HashSet<>();
    private final Map<String, PreparedPaper> audited = new TreeMap<>();
    private final Set<String> auditedIds = new HashSet<>();
    private final List<RejectedPaper> rejected = new ArrayList<>();

    public BallotBox(BallotContext ballot) {
        this.ballot = ballot;
    }

    /** Receives a paper's JSON as sent: the fault that refuses it (then listed as rejected), or none. */
    public Optional<PaperFault> receive(JsonObject sent) {
        Paper paper;
        try {
            paper = Paper.fromJson(sent);
        } catch (InvalidEncoding badPoint) {
            return reject(sent, PaperFault.ENCODING);
        } catch (RuntimeException notAPaper) { // a missing field, a wrong type, unequal c and s
            return reject(sent, PaperFault.SHAPE);
        }
        Optional<PaperFault> fault = cast(paper);
        fault.ifPresent(refused -> rejected.add(RejectedPaper.of(ballot.value(), ballot.options(), sent, refused)));
        return fault;
    }

    /** Casts a decoded paper (not listed as rejected when refused): the fault that refuses it, or none. */
    public Optional<PaperFault> cast(Paper paper) {
        Optional<PaperFault> fault = PaperCheck.fault(ballot, paper);
        return fault.isPresent() ? fault : admit(paper);
    }

    /**
     * Casts decoded papers together, in their order (none listed as rejected): their proofs in one batch, then the
     * box's rules paper by paper. The faults by position in the list; an empty map when every paper is accepted.
     */
    public Map<Integer, PaperFault> castAll(List<Paper> papers, SecureRandom random) {
        Map<Integer, PaperFault> faults = PaperCheck.faults(ballot, papers, random);
        for (int p = 0; p < papers.size(); p++) {
            if (!faults.containsKey(p)) {
                int at = p;
                admit(papers.get(p)).ifPresent(fault -> faults.put(at, fault));
            }
        }
        return faults;
    }

    /** The box's rules for a paper whose proofs hold: a new paperId (or an exact resend), no α seen before. */
    private Optional<PaperFault> admit(Paper paper) {
        String tracker = Tracker.of(ballot.value(), paper);
        String known = trackerById.get(paper.paperId());
        if (known != null) {
            return known.equals(tracker) ? Optional.empty() : Optional.of(PaperFault.DUPLICATE_ID);
        }
        if (auditedIds.contains(paper.paperId())) {
            return Optional.of(PaperFault.DUPLICATE_ID); // an audited paper's id: that paper is spent
        }
        List<String> own = paper.ciphertexts().stream().map(c -> Codec.hex(c.alpha())).toList();
        if (new HashSet<>(own).size() != own.size() || own.stream().anyMatch(alphas::contains)) {
            return Optional.of(PaperFault.REPLAY);
        }
        alphas.addAll(own);
        trackerById.put(paper.paperId(), tracker);
        accepted.put(tracker, paper);
        return Optional.empty();
    }

    /**
     * Lists an audited paper (never counted); its α's may not be cast afterwards.
     *
     * @throws IllegalArgumentException when the revelation does not open the paper, or its paperId or an α is already
     *                                  among the accepted or audited papers (a revealed paper is never also cast, §4)
     */
    public void audit(PreparedPaper paper) {
        if (!paper.revelationHolds(ballot)) {
            throw new IllegalArgumentException("the revelation does not open the paper");
        }
        List<String> own = paper.paper().ciphertexts().stream().map(c -> Codec.hex(c.alpha())).toList();
        if (trackerById.containsKey(paper.paper().paperId()) || auditedIds.contains(paper.paper().paperId())
                || new HashSet<>(own).size() != own.size() || own.stream().anyMatch(alphas::contains)) {
            throw new IllegalArgumentException("the audited paper is already in the box");
        }
        alphas.addAll(own);
        auditedIds.add(paper.paper().paperId());
        audited.put(paper.tracker(), paper);
    }

    private Optional<PaperFault> reject(JsonObject sent, PaperFault fault) {
        rejected.add(RejectedPaper.of(ballot.value(), ballot.options(), sent, fault));
        return Optional.of(fault);
    }

    public BallotContext ballot() {
        return ballot;
    }

    /** The accepted papers, in tracker order. */
    public List<Paper> papers() {
        return List.copyOf(accepted.values());
    }

    /** Their trackers, ascending. */
    public List<String> trackers() {
        return List.copyOf(accepted.keySet());
    }

    public List<PreparedPaper> audited() {
        return List.copyOf(audited.values());
    }

    public List<RejectedPaper> rejected() {
        return List.copyOf(rejected);
    }
}
