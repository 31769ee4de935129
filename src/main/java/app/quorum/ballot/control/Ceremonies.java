package app.quorum.ballot.control;

import static app.quorum.ballot.control.CeremonyForms.box;
import static app.quorum.ballot.control.CeremonyForms.commitments;
import static app.quorum.ballot.control.CeremonyForms.json;
import static app.quorum.ballot.control.CeremonyForms.key;
import static app.quorum.ballot.control.CeremonyForms.parsed;
import static app.quorum.ballot.control.CeremonyForms.roundOne;

import app.quorum.ballot.crypto.Ceremony;
import app.quorum.ballot.crypto.Codec;
import app.quorum.ballot.crypto.EncryptedShare;
import app.quorum.ballot.crypto.Feldman;
import app.quorum.ballot.crypto.RoundOne;
import app.quorum.ballot.crypto.SchnorrProof;
import app.quorum.ballot.entity.CeremonyShare;
import app.quorum.ballot.entity.CeremonyState;
import app.quorum.ballot.entity.CeremonyTrustee;
import app.quorum.ballot.entity.TrusteeCeremony;
import app.quorum.meeting.entity.Meeting;
import app.quorum.meeting.entity.MeetingStatus;
import app.quorum.platform.Jsons;
import app.quorum.platform.Refusal;
import app.quorum.platform.audit.AuditLog;
import app.quorum.roster.entity.Participant;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A meeting's key ceremony (election-record.md §2) as the server runs it: the secretary starts it with {@code n}
 * trustees chosen from the roster and a threshold {@code t}, or restarts it; each trustee's device publishes round 1,
 * its round-2 share boxes and its verification key (or a complaint), and the server checks every proof with the Java
 * verifiers before it stores anything. The server never holds a secret: the boxes are encrypted for their receivers.
 * Once all {@code n} verification keys are in and {@link Ceremony#problems()} is empty, the ceremony is READY with
 * {@code PK = Σ_i C_i0}. Every operation of a trustee locks the ceremony's row first, so the last key forms the
 * joint key exactly once. Pages do not get pushed: the trustee's and the secretary's pages poll (a few seconds).
 */
@Stateless
public class Ceremonies {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    TrusteeCache trusteeCache;

    @Inject
    TabletCache tabletCache;

    @Inject
    Event<CeremonyChanged> ceremonyChanged;

    @Resource
    TransactionSynchronizationRegistry transactions;

    Clock clock = Clock.systemUTC();

    // ---- for the ballots (the lead) ------------------------------------------------------------------------------

    /** The meeting's ceremony as published, with every trustee's keys — only when it is READY. */
    public Optional<Ceremony> ready(long meetingId) {
        TrusteeCeremony ceremony = em.find(TrusteeCeremony.class, meetingId);
        if (ceremony == null || ceremony.getStatus() != CeremonyState.READY) {
            return Optional.empty();
        }
        List<CeremonyTrustee> trustees = trustees(meetingId);
        if (trustees.size() != ceremony.getN()) {
            return Optional.empty(); // a trustee was struck off the roster: the ceremony reads as failed
        }
        return Optional.of(Ceremony.of(meetingId, ceremony.getCeremonyId(), ceremony.getThreshold(),
                trustees.stream().map(CeremonyForms::keysOf).toList()));
    }

    /** Where the meeting's ceremony stands (NONE when it has none). */
    public CeremonyStatus status(long meetingId) {
        TrusteeCeremony ceremony = em.find(TrusteeCeremony.class, meetingId);
        if (ceremony == null) {
            return CeremonyStatus.none();
        }
        List<CeremonyTrustee> trustees = trustees(meetingId);
        List<CeremonyShare> shares = shares(meetingId);
        List<CeremonyStatus.Trustee> rows = new ArrayList<>();
        for (CeremonyTrustee trustee : trustees) {
            boolean sent = shares.stream().anyMatch(share -> share.getFromIndex() == trustee.getTrusteeIndex());
            rows.add(new CeremonyStatus.Trustee(trustee.getTrusteeIndex(), trustee.getParticipantId(), trustee.getName(),
                    trustee.getRole(), trustee.getRoundOne() != null, sent, trustee.getVerificationKey() != null,
                    against(trustee)));
        }
        CeremonyStatus.State state = trustees.size() != ceremony.getN() ? CeremonyStatus.State.FAILED
                : CeremonyStatus.State.valueOf(ceremony.getStatus().name());
        return new CeremonyStatus(state, ceremony.getCeremonyId(), context(ceremony), ceremony.getN(),
                ceremony.getThreshold(), state == CeremonyStatus.State.READY ? ceremony.getPublicKey() : null, rows);
    }

    /**
     * The participant's trustee index in the meeting's ceremony, if they are one of its trustees. Asked on every
     * rendering of a delegate's page (issue 15), so outside a transaction it answers from this node's
     * {@link TrusteeCache} (exact for every change of the trustees made on this node; one made elsewhere is seen within
     * 2 s); inside one it reads the database.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public OptionalInt trusteeIndex(long meetingId, long participantId) {
        Map<Long, Integer> ofMeeting = transactions == null || transactions.getTransactionKey() == null
                ? trusteeCache.trustees(meetingId, this::trusteeIndices) : trusteeIndices(meetingId);
        Integer index = ofMeeting.get(participantId);
        return index == null ? OptionalInt.empty() : OptionalInt.of(index);
    }

    /**
     * Whether the participant is a trustee of their own meeting's ceremony: the delegate's page asks on every rendering
     * (issue 15), so this reads neither the roster entry nor its meeting — the participant's meeting and the meeting's
     * trustees come from this node's caches ({@link TabletCache}, {@link TrusteeCache}) outside a transaction.
     */
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public boolean isTrustee(long participantId) {
        boolean cached = transactions == null || transactions.getTransactionKey() == null;
        Long meetingId = cached ? tabletCache.meetingOf(participantId, this::meetingOf) : meetingOf(participantId);
        return meetingId != null && trusteeIndex(meetingId, participantId).isPresent();
    }

    private Long meetingOf(long participantId) {
        return em.createQuery("SELECT p.meeting.id FROM Participant p WHERE p.id = :id", Long.class).setParameter("id", participantId)
                .getResultStream().findFirst().orElse(null);
    }

    /** The meeting's trustees: participant id → trustee index (empty: no ceremony). */
    private Map<Long, Integer> trusteeIndices(long meetingId) {
        Map<Long, Integer> indices = new HashMap<>();
        for (Object[] row : em.createQuery("SELECT t.participantId, t.trusteeIndex FROM CeremonyTrustee t WHERE t.meetingId = :meetingId",
                Object[].class).setParameter("meetingId", meetingId).getResultList()) {
            indices.put(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
        }
        return Map.copyOf(indices);
    }

    /**
     * Whether a ballot still needs the meeting's ceremony, which then cannot be replaced: one opened under it
     * (bound in ballot_election, V13) that is not cancelled and not yet counted — its trustees must decrypt it with
     * the key shares of this ceremony. A counted ballot keeps the ceremony's public record in its own record.
     */
    public boolean inUse(long meetingId) {
        Number bound = (Number) em.createNativeQuery("SELECT COUNT(*) FROM ballot_election e JOIN ballot b ON b.id = e.ballot_id "
                + "WHERE b.meeting_id = ? AND b.status <> 'CANCELLED' "
                + "AND NOT EXISTS (SELECT 1 FROM election_record r WHERE r.ballot_id = e.ballot_id)")
                .setParameter(1, meetingId).getSingleResult();
        return bound.longValue() > 0;
    }

    // ---- the secretary -------------------------------------------------------------------------------------------

    /** The trustees the page proposes: the chair, the secretary, and an empty place (see CeremonyRules). */
    @RolesAllowed("SECRETARY")
    public List<Long> proposal(long meetingId) {
        return CeremonyRules.defaultTrustees(members(meeting(meetingId).getId()));
    }

    /**
     * Starts the meeting's ceremony with these participants as trustees 1..n (in this order) and threshold {@code t},
     * replacing one that exists (a new id, everything published dropped).
     */
    @RolesAllowed("SECRETARY")
    public CeremonyStatus start(long meetingId, List<Long> participantIds, int t) {
        Meeting meeting = meeting(meetingId);
        if (meeting.getStatus() == MeetingStatus.CLOSED) {
            throw new Refusal(Refusal.Kind.CLOSED, "meeting.closedNoChanges");
        }
        CeremonyRules.checkSize(participantIds.size(), t);
        List<CeremonyRules.Member> roster = members(meetingId);
        CeremonyRules.checkTrustees(participantIds,
                roster.stream().map(CeremonyRules.Member::participantId).collect(Collectors.toSet()));
        TrusteeCeremony ceremony = em.find(TrusteeCeremony.class, meetingId, LockModeType.PESSIMISTIC_WRITE);
        String id = freshId();
        if (ceremony == null) {
            ceremony = new TrusteeCeremony(meetingId, id, participantIds.size(), t, clock.instant());
            em.persist(ceremony);
        } else {
            mayReplace(meetingId);
            drop(meetingId);
            ceremony.resize(participantIds.size(), t);
            ceremony.renew(id, clock.instant());
        }
        em.flush();
        for (int place = 0; place < participantIds.size(); place++) {
            Participant participant = em.find(Participant.class, participantIds.get(place));
            em.persist(new CeremonyTrustee(meetingId, place + 1, participant.getId(),
                    CeremonyRules.recordRole(participant.getRole()), participant.getFullName()));
        }
        em.flush();
        audit.record("ceremony.start", "meeting", meetingId, meetingId, id + " n=" + participantIds.size() + " t=" + t);
        ceremonyChanged.fire(new CeremonyChanged(meetingId));
        return status(meetingId);
    }

    /** Starts the ceremony again with the same trustees and threshold: a new id, everything published dropped. */
    @RolesAllowed("SECRETARY")
    public CeremonyStatus restart(long meetingId) {
        meeting(meetingId);
        TrusteeCeremony ceremony = em.find(TrusteeCeremony.class, meetingId, LockModeType.PESSIMISTIC_WRITE);
        if (ceremony == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "ceremony.none");
        }
        List<CeremonyTrustee> trustees = trustees(meetingId);
        if (trustees.size() != ceremony.getN()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ceremony.trusteeRemoved");
        }
        mayReplace(meetingId);
        em.createNamedQuery(CeremonyShare.REMOVE_OF_MEETING).setParameter("meetingId", meetingId).executeUpdate();
        trustees.forEach(CeremonyTrustee::clear);
        String id = freshId();
        ceremony.renew(id, clock.instant());
        em.flush();
        audit.record("ceremony.restart", "meeting", meetingId, meetingId, id);
        ceremonyChanged.fire(new CeremonyChanged(meetingId));
        return status(meetingId);
    }

    private void mayReplace(long meetingId) {
        long open = em.createNamedQuery(TrusteeCeremony.OPEN_SECRET_BALLOTS, Long.class).setParameter("meetingId", meetingId)
                .getSingleResult();
        if (open > 0) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ceremony.ballotOpen");
        }
        if (inUse(meetingId)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ceremony.inUse");
        }
    }

    private void drop(long meetingId) {
        em.createNamedQuery(CeremonyShare.REMOVE_OF_MEETING).setParameter("meetingId", meetingId).executeUpdate();
        em.createNamedQuery(CeremonyTrustee.REMOVE_OF_MEETING).setParameter("meetingId", meetingId).executeUpdate();
    }

    // ---- the trustee's device ------------------------------------------------------------------------------------

    /**
     * The ceremony as the trustee's device needs it: {@code {"meetingId", "ceremonyId", "ceremonyContext", "n", "t",
     * "index", "status", "publicKey" (or null), "trustees": [{"index", "name", "role", "roundOne" (or null),
     * "sharesSent", "verificationKey" (or null), "complaint" (or null)}], "boxes": [the boxes sent to this trustee]}}.
     */
    @RolesAllowed("DELEGATE")
    public JsonObject device(long participantId) {
        Mine mine = mine(participantId, false);
        return view(mine);
    }

    /** Round 1: the device key and the commitments, each with a proof that must verify. */
    @RolesAllowed("DELEGATE")
    public JsonObject publishRoundOne(long participantId, String ceremonyId, JsonObject published) {
        Mine mine = mine(participantId, true);
        current(mine, ceremonyId);
        RoundOne roundOne = roundOne(published, mine.trustee.getTrusteeIndex(), mine.ceremony.getThreshold());
        String stored = json(roundOne).toString();
        if (stored.equals(mine.trustee.getRoundOne())) {
            return view(mine); // the same publication again: its answer was lost on the way
        }
        CeremonyRules.mayPublishRoundOne(mine.ceremony.getStatus(), mine.trustee.getRoundOne() != null);
        if (!roundOne.verifies(context(mine.ceremony))) {
            throw new Refusal(Refusal.Kind.INVALID, "ceremony.roundOne.proof");
        }
        mine.trustee.setRoundOne(stored);
        em.flush();
        return view(mine);
    }

    /** Round 2: exactly one box for every other trustee, once all {@code n} have published round 1. */
    @RolesAllowed("DELEGATE")
    public JsonObject publishShares(long participantId, String ceremonyId, List<JsonObject> boxes) {
        Mine mine = mine(participantId, true);
        current(mine, ceremonyId);
        int me = mine.trustee.getTrusteeIndex();
        int n = mine.ceremony.getN();
        List<EncryptedShare> parsed = new ArrayList<>();
        for (JsonObject box : boxes) {
            parsed.add(box(box));
        }
        List<CeremonyShare> sent = shares(mine.meetingId).stream().filter(share -> share.getFromIndex() == me).toList();
        if (!sent.isEmpty() && sameBoxes(sent, parsed)) {
            return view(mine);
        }
        int roundOnes = (int) trustees(mine.meetingId).stream().filter(t -> t.getRoundOne() != null).count();
        CeremonyRules.mayPublishShares(mine.ceremony.getStatus(), roundOnes, n, !sent.isEmpty());
        CeremonyRules.checkShareTargets(me, n, parsed.stream().map(share -> new int[] {share.from(), share.to()}).toList());
        for (EncryptedShare share : parsed) {
            em.persist(new CeremonyShare(mine.meetingId, share.from(), share.to(), share.toJson().toString()));
        }
        em.flush();
        return view(mine);
    }

    /**
     * Round 3: the verification key {@code X_j} with its Schnorr proof; the proof must verify and {@code X_j} must be
     * the key the commitments determine. The last of the {@code n} keys makes the ceremony READY.
     */
    @RolesAllowed("DELEGATE")
    public JsonObject publishVerificationKey(long participantId, String ceremonyId, JsonObject published) {
        Mine mine = mine(participantId, true);
        current(mine, ceremonyId);
        int me = mine.trustee.getTrusteeIndex();
        CeremonyForms.Key key = key(published, me);
        String stored = Jsons.JSON.createObjectBuilder().add("key", Codec.hex(key.point())).add("proof", key.proof().toJson())
                .build().toString();
        if (stored.equals(mine.trustee.getVerificationKey())) {
            return view(mine);
        }
        int n = mine.ceremony.getN();
        List<CeremonyTrustee> trustees = trustees(mine.meetingId);
        CeremonyRules.mayPublishKey(mine.ceremony.getStatus(), shares(mine.meetingId).size(), n,
                mine.trustee.getComplaint() != null, mine.trustee.getVerificationKey() != null);
        String context = context(mine.ceremony);
        if (!key.proof().verifies(SchnorrProof.SHARE, context, me, key.point())) {
            throw new Refusal(Refusal.Kind.INVALID, "ceremony.key.proof");
        }
        List<List<ECPoint>> commitments = trustees.stream().map(t -> commitments(t.getRoundOne())).toList();
        if (!Feldman.verificationKey(commitments, me).equals(key.point())) {
            throw new Refusal(Refusal.Kind.INVALID, "ceremony.key.mismatch");
        }
        mine.trustee.setVerificationKey(stored);
        em.flush();
        if (trustees.stream().allMatch(t -> t.getVerificationKey() != null)) {
            Ceremony formed = Ceremony.of(mine.meetingId, mine.ceremony.getCeremonyId(), mine.ceremony.getThreshold(),
                    trustees.stream().map(CeremonyForms::keysOf).toList());
            if (formed.problems().isEmpty()) {
                mine.ceremony.ready(Codec.hex(formed.publicKey()), clock.instant());
                audit.record("ceremony.ready", "meeting", mine.meetingId, mine.meetingId, mine.ceremony.getCeremonyId());
            } else {
                mine.ceremony.fail();
            }
            em.flush();
        }
        return view(mine);
    }

    /** A complaint: the share from trustee {@code against} failed Feldman's check; the ceremony fails. */
    @RolesAllowed("DELEGATE")
    public JsonObject complain(long participantId, String ceremonyId, int against) {
        Mine mine = mine(participantId, true);
        current(mine, ceremonyId);
        String stored = Jsons.JSON.createObjectBuilder().add("against", against).build().toString();
        if (stored.equals(mine.trustee.getComplaint())) {
            return view(mine);
        }
        CeremonyRules.mayComplain(mine.ceremony.getStatus(), shares(mine.meetingId).size(), mine.ceremony.getN(),
                mine.trustee.getTrusteeIndex(), against, mine.trustee.getVerificationKey() != null);
        mine.trustee.setComplaint(stored);
        mine.ceremony.fail();
        em.flush();
        audit.record("ceremony.complaint", "meeting", mine.meetingId, mine.meetingId,
                mine.trustee.getTrusteeIndex() + " against " + against);
        return view(mine);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    /** The caller's ceremony and trustee row. */
    private record Mine(long meetingId, TrusteeCeremony ceremony, CeremonyTrustee trustee) {
    }

    private Mine mine(long participantId, boolean lock) {
        Participant participant = em.find(Participant.class, participantId);
        if (participant == null) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "ceremony.notTrustee");
        }
        long meetingId = participant.getMeeting().getId();
        TrusteeCeremony ceremony = lock ? em.find(TrusteeCeremony.class, meetingId, LockModeType.PESSIMISTIC_WRITE)
                : em.find(TrusteeCeremony.class, meetingId);
        CeremonyTrustee trustee = ceremony == null ? null
                : em.createNamedQuery(CeremonyTrustee.BY_PARTICIPANT, CeremonyTrustee.class)
                        .setParameter("meetingId", meetingId).setParameter("participantId", participantId)
                        .getResultStream().findFirst().orElse(null);
        if (trustee == null) {
            throw new Refusal(Refusal.Kind.FORBIDDEN, "ceremony.notTrustee");
        }
        return new Mine(meetingId, ceremony, trustee);
    }

    /** A device that still works on an earlier ceremony (restarted meanwhile) is told so. */
    private void current(Mine mine, String ceremonyId) {
        if (!mine.ceremony.getCeremonyId().equals(ceremonyId)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ceremony.stale");
        }
        if (trustees(mine.meetingId).size() != mine.ceremony.getN()) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ceremony.trusteeRemoved");
        }
    }

    private JsonObject view(Mine mine) {
        TrusteeCeremony ceremony = mine.ceremony;
        CeremonyStatus status = status(mine.meetingId);
        JsonArrayBuilder trustees = Jsons.JSON.createArrayBuilder();
        for (CeremonyTrustee trustee : trustees(mine.meetingId)) {
            JsonObjectBuilder row = Jsons.JSON.createObjectBuilder().add("index", trustee.getTrusteeIndex())
                    .add("name", trustee.getName()).add("role", trustee.getRole())
                    .add("roundOne", parsed(trustee.getRoundOne()))
                    .add("sharesSent", status.trustee(trustee.getTrusteeIndex()).roundTwo())
                    .add("verificationKey", parsed(trustee.getVerificationKey()))
                    .add("complaint", parsed(trustee.getComplaint()));
            trustees.add(row);
        }
        JsonArrayBuilder boxes = Jsons.JSON.createArrayBuilder();
        em.createNamedQuery(CeremonyShare.TO, CeremonyShare.class).setParameter("meetingId", mine.meetingId)
                .setParameter("to", mine.trustee.getTrusteeIndex()).getResultList()
                .forEach(share -> boxes.add(parsed(share.getBox())));
        return Jsons.JSON.createObjectBuilder().add("meetingId", mine.meetingId).add("ceremonyId", ceremony.getCeremonyId())
                .add("ceremonyContext", context(ceremony)).add("n", ceremony.getN()).add("t", ceremony.getThreshold())
                .add("index", mine.trustee.getTrusteeIndex()).add("status", status.state().name())
                .add("publicKey", status.publicKey() == null ? JsonValue.NULL : Jsons.JSON.createValue(status.publicKey()))
                .add("trustees", trustees).add("boxes", boxes).build();
    }


    private Meeting meeting(long meetingId) {
        Meeting meeting = em.find(Meeting.class, meetingId);
        if (meeting == null) {
            throw new Refusal(Refusal.Kind.NOT_FOUND, "meeting.notFound");
        }
        return meeting;
    }

    private List<CeremonyRules.Member> members(long meetingId) {
        return em.createNamedQuery(Participant.ROSTER, Participant.class).setParameter("meetingId", meetingId)
                .getResultStream().map(p -> new CeremonyRules.Member(p.getId(), p.getRole())).toList();
    }

    private List<CeremonyTrustee> trustees(long meetingId) {
        return em.createNamedQuery(CeremonyTrustee.OF_MEETING, CeremonyTrustee.class).setParameter("meetingId", meetingId)
                .getResultList();
    }

    private List<CeremonyShare> shares(long meetingId) {
        return em.createNamedQuery(CeremonyShare.OF_MEETING, CeremonyShare.class).setParameter("meetingId", meetingId)
                .getResultList();
    }

    private static String context(TrusteeCeremony ceremony) {
        return Ceremony.context(ceremony.getMeetingId(), ceremony.getCeremonyId(), ceremony.getN(), ceremony.getThreshold());
    }

    private static String freshId() {
        byte[] bits = new byte[16];
        RANDOM.nextBytes(bits);
        return HexFormat.of().formatHex(bits);
    }

    private static Integer against(CeremonyTrustee trustee) {
        if (trustee.getComplaint() == null) {
            return null;
        }
        return ((JsonObject) parsed(trustee.getComplaint())).getInt("against");
    }

    private static boolean sameBoxes(List<CeremonyShare> stored, List<EncryptedShare> sent) {
        Set<String> old = stored.stream().map(CeremonyShare::getBox).collect(Collectors.toSet());
        Set<String> now = sent.stream().map(share -> share.toJson().toString()).collect(Collectors.toSet());
        return old.equals(now);
    }
}
