package app.quorum.attack;

/** What one case came to. The first four are the answers the application may give; the others fail the suite. */
enum Outcome {
    ACCEPTED(true, "accepted (stored or served)"),
    REFUSED(true, "refused with a clear answer (a translated message, the API's JSON error, an error page)"),
    NO_EFFECT(true, "nothing done, nothing stored (the page shown again, a CSRF post ignored)"),
    SENT_TO_SIGN_IN(true, "sent to the sign-in page (a page needing a role; an expired session)"),
    HTTP_REJECTED(true, "refused by Payara's HTTP layer before the application saw it (a NUL in the address, an address "
            + "past its size, a DELETE with a body): a bare 400 with none of the application's headers"),
    SERVER_ERROR(false, "server error: 5xx, the error page, an HTML answer to an API call, no answer"),
    STACK_TRACE(false, "a stack trace added to the server log"),
    UNCLEAR_REFUSAL(false, "refused without a clear answer (no message, a bare status)"),
    CHANGED_ON_REFUSAL(false, "refused, yet something was stored"),
    LEAKED(false, "served to a role that may not see it, stored by a role that may not, or stored when it must be refused"),
    SCRIPT_INJECTED(false, "stored markup came back as markup"),
    FORMULA_LIVE(false, "a stored formula came back as a formula in an export");

    final boolean fine;
    final String description;

    Outcome(boolean fine, String description) {
        this.fine = fine;
        this.description = description;
    }
}
