package app.quorum.identity.boundary;

import app.quorum.identity.control.AccountIdentityStore;
import app.quorum.identity.control.CardCodeCredential;
import app.quorum.identity.control.DelegateIdentityStore;
import app.quorum.identity.control.DelegateSessions;
import app.quorum.platform.Limits;
import app.quorum.platform.web.Feedback;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.constraints.Size;
import java.io.IOException;

/**
 * The sign-in page: staff with name and password, delegates with the code of their card (typed, or filled in by
 * the card's QR code). Every sign-in gets a new session id; a delegate's sign-in ends their session on any other
 * device.
 */
@Named
@RequestScoped
public class SignInBacking {

    /** The HTTP session attribute holding a delegate's session token. */
    public static final String DELEGATE_TOKEN = "quorum.delegateToken";

    /**
     * The mark Soteria (Payara's Jakarta Security) puts on the session when a sign-in starts and takes off only when
     * one succeeds. While it is there, a protected page answers an empty 200 instead of sending the browser to the
     * sign-in page, so a refused sign-in must not leave it behind.
     */
    static final String SIGN_IN_UNDER_WAY = "org.glassfish.soteria.caller_initiated_authentication";

    @Inject
    SecurityContext security;

    @Inject
    DelegateSessions delegateSessions;

    @Size(max = Limits.ACCOUNT_USERNAME, message = "{account.username.size}")
    private String username;
    @Size(max = Limits.PASSWORD, message = "{account.password.size}")
    private String password;
    @Size(max = Limits.CARD_CODE_INPUT, message = "{card.code.size}")
    private String code;

    public void signInStaff() throws IOException {
        authenticate(new UsernamePasswordCredential(username == null ? "" : username, new Password(password == null ? "" : password)),
                "signIn.failed");
        password = null;
    }

    public void signInDelegate() throws IOException {
        authenticate(new CardCodeCredential(code), "signIn.card.failed");
    }

    private void authenticate(Credential credential, String failureKey) throws IOException {
        FacesContext faces = FacesContext.getCurrentInstance();
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        HttpServletResponse response = (HttpServletResponse) external.getResponse();
        AuthenticationStatus status = security.authenticate(request, response,
                AuthenticationParameters.withParams().credential(credential).newAuthentication(true));
        switch (status) {
            case SUCCESS, SEND_CONTINUE -> {
                request.changeSessionId();
                startDelegateSession(request);
                if (status == AuthenticationStatus.SUCCESS) {
                    external.redirect(external.getRequestContextPath() + home());
                }
                faces.responseComplete();
            }
            default -> {
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.removeAttribute(SIGN_IN_UNDER_WAY);
                }
                Object wait = request.getAttribute(AccountIdentityStore.WAIT_ATTRIBUTE);
                if (wait != null) {
                    Feedback.error("signIn.wait", wait);
                } else {
                    Feedback.error(failureKey);
                }
            }
        }
    }

    private void startDelegateSession(HttpServletRequest request) {
        if (security.getCallerPrincipal() == null) {
            return;
        }
        DelegateIdentityStore.participantId(security.getCallerPrincipal().getName()).ifPresent(participantId -> {
            HttpSession session = request.getSession();
            session.setAttribute(DELEGATE_TOKEN, delegateSessions.start(participantId));
        });
    }

    /** Where each role starts. */
    String home() {
        if (security.isCallerInRole("DELEGATE")) {
            return "/delegate/index.xhtml";
        }
        if (security.isCallerInRole("SECRETARY")) {
            return "/secretary/index.xhtml";
        }
        if (security.isCallerInRole("CHAIR")) {
            return "/chair/index.xhtml";
        }
        if (security.isCallerInRole("ADMIN")) {
            return "/admin/accounts.xhtml";
        }
        return "/index.xhtml";
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
