package app.quorum.ballot.entity;

/**
 * Who could vote on a ballot, as numbers: the meeting's voting members and how many of them are present. A
 * member who voted is present by definition, so the ballot service counts as present every voting member who is
 * checked in or has voted; {@link Tally} refuses a box with more papers than members present.
 *
 * @param votingMembers all voting members of the meeting, present or not
 * @param present the voting members present, from 0 to {@code votingMembers}
 */
public record Electorate(int votingMembers, int present) {

    public Electorate {
        if (present < 0 || votingMembers < present) {
            throw new IllegalArgumentException("an electorate needs 0 <= present <= voting members, got "
                    + present + " of " + votingMembers);
        }
    }
}
