package app.quorum.identity.boundary;

import app.quorum.identity.control.AccountService;
import app.quorum.identity.entity.Account;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Map;

/**
 * A staff member as the pages name them: "Ngô Thị Hương (thuky)", from the account name that audit-like columns
 * keep (who published a result, who corrected it). An account deleted since keeps its bare name. Each name is read
 * once per request.
 */
@Named
@RequestScoped
public class StaffNames {

    @Inject
    AccountService accounts;

    private final Map<String, String> known = new HashMap<>();

    /** The display name and account name of {@code username}, or the account name alone if no account has it now. */
    public String of(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        return known.computeIfAbsent(username, name -> accounts.find(name).map(StaffNames::named).orElse(name));
    }

    static String named(Account account) {
        String display = account.getDisplayName();
        return display == null || display.isBlank() || display.equals(account.getUsername())
                ? account.getUsername()
                : display + " (" + account.getUsername() + ")";
    }
}
