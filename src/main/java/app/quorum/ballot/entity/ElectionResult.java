package app.quorum.ballot.entity;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The result of an election.
 *
 * @param rule the rule applied
 * @param electorate the voting members and those present
 * @param election the form of the paper
 * @param box the counts per candidate and the blank papers
 * @param base the number the rule is measured against
 * @param threshold what a candidate's votes had to meet
 * @param elected the candidates elected, most votes first (ballot order among equals); never the tied ones
 * @param tie the tie at the cut-off for the chair to resolve, or {@code null} when there is none
 * @param outcome {@link Outcome#ELECTED}, {@link Outcome#SEATS_VACANT} or {@link Outcome#TIE}
 */
public record ElectionResult(VotingRule rule, Electorate electorate, Election election, ElectionBox box, int base,
        Threshold threshold, List<Long> elected, Tie tie, Outcome outcome) implements Result {

    public ElectionResult {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(electorate, "electorate");
        Objects.requireNonNull(election, "election");
        Objects.requireNonNull(box, "box");
        Objects.requireNonNull(threshold, "threshold");
        elected = List.copyOf(elected);
        Objects.requireNonNull(outcome, "outcome");
        boolean consistent = switch (outcome) {
            case ELECTED -> tie == null && elected.size() == election.seats();
            case SEATS_VACANT -> tie == null && elected.size() < election.seats();
            case TIE -> tie != null && elected.size() + tie.seats() == election.seats();
            case PASSED, NOT_PASSED -> false;
        };
        if (!consistent) {
            throw new IllegalArgumentException("outcome " + outcome + " with " + elected.size() + " elected of "
                    + election.seats() + " seats and tie " + tie);
        }
    }

    @Override
    public BallotKind kind() {
        return BallotKind.ELECTION;
    }

    @Override
    public int votesCast() {
        return box.votesCast();
    }

    public int votes(long candidate) {
        return box.votes(candidate);
    }

    /** Whether this candidate's votes met the threshold (elected, tied, or beaten by others for the seats). */
    public boolean qualified(long candidate) {
        return threshold.metBy(box.votes(candidate));
    }

    /** Seats that nobody fills: neither elected nor contested in the tie. */
    public int vacantSeats() {
        return election.seats() - elected.size() - (tie == null ? 0 : tie.seats());
    }

    /** All candidates, most votes first, ballot order among equals. */
    public List<Long> ranking() {
        return Tally.ranking(election, box);
    }

    /** This candidate's share of the papers cast, blank ones included (0 for an empty box). */
    public Fraction share(long candidate) {
        return Fraction.share(box.votes(candidate), box.votesCast());
    }

    /** The blank papers' share of the papers cast (0 for an empty box). */
    public Fraction blankShare() {
        return Fraction.share(box.blank(), box.votesCast());
    }

    /**
     * The blank papers' share of the base, or empty when they are not part of it (left out of a base of votes cast):
     * then the base is the marked papers, and a one-seat election's candidates share all of it.
     */
    public Optional<Fraction> blankShareOfBase() {
        return rule.abstentionsInBase() ? Optional.of(Fraction.share(box.blank(), base)) : Optional.empty();
    }

    /** This candidate's share of the base: what the rule measured (0 when the base is 0). */
    public Fraction support(long candidate) {
        return Fraction.share(box.votes(candidate), base);
    }
}
