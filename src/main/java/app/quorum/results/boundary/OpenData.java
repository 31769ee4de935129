package app.quorum.results.boundary;

import app.quorum.ballot.crypto.Receipts;

import app.quorum.ballot.entity.BallotKind;
import app.quorum.ballot.entity.BoxFingerprint;
import app.quorum.ballot.entity.MajorityBase;
import app.quorum.ballot.entity.MajorityRule;
import app.quorum.ballot.entity.Outcome;
import app.quorum.ballot.entity.Secrecy;
import app.quorum.meeting.entity.AgendaItem;
import app.quorum.meeting.entity.Meeting;
import app.quorum.meeting.entity.MeetingStatus;
import app.quorum.results.entity.PublishedResult;
import jakarta.json.bind.annotation.JsonbNillable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The records of the open-data API: what it serves, field by field, with stable English names; never an entity,
 * never a participant's id, card code, contact or a staff account's name. Moments are ISO 8601: an instant in UTC
 * ({@code 2024-01-19T02:30:00Z}), a meeting's local time with its offset ({@code 2024-01-19T07:30:00+07:00}).
 * Absent values are {@code null}, never left out, so every answer of a kind has the same fields.
 */
public final class OpenData {

    private OpenData() {
    }

    @JsonbNillable
    @Schema(name = "MeetingSummary", description = "A public meeting, as listed.")
    public record MeetingSummary(
            @Schema(description = "The meeting's id, as in /api/meetings/{id}", example = "1") long id,
            @Schema(description = "Title", example = "Hội nghị đánh giá kết quả thực hiện Chương trình MTQG xây dựng nông thôn mới năm 2023") String title,
            @Schema(description = "Who convenes it", example = "UBND huyện Đắk Mil") String organiser,
            @Schema(description = "Where it is held, or null") String venue,
            @Schema(description = "When it starts, local time at the venue with its offset (ISO 8601)", example = "2024-01-19T07:30:00+07:00") OffsetDateTime startsAt,
            @Schema(description = "When it ends, local time with its offset, or null") OffsetDateTime endsAt,
            @Schema(description = "The venue's time zone (IANA)", example = "Asia/Ho_Chi_Minh") String timeZone,
            @Schema(description = "DRAFT, SCHEDULED, IN_SESSION or CLOSED") MeetingStatus status) {

        static MeetingSummary of(Meeting meeting) {
            return new MeetingSummary(meeting.getId(), meeting.getTitle(), meeting.getOrganiser(), meeting.getVenue(),
                    local(meeting.getStartsAt(), meeting.zone()), local(meeting.getEndsAt(), meeting.zone()),
                    meeting.getTimeZone(), meeting.getStatus());
        }
    }

    @JsonbNillable
    @Schema(name = "Meeting", description = "A public meeting with its agenda.")
    public record MeetingDetail(
            @Schema(description = "The meeting's id") long id,
            @Schema(description = "Title") String title,
            @Schema(description = "Who convenes it") String organiser,
            @Schema(description = "Where it is held, or null") String venue,
            @Schema(description = "What it is about, or null") String description,
            @Schema(description = "When it starts, local time with its offset (ISO 8601)") OffsetDateTime startsAt,
            @Schema(description = "When it ends, local time with its offset, or null") OffsetDateTime endsAt,
            @Schema(description = "The venue's time zone (IANA)") String timeZone,
            @Schema(description = "DRAFT, SCHEDULED, IN_SESSION or CLOSED") MeetingStatus status,
            @Schema(description = "The number of the item under discussion now, or null") Integer currentItemNumber,
            @Schema(description = "The agenda, in order") List<AgendaEntry> agenda) {

        static MeetingDetail of(Meeting meeting) {
            return new MeetingDetail(meeting.getId(), meeting.getTitle(), meeting.getOrganiser(), meeting.getVenue(),
                    meeting.getDescription(), local(meeting.getStartsAt(), meeting.zone()),
                    local(meeting.getEndsAt(), meeting.zone()), meeting.getTimeZone(), meeting.getStatus(),
                    meeting.getCurrentItem() == null ? null : meeting.getCurrentItem().getSortOrder(),
                    meeting.getAgenda().stream().map(AgendaEntry::of).toList());
        }
    }

    @JsonbNillable
    @Schema(name = "AgendaItem", description = "One item of a meeting's agenda.")
    public record AgendaEntry(
            @Schema(description = "Its number in the agenda, from 1", example = "6") int number,
            @Schema(description = "Title") String title,
            @Schema(description = "Who presents it, or null") String presenter) {

        static AgendaEntry of(AgendaItem item) {
            return new AgendaEntry(item.getSortOrder(), item.getTitle(), item.getPresenter());
        }
    }

    @JsonbNillable
    @Schema(name = "Result", description = "The published result of a ballot: the same numbers as the public page, the projector and the minutes.")
    public record Result(
            @Schema(description = "The ballot's id, as in /api/ballots/{id}/result") long ballotId,
            @Schema(description = "Its meeting's id") long meetingId,
            @Schema(description = "The number of its agenda item, or null") Integer itemNumber,
            @Schema(description = "The title of its agenda item, or null") String itemTitle,
            @Schema(description = "The question put to the vote") String question,
            @Schema(description = "APPROVAL (yes / no / abstain) or ELECTION") BallotKind kind,
            @Schema(description = "SECRET, or OPEN (roll-call)") Secrecy secrecy,
            @Schema(description = "SIMPLE (more yes than no), ABSOLUTE (more than half), TWO_THIRDS or PERCENTAGE") MajorityRule rule,
            @Schema(description = "What the rule is measured against: VOTES_CAST, PRESENT or ALL_MEMBERS") MajorityBase base,
            @Schema(description = "Whether abstentions (blank papers) count in a base of votes cast") boolean abstentionsInBase,
            @Schema(description = "The percentage of a PERCENTAGE rule, else null") Integer percentage,
            @Schema(description = "Seats to fill (1 for an approval)") int seats,
            @Schema(description = "One line per choice or candidate, in ballot order") List<Choice> choices,
            @Schema(description = "Blank papers of an election (0 for an approval)") int blankPapers,
            @Schema(description = "The blank papers' share of the votes cast, percent with one decimal (0.0 for an approval)", example = "0.0") BigDecimal blankPercent,
            @Schema(description = "The blank papers' share of the base, percent with one decimal; null when they are not part of the base (always for an approval)") BigDecimal blankPercentOfBase,
            @Schema(description = "Papers in the box") int votesCast,
            @Schema(description = "The number the rule was measured against") int baseCount,
            @Schema(description = "The fewest votes that met the rule") int thresholdVotes,
            @Schema(description = "PASSED, NOT_PASSED; ELECTED, SEATS_VACANT or TIE") Outcome outcome,
            @Schema(description = "The labels of the candidates elected, most votes first") List<String> elected,
            @Schema(description = "The labels of the candidates tied at the cut-off") List<String> tied,
            @Schema(description = "Voting members who voted") int voted,
            @Schema(description = "Voting members present at the close") int present,
            @Schema(description = "Voting members on the roster at the close") int votingMembers,
            @Schema(description = "SHA-256 of the box's canonical form, lower-case hex; recompute it from /api/ballots/{id}/receipts") String fingerprint,
            @Schema(description = "When the ballot opened (ISO 8601, UTC)", example = "2024-01-19T04:05:00Z") Instant openedAt,
            @Schema(description = "When it closed (ISO 8601, UTC)") Instant closedAt,
            @Schema(description = "When the result was published (ISO 8601, UTC)") Instant publishedAt,
            @Schema(description = "Open ballots only: who chose what, in roster order; empty for a secret ballot") List<RollCallLine> rollCall,
            @Schema(description = "Statements published after the result, oldest first") List<Correction> corrections,
            @Schema(description = "Counted without any paper opened (a server-blind secret ballot): the fingerprint is its public "
                    + "election record's, at /api/ballots/{id}/record; check it with the verifier (README, \"How to verify a ballot\")") boolean endToEnd) {

        static Result of(PublishedResult r) {
            return new Result(r.ballotId(), r.meetingId(), r.itemNumber(), r.itemTitle(), r.question(), r.kind(),
                    r.secrecy(), r.rule(), r.base(), r.abstentionsInBase(), r.percentage(), r.seats(),
                    r.lines().stream().map(Choice::of).toList(), r.blankPapers(), r.blankPercent(), r.blankPercentOfBase(), r.votesCast(), r.baseCount(),
                    r.thresholdVotes(), r.outcome(), r.elected(), r.tied(), r.voted(), r.present(), r.votingMembers(),
                    r.fingerprint(), r.openedAt(), r.closedAt(), r.publishedAt(),
                    r.rollCall().stream().map(line -> new RollCallLine(line.name(), line.choice(), line.labels())).toList(),
                    r.corrections().stream().map(c -> new Correction(c.statement(), c.publishedAt())).toList(), r.endToEnd());
        }
    }

    @JsonbNillable
    @Schema(name = "Choice", description = "One choice or candidate and its votes.")
    public record Choice(
            @Schema(description = "The stable choice code: YES, NO or ABSTAIN; a candidate's option id", example = "YES") String choice,
            @Schema(description = "The label on the ballot", example = "Đồng ý") String label,
            @Schema(description = "Papers with this choice", example = "9") int votes,
            @Schema(description = "Share of the votes cast, percent with one decimal", example = "100.0") BigDecimal percent,
            @Schema(description = "Share of the base, percent with one decimal; null when this choice is not part of the base "
                    + "(abstentions left out of a base of votes cast): the shares of a base of votes cast add up to 100", example = "100.0") BigDecimal percentOfBase,
            @Schema(description = "Whether this candidate was elected (false in an approval)") boolean elected) {

        static Choice of(PublishedResult.Line line) {
            return new Choice(line.code(), line.label(), line.votes(), line.percent(), line.percentOfBase(), line.elected());
        }
    }

    @JsonbNillable
    @Schema(name = "RollCallLine", description = "One voter of an open ballot and what they chose.")
    public record RollCallLine(
            @Schema(description = "The voter's full name") String name,
            @Schema(description = "The choice code") String choice,
            @Schema(description = "What it chose, as labelled on the ballot") List<String> labels) {
    }

    @JsonbNillable
    @Schema(name = "Correction", description = "A statement published after a result, linked to it; the result itself never changes.")
    public record Correction(
            @Schema(description = "The statement") String statement,
            @Schema(description = "When it was published (ISO 8601, UTC)") Instant publishedAt) {
    }

    @JsonbNillable
    @Schema(name = "Receipts", description = "The published ballot papers of a ballot and the fingerprint they hash to.")
    public record Receipts(
            @Schema(description = "The ballot's id") long ballotId,
            @Schema(description = "SHA-256 of canonicalForm (UTF-8), lower-case hex") String fingerprint,
            @Schema(description = "The text hashed: one line \"receipt TAB choice LF\" per paper, in receipt order") String canonicalForm,
            @Schema(description = "The papers, in receipt order") List<Paper> papers) {

        static Receipts of(PublishedResult r) {
            if (r.endToEnd()) { // no (receipt, choice) pairs exist: the record lists the trackers; its fingerprint is the record's
                return new Receipts(r.ballotId(), r.fingerprint(), "", r.trackers().stream()
                        .map(t -> new Paper(app.quorum.ballot.crypto.Tracker.display(t), null, List.of())).toList());
            }
            List<BoxFingerprint.Paper> box = r.papers().stream()
                    .map(p -> new BoxFingerprint.Paper(p.receipt(), p.choice())).toList();
            return new Receipts(r.ballotId(), r.fingerprint(), BoxFingerprint.canonicalForm(box),
                    r.papers().stream().map(Paper::of).toList());
        }
    }

    @JsonbNillable
    @Schema(name = "Paper", description = "One ballot paper: its receipt and its choice; nothing about who cast it.")
    public record Paper(
            @Schema(description = "The receipt its voter holds", example = "0123-4567-89AB-CDEF") String receipt,
            @Schema(description = "The choice code, as hashed: YES / NO / ABSTAIN; candidates' option ids joined by commas; - for a blank paper", example = "YES") String choice,
            @Schema(description = "What it chose, as labelled on the ballot; empty for a blank paper") List<String> labels) {

        static Paper of(PublishedResult.Paper paper) {
            return new Paper(paper.receipt(), paper.choice(), paper.labels());
        }
    }

    @JsonbNillable
    @Schema(name = "ReceiptLookup", description = "Where a receipt is among a public meeting's published papers.")
    public record ReceiptLookup(
            @Schema(description = "The receipt, normalised", example = "0123-4567-89AB-CDEF") String receipt,
            @Schema(description = "The meeting searched") long meetingId,
            @Schema(description = "The ballots whose published papers hold it, with what the paper chose") List<FoundPaper> found) {
    }

    @JsonbNillable
    @Schema(name = "FoundPaper", description = "A paper found by its receipt, counted in its ballot's result.")
    public record FoundPaper(
            @Schema(description = "The ballot's id") long ballotId,
            @Schema(description = "The question put to the vote") String question,
            @Schema(description = "The choice code") String choice,
            @Schema(description = "What it chose, as labelled") List<String> labels) {
    }

    /** A meeting's local date and time with the offset of its zone at that moment; null for none. */
    static OffsetDateTime local(LocalDateTime at, ZoneId zone) {
        return at == null ? null : at.atZone(zone).toOffsetDateTime();
    }
}
