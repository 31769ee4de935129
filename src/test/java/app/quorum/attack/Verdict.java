package app.quorum.attack;

/** The judged outcome of one case, with the answer in one line and why. */
record Verdict(Outcome outcome, String answer, String detail) {

    static Verdict of(Outcome outcome, Answer answer, String detail) {
        return new Verdict(outcome, answer == null ? "" : answer.method() + " " + answer.uri().getPath() + " → " + answer.brief(), detail);
    }

    Verdict worse(Verdict other) {
        return other != null && !other.outcome.fine && outcome.fine ? other : this;
    }
}
