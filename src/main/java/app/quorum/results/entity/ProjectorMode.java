package app.quorum.results.entity;

/** What the hall's projector shows, as the chair chose it from the console. */
public enum ProjectorMode {
    /** an open ballot's turnout; else a result published in the last minutes; else the current item and the quorum */
    AUTOMATIC,
    /** the current agenda item and the quorum, even during a ballot */
    AGENDA,
    /** one published result, chosen by the chair */
    RESULT,
    /** nothing but the meeting's title: between sessions, or while something else is on the screen */
    BLANK
}
