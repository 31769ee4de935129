package app.quorum.ballot.boundary;

import app.quorum.ballot.control.Ballots;
import app.quorum.ballot.control.TabletFaces;
import app.quorum.ballot.control.TabletPush;
import app.quorum.ballot.control.TabletService;
import app.quorum.ballot.control.TabletState;
import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BallotKind;
import app.quorum.ballot.entity.Secrecy;
import app.quorum.identity.control.DelegateIdentityStore;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;

/**
 * The delegate's ballot on the tablet, as the server sees it: which ballot is in view and which face of it the
 * tablet shows (waiting, none, open, voted, closed, published, cancelled; or no vote / not checked in). Choosing,
 * confirming and sending happen on the device (the modules of resources/quorum/tablet/) through the casting API, so a vote
 * confirmed while the Wi-Fi is down is sent when it is back, and counted once; the page is re-rendered after
 * a refusal, on a push that brings no face, and when the tablet's periodic check finds the server's state changed.
 * Nothing here holds a choice, a paper id or a receipt: those stay on the device.
 */
@Named
@ViewScoped
public class VotingBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient SecurityContext security;

    @Inject
    transient TabletService tablet;

    @Inject
    transient Ballots ballots;

    @Inject
    transient TabletFaces faces;

    private long participantId;
    private TabletState state;
    private Ballot ballot;
    private String face;

    @PostConstruct
    void load() {
        participantId = DelegateIdentityStore.participantId(security.getCallerPrincipal().getName()).orElseThrow();
    }

    /** Reads the tablet's state: the ballot in view and whether this delegate has voted on it. */
    public void refresh() {
        state = tablet.state(participantId);
        ballot = state.ballotId() == null ? null : ballots.ballot(state.ballotId());
        face = ballot != null && "open".equals(state.view()) ? faces.faceOf(ballot) : null;
    }

    /**
     * The open ballot's face, as JSON (see {@link TabletFaces}: question, item, options, rules and, when it is
     * end-to-end, the public fields the tablet encrypts under); null when the tablet shows no open ballot to vote on.
     */
    public String getFace() {
        return face;
    }

    public Ballot getBallot() {
        return ballot;
    }

    public long getParticipantId() {
        return participantId;
    }

    /** The tablet's websocket user: its meeting and group ({@link TabletPush#user}); null before the state is read. */
    public String getPushUser() {
        return state == null ? null : TabletPush.user(state.meetingId(), participantId);
    }

    /** Which face of the ballot the tablet shows (see {@link TabletState#view()}). */
    public String getView() {
        return state == null ? "waiting" : state.view();
    }

    /** What the tablet says above the ballot (see {@link TabletState#now()}). */
    public String getNow() {
        return state == null ? "waiting" : state.now();
    }

    /** What the page was rendered from; the tablet's periodic check compares it with the server's. */
    public String getSignature() {
        return state == null ? "" : state.signature();
    }

    public boolean isVoted() {
        return state != null && state.voted();
    }

    public boolean isElection() {
        return ballot != null && ballot.getKind() == BallotKind.ELECTION;
    }

    /** An open (roll-call) ballot: the delegate's name and choice will be published. */
    public boolean isRollCall() {
        return ballot != null && ballot.getSecrecy() == Secrecy.OPEN;
    }

    /** An election where every paper marks exactly as many candidates as there are seats. */
    public boolean isExactChoice() {
        return ballot != null && ballot.getMinChoices() == ballot.getSeats();
    }
}
