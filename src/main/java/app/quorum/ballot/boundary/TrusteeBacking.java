package app.quorum.ballot.boundary;

import app.quorum.ballot.control.Ceremonies;
import app.quorum.identity.control.DelegateIdentityStore;
import app.quorum.identity.control.DelegateSessions;
import app.quorum.roster.entity.Participant;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The trustee's page (delegate/trustee.xhtml) and the link to it on the delegate's page: only a participant who is a
 * trustee of their meeting's ceremony sees either. The ceremony itself runs in the page's modules over the API.
 */
@Named
@RequestScoped
public class TrusteeBacking {

    static final String IMPORT_MAP = "/resources/vendor/importmap.json";

    @Inject
    SecurityContext security;

    @Inject
    DelegateSessions sessions;

    @Inject
    Ceremonies ceremonies;

    private Optional<Participant> participant;

    private Optional<Participant> participant() {
        if (participant == null) {
            participant = security.getCallerPrincipal() == null ? Optional.empty()
                    : DelegateIdentityStore.participantId(security.getCallerPrincipal().getName()).flatMap(sessions::participant);
        }
        return participant;
    }

    private Boolean trustee;

    /**
     * Whether the signed-in delegate is a trustee of their meeting's ceremony. Asked on every rendering of the delegate's
     * page, so it loads no roster entry (issue 15): the caller's id is enough ({@link Ceremonies#isTrustee}).
     */
    public boolean isTrustee() {
        if (trustee == null) {
            trustee = security.getCallerPrincipal() != null && DelegateIdentityStore.participantId(security.getCallerPrincipal().getName())
                    .map(ceremonies::isTrustee).orElse(false);
        }
        return trustee;
    }

    /** The trustee page's view action: anyone else is sent to the delegate's page. */
    public String check() {
        return isTrustee() ? null : "/delegate/index?faces-redirect=true";
    }

    public Participant getParticipant() {
        return participant().orElse(null);
    }

    /**
     * vendor/importmap.json as a {@code <script type="importmap">} element, its addresses under this application's
     * context path, written unescaped before the page's module script (see the page's comment).
     */
    public String getImportMap() {
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        try (InputStream in = external.getResourceAsStream(IMPORT_MAP)) {
            String map = new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("\"/resources/", "\"" + external.getRequestContextPath() + "/resources/");
            return "<script type=\"importmap\">" + map.replace("</", "<\\/") + "</script>";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
