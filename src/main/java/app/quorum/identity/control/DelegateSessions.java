package app.quorum.identity.control;

import app.quorum.roster.control.CardCodes;
import app.quorum.roster.control.RosterService;
import app.quorum.roster.entity.Participant;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * A delegate's one session. Signing in with the card gives a new random session token whose hash is kept on the
 * participant; a session whose token is no longer the participant's (because the card signed in on another
 * device) is over. Signing in may check the delegate in, as the meeting says.
 */
@Stateless
public class DelegateSessions {

    @PersistenceContext
    EntityManager em;

    @Inject
    RosterService roster;

    @Inject
    SessionCache cache;

    @Inject
    Event<SessionChanged> sessionChanged;

    @Resource
    TransactionSynchronizationRegistry transactions;

    Clock clock = Clock.systemUTC();

    private static final SecureRandom RANDOM = new SecureRandom();

    /** The holder of a card code, if the code is one. */
    public Optional<Participant> holder(String code) {
        if (!CardCodes.wellFormed(code)) {
            return Optional.empty();
        }
        return em.createQuery("SELECT p FROM Participant p WHERE p.cardCodeHash = :hash", Participant.class)
                .setParameter("hash", CardCodes.hash(code))
                .getResultStream().findFirst();
    }

    /** The signed-in delegate's roster entry, with its meeting and agenda. */
    public Optional<Participant> participant(long participantId) {
        Participant participant = em.find(Participant.class, participantId);
        if (participant != null) {
            participant.getMeeting().getAgenda().size();
        }
        return Optional.ofNullable(participant);
    }

    /** Starts the delegate's session: returns its token (kept in the HTTP session only), ending any other. */
    public String start(long participantId) {
        Participant participant = em.find(Participant.class, participantId);
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        participant.startSession(sha256(token), clock.instant());
        sessionChanged.fire(new SessionChanged(participantId)); // this node's cache drops the old hash once this commits
        roster.signedIn(participantId);
        return HexFormat.of().formatHex(token);
    }

    /**
     * Whether the token is still the participant's session. Asked on every request of a signed-in delegate
     * ({@code DelegateSessionFilter}), so outside a transaction it answers from this node's {@link SessionCache}
     * (issue 15), which reads the one column it needs on a miss. Exact for every sign-in, sign-out, new card and
     * removal made on this node (dropped from the cache when they commit); one made on another node or straight in
     * the database is seen within {@link SessionCache#EXPIRY} (2 s). Inside a transaction it reads the database.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean current(long participantId, String token) {
        if (token == null) {
            return false;
        }
        byte[] stored = transactions != null && transactions.getTransactionKey() != null ? storedHash(participantId)
                : cache.hash(participantId, this::storedHashesOfMeeting);
        return Participant.sameSession(stored, sha256(HexFormat.of().parseHex(token)));
    }

    /** The participant's session token hash in the database (null: none, or no such participant). */
    private byte[] storedHash(long participantId) {
        List<byte[]> session = em.createNamedQuery(Participant.SESSION_TOKEN, byte[].class).setParameter("id", participantId)
                .getResultList();
        return session.isEmpty() ? null : session.get(0);
    }

    /** The session token hashes of every participant of the participant's meeting (the participant's own key present, its value null when none). */
    private java.util.Map<Long, byte[]> storedHashesOfMeeting(long participantId) {
        java.util.Map<Long, byte[]> hashes = new java.util.HashMap<>();
        hashes.put(participantId, null);
        for (Object[] row : em.createNamedQuery(Participant.SESSION_TOKENS_OF_MEETING, Object[].class).setParameter("id", participantId)
                .getResultList()) {
            hashes.put((Long) row[0], (byte[]) row[1]);
        }
        return hashes;
    }

    public void end(long participantId, String token) {
        Participant participant = em.find(Participant.class, participantId);
        if (participant != null && token != null && participant.sessionIs(sha256(HexFormat.of().parseHex(token)))) {
            participant.endSession();
            sessionChanged.fire(new SessionChanged(participantId));
        }
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
