package app.quorum.ballot;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.ballot.control.BallotService;
import app.quorum.ballot.control.CastingService;
import app.quorum.ballot.entity.ApprovalChoice;
import app.quorum.ballot.entity.ApprovalResult;
import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BoxFingerprint;
import app.quorum.ballot.entity.MajorityBase;
import app.quorum.ballot.entity.MajorityRule;
import app.quorum.ballot.entity.Outcome;
import app.quorum.ballot.entity.Receipts;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Secret ballots in the container against MariaDB: the seed ballot end to end, the rules, every refused vote
 * storing nothing, one vote per delegate under concurrent submissions, and what the database may and may not hold.
 */
@ExtendWith(ArquillianExtension.class)
class BallotIT {

    static final Map<ApprovalChoice, String> LABELS = new EnumMap<>(Map.of(
            ApprovalChoice.YES, "Đồng ý", ApprovalChoice.NO, "Không đồng ý", ApprovalChoice.ABSTAIN, "Không biểu quyết"));
    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment
    @TargetsContainer("platform")
    static WebArchive deployment() {
        return Deployments.platform("ballot-it.war");
    }

    @Inject
    MeetingService meetings;

    @Inject
    RosterService roster;

    @Inject
    BallotService ballots;

    @Inject
    CastingService casting;

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
        return secretary.call(() -> ballots.defineApproval(room.meeting().getId(), null,
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
        chair.call(() -> ballots.open(ballot.getId(), null));
        List<String> receipts = new ArrayList<>();
        for (Participant member : room.members()) {
            receipts.add(vote(ballot, member, ApprovalChoice.YES));
        }
        assertEquals(9, chair.call(() -> ballots.turnout(ballot.getId())).voted());
        Ballot closed = chair.call(() -> ballots.close(ballot.getId()));
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

    @Test
    void aTwoThirdsBallotFailsByOneVote() throws Exception {
        Room room = room(9, 9);
        Ballot ballot = approval(room, VotingRule.of(MajorityRule.TWO_THIRDS, MajorityBase.VOTES_CAST));
        chair.call(() -> ballots.open(ballot.getId(), null));
        for (int i = 0; i < 9; i++) {
            vote(ballot, room.members().get(i), i < 5 ? ApprovalChoice.YES : ApprovalChoice.NO);
        }
        chair.call(() -> ballots.close(ballot.getId()));
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

        chair.call(() -> ballots.open(ballot.getId(), null));
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

        chair.call(() -> ballots.close(ballot.getId()));
        assertRefused("ballot.notOpenForVotes", () -> vote(ballot, room.members().get(1), ApprovalChoice.NO), ballot);
        assertEquals(1, countRows("cast_vote", ballot));
        assertEquals(1, countRows("participation", ballot));
    }

    @Test
    void aHundredConcurrentSubmissionsOfOneDelegateCountOnce() throws Exception {
        Room room = room(3, 3);
        Ballot ballot = approval(room, VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST));
        chair.call(() -> ballots.open(ballot.getId(), null));
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
        chair.call(() -> ballots.open(ballot.getId(), null));
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

        chair.call(() -> ballots.close(ballot.getId()));
        assertEquals(receipt, vote(ballot, member, paper, "NO"), "a retry that arrives after the close still learns its receipt");
        assertRefused("ballot.notOpenForVotes", () -> vote(ballot, neighbour, paper, "YES"), ballot);
        ApprovalResult result = (ApprovalResult) chair.call(() -> ballots.result(ballot.getId()));
        assertEquals(List.of(0, 1, 0), List.of(result.count(ApprovalChoice.YES), result.count(ApprovalChoice.NO),
                result.count(ApprovalChoice.ABSTAIN)));
    }

    @Test
    void aSecretBallotNeedsEnoughVotersPresentToOpen() throws Exception {
        Room room = room(3, 2); // quorum: 2 of 3 present; a secret box of 2 would tell each other's vote
        Ballot ballot = secretary.call(() -> ballots.defineApproval(room.meeting().getId(), null, "Bầu tổ thư ký",
                VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST), Secrecy.SECRET, LABELS));
        Refusal refusal = assertThrows(Refusal.class, () -> chair.call(() -> ballots.open(ballot.getId(), null)));
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
    }

    /** A copy of the database taken while a secret ballot is open shows no choice. */
    @Test
    void whileASecretBallotIsOpenTheRawTableHoldsNoReadableChoice() throws Exception {
        Room room = room(3, 3);
        Ballot ballot = approval(room, VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST));
        chair.call(() -> ballots.open(ballot.getId(), null));
        vote(ballot, room.members().get(0), ApprovalChoice.YES);
        vote(ballot, room.members().get(1), ApprovalChoice.NO);
        vote(ballot, room.members().get(2), ApprovalChoice.ABSTAIN);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT choice, sealed FROM cast_vote WHERE ballot_id = ?")) {
            query.setLong(1, ballot.getId());
            try (ResultSet rows = query.executeQuery()) {
                int papers = 0;
                while (rows.next()) {
                    papers++;
                    assertNull(rows.getString(1), "a readable choice while the ballot is open");
                    byte[] sealed = rows.getBytes(2);
                    assertNotNull(sealed);
                    String raw = new String(sealed, StandardCharsets.ISO_8859_1);
                    for (ApprovalChoice choice : ApprovalChoice.values()) {
                        assertFalse(raw.contains(choice.name()), "the sealed paper shows " + choice);
                    }
                }
                assertEquals(3, papers);
            }
        }
        chair.call(() -> ballots.close(ballot.getId()));
        ApprovalResult result = (ApprovalResult) chair.call(() -> ballots.result(ballot.getId()));
        assertEquals(List.of(1, 1, 1), List.of(result.count(ApprovalChoice.YES), result.count(ApprovalChoice.NO),
                result.count(ApprovalChoice.ABSTAIN)));
    }

    /** The chair's countdown closes the ballot by itself: the timer unseals and counts it like a close by hand. */
    @Test
    void aCountdownClosesTheBallotByItself() throws Exception {
        Room room = room(3, 3);
        Ballot ballot = approval(room, VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST));
        chair.call(() -> ballots.open(ballot.getId(), java.time.Duration.ofSeconds(3)));
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
    void votingRightsCannotChangeWhileABallotIsOpen() throws Exception {
        Room room = room(3, 3);
        Ballot ballot = approval(room, VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST));
        chair.call(() -> ballots.open(ballot.getId(), null));
        Refusal refusal = assertThrows(Refusal.class, () -> secretary.call(() -> roster.add(room.meeting().getId(),
                new ParticipantDraft("Người mới", null, null, Role.DELEGATE, true, null, null))));
        assertEquals("participant.ballotOpen", refusal.key());
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
