package app.quorum.ballot.control;

/**
 * A meeting's ceremony was started, restarted or given other trustees ({@link Ceremonies#start},
 * {@link Ceremonies#restart}): fired inside that transaction, so {@link TrusteeCache} drops the meeting's trustees once
 * it commits.
 */
public record CeremonyChanged(long meetingId) {
}
