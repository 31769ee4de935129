package app.quorum.ballot.crypto;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.LongAdder;

/**
 * The proofs of papers cast at about the same moment, checked together: each caller waits for its paper's fault (or
 * none) as {@link PaperCheck#fault} gives it, and the papers that arrived while earlier ones were being checked are
 * checked in one batch ({@link PaperCheck#faults}: every challenge hashed, then all their equations in one
 * small-exponents test — Bellare, Garay and Rabin 1998 — and each paper on its own only when the batch fails, so a
 * bad paper is named exactly and refused as before). It is a group commit for proofs: nothing waits for a timer; a
 * paper cast when nothing is being checked is checked at once, alone; under a hall's burst a batch is whatever came in
 * meanwhile, at most {@link #MOST} papers. A batch's equations share one multi-scalar multiplication (Pippenger's),
 * whose cost per point falls as the batch grows (issue 15: the check was half the server's CPU in a 2,000-delegate
 * secret ballot, about 1.2 ms a paper alone; CryptoBench's batches of 100 cost a fraction of that).
 *
 * <p>At most {@code leaders} batches are checked at once (one per core); the caller whose paper heads the waiting
 * papers checks the next batch, so no thread checks more than one batch for others. Thread-safe.
 */
public final class GatheredChecks {

    /** The most papers in one batch. */
    public static final int MOST = 256;

    private static final Object LEAD = new Object();

    private final int leaders;
    private final SecureRandom weights = new SecureRandom();
    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
    /** Batches being checked now, each by one caller; the queue is not empty only while all {@link #leaders} are busy. */
    private int checking;
    private final LongAdder batches = new LongAdder();
    private final LongAdder papers = new LongAdder();

    /** @param leaders how many batches may be checked at the same time (the cores that may check) */
    public GatheredChecks(int leaders) {
        if (leaders < 1) {
            throw new IllegalArgumentException("at least one batch at a time");
        }
        this.leaders = leaders;
    }

    /** A paper waiting for its batch: its outcome (an {@code Optional<PaperFault>}), or the word to check the next batch. */
    private record Waiting(BallotContext ballot, Paper paper, CompletableFuture<Object> outcome) {
    }

    /** The first fault of the paper, or none — as {@link PaperCheck#fault} answers it, checked with the papers cast meanwhile. */
    @SuppressWarnings("unchecked")
    public Optional<PaperFault> fault(BallotContext ballot, Paper paper) {
        Waiting mine = new Waiting(ballot, paper, new CompletableFuture<>());
        boolean lead;
        synchronized (queue) {
            queue.add(mine);
            lead = checking < leaders;
            if (lead) {
                checking++;
            }
        }
        Object outcome = lead ? LEAD : await(mine);
        if (outcome == LEAD) {
            return checkNextBatch(mine);
        }
        return (Optional<PaperFault>) outcome;
    }

    private static Object await(Waiting waiting) {
        try {
            return waiting.outcome().join();
        } catch (CompletionException failed) { // the batch's check threw: so does every caller in it
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }

    /** Takes the waiting papers (this caller's first among them), checks them, answers each, and hands the turn on. */
    private Optional<PaperFault> checkNextBatch(Waiting mine) {
        List<Waiting> batch = new ArrayList<>();
        try {
            synchronized (queue) {
                while (!queue.isEmpty() && batch.size() < MOST) {
                    batch.add(queue.poll());
                }
            }
            Optional<PaperFault> own = Optional.empty();
            Map<BallotContext, List<Waiting>> byBallot = new LinkedHashMap<>();
            for (Waiting waiting : batch) {
                byBallot.computeIfAbsent(waiting.ballot(), b -> new ArrayList<>()).add(waiting);
            }
            for (Map.Entry<BallotContext, List<Waiting>> group : byBallot.entrySet()) {
                List<Waiting> of = group.getValue();
                Map<Integer, PaperFault> faults = PaperCheck.faults(group.getKey(), of.stream().map(Waiting::paper).toList(), weights);
                for (int i = 0; i < of.size(); i++) {
                    Optional<PaperFault> fault = Optional.ofNullable(faults.get(i));
                    if (of.get(i) == mine) {
                        own = fault;
                    } else {
                        of.get(i).outcome().complete(fault);
                    }
                }
            }
            batches.increment();
            papers.add(batch.size());
            return own;
        } catch (RuntimeException | Error failed) {
            for (Waiting waiting : batch) {
                waiting.outcome().completeExceptionally(failed); // those already answered keep their answer
            }
            throw failed;
        } finally {
            synchronized (queue) {
                Waiting next = queue.peek();
                if (next == null) {
                    checking--;
                } else {
                    next.outcome().complete(LEAD); // its caller checks the next batch: the turn passes, the count stays
                }
            }
        }
    }

    /** Batches checked so far. */
    public long batches() {
        return batches.sum();
    }

    /** Papers checked so far, in all batches. */
    public long papers() {
        return papers.sum();
    }
}
