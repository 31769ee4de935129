package app.quorum.ballot.entity;

/** Secret: nobody can link a voter to a choice. Open (roll-call): who chose what is part of the result. */
public enum Secrecy {
    SECRET, OPEN
}
