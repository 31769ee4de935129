package app.quorum.roster.control;

import java.util.Set;

/**
 * New cards were issued to these participants ({@link RosterService#issueCards}): each one's old code and its
 * delegate session are over. Fired inside the transaction; a cache of sessions drops theirs once it commits.
 */
public record CardsIssued(long meetingId, Set<Long> participantIds) {

    public CardsIssued {
        participantIds = Set.copyOf(participantIds);
    }
}
