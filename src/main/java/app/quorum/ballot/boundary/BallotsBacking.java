package app.quorum.ballot.boundary;

import app.quorum.ballot.entity.Ballot;
import app.quorum.meeting.entity.AgendaItem;
import app.quorum.meeting.entity.Meeting;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;

/**
 * The secretary's ballots of a meeting: every ballot under its agenda item with its status, and the ballot form to
 * prepare one (from a template if wished), edit or delete one still in preparation.
 */
@Named
@ViewScoped
public class BallotsBacking extends BallotPreparationView {

    private static final long serialVersionUID = 1L;

    private List<ItemBallots> groups;

    @Override
    protected void ballotsLoaded(Meeting meeting) {
        groups = new ArrayList<>();
        for (AgendaItem item : meeting.getAgenda()) {
            groups.add(new ItemBallots(item, getAll().stream()
                    .filter(ballot -> ballot.getItem() != null && ballot.getItem().getId().equals(item.getId())).toList()));
        }
        List<Ballot> general = getAll().stream().filter(ballot -> ballot.getItem() == null).toList();
        if (!general.isEmpty()) {
            groups.add(new ItemBallots(null, general));
        }
    }

    /** A new ballot from this page starts without an item unless one is chosen (the "prepare" button of an item). */
    @Override
    protected BallotForm newForm(Meeting meeting) {
        return BallotForm.fresh(null, null);
    }

    @Override
    protected String definedKey() {
        return "ballot.prepared";
    }

    /** Another page opened, closed or cancelled a ballot: the list shows it (the form keeps what is typed). */
    public void refresh() {
        reload();
    }

    public List<ItemBallots> getGroups() {
        return groups;
    }

    /**
     * An agenda item and its ballots in the order they were prepared.
     *
     * @param item the item, or {@code null} for the ballots on the meeting as a whole
     */
    public record ItemBallots(AgendaItem item, List<Ballot> ballots) {
    }
}
