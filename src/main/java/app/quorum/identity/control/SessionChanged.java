package app.quorum.identity.control;

/**
 * A delegate's session started (ending any other of the card) or ended ({@link DelegateSessions}): fired inside the
 * transaction that stores the new session token hash, so {@link SessionCache} drops the old one only once that
 * commits — a sign-in rolled back never reaches the cache.
 */
public record SessionChanged(long participantId) {
}
