package app.quorum.identity.entity;

/** The roles of staff accounts; delegates sign in with their card and hold {@link #DELEGATE_GROUP}. */
public enum StaffRole {
    ADMIN, SECRETARY, CHAIR;

    /** The group of a delegate signed in with a card code (not an account role). */
    public static final String DELEGATE_GROUP = "DELEGATE";
}
