package app.quorum.attack;

import app.quorum.ballot.entity.BoxFingerprint;
import app.quorum.ballot.crypto.Receipts;
import app.quorum.roster.control.CardCodes;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * What the attack plays on, written into the database as the other integration tests do: four meetings of its own,
 * so that "the id of another meeting" is a real one.
 *
 * <ul>
 * <li>{@code approval}: in session, public, with an open secret approval ballot, a draft and a published one;</li>
 * <li>{@code election}: in session, not public, with an open secret election (4 candidates, 1 to 2 seats, blank
 * allowed) and a closed, unpublished one;</li>
 * <li>{@code rollCall}: in session, public, with an open roll-call approval;</li>
 * <li>{@code draft}: scheduled, being prepared: what the secretary's forms edit.</li>
 * </ul>
 * Each in-session meeting has voting delegates, checked in, with cards; the codes are kept to sign in with.
 */
final class Stage {

    static final int DELEGATES = 24;
    private static final SecureRandom RANDOM = new SecureRandom();

    record StagedMeeting(long id, List<Long> delegates, List<String> codes, long openBallot, List<Long> items) {

        StagedMeeting with(long ballot) {
            return new StagedMeeting(id, delegates, codes, ballot, items);
        }
    }

    final StagedMeeting approval;
    final StagedMeeting election;
    final StagedMeeting rollCall;
    final StagedMeeting draft;
    final long draftBallot;
    final long publishedBallot;
    final long closedBallot;
    final List<Long> candidates;
    final List<String> publishedReceipts;
    /** A paper id of the approval ballot's box (a vote cast before the attack), for "the paper of another ballot". */
    final String usedPaper;
    final long meetingsBefore;
    final long accountsBefore;

    Stage(Database db) {
        meetingsBefore = db.number("SELECT COALESCE(MAX(id), 0) FROM meeting");
        accountsBefore = db.number("SELECT COALESCE(MAX(id), 0) FROM account");
        StagedMeeting approval = meeting(db, "Hội nghị tấn công A — biểu quyết tán thành", "IN_SESSION", true, DELEGATES);
        StagedMeeting election = meeting(db, "Hội nghị tấn công B — bầu cử", "IN_SESSION", false, DELEGATES);
        StagedMeeting rollCall = meeting(db, "Hội nghị tấn công C — biểu quyết công khai", "IN_SESSION", true, DELEGATES);
        draft = meeting(db, "Hội nghị tấn công D — đang chuẩn bị", "SCHEDULED", true, 6);

        long approvalBallot = ballot(db, approval, "Thông qua kế hoạch phát triển kinh tế – xã hội năm 2025", "APPROVAL", "SECRET", "OPEN");
        approvalOptions(db, approvalBallot);
        draftBallot = ballot(db, approval, "Thông qua quy chế làm việc", "APPROVAL", "SECRET", "DRAFT");
        approvalOptions(db, draftBallot);
        publishedBallot = ballot(db, approval, "Đề nghị công nhận xã Đắk Gằn đạt chuẩn nông thôn mới", "APPROVAL", "SECRET", "CLOSED");
        approvalOptions(db, publishedBallot);
        publishedReceipts = papers(db, publishedBallot, approval.delegates().subList(0, 5), List.of("YES", "YES", "YES", "NO", "ABSTAIN"), true);

        long electionBallot = ballot(db, election, "Bầu Ban kiểm phiếu", "ELECTION", "SECRET", "OPEN");
        db.update("UPDATE ballot SET seats = 2, min_choices = 1, blank_allowed = TRUE, majority_rule = 'SIMPLE', "
                + "majority_base = 'VOTES_CAST' WHERE id = ?", electionBallot);
        candidates = new ArrayList<>();
        String[] names = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Hoàng Cường", "Phạm Thị Dung"};
        for (int i = 0; i < names.length; i++) {
            candidates.add(db.insert("INSERT INTO ballot_option (ballot_id, sort_order, code, label) VALUES (?, ?, ?, ?)",
                    electionBallot, i + 1, "C" + (i + 1), names[i]));
        }
        closedBallot = ballot(db, election, "Thông qua chương trình nghị sự", "APPROVAL", "SECRET", "CLOSED");
        approvalOptions(db, closedBallot);
        papers(db, closedBallot, election.delegates().subList(0, 3), List.of("YES", "NO", "YES"), false);

        long rollCallBallot = ballot(db, rollCall, "Thông qua biên bản kỳ họp trước", "APPROVAL", "OPEN", "OPEN");
        approvalOptions(db, rollCallBallot);

        db.update("UPDATE meeting SET current_item_id = ? WHERE id = ?", approval.items().get(0), approval.id());
        this.approval = approval.with(approvalBallot);
        this.election = election.with(electionBallot);
        this.rollCall = rollCall.with(rollCallBallot);
        byte[] paper = new byte[16];
        RANDOM.nextBytes(paper);
        usedPaper = HexFormat.of().formatHex(paper);
        // one vote already in the approval box, through the database as casting leaves it (sealed: a placeholder the
        // count never reads, since the attack never closes this ballot)
        db.update("INSERT INTO participation (ballot_id, participant_id) VALUES (?, ?)", approvalBallot,
                approval.delegates().get(approval.delegates().size() - 1));
        db.update("INSERT INTO cast_vote (id, ballot_id, sealed) VALUES (?, ?, ?)", paper, approvalBallot, new byte[48]);
    }

    List<StagedMeeting> inSession() {
        return List.of(approval, election, rollCall);
    }

    List<Long> meetingIds() {
        return List.of(approval.id(), election.id(), rollCall.id(), draft.id());
    }

    List<Long> ballotIds() {
        return List.of(approval.openBallot(), election.openBallot(), rollCall.openBallot(),
                draftBallot, publishedBallot, closedBallot);
    }

    private static StagedMeeting meeting(Database db, String title, String status, boolean visible, int delegates) {
        long id = db.insert("INSERT INTO meeting (title, organiser, venue, description, starts_at, ends_at, status, public_meeting) "
                + "VALUES (?, 'UBND huyện Đắk Mil', 'Hội trường UBND huyện', 'Kiểm thử tấn công', ?, ?, ?, ?)", title,
                Timestamp.from(Instant.now().minusSeconds(3600)), Timestamp.from(Instant.now().plusSeconds(4 * 3600)), status, visible);
        List<Long> items = new ArrayList<>();
        items.add(db.insert("INSERT INTO agenda_item (meeting_id, sort_order, title, presenter, planned_minutes) VALUES (?, 1, "
                + "'Khai mạc hội nghị', 'Văn phòng HĐND và UBND huyện', 10)", id));
        items.add(db.insert("INSERT INTO agenda_item (meeting_id, sort_order, title, description) VALUES (?, 2, "
                + "'Biểu quyết', 'Các nội dung biểu quyết của hội nghị')", id));
        db.insert("INSERT INTO awardee (agenda_item_id, sort_order, kind, name, award) VALUES (?, 1, 'COLLECTIVE', "
                + "'UBND xã Đắk Gằn', 'Bằng khen của UBND tỉnh')", items.get(0));
        List<Long> ids = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < delegates; i++) {
            String code = CardCodes.generate();
            codes.add(code);
            ids.add(db.insert("INSERT INTO participant (meeting_id, full_name, position_name, unit, role, voting, checked_in_at, "
                    + "card_code_hash) VALUES (?, ?, 'Đại biểu', 'UBND xã Đắk Gằn', 'DELEGATE', TRUE, CURRENT_TIMESTAMP(3), ?)",
                    id, "Đại biểu số " + (i + 1), CardCodes.hash(code)));
        }
        db.insert("INSERT INTO participant (meeting_id, full_name, position_name, role, voting) VALUES (?, 'Ngô Thị Hương', "
                + "'Chánh Văn phòng', 'SECRETARY', FALSE)", id);
        return new StagedMeeting(id, ids, codes, 0, items);
    }

    private static long ballot(Database db, StagedMeeting meeting, String question, String kind, String secrecy, String status) {
        boolean open = "OPEN".equals(status);
        boolean counted = "CLOSED".equals(status);
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return db.insert("INSERT INTO ballot (meeting_id, agenda_item_id, question, kind, secrecy, majority_rule, majority_base, "
                + "abstentions_in_base, status, opened_at, closed_at, voting_members, present, closed_voting_members, closed_present, "
                + "key_salt) VALUES (?, ?, ?, ?, ?, 'ABSOLUTE', 'PRESENT', TRUE, ?, ?, ?, ?, ?, ?, ?, ?)",
                meeting.id(), meeting.items().get(1), question, kind, secrecy, status,
                open || counted ? Timestamp.from(Instant.now().minusSeconds(600)) : null,
                counted ? Timestamp.from(Instant.now().minusSeconds(300)) : null,
                open || counted ? meeting.delegates().size() : null, open || counted ? meeting.delegates().size() : null,
                counted ? meeting.delegates().size() : null, counted ? meeting.delegates().size() : null,
                open || counted ? salt : null);
    }

    private static void approvalOptions(Database db, long ballot) {
        String[][] options = {{"YES", "Đồng ý"}, {"NO", "Không đồng ý"}, {"ABSTAIN", "Không biểu quyết"}};
        for (int i = 0; i < options.length; i++) {
            db.insert("INSERT INTO ballot_option (ballot_id, sort_order, code, label) VALUES (?, ?, ?, ?)", ballot, i + 1,
                    options[i][0], options[i][1]);
        }
    }

    /** A counted box: papers with plain choices, the fingerprint, and — when asked — published. */
    private static List<String> papers(Database db, long ballot, List<Long> voters, List<String> choices, boolean publish) {
        List<BoxFingerprint.Paper> papers = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            byte[] paper = new byte[16];
            RANDOM.nextBytes(paper);
            papers.add(new BoxFingerprint.Paper(Receipts.of(paper), choices.get(i)));
            db.update("INSERT INTO cast_vote (id, ballot_id, choice) VALUES (?, ?, ?)", paper, ballot, choices.get(i));
            db.update("INSERT INTO participation (ballot_id, participant_id) VALUES (?, ?)", ballot, voters.get(i));
        }
        db.update("UPDATE ballot SET voted = ?, fingerprint = ? WHERE id = ?", choices.size(), BoxFingerprint.of(papers), ballot);
        if (publish) {
            db.update("UPDATE ballot SET status = 'PUBLISHED', published_at = CURRENT_TIMESTAMP(3), published_by = 'thuky' WHERE id = ?", ballot);
        }
        return papers.stream().map(BoxFingerprint.Paper::receipt).toList();
    }

    /** Takes away everything the attack made or staged: its meetings (their rows go with them) and its accounts. */
    static void cleanUp(Database db, long meetingsBefore, long accountsBefore) {
        // (a cascade of the foreign keys fires no trigger: the published ballots' papers go with their meeting)
        db.update("DELETE FROM meeting WHERE id > ?", meetingsBefore);
        db.update("DELETE FROM account_role WHERE account_id > ?", accountsBefore);
        db.update("DELETE FROM account WHERE id > ?", accountsBefore);
    }
}
