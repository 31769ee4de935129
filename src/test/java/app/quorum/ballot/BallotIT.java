package app.quorum.ballot;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.ballot.control.BallotDraft;
import app.quorum.ballot.control.BallotKeys;
import app.quorum.ballot.control.BallotCount;
import app.quorum.ballot.control.BallotDefinitions;
import app.quorum.ballot.control.BallotLifecycle;
import app.quorum.ballot.control.Ballots;
import app.quorum.ballot.control.BallotTemplate;
import app.quorum.ballot.control.CastingService;
import app.quorum.ballot.control.RollCallVote;
import app.quorum.ballot.entity.ApprovalChoice;
import app.quorum.ballot.entity.ApprovalResult;
import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BallotKind;
import app.quorum.ballot.entity.BallotOption;
import app.quorum.ballot.entity.BallotStatus;
import app.quorum.ballot.entity.BoxFingerprint;
import app.quorum.ballot.entity.MajorityBase;
import app.quorum.ballot.entity.MajorityRule;
import app.quorum.ballot.entity.Outcome;
import app.quorum.ballot.crypto.Receipts;
import app.quorum.ballot.entity.Secrecy;
import app.quorum.ballot.entity.VotingRule;
import app.quorum.meeting.control.MeetingService;
import app.quorum.meeting.entity.Meeting;
import app.quorum.meeting.entity.MeetingStatus;
import app.quorum.platform.QuorumDataSource;
import app.quorum.platform.Refusal;
import app.quorum.roster.control.ParticipantDraft;
import app.quorum.roster.control.RosterService;
import app.quorum.roster.entity.Participant;
import app.quorum.roster.entity.Role;
import app.quorum.testing.AsChair;
import app.quorum.testing.AsDelegate;
import app.quorum.testing.AsSecretary;
import app.quorum.testing.Deployments;
import app.quorum.results.control.DemoMeetingAccess;
import app.quorum.meeting.entity.AgendaItem;
import app.quorum.platform.i18n.Bundle;
import app.quorum.results.control.Minutes;
import app.quorum.ballot.control.Publication;
import app.quorum.results.control.Results;
import app.quorum.results.entity.PublishedResult;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Secret ballots in the container against MariaDB: the seed ballot end to end, the rules, every refused vote
 * storing nothing, one vote per delegate under concurrent submissions, and what the database may and may not hold;
 * preparing ballots (edit and delete in preparation, refused definitions storing nothing, templates, the quorum
 * flag, copies of a meeting) and the roll-call of an open ballot.
 */
@ExtendWith(ArquillianExtension.class)
class BallotIT {

    static final Map<ApprovalChoice, String> LABELS = new EnumMap<>(Map.of(
            ApprovalChoice.YES, "Đồng ý", ApprovalChoice.NO, "Không đồng ý", ApprovalChoice.ABSTAIN, "Không biểu quyết"));
    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment
    @TargetsContainer("platform")
    static WebArchive deployment() {
        // PDFBox reads the minutes back in the container
        return Deployments.platform("ballot-it.war").addAsLibraries(Maven.resolver().loadPomFromFile("pom.xml")
                .resolve("org.apache.pdfbox:pdfbox").withTransitivity().asFile());
    }

    @Inject
    MeetingService meetings;

    @Inject
    RosterService roster;

    @Inject
    Ballots ballots;

    @Inject
    BallotDefinitions definitions;

    @Inject
    BallotLifecycle lifecycle;

    @Inject
    BallotCount box;

    @Inject
    CastingService casting;

    @Inject
    Publication publication;

    @Inject
    Results results;

    @Inject
    Minutes minutes;

    @Inject
    DemoMeetingAccess demo;

    @Inject
    AsSecretary secretary;

    @Inject
    AsChair chair;

    @Inject
    AsDelegate delegate;

    @Resource(lookup = QuorumDataSource.JNDI_NAME)
    DataSource dataSource;

    /** A meeting in session with {@code voting} voting members (all checked in) and one guest. */
    record Room(Meeting meeting, List<Participant> members, Participant guest) {
    }

    Room room(int voting, int present) throws Exception {
        Meeting meeting = secretary.call(() -> meetings.create(new Meeting("Họp Ban Chỉ đạo " + RANDOM.nextInt(1_000_000),
                "UBND huyện Đắk Mil", LocalDateTime.of(2024, 1, 19, 7, 30))));
        List<Participant> members = new ArrayList<>();
        for (int i = 1; i <= voting; i++) {
            String name = "Thành viên số " + i;
            members.add(secretary.call(() -> roster.add(meeting.getId(),
                    new ParticipantDraft(name, "Thành viên Ban Chỉ đạo", "Ban Chỉ đạo", Role.DELEGATE, true, null, null))));
        }
        Participant guest = secretary.call(() -> roster.add(meeting.getId(),
                new ParticipantDraft("Khách mời", "Phóng viên", "Đài truyền thanh", Role.GUEST, false, null, null)));
        secretary.call(() -> meetings.changeStatus(meeting.getId(), MeetingStatus.SCHEDULED));
        for (Participant member : members.subList(0, present)) {
            secretary.call(() -> roster.checkIn(meeting.getId(), member.getId()));
        }
        secretary.call(() -> roster.checkIn(meeting.getId(), guest.getId()));
        chair.call(() -> meetings.changeStatus(meeting.getId(), MeetingStatus.IN_SESSION));
        return new Room(meeting, members, guest);
    }

    Ballot approval(Room room, VotingRule rule) throws Exception {
        return secretary.call(() -> definitions.defineApproval(room.meeting().getId(), null,
                "Đề nghị xét công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023", rule, Secrecy.SECRET, LABELS));
    }

    String vote(Ballot ballot, Participant voter, ApprovalChoice choice) throws Exception {
        return vote(ballot, voter, newPaper(), choice.name());
    }

    String vote(Ballot ballot, Participant voter, String paper, String choice) throws Exception {
        return delegate.call(() -> casting.cast(ballot.getId(), voter.getId(), paper, choice));
    }

    static String newPaper() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return HexFormat.of().formatHex(id);
    }

    @Test
    void theSeedBallotNineOfNineApproveIsAHundredPercentAndPasses() throws Exception {
        Room room = room(9, 9);
        Ballot ballot = approval(room, VotingRule.of(MajorityRule.ABSOLUTE, MajorityBase.PRESENT));
        chair.call(() -> lifecycle.open(ballot.getId(), null));
        List<String> receipts = new ArrayList<>();
        for (Participant member : room.members()) {
            receipts.add(vote(ballot, member, ApprovalChoice.YES));
        }
        assertEquals(9, chair.call(() -> ballots.turnout(ballot.getId())).voted());
        Ballot closed = chair.call(() -> lifecycle.close(ballot.getId()));
        ApprovalResult result = (ApprovalResult) chair.call(() -> ballots.result(ballot.getId()));
        List<BoxFingerprint.Paper> papers = chair.call(() -> ballots.papers(closed));
        assertAll(
                () -> assertEquals(Outcome.PASSED, result.outcome()),
                () -> assertEquals(9, result.count(ApprovalChoice.YES)),
                () -> assertEquals(0, new BigDecimal("100.0").compareTo(result.support().percent(1)), "support"),
                () -> assertEquals(9, papers.size()),
                () -> assertEquals(receipts.stream().sorted().toList(), papers.stream().map(BoxFingerprint.Paper::receipt).toList(),
                        "every receipt is in the published list"),
                () -> assertEquals(BoxFingerprint.of(papers), closed.getFingerprint(), "the fingerprint recomputed from the list"));
    }

    /**
     * The console's turnout counts in the database and names who has not voted only when few are left
     * (Ballots.NOT_YET_NAMED): a hall of 2,000 listed every name on every refresh (issue 15).
     */
    @Test
    void theTurnoutNamesWhoHasNotVotedOnlyWhenFewAreLeft() throws Exception {
        int few = Ballots.NOT_YET_NAMED;
        Room room = room(few + 6, few + 5); // one voting member absent, a guest present
        Ballot ballot = approval(room, VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST));
        chair.call(() -> lifecycle.open(ballot.getId(), null));
        Ballots.Turnout open = chair.call(() -> ballots.turnout(ballot.getId()));
        assertEquals(List.of(0, few + 5, few + 5, 0), List.of(open.voted(), open.entitledPresent(), open.notYetCount(),
                open.notYetVoted().size()), "too many to name: the number alone");
        List<Participant> voters = room.members().subList(0, 5);
        for (Participant voter : voters) {
            vote(ballot, voter, ApprovalChoice.YES);
        }
        Ballots.Turnout later = chair.call(() -> ballots.turnout(ballot.getId()));
        assertEquals(List.of(5, few + 5, few), List.of(later.voted(), later.entitledPresent(), later.notYetCount()));
        List<Long> named = later.notYetVoted().stream().map(Participant::getId).toList();
        List<Long> expected = room.members().subList(5, few + 5).stream().map(Participant::getId).toList();
        assertEquals(new java.util.HashSet<>(expected), new java.util.HashSet<>(named), "the present who have not voted, no voter, not the absent");
        chair.call(() -> lifecycle.close(ballot.getId()));
    }

    @Test
    void aTwoThirdsBallotFailsByOneVote() throws Exception {
        Room room = room(9, 9);
        Ballot ballot = approval(room, VotingRule.of(MajorityRule.TWO_THIRDS, MajorityBase.VOTES_CAST));
        chair.call(() -> lifecycle.open(ballot.getId(), null));
        for (int i = 0; i < 9; i++) {
            vote(ballot, room.members().get(i), i < 5 ? ApprovalChoice.YES : ApprovalChoice.NO);
        }
        chair.call(() -> lifecycle.close(ballot.getId()));
        ApprovalResult result = (ApprovalResult) chair.call(() -> ballots.result(ballot.getId()));
        assertEquals(Outcome.NOT_PASSED, result.outcome());
        assertEquals(6, result.threshold().minimumVotes(), "two-thirds of 9");
    }

    @Test
    void refusedVotesStoreNothing() throws Exception {
        Room room = room(5, 4);
        Ballot ballot = approval(room, VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST));
        Participant member = room.members().get(0);
        Participant absent = room.members().get(4);
        assertRefused("ballot.notOpenForVotes", () -> vote(ballot, member, ApprovalChoice.YES), ballot);

        chair.call(() -> lifecycle.open(ballot.getId(), null));
        assertRefused("ballot.notEntitled", () -> vote(ballot, room.guest(), ApprovalChoice.YES), ballot);
        assertRefused("ballot.notPresent", () -> vote(ballot, absent, ApprovalChoice.YES), ballot);
        assertRefused("ballot.choiceInvalid", () -> vote(ballot, member, newPaper(), "MAYBE"), ballot);
        assertRefused("ballot.paperInvalid", () -> vote(ballot, member, "not-a-paper", "YES"), ballot);

        String paper = newPaper();
        String receipt = vote(ballot, member, paper, "YES");
        assertEquals(1, countRows("cast_vote", ballot));
        assertEquals(receipt, vote(ballot, member, paper, "YES"), "a replayed request answers the same receipt");
        assertEquals(1, countRows("cast_vote", ballot));
        assertRefused("ballot.alreadyVoted", () -> vote(ballot, member, newPaper(), "NO"), ballot); // a second vote
        assertTrue(delegate.call(() -> casting.hasVoted(ballot.getId(), member.getId())));

        chair.call(() -> lifecycle.close(ballot.getId()));
        assertRefused("ballot.notOpenForVotes", () -> vote(ballot, room.members().get(1), ApprovalChoice.NO), ballot);
        assertEquals(1, countRows("cast_vote", ballot));
        assertEquals(1, countRows("participation", ballot));
    }

    @Test
    void aHundredConcurrentSubmissionsOfOneDelegateCountOnce() throws Exception {
        Room room = room(3, 3);
        Ballot ballot = approval(room, VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST));
        chair.call(() -> lifecycle.open(ballot.getId(), null));
        Participant member = room.members().get(0);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refusedAsDuplicate = new AtomicInteger();
        java.util.Set<String> receipts = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Future<?>> submissions = new ArrayList<>();
        try {
            for (int i = 0; i < 100; i++) {
                String paper = i % 2 == 0 ? newPaper() : "0123456789abcdef0123456789abcdef"; // retries and fresh papers
                submissions.add(pool.submit(() -> {
                    start.await();
                    try {
                        receipts.add(vote(ballot, member, paper, "YES"));
                        accepted.incrementAndGet();
                    } catch (Exception e) {
                        if (refusal(e) != null && "ballot.alreadyVoted".equals(refusal(e).key())) {
                            refusedAsDuplicate.incrementAndGet();
                        } else {
                            throw e;
                        }
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> submission : submissions) {
                submission.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        // the winner's paper, when it is the retried one, is answered again to the retries that come after it
        assertEquals(1, receipts.size(), () -> "receipts answered: " + receipts);
        assertEquals(100, accepted.get() + refusedAsDuplicate.get(), "every submission answered or refused as already voted");
        assertTrue(accepted.get() >= 1, "accepted submissions");
        assertTrue(accepted.get() == 1 || receipts.contains(Receipts.of(HexFormat.of().parseHex("0123456789abcdef0123456789abcdef"))),
                () -> accepted.get() + " accepted submissions but the retried paper did not win");
        assertEquals(1, countRows("participation", ballot));
        assertEquals(1, countRows("cast_vote", ballot));
    }

    /**
     * The tablet's retry: the same paper sent again after success answers the same receipt and stores nothing;
     * another paper is a second vote, refused; the participation lookup tells the device whether it voted and,
     * for its own paper only, the receipt.
     */
    @Test
    void theSamePaperSentAgainIsAnsweredWithItsReceiptAndCountsOnce() throws Exception {
        Room room = room(3, 3);
        Ballot ballot = approval(room, VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST));
        Ballot other = approval(room, VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST));
        chair.call(() -> lifecycle.open(ballot.getId(), null));
        Participant member = room.members().get(0);
        String paper = newPaper();

        CastingService.Recorded before = delegate.call(() -> casting.recorded(ballot.getId(), member.getId(), paper));
        assertEquals(new CastingService.Recorded(false, null), before, "nothing recorded yet");

        String receipt = vote(ballot, member, paper, "NO");
        assertEquals(Receipts.of(HexFormat.of().parseHex(paper)), receipt);
        assertEquals(receipt, vote(ballot, member, paper, "NO"), "the same paper again");
        assertEquals(receipt, vote(ballot, member, paper.toUpperCase(java.util.Locale.ROOT), "NO"), "the same paper in capitals");
        assertEquals(1, countRows("participation", ballot));
        assertEquals(1, countRows("cast_vote", ballot));
        assertRefused("ballot.alreadyVoted", () -> vote(ballot, member, newPaper(), "NO"), ballot);

        assertEquals(new CastingService.Recorded(true, receipt),
                delegate.call(() -> casting.recorded(ballot.getId(), member.getId(), paper)), "voted, with this paper");
        assertEquals(new CastingService.Recorded(true, null),
                delegate.call(() -> casting.recorded(ballot.getId(), member.getId(), newPaper())), "voted, with another paper");
        assertEquals(new CastingService.Recorded(true, null),
                delegate.call(() -> casting.recorded(ballot.getId(), member.getId(), null)), "voted, no paper asked");
        Participant neighbour = room.members().get(1);
        assertEquals(new CastingService.Recorded(false, null),
                delegate.call(() -> casting.recorded(ballot.getId(), neighbour.getId(), paper)),
                "another delegate asking with this paper learns nothing of it");
        assertEquals(new CastingService.Recorded(false, null),
                delegate.call(() -> casting.recorded(other.getId(), member.getId(), paper)), "the paper is not in another ballot");
        Exception invalid = assertThrows(Exception.class, () -> delegate.call(() -> casting.recorded(ballot.getId(), member.getId(), "xyz")));
        assertEquals("ballot.paperInvalid", refusal(invalid).key());
        Exception unknown = assertThrows(Exception.class, () -> delegate.call(() -> casting.recorded(Long.MAX_VALUE, member.getId(), paper)));
        assertEquals("ballot.notFound", refusal(unknown).key());

        chair.call(() -> lifecycle.close(ballot.getId()));
        assertEquals(receipt, vote(ballot, member, paper, "NO"), "a retry that arrives after the close still learns its receipt");
        assertRefused("ballot.notOpenForVotes", () -> vote(ballot, neighbour, paper, "YES"), ballot);
        ApprovalResult result = (ApprovalResult) chair.call(() -> ballots.result(ballot.getId()));
        assertEquals(List.of(0, 1, 0), List.of(result.count(ApprovalChoice.YES), result.count(ApprovalChoice.NO),
                result.count(ApprovalChoice.ABSTAIN)));
    }

    @Test
    void aSecretBallotNeedsEnoughVotersPresentToOpen() throws Exception {
        Room room = room(3, 2); // quorum: 2 of 3 present; a secret box of 2 would tell each other's vote
        Ballot ballot = secretary.call(() -> definitions.defineApproval(room.meeting().getId(), null, "Bầu tổ thư ký",
                VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST), Secrecy.SECRET, LABELS));
        Refusal refusal = assertThrows(Refusal.class, () -> chair.call(() -> lifecycle.open(ballot.getId(), null)));
        assertEquals("ballot.tooFewForSecrecy", refusal.key());
        assertEquals(app.quorum.ballot.entity.BallotStatus.DRAFT, secretary.call(() -> ballots.ballot(ballot.getId())).getStatus());
    }

    /** The paper table can hold nothing that links it to a voter or orders it. */
    @Test
    void theCastVoteTableHasNoParticipantTimeAutoIncrementOrWeight() throws Exception {
        List<String> columns = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT column_name, extra, data_type FROM information_schema.columns "
                        + "WHERE table_schema = DATABASE() AND table_name = 'cast_vote' ORDER BY ordinal_position");
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                columns.add(rows.getString(1));
                assertFalse(rows.getString(2).toLowerCase().contains("auto_increment"), rows.getString(1) + " auto-increments");
                assertFalse(List.of("timestamp", "datetime", "date", "time").contains(rows.getString(3).toLowerCase()),
                        rows.getString(1) + " is a time");
            }
        }
        assertEquals(List.of("id", "ballot_id", "sealed", "choice"), columns);
        assertEquals(List.of("ballot_id", "id"), strings("SELECT column_name FROM information_schema.key_column_usage WHERE table_schema = "
                + "DATABASE() AND table_name = 'cast_vote' AND constraint_name = 'PRIMARY' ORDER BY ordinal_position"), "the box's key");
        // the columns hold the largest paper and the longest choice code a ballot can have
        assertEquals(List.of(String.valueOf(BallotKeys.SEALED_BYTES)), strings("SELECT character_maximum_length FROM information_schema.columns "
                + "WHERE table_schema = DATABASE() AND table_name = 'cast_vote' AND column_name = 'sealed'"));
        for (String table : List.of("cast_vote", "roll_call")) {
            assertEquals(List.of(String.valueOf(CastingService.CHOICE_MAX_CHARS)), strings("SELECT character_maximum_length FROM "
                    + "information_schema.columns WHERE table_schema = DATABASE() AND table_name = '" + table + "' AND column_name = 'choice'"), table);
        }
    }

    private List<String> strings(String sql) throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql);
                ResultSet rows = query.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    /**
     * The secrecy of the raw box (issue 12): while secret ballots of every kind are open — an approval; an election
     * allowing blank papers whose option ids have a few digits; one without blank papers whose ids have 18 digits; the
     * widest a ballot can be (60 candidates, 59 seats, 18-digit ids) — the papers are read with plain JDBC, as a copy of
     * the database would show them. Every paper of every ballot has one size, whatever it chose (blank, one mark, two,
     * 59), no choice is readable, and none of the sealed bytes is its padded choice. At the close every paper opens to
     * what was voted. (Before the padding the papers were as long as their choice: 31, 30 and 35 bytes for YES, NO and
     * ABSTAIN.)
     */
    @Test
    void whileOpenEveryPaperOfEverySecretBallotHasOneSizeInTheRawBox() throws Exception {
        Room room = room(9, 9);
        long meetingId = room.meeting().getId();
        VotingRule rule = VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST);
        List<String> five = List.of("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung", "Hoàng Văn Em");
        List<String> sixty = java.util.stream.IntStream.rangeClosed(1, BallotDraft.CANDIDATES_MAX)
                .mapToObj(i -> "Ứng cử viên số " + i).toList();
        Ballot approval = approval(room, rule);
        Ballot withBlank = secretary.call(() -> definitions.defineElection(meetingId, null, "Bầu Tổ kiểm phiếu", rule, Secrecy.SECRET, five, 3, 1, true));
        Ballot noBlank = secretary.call(() -> definitions.defineElection(meetingId, null, "Bầu Tổ thư ký", rule, Secrecy.SECRET, five, 4, 2, false));
        Ballot widest = secretary.call(() -> definitions.defineElection(meetingId, null, "Bầu Ban đại diện", rule, Secrecy.SECRET, sixty,
                BallotDraft.CANDIDATES_MAX - 1, 1, false));
        List<Ballot> secret = List.of(approval, withBlank, noBlank, widest);
        try {
            longIds(noBlank, 100_000_000_000_000_000L);
            longIds(widest, 200_000_000_000_000_000L);
            Map<Long, List<String>> voted = new java.util.LinkedHashMap<>();
            List<String> answers = List.of("YES", "YES", "NO", "ABSTAIN", "NO", "YES", "YES", "NO", "ABSTAIN");
            voted.put(approval.getId(), answers);
            List<Long> small = options(withBlank);
            voted.put(withBlank.getId(), List.of(BoxFingerprint.BLANK, code(small.get(0)), code(small.get(0), small.get(1)),
                    code(small.get(1), small.get(2), small.get(4)), BoxFingerprint.BLANK, code(small.get(4))));
            List<Long> large = options(noBlank);
            assertEquals(18, String.valueOf(large.get(0)).length(), "18-digit option ids");
            voted.put(noBlank.getId(), List.of(code(large.get(0), large.get(1)), code(large.get(1), large.get(2), large.get(3)),
                    code(large.get(0), large.get(2), large.get(3), large.get(4))));
            List<Long> all = options(widest);
            voted.put(widest.getId(), List.of(code(all.subList(0, all.size() - 1).toArray(Long[]::new)), code(all.get(7)),
                    code(all.subList(10, 40).toArray(Long[]::new))));
            assertEquals(CastingService.CHOICE_MAX_CHARS, voted.get(widest.getId()).get(0).length(), "the longest paper any ballot can have");

            // one ballot is open at a time in a meeting: each is voted, read raw while it is open, then closed
            Map<Long, java.util.SortedSet<Integer>> sizes = new java.util.LinkedHashMap<>();
            for (Ballot ballot : secret) {
                chair.call(() -> lifecycle.open(ballot.getId(), null));
                List<String> codes = voted.get(ballot.getId());
                for (int i = 0; i < codes.size(); i++) {
                    String choice = codes.get(i);
                    vote(ballot, room.members().get(i), newPaper(), choice);
                }
                sizes.put(ballot.getId(), rawPaperSizes(ballot, codes));

                // at the close every paper opens to what was voted
                Ballot closed = chair.call(() -> lifecycle.close(ballot.getId()));
                List<String> opened = chair.call(() -> ballots.papers(closed)).stream().map(BoxFingerprint.Paper::choice).sorted().toList();
                assertEquals(codes.stream().sorted().toList(), opened, ballot.getQuestion());
            }
            java.util.logging.Logger.getLogger(BallotIT.class.getName()).info("secrecy: raw papers while open, bytes by ballot (approval, election with blank, election with 18-digit ids, "
                    + "widest election): " + sizes.values() + "; papers: " + voted.values().stream().mapToInt(List::size).sum());
            for (Ballot ballot : secret) {
                assertEquals(java.util.Set.of(BallotKeys.SEALED_BYTES), sizes.get(ballot.getId()), "sizes of the papers of " + ballot.getQuestion());
            }
            ApprovalResult result = (ApprovalResult) chair.call(() -> ballots.result(approval.getId()));
            assertEquals(List.of(4, 3, 2), List.of(result.count(ApprovalChoice.YES), result.count(ApprovalChoice.NO),
                    result.count(ApprovalChoice.ABSTAIN)));
        } finally {
            forget(secret); // the 18-digit option ids go, and ballot_option's counter comes back down
        }
    }

    /**
     * The sizes of an open ballot's papers as the raw table holds them (plain JDBC, as a copy of the database shows it),
     * after checking that no choice is readable and that no paper holds one of the ballot's choices padded in clear.
     */
    private java.util.SortedSet<Integer> rawPaperSizes(Ballot ballot, List<String> choices) throws Exception {
        java.util.SortedSet<Integer> sizes = new java.util.TreeSet<>();
        int papers = 0;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT choice, sealed FROM cast_vote WHERE ballot_id = ?")) {
            query.setLong(1, ballot.getId());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    papers++;
                    assertNull(rows.getString(1), "a readable choice while the ballot is open");
                    byte[] sealed = rows.getBytes(2);
                    assertNotNull(sealed, "a paper neither sealed nor readable");
                    sizes.add(sealed.length);
                    for (String choice : choices) {
                        assertFalse(contains(sealed, paddedStart(choice)), "a paper holds the padded choice " + choice + " in clear");
                    }
                    assertFalse(contains(sealed, new byte[16]), "16 zero bytes in a row: padding left in clear");
                }
            }
        }
        assertEquals(choices.size(), papers, "papers in the box of " + ballot.getQuestion());
        return sizes;
    }

    /** The paper code of these option ids, as the tablet sends it. */
    private static String code(Long... ids) {
        return BoxFingerprint.code(new java.util.TreeSet<>(List.of(ids)));
    }

    private List<Long> options(Ballot ballot) throws Exception {
        return secretary.call(() -> ballots.ballot(ballot.getId())).getOptions().stream().map(BallotOption::getId).toList();
    }

    /** Moves a draft's option ids up by {@code offset}, so that they have as many digits as a paper may hold. */
    private void longIds(Ballot draft, long offset) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE ballot_option SET id = id + ? WHERE ballot_id = ?")) {
            update.setLong(1, offset);
            update.setLong(2, draft.getId());
            assertTrue(update.executeUpdate() > 0);
        }
    }

    /** Deletes test ballots (with their options and papers) and lets ballot_option's counter go back to the ids in use. */
    private void forget(List<Ballot> made) throws Exception {
        try (Connection connection = dataSource.getConnection(); java.sql.Statement statement = connection.createStatement()) {
            for (Ballot ballot : made) {
                statement.executeUpdate("DELETE FROM ballot WHERE id = " + ballot.getId());
            }
            statement.executeUpdate("ALTER TABLE ballot_option AUTO_INCREMENT = 1");
        }
    }

    /**
     * The first bytes of a choice as the sealed plaintext holds them — the code, 0x80, zeros — at least 8 of them, so
     * that random ciphertext holds them by chance with a probability below 2⁻⁵⁴ per paper.
     */
    private static byte[] paddedStart(String choice) {
        byte[] code = choice.getBytes(StandardCharsets.UTF_8);
        byte[] start = java.util.Arrays.copyOf(code, Math.max(8, code.length + 1));
        start[code.length] = (byte) 0x80;
        return start;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * A paper id is unique in its ballot, not across ballots: a delegate who has not voted may send an id another
     * ballot's box holds (before, that was refused as "already voted" while the participation said not voted); the
     * same id already in this ballot's box is refused as such, and the sender has still not voted. Ids that are plainly
     * not random (all zero, a repeated byte) are refused.
     */
    @Test
    void aPaperIdIsUniqueInItsBallotAndMustLookRandom() throws Exception {
        Room room = room(3, 3);
        Room elsewhere = room(3, 3); // one ballot is open at a time in a meeting
        Ballot first = approval(room, VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST));
        Ballot second = approval(elsewhere, VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST));
        chair.call(() -> lifecycle.open(first.getId(), null));
        chair.call(() -> lifecycle.open(second.getId(), null));
        Participant mai = room.members().get(0);
        Participant hung = elsewhere.members().get(0);
        Participant thang = room.members().get(1);
        String paper = newPaper();
        String receipt = vote(first, mai, paper, "YES");

        assertEquals(receipt, vote(second, hung, paper, "NO"), "the same id in another ballot is another paper");
        assertEquals(1, countRows("cast_vote", second));
        assertEquals(new CastingService.Recorded(true, receipt), delegate.call(() -> casting.recorded(second.getId(), hung.getId(), paper)));
        assertEquals(new CastingService.Recorded(true, receipt), delegate.call(() -> casting.recorded(first.getId(), mai.getId(), paper)));

        assertRefused("ballot.paperInUse", () -> vote(first, thang, paper, "NO"), first);
        assertFalse(delegate.call(() -> casting.hasVoted(first.getId(), thang.getId())), "refused: not voted");
        for (String notRandom : List.of("00000000000000000000000000000000", "ffffffffffffffffffffffffffffffff",
                "00000000000000000000000000000001", "5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a")) {
            assertRefused("ballot.paperNotRandom", () -> vote(first, thang, notRandom, "YES"), first);
        }
        String own = newPaper();
        assertEquals(Receipts.of(HexFormat.of().parseHex(own)), vote(first, thang, own, "ABSTAIN"), "a fresh id is taken");
        chair.call(() -> lifecycle.close(first.getId()));
        chair.call(() -> lifecycle.close(second.getId()));
        ApprovalResult firstResult = (ApprovalResult) chair.call(() -> ballots.result(first.getId()));
        ApprovalResult secondResult = (ApprovalResult) chair.call(() -> ballots.result(second.getId()));
        assertEquals(List.of(1, 0, 1), List.of(firstResult.count(ApprovalChoice.YES), firstResult.count(ApprovalChoice.NO),
                firstResult.count(ApprovalChoice.ABSTAIN)));
        assertEquals(List.of(0, 1, 0), List.of(secondResult.count(ApprovalChoice.YES), secondResult.count(ApprovalChoice.NO),
                secondResult.count(ApprovalChoice.ABSTAIN)));
    }

    /** The chair's countdown closes the ballot by itself: the timer unseals and counts it like a close by hand. */
    @Test
    void aCountdownClosesTheBallotByItself() throws Exception {
        Room room = room(3, 3);
        Ballot ballot = approval(room, VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST));
        chair.call(() -> lifecycle.open(ballot.getId(), java.time.Duration.ofSeconds(3)));
        vote(ballot, room.members().get(0), ApprovalChoice.YES);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (secretary.call(() -> ballots.ballot(ballot.getId())).getStatus() == app.quorum.ballot.entity.BallotStatus.OPEN
                && System.nanoTime() < deadline) {
            Thread.sleep(250);
        }
        Ballot closed = secretary.call(() -> ballots.ballot(ballot.getId()));
        assertEquals(app.quorum.ballot.entity.BallotStatus.CLOSED, closed.getStatus());
        assertNotNull(closed.getFingerprint());
        assertRefused("ballot.notOpenForVotes", () -> vote(ballot, room.members().get(1), ApprovalChoice.NO), ballot);
        ApprovalResult result = (ApprovalResult) chair.call(() -> ballots.result(ballot.getId()));
        assertEquals(1, result.count(ApprovalChoice.YES));
    }

    @Test
    void aMeetingCannotBeClosedWhileOneOfItsBallotsIsOpen() throws Exception {
        Room room = room(3, 3);
        Ballot ballot = approval(room, VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST));
        chair.call(() -> lifecycle.open(ballot.getId(), null));
        Refusal refusal = assertThrows(Refusal.class, () -> chair.call(() -> meetings.changeStatus(room.meeting().getId(), MeetingStatus.CLOSED)));
        assertEquals("meeting.closeWithOpenBallot", refusal.key());
        assertEquals(MeetingStatus.IN_SESSION, meetings.withAgenda(room.meeting().getId()).orElseThrow().getStatus(), "still in session");
        chair.call(() -> lifecycle.close(ballot.getId()));
        assertEquals(MeetingStatus.CLOSED, chair.call(() -> meetings.changeStatus(room.meeting().getId(), MeetingStatus.CLOSED)).getStatus(),
                "closed once the ballot is");
    }

    @Test
    void votingRightsCannotChangeWhileABallotIsOpen() throws Exception {
        Room room = room(3, 3);
        Ballot ballot = approval(room, VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST));
        chair.call(() -> lifecycle.open(ballot.getId(), null));
        Refusal refusal = assertThrows(Refusal.class, () -> secretary.call(() -> roster.add(room.meeting().getId(),
                new ParticipantDraft("Người mới", null, null, Role.DELEGATE, true, null, null))));
        assertEquals("participant.ballotOpen", refusal.key());
    }

    @Test
    void theCloseStoresOneFinalResultThatEveryReaderReadsAndARecountChecks() throws Exception {
        Room room = room(5, 5);
        Ballot ballot = approval(room, VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST));
        long id = ballot.getId();
        chair.call(() -> lifecycle.open(id, null));
        for (int i = 0; i < 5; i++) {
            vote(ballot, room.members().get(i), i < 3 ? ApprovalChoice.YES : ApprovalChoice.NO);
        }
        assertEquals(0, countRows("ballot_result", ballot), "nothing is counted while the ballot is open");
        chair.call(() -> lifecycle.close(id));
        assertEquals(1, countRows("ballot_result", ballot), "the close stores one result");
        assertEquals(3, countRows("ballot_result_count", ballot), "one count per choice");

        BallotCount.Recount first = secretary.call(() -> box.recount(id));
        assertTrue(first.matches() && first.stored(), first::toString);
        assertEquals(5, first.papers());
        assertThrows(jakarta.ejb.EJBAccessException.class, () -> chair.call(() -> box.recount(id)), "the secretary recounts");

        try (Connection connection = dataSource.getConnection(); java.sql.Statement change = connection.createStatement()) {
            // the stored result is final
            assertThrows(java.sql.SQLException.class, () -> change.executeUpdate("UPDATE ballot_result SET votes_cast = 0 WHERE ballot_id = " + id));
            assertThrows(java.sql.SQLException.class, () -> change.executeUpdate("UPDATE ballot_result_count SET votes = 9 WHERE ballot_id = " + id));
            assertThrows(java.sql.SQLException.class, () -> change.executeUpdate("DELETE FROM ballot_result WHERE ballot_id = " + id));
            // a paper changed behind the application's back (possible until the result is published)
            assertEquals(1, change.executeUpdate("UPDATE cast_vote SET choice = 'YES' WHERE ballot_id = " + id + " AND choice = 'NO' LIMIT 1"));
        }
        ApprovalResult read = (ApprovalResult) chair.call(() -> ballots.result(id));
        assertEquals(List.of(3, 2), List.of(read.count(ApprovalChoice.YES), read.count(ApprovalChoice.NO)),
                "readers read the result stored at the close, not a new count");
        BallotCount.Recount second = secretary.call(() -> box.recount(id));
        assertFalse(second.matches(), second::toString);
        assertFalse(second.sameCount(), "4 YES counted against 3 stored");
        assertFalse(second.sameFingerprint(), "the changed paper changes the fingerprint");
    }

    @Test
    void aPublishedResultIsFinalFrozenAndTheSameForEveryReader() throws Exception {
        Room room = room(9, 9);
        Ballot ballot = approval(room, VotingRule.of(MajorityRule.ABSOLUTE, MajorityBase.PRESENT));
        long id = ballot.getId();
        chair.call(() -> lifecycle.open(id, null));
        List<String> receipts = new ArrayList<>();
        for (Participant member : room.members()) {
            receipts.add(vote(ballot, member, ApprovalChoice.YES));
        }
        Ballot closed = chair.call(() -> lifecycle.close(id));

        // closed but not published: nobody outside the chair and secretary reads it
        assertEquals("results.notFound", assertThrows(Refusal.class, () -> results.published(id)).key());
        assertEquals("ballot.notPublished", assertThrows(Refusal.class, () -> ballots.publishedPapers(id)).key());
        assertThrows(jakarta.ejb.EJBAccessException.class, () -> chair.call(() -> publication.publish(id)), "only the secretary publishes");
        assertEquals("results.correction.notPublished", refusal(assertThrows(Exception.class,
                () -> secretary.call(() -> publication.correct(id, "Đính chính")))).key());

        secretary.call(() -> publication.publish(id));
        assertEquals("results.alreadyPublished", refusal(assertThrows(Exception.class,
                () -> secretary.call(() -> publication.publish(id)))).key());

        // people leaving after the vote do not move the result: the electorate was frozen at the close
        for (Participant member : room.members().subList(0, 4)) {
            secretary.call(() -> roster.checkOut(room.meeting().getId(), member.getId()));
        }
        PublishedResult published = results.published(id);
        PublishedResult.Line yes = published.lines().get(0);
        assertAll(
                () -> assertEquals("YES", yes.code()),
                () -> assertEquals("Đồng ý", yes.label()),
                () -> assertEquals(9, yes.votes()),
                () -> assertEquals(0, new BigDecimal("100.0").compareTo(yes.percent())),
                () -> assertEquals(0, new BigDecimal("100.0").compareTo(yes.percentOfBase())),
                () -> assertEquals(Outcome.PASSED, published.outcome()),
                () -> assertEquals(9, published.baseCount(), "base: present at the close"),
                () -> assertEquals(5, published.thresholdVotes(), "more than half of 9"),
                () -> assertEquals(9, published.voted()),
                () -> assertEquals(9, published.present()),
                () -> assertEquals(9, published.votingMembers()),
                () -> assertEquals(closed.getFingerprint(), published.fingerprint()),
                () -> assertEquals(closed.getFingerprint(), BoxFingerprint.of(published.papers().stream()
                        .map(p -> new BoxFingerprint.Paper(p.receipt(), p.choice())).toList()), "recomputed from the published list"),
                () -> assertEquals(receipts.stream().sorted().toList(), published.papers().stream().map(PublishedResult.Paper::receipt).toList()),
                () -> assertTrue(published.rollCall().isEmpty(), "a secret ballot has no roll-call"),
                () -> assertNotNull(published.publishedAt()));

        // the database itself refuses to change a published ballot or its papers
        try (Connection connection = dataSource.getConnection()) {
            try (PreparedStatement update = connection.prepareStatement("UPDATE ballot SET question = 'sửa' WHERE id = ?")) {
                update.setLong(1, id);
                assertThrows(java.sql.SQLException.class, update::executeUpdate);
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM cast_vote WHERE ballot_id = ?")) {
                delete.setLong(1, id);
                assertThrows(java.sql.SQLException.class, delete::executeUpdate);
            }
        }
        assertEquals(9, countRows("cast_vote", ballot));

        // a correction is a new statement linked to the result, which stays as it was
        secretary.call(() -> publication.correct(id, "Đính chính: biên bản ghi nhầm giờ kết thúc."));
        PublishedResult corrected = results.published(id);
        assertEquals(1, corrected.corrections().size());
        assertEquals("Đính chính: biên bản ghi nhầm giờ kết thúc.", corrected.corrections().get(0).statement());
        assertEquals(published.fingerprint(), corrected.fingerprint());

        // the public reads meetings marked public only; there, a receipt is found and counted
        assertEquals("results.notFound", assertThrows(Refusal.class, () -> results.ofPublicMeeting(room.meeting().getId())).key());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement update = connection.prepareStatement("UPDATE meeting SET public_meeting = TRUE WHERE id = ?")) {
            update.setLong(1, room.meeting().getId());
            update.executeUpdate();
        }
        assertEquals(1, results.ofPublicMeeting(room.meeting().getId()).size());
        List<Results.Found> found = results.lookup(room.meeting().getId(), receipts.get(3).toLowerCase(java.util.Locale.ROOT));
        assertEquals(1, found.size());
        assertEquals(List.of("Đồng ý"), found.get(0).paper().labels());
        assertTrue(results.lookup(room.meeting().getId(), "0000-0000-0000-0000").isEmpty());
        assertTrue(results.lookup(room.meeting().getId(), "not a receipt").isEmpty());
    }

    // ---------------------------------------------------------------- preparation

    /** A ballot in preparation can be changed (labels, rule, secrecy, quorum, even its kind) and deleted; once opened, neither. */
    @Test
    void aDraftIsEditedAndDeletedUntilItOpens() throws Exception {
        Room room = room(3, 3);
        Ballot draft = approval(room, VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST));
        long yesOption = optionId(draft, "YES");
        Map<ApprovalChoice, String> labels = new EnumMap<>(LABELS);
        labels.put(ApprovalChoice.YES, "Tán thành");
        labels.put(ApprovalChoice.NO, "Không tán thành");
        BallotDraft changed = BallotDraft.approval(null, "Thông qua Quy chế làm việc của Ban Chỉ đạo",
                VotingRule.percentage(60, MajorityBase.PRESENT), Secrecy.OPEN, labels).withQuorumRequired(false);
        secretary.call(() -> definitions.update(draft.getId(), draft.getVersion(), changed));
        Ballot updated = secretary.call(() -> ballots.ballot(draft.getId()));
        assertAll(
                () -> assertEquals("Thông qua Quy chế làm việc của Ban Chỉ đạo", updated.getQuestion()),
                () -> assertEquals(List.of("Tán thành", "Không tán thành", "Không biểu quyết"), optionLabels(updated)),
                () -> assertEquals(yesOption, optionId(updated, "YES"), "an unchanged position keeps its option"),
                () -> assertEquals(VotingRule.percentage(60, MajorityBase.PRESENT), updated.votingRule()),
                () -> assertEquals(Secrecy.OPEN, updated.getSecrecy()),
                () -> assertFalse(updated.isQuorumRequired()),
                () -> assertEquals(List.of("Tán thành", "Không tán thành", "Không biểu quyết"), dbOptionLabels(draft)));

        Refusal stale = assertThrows(Refusal.class, () -> secretary.call(() -> definitions.update(draft.getId(), draft.getVersion(),
                BallotDraft.approval(null, "Một bản cũ", VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST), Secrecy.SECRET, LABELS))));
        assertEquals("ballot.changedMeanwhile", stale.key());
        assertEquals("Thông qua Quy chế làm việc của Ban Chỉ đạo", secretary.call(() -> ballots.ballot(draft.getId())).getQuestion());

        // the chair turns it into an election on the spot
        secretary.call(() -> definitions.update(draft.getId(), updated.getVersion(), BallotDraft.election(null, "Bầu Tổ kiểm phiếu",
                VotingRule.of(MajorityRule.ABSOLUTE, MajorityBase.PRESENT), Secrecy.SECRET,
                List.of("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"), 2, 1, true)));
        Ballot election = chair.call(() -> ballots.ballot(draft.getId()));
        assertAll(
                () -> assertEquals(BallotKind.ELECTION, election.getKind()),
                () -> assertEquals(List.of("C1", "C2", "C3"), election.getOptions().stream().map(BallotOption::getCode).toList()),
                () -> assertEquals(List.of("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"), dbOptionLabels(draft)),
                () -> assertEquals(List.of(2, 1, true), List.of(election.getSeats(), election.getMinChoices(), election.isBlankAllowed())),
                () -> assertTrue(election.isQuorumRequired()));
        assertEquals(2, auditCount("ballot.update", draft.getId()));

        chair.call(() -> lifecycle.open(draft.getId(), null));
        Refusal edit = assertThrows(Refusal.class, () -> secretary.call(() -> definitions.update(draft.getId(), election.getVersion() + 1,
                BallotDraft.approval(null, "Quá muộn", VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST), Secrecy.SECRET, LABELS))));
        assertEquals("ballot.edit.notDraft", edit.key());
        assertEquals("Chỉ sửa được cuộc biểu quyết đang chuẩn bị; cuộc này: Đang biểu quyết.",
                app.quorum.platform.i18n.Bundle.text(app.quorum.platform.i18n.Bundle.VIETNAMESE, edit.key(), edit.arguments()));
        Refusal delete = assertThrows(Refusal.class, () -> chair.call(() -> { definitions.delete(draft.getId()); return null; }));
        assertEquals("ballot.delete.notDraft", delete.key());
        assertEquals(BallotStatus.OPEN, secretary.call(() -> ballots.ballot(draft.getId())).getStatus());

        Ballot other = approval(room, VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST));
        secretary.call(() -> { definitions.delete(other.getId()); return null; });
        assertTrue(secretary.call(() -> ballots.ofMeeting(room.meeting().getId())).stream().noneMatch(b -> b.getId().equals(other.getId())));
        assertEquals(List.of(), dbOptionLabels(other), "its options went with it");
        assertEquals(1, auditCount("ballot.delete", other.getId()));
    }

    /** Bad labels or election settings are refused with their own message, and nothing is stored. */
    @Test
    void badLabelsAndElectionSettingsAreRefusedAndStoreNothing() throws Exception {
        Room room = room(3, 3);
        long meetingId = room.meeting().getId();
        VotingRule rule = VotingRule.of(MajorityRule.ABSOLUTE, MajorityBase.PRESENT);
        Map<ApprovalChoice, String> sameTwice = new EnumMap<>(LABELS);
        sameTwice.put(ApprovalChoice.NO, " đồng  ý ");
        Map<ApprovalChoice, String> blank = new EnumMap<>(LABELS);
        blank.put(ApprovalChoice.ABSTAIN, "  ");
        Map<ApprovalChoice, String> tooLong = new EnumMap<>(LABELS);
        tooLong.put(ApprovalChoice.YES, "Đ".repeat(301));
        List<String> three = List.of("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường");
        Meeting elsewhere = room(3, 3).meeting();
        Long foreignItem = secretary.call(() -> meetings.addItem(elsewhere.getId(),
                new app.quorum.meeting.control.AgendaItemDraft("Mục của cuộc họp khác", null, null, null))).getId();

        assertDefineRefused("ballot.label.duplicate", meetingId, BallotDraft.approval(null, "Q", rule, Secrecy.SECRET, sameTwice));
        assertDefineRefused("ballot.label.required", meetingId, BallotDraft.approval(null, "Q", rule, Secrecy.SECRET, blank));
        assertDefineRefused("ballot.label.tooLong", meetingId, BallotDraft.approval(null, "Q", rule, Secrecy.SECRET, tooLong));
        assertDefineRefused("ballot.question.required", meetingId, BallotDraft.approval(null, " ", rule, Secrecy.SECRET, LABELS));
        assertDefineRefused("ballot.election.candidates", meetingId, BallotDraft.election(null, "Bầu", rule, Secrecy.SECRET, List.of("Nguyễn Văn An"), 1, 1, false));
        assertDefineRefused("ballot.election.seats", meetingId, BallotDraft.election(null, "Bầu", rule, Secrecy.SECRET, three, 3, 1, false));
        assertDefineRefused("ballot.election.seats", meetingId, BallotDraft.election(null, "Bầu", rule, Secrecy.SECRET, three, 0, 0, false));
        assertDefineRefused("ballot.election.minChoices", meetingId, BallotDraft.election(null, "Bầu", rule, Secrecy.SECRET, three, 2, 0, true));
        assertDefineRefused("ballot.election.minChoices", meetingId, BallotDraft.election(null, "Bầu", rule, Secrecy.SECRET, three, 2, 3, false));
        assertDefineRefused("ballot.candidate.duplicate", meetingId, BallotDraft.election(null, "Bầu", rule, Secrecy.SECRET,
                List.of("Nguyễn Văn An", "Trần Thị Bình", "nguyễn văn an"), 1, 1, false));
        assertDefineRefused("ballot.percentage.required", meetingId, new BallotDraft(null, "Q", BallotKind.APPROVAL, Secrecy.SECRET,
                MajorityRule.PERCENTAGE, MajorityBase.PRESENT, true, null, true, LABELS, List.of(), 1, 1, false));
        assertDefineRefused("agenda.itemNotFound", meetingId, BallotDraft.approval(foreignItem, "Q", rule, Secrecy.SECRET, LABELS));
        Refusal old = assertThrows(Refusal.class, () -> secretary.call(() -> definitions.defineElection(meetingId, null, "Bầu", rule,
                Secrecy.SECRET, three, 3, 1, false)));
        assertEquals("ballot.election.seats", old.key(), "the older entry point checks the same");

        // a refused change leaves the draft as it was
        Ballot draft = approval(room, rule);
        Refusal refused = assertThrows(Refusal.class, () -> secretary.call(() -> definitions.update(draft.getId(), draft.getVersion(),
                BallotDraft.approval(null, "Đổi câu hỏi", rule, Secrecy.SECRET, sameTwice))));
        assertEquals("ballot.label.duplicate", refused.key());
        Ballot unchanged = secretary.call(() -> ballots.ballot(draft.getId()));
        assertEquals(draft.getQuestion(), unchanged.getQuestion());
        assertEquals(draft.getVersion(), unchanged.getVersion());
        assertEquals(List.of("Đồng ý", "Không đồng ý", "Không biểu quyết"), dbOptionLabels(draft));
        assertEquals(1, ballotRows(meetingId), "only the good draft is stored");
    }

    private void assertDefineRefused(String key, long meetingId, BallotDraft draft) throws Exception {
        long before = ballotRows(meetingId);
        Refusal refusal = assertThrows(Refusal.class, () -> secretary.call(() -> definitions.define(meetingId, draft)));
        assertEquals(key, refusal.key());
        assertEquals(before, ballotRows(meetingId), () -> "a ballot stored after the refusal " + key);
    }

    /** Earlier ballots, of this meeting and of others, prefill a new one; the same definition is offered once. */
    @Test
    void anEarlierBallotPrefillsANewOneAsATemplate() throws Exception {
        Room earlier = room(3, 3);
        Ballot election = secretary.call(() -> definitions.define(earlier.meeting().getId(), new BallotDraft(null, "Bầu Tổ kiểm phiếu",
                BallotKind.ELECTION, Secrecy.OPEN, MajorityRule.PERCENTAGE, MajorityBase.ALL_MEMBERS, true, 60, false, Map.of(),
                List.of("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"), 2, 1, true)));
        Room now = room(3, 3);
        long meetingId = now.meeting().getId();
        Map<ApprovalChoice, String> labels = new EnumMap<>(LABELS);
        labels.put(ApprovalChoice.YES, "Tán thành");
        Ballot own = secretary.call(() -> definitions.define(meetingId,
                BallotDraft.approval(null, "Thông qua biên bản", VotingRule.of(MajorityRule.TWO_THIRDS, MajorityBase.VOTES_CAST), Secrecy.SECRET, labels)));
        secretary.call(() -> definitions.define(meetingId,
                BallotDraft.approval(null, "Thông qua biên bản", VotingRule.of(MajorityRule.TWO_THIRDS, MajorityBase.VOTES_CAST), Secrecy.SECRET, labels)));

        List<BallotTemplate> templates = chair.call(() -> definitions.templates(meetingId));
        assertEquals(own.getId(), templates.get(0).ballotId(), "this meeting's ballots come first");
        assertEquals(1, templates.stream().filter(t -> t.meetingId() == meetingId).count(), "the same definition is offered once");
        BallotTemplate fromEarlier = templates.stream().filter(t -> t.ballotId() == election.getId()).findFirst().orElseThrow();
        assertEquals(earlier.meeting().getTitle(), fromEarlier.meetingTitle());
        assertEquals(BallotKind.ELECTION, fromEarlier.kind());

        BallotDraft prefill = secretary.call(() -> definitions.definition(fromEarlier.ballotId()));
        assertAll(
                () -> assertEquals("Bầu Tổ kiểm phiếu", prefill.question()),
                () -> assertEquals(List.of("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"), prefill.candidates()),
                () -> assertEquals(Secrecy.OPEN, prefill.secrecy()),
                () -> assertEquals(new VotingRule(MajorityRule.PERCENTAGE, MajorityBase.ALL_MEMBERS, true, 60), prefill.votingRule()),
                () -> assertFalse(prefill.quorumRequired()),
                () -> assertEquals(List.of(2, 1, true), List.of(prefill.seats(), prefill.minChoices(), prefill.blankAllowed())));
        Ballot reused = secretary.call(() -> definitions.define(meetingId, prefill.withItem(null)));
        assertEquals(prefill, secretary.call(() -> definitions.definition(reused.getId())), "the new ballot is defined as its template");
        assertEquals(earlier.meeting().getId(), secretary.call(() -> ballots.ballot(election.getId())).getMeeting().getId(),
                "the template stays where it was");
    }

    /** The quorum rule is the ballot's to set: one that does not need it opens without it. */
    @Test
    void aBallotThatDoesNotNeedTheQuorumOpensWithoutIt() throws Exception {
        Room room = room(9, 4); // more than half of 9 is 5: no quorum; 4 present is enough for a secret box
        Ballot needsQuorum = approval(room, VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST));
        assertTrue(needsQuorum.isQuorumRequired(), "the quorum is required by default");
        Refusal refusal = assertThrows(Refusal.class, () -> chair.call(() -> lifecycle.open(needsQuorum.getId(), null)));
        assertEquals("ballot.noQuorum", refusal.key());
        assertEquals(BallotStatus.DRAFT, secretary.call(() -> ballots.ballot(needsQuorum.getId())).getStatus());

        Ballot withoutQuorum = secretary.call(() -> definitions.define(room.meeting().getId(), BallotDraft.approval(null,
                "Lấy ý kiến về thời gian họp lần sau", VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST), Secrecy.SECRET, LABELS)
                .withQuorumRequired(false)));
        assertFalse(secretary.call(() -> ballots.ballot(withoutQuorum.getId())).isQuorumRequired());
        chair.call(() -> lifecycle.open(withoutQuorum.getId(), null));
        assertEquals(BallotStatus.OPEN, secretary.call(() -> ballots.ballot(withoutQuorum.getId())).getStatus());
    }

    /** Copying a meeting for next month copies its ballots' definitions, in preparation, onto the copied items. */
    @Test
    void aCopiedMeetingGetsTheBallotDefinitionsInPreparation() throws Exception {
        Meeting original = new Meeting("Họp Ban Chỉ đạo tháng " + RANDOM.nextInt(1_000_000), "UBND huyện Đắk Mil",
                LocalDateTime.of(2024, 1, 19, 7, 30));
        original.addItem("Báo cáo tiến độ");
        original.addItem("Bỏ phiếu đề nghị công nhận xã đạt chuẩn nông thôn mới");
        long id = secretary.call(() -> meetings.create(original)).getId();
        Meeting stored = meetings.withAgenda(id).orElseThrow();
        long secondItem = stored.getAgenda().get(1).getId();
        Map<ApprovalChoice, String> labels = new EnumMap<>(LABELS);
        labels.put(ApprovalChoice.YES, "Tán thành");
        Ballot approval = secretary.call(() -> definitions.define(id, BallotDraft.approval(secondItem, "Đề nghị công nhận xã Đắk Gằn",
                VotingRule.of(MajorityRule.ABSOLUTE, MajorityBase.PRESENT), Secrecy.SECRET, labels).withQuorumRequired(false)));
        Ballot election = secretary.call(() -> definitions.define(id, BallotDraft.election(null, "Bầu Tổ thư ký",
                VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST), Secrecy.OPEN, List.of("Nguyễn Văn An", "Trần Thị Bình"), 1, 1, false)));
        Ballot cancelled = secretary.call(() -> definitions.define(id, BallotDraft.approval(null, "Huỷ rồi",
                VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST), Secrecy.SECRET, LABELS)));
        chair.call(() -> lifecycle.cancel(cancelled.getId(), "Nhầm nội dung"));

        Meeting copy = secretary.call(() -> meetings.copy(id));
        Meeting copied = meetings.withAgenda(copy.getId()).orElseThrow();
        List<Ballot> copies = secretary.call(() -> ballots.ofMeeting(copy.getId()));
        assertEquals(java.util.Set.of("Đề nghị công nhận xã Đắk Gằn", "Bầu Tổ thư ký"), copies.stream().map(Ballot::getQuestion)
                .collect(java.util.stream.Collectors.toSet()),
                "the cancelled ballot is left behind");
        assertTrue(copies.stream().allMatch(b -> b.getStatus() == BallotStatus.DRAFT));
        assertEquals(copied.getAgenda().get(1).getId(), copies.get(0).getItem().getId(), "on the copy's own item");
        assertNull(copies.get(1).getItem());
        assertEquals(secretary.call(() -> definitions.definition(approval.getId())).withItem(null),
                secretary.call(() -> definitions.definition(copies.get(0).getId())).withItem(null));
        assertEquals(secretary.call(() -> definitions.definition(election.getId())),
                secretary.call(() -> definitions.definition(copies.get(1).getId())));
        assertEquals(3, secretary.call(() -> ballots.ofMeeting(id)).size(), "the original keeps its ballots");
    }

    /** An open (roll-call) ballot's result says who chose what, once closed; a secret ballot has no such list. */
    @Test
    void anOpenBallotsRollCallNamesWhoChoseWhatOnceClosed() throws Exception {
        Room room = room(3, 3);
        Ballot election = secretary.call(() -> definitions.define(room.meeting().getId(), BallotDraft.election(null, "Bầu Tổ kiểm phiếu",
                VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST), Secrecy.OPEN,
                List.of("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường"), 2, 1, true)));
        chair.call(() -> lifecycle.open(election.getId(), null));
        List<Long> options = secretary.call(() -> ballots.ballot(election.getId())).getOptions().stream().map(BallotOption::getId).toList();
        vote(election, room.members().get(0), newPaper(), options.get(0) + "," + options.get(2));
        vote(election, room.members().get(1), newPaper(), BoxFingerprint.BLANK);
        Refusal whileOpen = assertThrows(Refusal.class, () -> chair.call(() -> ballots.closedRollCall(election.getId())));
        assertEquals("ballot.notClosed", whileOpen.key());
        chair.call(() -> lifecycle.close(election.getId()));
        List<RollCallVote> rollCall = chair.call(() -> ballots.closedRollCall(election.getId()));
        assertEquals(List.of(new RollCallVote("Thành viên số 1", "Thành viên Ban Chỉ đạo", List.of("Nguyễn Văn An", "Lê Văn Cường")),
                new RollCallVote("Thành viên số 2", "Thành viên Ban Chỉ đạo", List.of())), rollCall);

        Ballot secret = approval(room, VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST));
        chair.call(() -> lifecycle.open(secret.getId(), null));
        vote(secret, room.members().get(0), ApprovalChoice.YES);
        chair.call(() -> lifecycle.close(secret.getId()));
        Refusal refusal = assertThrows(Refusal.class, () -> chair.call(() -> ballots.closedRollCall(secret.getId())));
        assertEquals("ballot.rollCall.secret", refusal.key());
    }

    private static long optionId(Ballot ballot, String code) {
        return ballot.getOptions().stream().filter(o -> o.getCode().equals(code)).findFirst().orElseThrow().getId();
    }

    private static List<String> optionLabels(Ballot ballot) {
        return ballot.getOptions().stream().map(BallotOption::getLabel).toList();
    }

    private List<String> dbOptionLabels(Ballot ballot) throws Exception {
        List<String> labels = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT label FROM ballot_option WHERE ballot_id = ? ORDER BY sort_order")) {
            query.setLong(1, ballot.getId());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    labels.add(rows.getString(1));
                }
            }
        }
        return labels;
    }

    private long ballotRows(long meetingId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM ballot WHERE meeting_id = ?")) {
            query.setLong(1, meetingId);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private long auditCount(String action, long ballotId) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM audit_event WHERE action = ? AND object_id = ?")) {
            query.setString(1, action);
            query.setString(2, Long.toString(ballotId));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /**
     * The seed meeting (a copy of the demo: 20 people, 9 voting members, the Đắk Gằn item) votes 9 of 9 in favour;
     * its minutes say Đắk Gằn, 100% and the box's fingerprint — marked unpublished for the staff until the
     * secretary publishes, absent from the public minutes until then; a meeting not public has no public minutes.
     */
    @Test
    void theSeedMeetingsMinutesShowDakGanAHundredPercentAndTheFingerprint() throws Exception {
        long meetingId = demo.loadCopy("Họp Ban Chỉ đạo nông thôn mới huyện Đắk Mil, biên bản " + RANDOM.nextInt(1_000_000));
        List<Participant> people = secretary.call(() -> roster.roster(meetingId));
        List<Participant> voters = people.stream().filter(Participant::isVoting).toList();
        assertEquals(20, people.size());
        assertEquals(9, voters.size());
        List<Participant> absent = people.stream().filter(p -> !p.isVoting()).toList().subList(0, 2);
        for (Participant person : people) {
            if (!absent.contains(person)) {
                secretary.call(() -> roster.checkIn(meetingId, person.getId()));
            }
        }
        chair.call(() -> meetings.changeStatus(meetingId, MeetingStatus.IN_SESSION));
        AgendaItem item = meetings.withAgenda(meetingId).orElseThrow().getAgenda().get(5);
        Ballot ballot = secretary.call(() -> definitions.defineApproval(meetingId, item.getId(),
                "Đề nghị xét công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023",
                VotingRule.of(MajorityRule.ABSOLUTE, MajorityBase.PRESENT), Secrecy.SECRET, LABELS));
        chair.call(() -> lifecycle.open(ballot.getId(), null));
        for (Participant voter : voters) {
            vote(ballot, voter, ApprovalChoice.YES);
        }
        String fingerprint = chair.call(() -> lifecycle.close(ballot.getId())).getFingerprint();
        assertEquals(64, fingerprint.length());

        // the staff's minutes, before the result is published
        String meetingMinutes = pdfText(secretary.call(() -> minutes.ofMeeting(meetingId, Bundle.VIETNAMESE)).content());
        assertAll(
                () -> assertTrue(meetingMinutes.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), meetingMinutes),
                () -> assertTrue(meetingMinutes.contains("BIÊN BẢN HỘI NGHỊ"), meetingMinutes),
                () -> assertTrue(meetingMinutes.contains("Đắk Gằn"), meetingMinutes),
                () -> assertTrue(meetingMinutes.contains("100%"), meetingMinutes),
                () -> assertTrue(meetingMinutes.replace(" ", "").contains(fingerprint), "the fingerprint: " + meetingMinutes),
                () -> assertTrue(meetingMinutes.contains("có mặt 18/20 đại biểu"), meetingMinutes),
                () -> assertTrue(meetingMinutes.contains("có quyền biểu quyết có mặt: 9/9"), meetingMinutes),
                () -> assertTrue(meetingMinutes.contains("(chưa công bố)"), meetingMinutes),
                () -> assertTrue(meetingMinutes.contains("THÔNG QUA"), meetingMinutes));
        Minutes.Document ballotMinutes = chair.call(() -> minutes.ofBallot(ballot.getId(), Bundle.VIETNAMESE));
        assertEquals("bien-ban-kiem-phieu-" + ballot.getId() + ".pdf", ballotMinutes.fileName());
        String counted = pdfText(ballotMinutes.content());
        assertTrue(counted.contains("BIÊN BẢN KIỂM PHIẾU") && counted.contains("KẾT QUẢ CHƯA CÔNG BỐ"), counted);
        assertTrue(counted.contains("Phan Bá Tịnh") && counted.contains("Ngô Thị Hương"), "chair and secretary sign: " + counted);
        assertTrue(counted.replace(" ", "").contains(fingerprint), counted);

        // the public: the meeting is public, the result is not published yet
        assertThrows(jakarta.ejb.EJBAccessException.class, () -> minutes.ofMeeting(meetingId, Bundle.VIETNAMESE));
        assertEquals("results.notFound", assertThrows(Refusal.class,
                () -> minutes.ofPublicBallot(ballot.getId(), Bundle.VIETNAMESE)).key());
        String before = pdfText(minutes.ofPublicMeeting(meetingId, Bundle.VIETNAMESE).content());
        assertTrue(before.contains("Đắk Gằn"), "the agenda: " + before);
        assertFalse(before.replace(" ", "").contains(fingerprint), "an unpublished result in the public minutes");

        secretary.call(() -> publication.publish(ballot.getId()));
        String after = pdfText(minutes.ofPublicMeeting(meetingId, Bundle.VIETNAMESE).content());
        assertTrue(after.replace(" ", "").contains(fingerprint) && after.contains("100%"), after);
        assertFalse(after.contains("chưa công bố"), after);
        Minutes.Document english = minutes.ofPublicBallot(ballot.getId(), Bundle.ENGLISH);
        assertEquals("vote-count-minutes-" + ballot.getId() + ".pdf", english.fileName());
        String inEnglish = pdfText(english.content());
        assertTrue(inEnglish.contains("MINUTES OF THE VOTE COUNT") && inEnglish.contains("PASSED")
                && inEnglish.contains("Đắk Gằn") && inEnglish.contains("100%"), inEnglish);

        // a meeting not marked public has no public minutes
        Room closedDoors = room(3, 3);
        assertEquals("results.notFound", assertThrows(Refusal.class,
                () -> minutes.ofPublicMeeting(closedDoors.meeting().getId(), Bundle.VIETNAMESE)).key());
    }

    /** The text of a PDF, every run of white space as one space. */
    static String pdfText(byte[] pdf) throws java.io.IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private void assertRefused(String key, Callable<?> attempt, Ballot ballot) throws Exception {
        long papers = countRows("cast_vote", ballot);
        long participations = countRows("participation", ballot);
        Exception thrown = assertThrows(Exception.class, attempt::call);
        assertNotNull(refusal(thrown), () -> "not a refusal: " + thrown);
        assertEquals(key, refusal(thrown).key());
        assertEquals(papers, countRows("cast_vote", ballot), "papers after a refused vote");
        assertEquals(participations, countRows("participation", ballot), "participations after a refused vote");
    }

    private static Refusal refusal(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                return refusal;
            }
        }
        return null;
    }

    private long countRows(String table, Ballot ballot) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE ballot_id = ?")) {
            query.setLong(1, ballot.getId());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
