package app.quorum.ballot.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import app.quorum.ballot.entity.BallotStatus;
import app.quorum.meeting.entity.MeetingStatus;
import org.junit.jupiter.api.Test;

/** What the tablet says, for every combination of the meeting's status, its current item and the ballot in view. */
class TabletStateTest {

    private static TabletState state(MeetingStatus meeting, Long currentItem, BallotStatus ballot, boolean voted) {
        return new TabletState(1, meeting, currentItem, ballot == null ? null : 7L, ballot, true, true, voted);
    }

    @Test
    void anOpenBallotIsShownAndSaidToBeUnderWayWhateverTheCurrentItem() {
        for (Long item : new Long[] {null, 3L}) {
            assertEquals("open", state(MeetingStatus.IN_SESSION, item, BallotStatus.OPEN, false).view(), "item " + item);
            assertEquals("voted", state(MeetingStatus.IN_SESSION, item, BallotStatus.OPEN, true).view(), "item " + item);
        }
        // no item current: the tablet says a ballot is under way, never that the chair will move on
        assertEquals("ballot", state(MeetingStatus.IN_SESSION, null, BallotStatus.OPEN, false).now());
        assertEquals("ballot", state(MeetingStatus.IN_SESSION, null, BallotStatus.OPEN, true).now());
        // the chair closed the meeting with the ballot still open (the votes are still taken)
        assertEquals("ballot", state(MeetingStatus.CLOSED, null, BallotStatus.OPEN, false).now());
        assertEquals("open", state(MeetingStatus.CLOSED, null, BallotStatus.OPEN, false).view());
        assertEquals("item", state(MeetingStatus.IN_SESSION, 3L, BallotStatus.OPEN, false).now());
    }

    @Test
    void withoutAnOpenBallotTheMeetingsStatusSaysWhatComesNext() {
        for (BallotStatus ballot : new BallotStatus[] {null, BallotStatus.CLOSED, BallotStatus.PUBLISHED, BallotStatus.CANCELLED}) {
            for (MeetingStatus meeting : MeetingStatus.values()) {
                assertEquals("waiting", state(meeting, null, ballot, false).now(), meeting + " " + ballot);
            }
            assertEquals("item", state(MeetingStatus.IN_SESSION, 3L, ballot, false).now());
        }
        assertEquals("closed", state(MeetingStatus.IN_SESSION, null, BallotStatus.CLOSED, false).view());
        assertEquals("published", state(MeetingStatus.CLOSED, null, BallotStatus.PUBLISHED, true).view());
    }

    @Test
    void noBallotYetIsAWaitUntilTheMeetingIsClosedThenThereIsNone() {
        assertEquals("waiting", state(MeetingStatus.SCHEDULED, null, null, false).view());
        assertEquals("waiting", state(MeetingStatus.IN_SESSION, 3L, null, false).view());
        assertEquals("none", state(MeetingStatus.CLOSED, null, null, false).view(), "no ballot will open in a closed meeting");
    }

    @Test
    void theSignatureChangesWithTheCurrentItemAndTheBallot() {
        String before = state(MeetingStatus.IN_SESSION, null, null, false).signature();
        assertNotEquals(before, state(MeetingStatus.IN_SESSION, null, BallotStatus.OPEN, false).signature());
        assertNotEquals(before, state(MeetingStatus.IN_SESSION, 3L, null, false).signature());
    }

    @Test
    void theSignatureIsTheMeetingsPartThatThePushCarriesThenTheDelegatesThree() {
        TabletState open = state(MeetingStatus.IN_SESSION, null, BallotStatus.OPEN, false);
        String meeting = TabletState.meetingSignature(1, MeetingStatus.IN_SESSION, null, 7L, BallotStatus.OPEN);
        assertEquals(meeting + ":v:p:not-voted", open.signature());
        assertEquals(5, meeting.split(":").length, "push.js reads the first five parts as the meeting's");
        assertEquals(meeting + ":v:p:voted", state(MeetingStatus.IN_SESSION, null, BallotStatus.OPEN, true).signature(),
                "casting.js marks a recorded vote by its last part");
        assertEquals("m1:IN_SESSION:i-:b-:null", TabletState.meetingSignature(1, MeetingStatus.IN_SESSION, null, null, null));
    }
}
