package app.quorum.ballot.control;

import java.util.List;

/**
 * One line of an open (roll-call) ballot's result: who voted and what they chose. Never made for a secret ballot.
 *
 * @param choices the labels of what they chose, in ballot order: one answer, or the candidates they marked (none
 *        for a blank election paper)
 */
public record RollCallVote(String fullName, String position, List<String> choices) {

    public RollCallVote {
        choices = List.copyOf(choices);
    }

    public boolean blank() {
        return choices.isEmpty();
    }

    /** What they chose, for reading: the labels joined by commas. */
    public String joined() {
        return String.join(", ", choices);
    }
}
