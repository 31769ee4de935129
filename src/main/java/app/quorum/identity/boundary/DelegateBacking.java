package app.quorum.identity.boundary;

import app.quorum.identity.control.DelegateIdentityStore;
import app.quorum.identity.control.DelegateSessions;
import app.quorum.meeting.entity.Meeting;
import app.quorum.roster.entity.Participant;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;

/** The delegate's tablet page: their own meeting only, its current item, and (later) the ballot. */
@Named
@ViewScoped
public class DelegateBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SecurityContext security;

    @Inject
    transient DelegateSessions sessions;

    private Participant participant;

    @PostConstruct
    void load() {
        long id = DelegateIdentityStore.participantId(security.getCallerPrincipal().getName()).orElseThrow();
        participant = sessions.participant(id).orElseThrow();
    }

    /** Called when the chair moves the meeting on. */
    public void refresh() {
        load();
    }

    public Participant getParticipant() {
        return participant;
    }

    public Meeting getMeeting() {
        return participant.getMeeting();
    }
}
