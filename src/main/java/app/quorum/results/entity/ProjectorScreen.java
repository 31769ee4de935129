package app.quorum.results.entity;

import app.quorum.roster.entity.Quorum;

/**
 * What the projector shows at one moment — one of four screens — and the figures it needs. Never a count per choice
 * while a ballot is open: an open ballot carries its turnout only.
 *
 * @param shown which screen
 * @param mode the chair's choice that led to it
 * @param itemNumber the current agenda item's number, or {@code null} when no item is current
 * @param itemTitle the current agenda item's title, or {@code null}
 * @param itemPresenter who presents the current item, or {@code null}
 * @param quorum voting members present and required now
 * @param ballot the open ballot and its turnout ({@link Shown#TURNOUT} only)
 * @param result the published result ({@link Shown#RESULT} only)
 */
public record ProjectorScreen(Shown shown, ProjectorMode mode, Integer itemNumber, String itemTitle,
        String itemPresenter, Quorum quorum, OpenBallot ballot, PublishedResult result) {

    /** The four screens of the projector. */
    public enum Shown {
        /** the current item (or the meeting's state) and the quorum */
        AGENDA,
        /** an open ballot: its question and how many have voted */
        TURNOUT,
        /** a published result with its chart */
        RESULT,
        /** the meeting's title only */
        BLANK
    }

    /**
     * An open ballot as the hall sees it: the question and how many of the voting members present have voted.
     *
     * @param ballotId the ballot
     * @param question its question
     * @param secret whether it is a secret ballot
     * @param voted voting members who have voted
     * @param present voting members present now (at least {@code voted}: someone who voted and left still counts)
     */
    public record OpenBallot(long ballotId, String question, boolean secret, int voted, int present) {

        /** How much of the hall has voted, 0 to 100, for the progress bar. */
        public int percent() {
            return present == 0 ? 0 : Math.min(100, (int) Math.round(100.0 * voted / present));
        }
    }
}
