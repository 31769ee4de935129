package app.quorum.ballot.boundary;

import app.quorum.ballot.control.BallotService;
import app.quorum.ballot.control.CastingService;
import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.BallotOption;
import app.quorum.ballot.entity.BallotStatus;
import app.quorum.identity.control.DelegateIdentityStore;
import app.quorum.platform.Refusal;
import app.quorum.platform.web.Feedback;
import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.io.Serializable;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The delegate's ballot on the tablet: the open ballot of their meeting appears without reload; one tap chooses,
 * a second confirms; then "your vote is recorded" with the receipt. The ballot paper's id is drawn once for this
 * page, so a confirmation sent twice (a retry after a lost answer) is the same paper and counts once; whatever
 * happens, the page asks the server whether the vote is recorded and says so.
 */
@Named
@ViewScoped
public class VotingBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The receipts of this device's votes, kept in its session only (ballot id → receipt). */
    static final String RECEIPTS = "quorum.receipts";
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    transient SecurityContext security;

    @Inject
    transient BallotService ballots;

    @Inject
    transient CastingService casting;

    private long participantId;
    private long meetingId;
    private Ballot ballot;
    private boolean voted;
    private String chosen;
    private final Map<Long, String> papers = new HashMap<>();

    @PostConstruct
    void load() {
        participantId = DelegateIdentityStore.participantId(security.getCallerPrincipal().getName()).orElseThrow();
    }

    /** Reads the meeting's ballot and whether this delegate has voted on it. */
    public void show(long meeting) {
        meetingId = meeting;
        List<Ballot> all = ballots.ofMeeting(meetingId);
        ballot = all.stream().filter(b -> b.getStatus() == BallotStatus.OPEN).findFirst()
                .orElse(all.stream().filter(b -> b.getStatus() != BallotStatus.DRAFT).reduce((a, b) -> b).orElse(null));
        voted = ballot != null && casting.hasVoted(ballot.getId(), participantId);
        if (ballot == null || ballot.getStatus() != BallotStatus.OPEN) {
            chosen = null;
        }
    }

    public void refresh() {
        show(meetingId);
    }

    public void choose(BallotOption option) {
        chosen = option.getCode();
    }

    public void chooseAgain() {
        chosen = null;
    }

    public void confirm() {
        if (ballot == null || chosen == null) {
            return;
        }
        String paper = papers.computeIfAbsent(ballot.getId(), id -> {
            byte[] bytes = new byte[16];
            RANDOM.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        });
        try {
            String receipt = casting.cast(ballot.getId(), participantId, paper, chosen);
            receipts().put(ballot.getId(), receipt);
        } catch (Refusal refusal) {
            if (!"ballot.alreadyVoted".equals(refusal.key())) {
                Feedback.error(refusal.key(), refusal.arguments());
            }
        } finally {
            chosen = null;
            show(meetingId);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<Long, String> receipts() {
        Map<String, Object> session = FacesContext.getCurrentInstance().getExternalContext().getSessionMap();
        return (Map<Long, String>) session.computeIfAbsent(RECEIPTS, key -> new java.util.concurrent.ConcurrentHashMap<Long, String>());
    }

    public String getReceipt() {
        return ballot == null ? null : receipts().get(ballot.getId());
    }

    public String getChosenLabel() {
        return ballot == null || chosen == null ? null
                : ballot.getOptions().stream().filter(o -> o.getCode().equals(chosen)).map(BallotOption::getLabel).findFirst().orElse(null);
    }

    public Ballot getBallot() {
        return ballot;
    }

    public boolean isVoted() {
        return voted;
    }

    public String getChosen() {
        return chosen;
    }
}
