package app.quorum.results.entity;

import app.quorum.ballot.entity.BallotKind;
import app.quorum.ballot.entity.Fraction;
import app.quorum.ballot.entity.MajorityBase;
import app.quorum.ballot.entity.MajorityRule;
import app.quorum.ballot.entity.Outcome;
import app.quorum.ballot.entity.Secrecy;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A published result, as everybody sees it — the results page, the projector, the minutes, the exports and the
 * open-data API all read this one record, so they agree on every number. Nothing in it is translated text except
 * what people wrote (question, labels, names); the views translate the enums.
 *
 * @param ballotId the ballot
 * @param meetingId its meeting
 * @param itemNumber the agenda item's number, or {@code null} when the ballot is on no item
 * @param itemTitle the agenda item's title, or {@code null}
 * @param question the question put to the vote
 * @param kind approval or election
 * @param secrecy secret, or open (roll-call)
 * @param rule the majority rule
 * @param base what the rule is measured against
 * @param abstentionsInBase whether abstentions (blank papers) count in the base
 * @param percentage the percentage of a percentage rule, else {@code null}
 * @param seats the seats of an election (1 for an approval)
 * @param lines one line per choice or candidate, in ballot order
 * @param blankPapers blank election papers (0 for an approval)
 * @param votesCast papers in the box
 * @param baseCount the number the rule was measured against
 * @param thresholdVotes the fewest votes that met the rule
 * @param outcome passed / not passed; elected / seats vacant / tie
 * @param elected the labels of the candidates elected (elections), most votes first
 * @param tied the labels of the candidates tied at the cut-off, for the chair to resolve (elections)
 * @param voted voting members who voted (participations)
 * @param present voting members present at the close
 * @param votingMembers voting members on the roster at the close
 * @param fingerprint SHA-256 of the box in its canonical form (see {@code BoxFingerprint})
 * @param openedAt when the ballot opened
 * @param closedAt when it closed
 * @param publishedAt when it was published; {@code null} only in the staff's view of a closed, unpublished result
 *        ({@code Results.counted})
 * @param papers the ballot papers, (receipt, choice) in receipt order
 * @param rollCall who chose what — open ballots only, empty for a secret ballot
 * @param corrections statements published after the result, oldest first
 */
public record PublishedResult(long ballotId, long meetingId, Integer itemNumber, String itemTitle, String question,
        BallotKind kind, Secrecy secrecy, MajorityRule rule, MajorityBase base, boolean abstentionsInBase,
        Integer percentage, int seats, List<Line> lines, int blankPapers, int votesCast, int baseCount,
        int thresholdVotes, Outcome outcome, List<String> elected, List<String> tied, int voted, int present,
        int votingMembers, String fingerprint, Instant openedAt, Instant closedAt, Instant publishedAt,
        List<Paper> papers, List<RollCallLine> rollCall, List<Correction> corrections, boolean endToEnd,
        List<String> trackers) {

    /**
     * A result of a ballot counted without any paper opened is {@code endToEnd}: its papers are encrypted, listed by
     * tracker ({@code trackers}, the voters' receipts in full) in its public election record, never as (receipt,
     * choice) pairs — {@code papers} is then empty — and its fingerprint is the record's.
     */
    public PublishedResult(long ballotId, long meetingId, Integer itemNumber, String itemTitle, String question,
            BallotKind kind, Secrecy secrecy, MajorityRule rule, MajorityBase base, boolean abstentionsInBase,
            Integer percentage, int seats, List<Line> lines, int blankPapers, int votesCast, int baseCount,
            int thresholdVotes, Outcome outcome, List<String> elected, List<String> tied, int voted, int present,
            int votingMembers, String fingerprint, Instant openedAt, Instant closedAt, Instant publishedAt,
            List<Paper> papers, List<RollCallLine> rollCall, List<Correction> corrections) {
        this(ballotId, meetingId, itemNumber, itemTitle, question, kind, secrecy, rule, base, abstentionsInBase, percentage,
                seats, lines, blankPapers, votesCast, baseCount, thresholdVotes, outcome, elected, tied, voted, present,
                votingMembers, fingerprint, openedAt, closedAt, publishedAt, papers, rollCall, corrections, false, List.of());
    }

    public PublishedResult {
        trackers = List.copyOf(trackers);
        lines = List.copyOf(lines);
        elected = List.copyOf(elected);
        tied = List.copyOf(tied);
        papers = List.copyOf(papers);
        rollCall = List.copyOf(rollCall);
        corrections = List.copyOf(corrections);
    }

    public boolean isApproval() {
        return kind == BallotKind.APPROVAL;
    }

    public boolean isOpenBallot() {
        return secrecy == Secrecy.OPEN;
    }

    /** The blank papers' share of the papers cast, in percent with one decimal (an election's; 0 for an approval). */
    public BigDecimal blankPercent() {
        return Fraction.share(blankPapers, votesCast).percent(1);
    }

    /**
     * The blank papers' share of the base, in percent with one decimal; {@code null} when they are not part of it
     * (an approval has none; an election's are left out of a base of votes cast unless counted in it).
     */
    public BigDecimal blankPercentOfBase() {
        return isApproval() || !abstentionsInBase ? null : Fraction.share(blankPapers, baseCount).percent(1);
    }

    /**
     * One choice of the ballot and its count.
     *
     * @param code the stable choice code (YES / NO / ABSTAIN, or the candidate's option id)
     * @param label the label shown on the ballot
     * @param votes papers with this choice
     * @param percent share of the papers cast, in percent with one decimal (9 of 9 is 100.0)
     * @param percentOfBase share of the base the rule was measured against, in percent with one decimal; {@code null}
     *        when this choice is not part of the base (abstentions left out of a base of votes cast), so that the
     *        shares of a base of votes cast add up to 100
     * @param elected whether this candidate was elected (always false in an approval)
     */
    public record Line(String code, String label, int votes, BigDecimal percent, BigDecimal percentOfBase,
            boolean elected) {
    }

    /**
     * One ballot paper of the published list.
     *
     * @param receipt the receipt its voter holds
     * @param choice the canonical choice code, as hashed into the fingerprint
     * @param labels what it chose, as labelled on the ballot; empty for a blank election paper
     */
    public record Paper(String receipt, String choice, List<String> labels) {

        public Paper {
            labels = List.copyOf(labels);
        }
    }

    /** One line of an open ballot's roll-call: a voter (roster order) and what they chose. */
    public record RollCallLine(String name, String choice, List<String> labels) {

        public RollCallLine {
            labels = List.copyOf(labels);
        }
    }

    /** A statement published after the result, linked to it. */
    public record Correction(String statement, Instant publishedAt, String publishedBy) {
    }
}
