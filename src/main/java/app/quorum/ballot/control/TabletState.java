package app.quorum.ballot.control;

import app.quorum.ballot.entity.BallotStatus;
import app.quorum.meeting.entity.MeetingStatus;

/**
 * What a delegate's tablet shows, in a few facts: the meeting and its current item, the ballot in view (the open
 * one, else the last one that was opened) and its status, the delegate's right to vote, presence, and whether they
 * have voted on it. Never what anyone chose.
 *
 * @param ballotId null when no ballot has been opened in the meeting
 * @param ballotStatus null when no ballot has been opened
 */
public record TabletState(long meetingId, MeetingStatus meetingStatus, Long currentItemId, Long ballotId, BallotStatus ballotStatus,
        boolean voting, boolean present, boolean voted) {

    /**
     * A short string that changes whenever what the tablet shows should change: the page carries the one it was
     * rendered from, and the tablet's periodic check re-renders the page only when the server's differs. It is the
     * meeting's part ({@link #meetingSignature}, the same on every tablet of the meeting, which the tablets' push
     * carries) and the delegate's part after it (right to vote, presence, voted), joined by a colon.
     */
    public String signature() {
        return meetingSignature(meetingId, meetingStatus, currentItemId, ballotId, ballotStatus) + ":"
                + String.join(":", voting ? "v" : "nv", present ? "p" : "np", voted ? "voted" : "not-voted");
    }

    /** The meeting's part of every tablet's signature: the meeting, its status, its current item, the ballot in view and its status. */
    public static String meetingSignature(long meetingId, MeetingStatus meetingStatus, Long currentItemId, Long ballotId,
            BallotStatus ballotStatus) {
        return String.join(":", "m" + meetingId, String.valueOf(meetingStatus), "i" + (currentItemId == null ? "-" : currentItemId),
                "b" + (ballotId == null ? "-" : ballotId), String.valueOf(ballotStatus));
    }

    /**
     * Which face of the ballot the tablet shows: {@code waiting} (no ballot yet), {@code none} (the meeting closed
     * without a ballot: none will open), {@code open} (choose and confirm), {@code noVote} (no right to vote),
     * {@code absent} (not checked in), {@code voted}, {@code closed}, {@code published} or {@code cancelled}.
     * Whatever the agenda's current item: a ballot open on any item, or on none, is the one the delegate votes on.
     */
    public String view() {
        if (ballotStatus == null || ballotStatus == BallotStatus.DRAFT) {
            return meetingStatus == MeetingStatus.CLOSED ? "none" : "waiting";
        }
        return switch (ballotStatus) {
            case OPEN -> voted ? "voted" : !voting ? "noVote" : !present ? "absent" : "open";
            case CLOSED -> "closed";
            case PUBLISHED -> "published";
            case CANCELLED -> "cancelled";
            case DRAFT -> "waiting";
        };
    }

    /**
     * What the tablet says about the meeting above the ballot: {@code item} (the current item is being discussed),
     * {@code ballot} (no item is current but a ballot is open: the delegate is voting, or others still are), or
     * {@code waiting} (neither: the meeting's status says what comes next). "The chair will move on to the next item"
     * is never said while a ballot is open.
     */
    public String now() {
        if (currentItemId != null) {
            return "item";
        }
        return ballotStatus == BallotStatus.OPEN ? "ballot" : "waiting";
    }
}
