package app.quorum.ballot.control;

import app.quorum.ballot.crypto.Ceremony;
import app.quorum.ballot.entity.CeremonyState;
import app.quorum.platform.Refusal;
import app.quorum.roster.entity.Role;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rules of a meeting's key ceremony (election-record.md §2), apart from the database: who the trustees are by
 * default, how many there may be, and in which order the rounds go. Each rule says no with a {@link Refusal}.
 */
public final class CeremonyRules {

    /** The default: the chair, the secretary and one member of the counting committee. */
    public static final int DEFAULT_TRUSTEES = 3;
    /** The default threshold: any two of the three decrypt. */
    public static final int DEFAULT_THRESHOLD = 2;
    public static final int MAX_TRUSTEES = Ceremony.MAX_TRUSTEES;

    /** The role the election record names a trustee by (§7). */
    public static final String CHAIR = "CHAIR";
    public static final String SECRETARY = "SECRETARY";
    public static final String COUNTING_COMMITTEE = "COUNTING_COMMITTEE";

    private CeremonyRules() {
    }

    /** A participant as the rules see them. */
    public record Member(long participantId, Role role) {
    }

    /**
     * The trustees the secretary's page proposes: the first participant with role CHAIR, the first with role SECRETARY
     * (roster order), and an empty third place the secretary fills (the counting committee's member). A role nobody
     * has leaves its place empty too.
     */
    public static List<Long> defaultTrustees(List<Member> roster) {
        List<Long> chosen = new ArrayList<>();
        chosen.add(first(roster, Role.CHAIR));
        chosen.add(first(roster, Role.SECRETARY));
        chosen.add(null);
        return chosen;
    }

    private static Long first(List<Member> roster, Role role) {
        return roster.stream().filter(member -> member.role() == role).map(Member::participantId).findFirst().orElse(null);
    }

    /** {@code 1 ≤ t ≤ n ≤ 9}. */
    public static void checkSize(int n, int t) {
        if (n < 1 || n > MAX_TRUSTEES || t < 1 || t > n) {
            throw new Refusal(Refusal.Kind.INVALID, "ceremony.size", MAX_TRUSTEES);
        }
    }

    /** Every place filled, by a participant of the meeting, none twice. */
    public static void checkTrustees(List<Long> chosen, Set<Long> roster) {
        Set<Long> seen = new HashSet<>();
        for (int place = 0; place < chosen.size(); place++) {
            Long id = chosen.get(place);
            if (id == null) {
                throw new Refusal(Refusal.Kind.INVALID, "ceremony.trustee.missing", place + 1);
            }
            if (!roster.contains(id)) {
                throw new Refusal(Refusal.Kind.INVALID, "ceremony.trustee.notOnRoster", place + 1);
            }
            if (!seen.add(id)) {
                throw new Refusal(Refusal.Kind.INVALID, "ceremony.trustee.twice", place + 1);
            }
        }
    }

    /** CHAIR, SECRETARY, or COUNTING_COMMITTEE for anyone else the secretary chose. */
    public static String recordRole(Role role) {
        return switch (Objects.requireNonNull(role)) {
            case CHAIR -> CHAIR;
            case SECRETARY -> SECRETARY;
            default -> COUNTING_COMMITTEE;
        };
    }

    /** Nothing more is published into a failed or finished ceremony. */
    public static void checkCollecting(CeremonyState state) {
        if (state == CeremonyState.FAILED) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ceremony.failed");
        }
        if (state == CeremonyState.READY) {
            throw new Refusal(Refusal.Kind.CLOSED, "ceremony.alreadyReady");
        }
    }

    /** Round 1, once per trustee. */
    public static void mayPublishRoundOne(CeremonyState state, boolean published) {
        checkCollecting(state);
        if (published) {
            throw new Refusal(Refusal.Kind.DUPLICATE, "ceremony.roundOne.already");
        }
    }

    /** Round 2, once per trustee, once all {@code n} have published round 1. */
    public static void mayPublishShares(CeremonyState state, int roundOnes, int n, boolean sent) {
        checkCollecting(state);
        if (roundOnes < n) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ceremony.shares.early");
        }
        if (sent) {
            throw new Refusal(Refusal.Kind.DUPLICATE, "ceremony.shares.already");
        }
    }

    /** The boxes of round 2: exactly one from {@code me} to every other trustee. */
    public static void checkShareTargets(int me, int n, List<int[]> fromTo) {
        Set<Integer> targets = new HashSet<>();
        for (int[] box : fromTo) {
            if (box[0] != me || box[1] < 1 || box[1] > n || box[1] == me || !targets.add(box[1])) {
                throw new Refusal(Refusal.Kind.INVALID, "ceremony.shares.targets", n - 1);
            }
        }
        if (targets.size() != n - 1) {
            throw new Refusal(Refusal.Kind.INVALID, "ceremony.shares.targets", n - 1);
        }
    }

    /** Round 3, once per trustee, once every box of round 2 is in, and not after a complaint. */
    public static void mayPublishKey(CeremonyState state, int boxes, int n, boolean complained, boolean published) {
        checkCollecting(state);
        if (boxes < n * (n - 1)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ceremony.key.early");
        }
        if (published || complained) {
            throw new Refusal(Refusal.Kind.DUPLICATE, "ceremony.key.already");
        }
    }

    /**
     * A complaint against trustee {@code against}: another trustee of the ceremony, once the boxes are in (there is a
     * share to find bad), and not after this trustee published its key (it accepted every share).
     */
    public static void mayComplain(CeremonyState state, int boxes, int n, int me, int against, boolean keyPublished) {
        checkCollecting(state);
        if (against < 1 || against > n || against == me) {
            throw new Refusal(Refusal.Kind.INVALID, "ceremony.complaint.against", n);
        }
        if (boxes < n * (n - 1)) {
            throw new Refusal(Refusal.Kind.CONFLICT, "ceremony.key.early");
        }
        if (keyPublished) {
            throw new Refusal(Refusal.Kind.DUPLICATE, "ceremony.key.already");
        }
    }
}
