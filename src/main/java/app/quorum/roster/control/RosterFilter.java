package app.quorum.roster.control;

import app.quorum.roster.entity.Role;

/** What the roster table is filtered by; null means "any". */
public record RosterFilter(String search, Role role, Boolean voting, Boolean present) {

    public static final RosterFilter NONE = new RosterFilter(null, null, null, null);
}
