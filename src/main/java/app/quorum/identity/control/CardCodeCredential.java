package app.quorum.identity.control;

import jakarta.security.enterprise.credential.Credential;

/** What a delegate signs in with: the code printed on their card. */
public record CardCodeCredential(String code) implements Credential {

    @Override
    public String toString() {
        return "CardCodeCredential[…]"; // never the code
    }
}
