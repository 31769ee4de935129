package app.quorum.ballot.control;

import java.util.List;

/**
 * Where a meeting's key ceremony stands, for the pages and for the ballots: its state, id and context, {@code n},
 * {@code t}, the joint key once READY, and each trustee with the rounds they have done.
 *
 * @param ceremonyId 32 lowercase hex digits, or null when there is no ceremony
 * @param ceremonyContext the context of election-record.md §2, or null when there is no ceremony
 * @param publicKey the joint key (compressed point, hex) once READY, else null
 */
public record CeremonyStatus(State state, String ceremonyId, String ceremonyContext, int n, int t, String publicKey,
        List<Trustee> trustees) implements java.io.Serializable {

    /** NONE: the meeting has no ceremony (its secret ballots are server-sealed, as before). */
    public enum State {
        NONE, COLLECTING, READY, FAILED
    }

    public CeremonyStatus {
        trustees = List.copyOf(trustees);
    }

    /** A meeting without a ceremony. */
    public static CeremonyStatus none() {
        return new CeremonyStatus(State.NONE, null, null, 0, 0, null, List.of());
    }

    /**
     * A trustee and the rounds done: round one published, round-two boxes sent, verification key published (round
     * three); {@code complaintAgainst} the trustee whose share this one found bad, or null.
     */
    public record Trustee(int index, long participantId, String name, String role, boolean roundOne, boolean roundTwo,
            boolean roundThree, Integer complaintAgainst) implements java.io.Serializable {
    }

    /** The trustee of an index, or null. */
    public Trustee trustee(int index) {
        return trustees.stream().filter(trustee -> trustee.index() == index).findFirst().orElse(null);
    }

    /** How many trustees have done each round: [round one, round two, round three]. */
    public int done(int round) {
        return (int) trustees.stream().filter(trustee -> switch (round) {
            case 1 -> trustee.roundOne();
            case 2 -> trustee.roundTwo();
            default -> trustee.roundThree();
        }).count();
    }

    /** The complaints as [complainant, accused] pairs. */
    public List<Trustee> complainants() {
        return trustees.stream().filter(trustee -> trustee.complaintAgainst() != null).toList();
    }

    public boolean isNone() {
        return state == State.NONE;
    }

    public boolean isReady() {
        return state == State.READY;
    }

    public boolean isFailed() {
        return state == State.FAILED;
    }
}
