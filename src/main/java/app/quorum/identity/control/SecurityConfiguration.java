package app.quorum.identity.control;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Jakarta Security for Quorum: one sign-in page for staff (name and password) and delegates (card code); the
 * identity stores are {@link AccountIdentityStore} and {@link DelegateIdentityStore}. The container enforces
 * the roles on pages (web.xml) and the services again on their methods.
 */
@ApplicationScoped
@DeclareRoles({"ADMIN", "SECRETARY", "CHAIR", "DELEGATE"})
@CustomFormAuthenticationMechanismDefinition(loginToContinue = @LoginToContinue(
        loginPage = "/sign-in.xhtml", errorPage = "", useForwardToLogin = false))
public class SecurityConfiguration {
}
