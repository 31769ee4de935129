package app.quorum.identity.control;

import app.quorum.roster.control.CardCodes;
import app.quorum.roster.control.RosterService;
import app.quorum.roster.entity.Participant;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
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
        roster.signedIn(participantId);
        return HexFormat.of().formatHex(token);
    }

    /**
     * Whether the token is still the participant's session. Asked on every request of a signed-in delegate
     * ({@code DelegateSessionFilter}), so it reads the one column it needs, without a transaction: not the roster
     * entry with its meeting (issue 15: that was a third of the server's time in a hall voting at once).
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean current(long participantId, String token) {
        if (token == null) {
            return false;
        }
        List<byte[]> session = em.createNamedQuery(Participant.SESSION_TOKEN, byte[].class).setParameter("id", participantId)
                .getResultList();
        return !session.isEmpty() && Participant.sameSession(session.get(0), sha256(HexFormat.of().parseHex(token)));
    }

    public void end(long participantId, String token) {
        Participant participant = em.find(Participant.class, participantId);
        if (participant != null && token != null && participant.sessionIs(sha256(HexFormat.of().parseHex(token)))) {
            participant.endSession();
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
