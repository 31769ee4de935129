package app.quorum.roster.entity;

/** What a participant does in the meeting. */
public enum Role {
    CHAIR, SECRETARY, DELEGATE, GUEST
}
