package app.quorum.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.ballot.control.BallotDefinitions;
import app.quorum.ballot.control.BallotLifecycle;
import app.quorum.ballot.control.CastingService;
import app.quorum.ballot.control.Ceremonies;
import app.quorum.ballot.control.TabletPush;
import app.quorum.ballot.control.TabletService;
import app.quorum.ballot.control.TabletState;
import app.quorum.ballot.entity.ApprovalChoice;
import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BallotStatus;
import app.quorum.ballot.entity.MajorityBase;
import app.quorum.ballot.entity.MajorityRule;
import app.quorum.ballot.entity.Secrecy;
import app.quorum.ballot.entity.VotingRule;
import app.quorum.identity.control.DelegateSessions;
import app.quorum.meeting.control.MeetingService;
import app.quorum.meeting.entity.Meeting;
import app.quorum.meeting.entity.MeetingStatus;
import app.quorum.roster.control.ParticipantDraft;
import app.quorum.roster.control.RosterService;
import app.quorum.roster.entity.Participant;
import app.quorum.roster.entity.Role;
import app.quorum.testing.AsChair;
import app.quorum.testing.AsDelegate;
import app.quorum.testing.AsSecretary;
import app.quorum.testing.Deployments;
import jakarta.inject.Inject;
import java.security.SecureRandom;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The node-local caches of issue 15 in the container against MariaDB, read outside a transaction as the pages, the
 * delegate session filter and the tablet's API read them: every change committed on this node is seen by the very next
 * read (no waiting out an expiry), and a change rolled back is not seen at all.
 */
@ExtendWith(ArquillianExtension.class)
class TabletCacheIT {

    static final Map<ApprovalChoice, String> LABELS = new EnumMap<>(Map.of(
            ApprovalChoice.YES, "Đồng ý", ApprovalChoice.NO, "Không đồng ý", ApprovalChoice.ABSTAIN, "Không biểu quyết"));
    private static final SecureRandom RANDOM = new SecureRandom();

    @Deployment
    @TargetsContainer("platform")
    static WebArchive deployment() {
        return Deployments.platform("tablet-cache-it.war");
    }

    @Inject
    MeetingService meetings;

    @Inject
    RosterService roster;

    @Inject
    BallotDefinitions definitions;

    @Inject
    BallotLifecycle lifecycle;

    @Inject
    CastingService casting;

    @Inject
    TabletService tablet;

    @Inject
    DelegateSessions sessions;

    @Inject
    Ceremonies ceremonies;

    @Inject
    TabletPush push;

    @Inject
    AsSecretary secretary;

    @Inject
    AsChair chair;

    @Inject
    AsDelegate delegate;

    /** A meeting in session with four voting members, all checked in. */
    List<Participant> room() throws Exception {
        Meeting meeting = secretary.call(() -> meetings.create(new Meeting("Họp Hội đồng nhân dân " + RANDOM.nextInt(1_000_000),
                "HĐND huyện Đắk Mil", LocalDateTime.of(2024, 1, 19, 7, 30))));
        List<Participant> members = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            String name = "Đại biểu số " + i;
            members.add(secretary.call(() -> roster.add(meeting.getId(),
                    new ParticipantDraft(name, "Đại biểu HĐND", "Tổ đại biểu số 1", Role.DELEGATE, true, null, null))));
        }
        secretary.call(() -> meetings.changeStatus(meeting.getId(), MeetingStatus.SCHEDULED));
        for (Participant member : members) {
            secretary.call(() -> roster.checkIn(meeting.getId(), member.getId()));
        }
        chair.call(() -> meetings.changeStatus(meeting.getId(), MeetingStatus.IN_SESSION));
        return members;
    }

    TabletState state(Participant participant) throws Exception {
        return delegate.callOutsideTransaction(() -> tablet.state(participant.getId()));
    }

    @Test
    void aSignInOnASecondDeviceEndsTheFirstSessionAtOnceAndARolledBackOneChangesNothing() throws Exception {
        Participant member = room().get(0);
        long id = member.getId();
        String first = sessions.start(id);
        assertTrue(sessions.current(id, first));
        assertTrue(sessions.current(id, first), "asked again: from the cache");
        String second = sessions.start(id); // the card signs in on another tablet
        assertFalse(sessions.current(id, first), "the first tablet's session is over at once");
        assertTrue(sessions.current(id, second));

        AtomicReference<String> rolledBack = new AtomicReference<>();
        assertThrows(Exception.class, () -> delegate.call(() -> {
            rolledBack.set(sessions.start(id));
            throw new IllegalStateException("the sign-in's transaction fails after the new token was stored");
        }));
        assertTrue(sessions.current(id, second), "a sign-in rolled back ends nothing");
        assertFalse(sessions.current(id, rolledBack.get()), "and its token never works");

        sessions.end(id, second);
        assertFalse(sessions.current(id, second), "signed out: at once");
        assertFalse(sessions.current(id, HexFormat.of().formatHex(new byte[32])));
    }

    @Test
    void theTabletSeesABallotOpenedACheckOutAVoteAndTheCloseAtOnce() throws Exception {
        List<Participant> members = room();
        Participant member = members.get(0);
        long meetingId = member.getMeeting().getId();
        TabletState waiting = state(member);
        assertEquals("waiting", waiting.view());
        assertEquals(waiting, state(member), "asked again: the same answer (from the cache)");

        Ballot ballot = secretary.call(() -> definitions.defineApproval(meetingId, null, "Thông qua Nghị quyết về kế hoạch đầu tư công năm 2024",
                VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST), Secrecy.SECRET, LABELS));
        assertEquals(waiting.signature(), state(member).signature(), "a ballot in preparation is the chair's");

        chair.call(() -> lifecycle.open(ballot.getId(), null));
        TabletState open = state(member);
        assertNotEquals(waiting.signature(), open.signature(), "the chair opened a ballot: the signature changed at once");
        assertEquals(ballot.getId(), open.ballotId());
        assertEquals(BallotStatus.OPEN, open.ballotStatus());
        assertEquals("open", open.view());

        secretary.call(() -> roster.checkOut(meetingId, member.getId()));
        TabletState away = state(member);
        assertFalse(away.present(), "a check-out shows at once");
        assertEquals("absent", away.view());
        secretary.call(() -> roster.checkIn(meetingId, member.getId()));
        assertEquals("open", state(member).view(), "and the check-in again");

        Participant voter = members.get(1);
        assertEquals("open", state(voter).view());
        byte[] paper = new byte[16];
        RANDOM.nextBytes(paper);
        delegate.call(() -> casting.cast(ballot.getId(), voter.getId(), HexFormat.of().formatHex(paper), ApprovalChoice.YES.name()));
        assertEquals("voted", state(voter).view(), "a vote shows at once");
        assertEquals("open", state(member).view(), "on the voter's tablet only");

        chair.call(() -> lifecycle.close(ballot.getId()));
        assertEquals("closed", state(member).view(), "the close shows at once");
        assertEquals(BallotStatus.CLOSED, state(voter).ballotStatus());

        chair.call(() -> meetings.changeStatus(meetingId, MeetingStatus.CLOSED));
        assertEquals(MeetingStatus.CLOSED, state(member).meetingStatus(), "and the meeting's close");
    }

    /**
     * The light check carries the news last pushed when it is the tablet's state (TabletPush#latest): a tablet that
     * hears of the open there first draws the face it brings; a stale news (the state moved on) is never carried.
     */
    @Test
    void theLightCheckCarriesTheOpenBallotsFaceOnlyWhileItIsTheState() throws Exception {
        Participant member = room().get(0);
        long meetingId = member.getMeeting().getId();
        Ballot ballot = secretary.call(() -> definitions.defineApproval(meetingId, null, "Thông qua chủ trương công nhận xã Đắk Gằn",
                VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST), Secrecy.SECRET, LABELS));
        chair.call(() -> lifecycle.open(ballot.getId(), null));
        TabletState open = state(member);
        String meetingPart = meetingPart(open);
        jakarta.json.JsonObject news = latest(meetingId, meetingPart);
        assertEquals(meetingPart, news.getString("signature"));
        assertEquals(ballot.getId().longValue(), news.getJsonObject("face").getJsonNumber("id").longValue(), "the open ballot's face");
        assertEquals("Thông qua chủ trương công nhận xã Đắk Gằn", news.getJsonObject("face").getString("question"));
        assertEquals(3, news.getJsonObject("face").getJsonArray("options").size());

        chair.call(() -> lifecycle.close(ballot.getId()));
        TabletState closed = state(member);
        jakarta.json.JsonObject after = latest(meetingId, meetingPart(closed));
        assertTrue(after.isNull("face"), "a closed ballot has no face to draw");
        assertTrue(push.latest(meetingId, meetingPart).isEmpty(), "the open's news is gone: the state moved on");
        assertTrue(push.latest(meetingId + 1_000_000, meetingPart(closed)).isEmpty(), "another meeting has none");
    }

    private static String meetingPart(TabletState state) {
        return TabletState.meetingSignature(state.meetingId(), state.meetingStatus(), state.currentItemId(), state.ballotId(),
                state.ballotStatus());
    }

    /** The news of the given state, sent after the commit on a managed thread: waited for, at most 10 s. */
    private jakarta.json.JsonObject latest(long meetingId, String meetingPart) throws InterruptedException {
        long until = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < until) {
            var news = push.latest(meetingId, meetingPart);
            if (news.isPresent()) {
                return news.get();
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no news of " + meetingPart + " within 10 s");
    }

    @Test
    void theTrusteesOfACeremonyAreKnownAtOnceWhenItStartsAndWhenTheyChange() throws Exception {
        List<Participant> members = room();
        long meetingId = members.get(0).getMeeting().getId();
        long first = members.get(0).getId();
        long other = members.get(3).getId();
        assertEquals(OptionalInt.empty(), ceremonies.trusteeIndex(meetingId, first), "no ceremony yet (now in the cache)");

        secretary.call(() -> ceremonies.start(meetingId, List.of(first, members.get(1).getId(), members.get(2).getId()), 2));
        assertEquals(OptionalInt.of(1), ceremonies.trusteeIndex(meetingId, first), "a trustee at once");
        assertEquals(OptionalInt.empty(), ceremonies.trusteeIndex(meetingId, other));
        assertTrue(ceremonies.isTrustee(first), "the delegate's page shows the trustee's link");
        assertFalse(ceremonies.isTrustee(other));

        secretary.call(() -> ceremonies.start(meetingId, List.of(other, members.get(1).getId()), 2));
        assertEquals(OptionalInt.empty(), ceremonies.trusteeIndex(meetingId, first), "replaced: no longer a trustee, at once");
        assertEquals(OptionalInt.of(1), ceremonies.trusteeIndex(meetingId, other));
        assertFalse(ceremonies.isTrustee(first), "and the link is gone");
        assertTrue(ceremonies.isTrustee(other));

        secretary.call(() -> ceremonies.restart(meetingId));
        assertEquals(OptionalInt.of(2), ceremonies.trusteeIndex(meetingId, members.get(1).getId()), "restarted: the same trustees");
    }
}
