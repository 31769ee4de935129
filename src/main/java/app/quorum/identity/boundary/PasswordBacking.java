package app.quorum.identity.boundary;

import app.quorum.identity.control.AccountService;
import app.quorum.platform.Limits;
import app.quorum.platform.web.Feedback;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;

/** A staff member changes their own password. */
@Named
@RequestScoped
public class PasswordBacking {

    @Inject
    AccountService accounts;

    @Size(max = Limits.PASSWORD, message = "{account.password.size}")
    private String current;
    @Size(max = Limits.PASSWORD, message = "{account.password.size}")
    private String replacement;
    @Size(max = Limits.PASSWORD, message = "{account.password.size}")
    private String repeated;

    public void change() {
        if (replacement == null || !replacement.equals(repeated)) {
            Feedback.error("account.password.mismatch");
            return;
        }
        accounts.changeOwnPassword(current.toCharArray(), replacement.toCharArray());
        Feedback.info("account.password.changed");
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getReplacement() {
        return replacement;
    }

    public void setReplacement(String replacement) {
        this.replacement = replacement;
    }

    public String getRepeated() {
        return repeated;
    }

    public void setRepeated(String repeated) {
        this.repeated = repeated;
    }
}
