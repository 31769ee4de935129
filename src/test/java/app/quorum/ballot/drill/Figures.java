package app.quorum.ballot.drill;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The drill's verdict, computed from what the tablets saw and what the box holds at the close: no I/O here, so that
 * the rules that decide pass or fail have tests of their own ({@code FiguresTest}).
 *
 * <p>Nothing here links a delegate to a choice in what is printed: the choices appear only as counts.
 */
final class Figures {

    /** What one tablet sent and saw. */
    record Sent(String paper, String choice, boolean acknowledged, String receipt, String expectedReceipt, String refusedWith) {
    }

    /** The ballot box after the close, read from the database. */
    record Box(Map<String, String> choiceByPaper, long participations, long distinctParticipants, String storedFingerprint,
            String recomputedFingerprint) {
    }

    /** What the application shows: the chair's result after the close and the participation answers of the tablets. */
    record Shown(Map<String, Integer> countsByChoice, String fingerprint, int participationConfirmed, int participationAsked) {
    }

    /**
     * One kind of HTTP answer the tablets got: which request, which status, and for a 503 whether it said when to come
     * back (Retry-After).
     */
    record Answer(String request, int status, boolean retryAfter) implements Comparable<Answer> {

        /** An answer no client should ever get, starting or not: 404, or a server error other than 503 with Retry-After. */
        boolean wrong() {
            return status == 404 || status >= 500 && !(status == 503 && retryAfter);
        }

        @Override
        public String toString() {
            return request + " " + status + (status == 503 ? (retryAfter ? " with Retry-After" : " without Retry-After") : "");
        }

        @Override
        public int compareTo(Answer other) {
            return toString().compareTo(other.toString());
        }
    }

    /** One kill and the restart after it. */
    record Round(int number, int acknowledgedBefore, int inFlight, int inFlightAnsweredAnyway, int inFlightCommittedAnswerLost,
            int inFlightNotCommitted, int acknowledgedMissingAfterRecovery, int papersAfterRecovery, List<String> processes,
            String loadAverage, List<String> failedStarts, double databaseSeconds, double readySeconds,
            double killToFirstAcknowledgementSeconds, boolean snapshotBeforeApp) {
    }

    final int delegates;
    final int acknowledged;
    final int counted;
    final int lost;
    final int duplicates;
    final int unknownPapers;
    final int alteredChoices;
    final int receiptMismatches;
    final int unacknowledged;
    final int refused;
    final int countedUnacknowledged;
    final long participations;
    final Map<String, Integer> sentByChoice;
    final Map<String, Integer> boxByChoice;
    final Map<String, Integer> shownByChoice;
    final Box box;
    final Shown shown;
    final List<Round> rounds;
    final Map<Answer, Integer> answers;
    /** Answers 404 or 5xx (but 503 with Retry-After): what a starting server must never say. */
    final int wrongAnswers;
    final List<String> failures = new ArrayList<>();

    Figures(int delegates, Collection<Sent> sent, Box box, Shown shown, List<Round> rounds) {
        this(delegates, sent, box, shown, rounds, Map.of());
    }

    Figures(int delegates, Collection<Sent> sent, Box box, Shown shown, List<Round> rounds, Map<Answer, Integer> answers) {
        this.delegates = delegates;
        this.answers = new TreeMap<>(answers);
        wrongAnswers = answers.entrySet().stream().filter(e -> e.getKey().wrong()).mapToInt(Map.Entry::getValue).sum();
        this.box = box;
        this.shown = shown;
        this.rounds = List.copyOf(rounds);
        Map<String, Sent> byPaper = new TreeMap<>();
        sent.forEach(s -> byPaper.put(s.paper(), s));
        Map<String, String> papers = box.choiceByPaper();

        acknowledged = (int) sent.stream().filter(Sent::acknowledged).count();
        counted = papers.size();
        lost = (int) sent.stream().filter(Sent::acknowledged).filter(s -> !papers.containsKey(s.paper())).count();
        unknownPapers = (int) papers.keySet().stream().filter(paper -> !byPaper.containsKey(paper)).count();
        alteredChoices = (int) papers.entrySet().stream()
                .filter(e -> byPaper.containsKey(e.getKey()) && !byPaper.get(e.getKey()).choice().equals(e.getValue())).count();
        receiptMismatches = (int) sent.stream().filter(Sent::acknowledged).filter(s -> !s.expectedReceipt().equals(s.receipt())).count();
        unacknowledged = sent.size() - acknowledged;
        refused = (int) sent.stream().filter(s -> s.refusedWith() != null).count();
        countedUnacknowledged = (int) sent.stream().filter(s -> !s.acknowledged() && papers.containsKey(s.paper())).count();
        participations = box.participations();
        // counted twice: a paper nobody sent, a participant with two participations, a paper without a participation
        duplicates = unknownPapers + (int) Math.max(0, box.participations() - box.distinctParticipants())
                + (int) Math.max(0, counted - box.participations());

        sentByChoice = count(sent.stream().filter(Sent::acknowledged).map(Sent::choice).toList());
        boxByChoice = count(papers.values());
        shownByChoice = new TreeMap<>(shown.countsByChoice());

        if (lost > 0) {
            failures.add(lost + " acknowledged vote(s) missing from the box");
        }
        if (duplicates > 0) {
            failures.add(duplicates + " vote(s) counted twice or papers nobody sent");
        }
        if (box.participations() != counted) {
            failures.add("participations (" + box.participations() + ") differ from papers (" + counted + ")");
        }
        if (alteredChoices > 0) {
            failures.add(alteredChoices + " paper(s) in the box with another choice than the tablet sent");
        }
        if (receiptMismatches > 0) {
            failures.add(receiptMismatches + " receipt(s) that are not their paper's");
        }
        if (unacknowledged > 0) {
            failures.add(unacknowledged + " delegate(s) never saw their vote acknowledged (the drill did not finish)");
        }
        if (!sentByChoice.equals(boxByChoice)) {
            failures.add("counts per choice sent " + sentByChoice + " differ from the box " + boxByChoice);
        }
        if (!boxByChoice.equals(withoutZeros(shownByChoice))) {
            failures.add("counts per choice in the box " + boxByChoice + " differ from the chair's result " + shownByChoice);
        }
        if (!Objects.equals(box.storedFingerprint(), box.recomputedFingerprint())
                || !Objects.equals(box.storedFingerprint(), shown.fingerprint())) {
            failures.add("fingerprints differ: stored " + box.storedFingerprint() + ", recomputed " + box.recomputedFingerprint()
                    + ", shown " + shown.fingerprint());
        }
        if (shown.participationConfirmed() != shown.participationAsked()) {
            failures.add((shown.participationAsked() - shown.participationConfirmed())
                    + " tablet(s) whose participation answer was not \"voted\" with their receipt");
        }
        if (wrongAnswers > 0) {
            failures.add(wrongAnswers + " HTTP answer(s) 404 or 5xx (other than 503 with Retry-After): "
                    + this.answers.entrySet().stream().filter(e -> e.getKey().wrong()).map(e -> e.getKey() + " × " + e.getValue()).toList());
        }
        for (Round round : rounds) {
            if (round.acknowledgedMissingAfterRecovery() > 0) {
                failures.add("kill " + round.number() + ": " + round.acknowledgedMissingAfterRecovery()
                        + " vote(s) acknowledged before the kill were missing right after recovery");
            }
        }
    }

    boolean passed() {
        return failures.isEmpty();
    }

    private static Map<String, Integer> count(Collection<String> choices) {
        Map<String, Integer> counts = new TreeMap<>();
        choices.forEach(choice -> counts.merge(choice, 1, Integer::sum));
        return counts;
    }

    private static Map<String, Integer> withoutZeros(Map<String, Integer> counts) {
        Map<String, Integer> nonZero = new TreeMap<>();
        counts.forEach((choice, n) -> {
            if (n != 0) {
                nonZero.put(choice, n);
            }
        });
        return nonZero;
    }

    /** The p-th percentile (nearest rank) of the values, in milliseconds; NaN when there are none. */
    static double percentileMillis(List<Long> nanos, double p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = nanos.stream().sorted().toList();
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }

    static String format(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }
}
