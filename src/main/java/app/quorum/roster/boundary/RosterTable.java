package app.quorum.roster.boundary;

import app.quorum.roster.control.RosterFilter;
import app.quorum.roster.control.RosterService;
import app.quorum.roster.entity.Participant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The roster as a lazy table: the database pages, filters and sorts (Vietnamese order), so a roster of thousands
 * of rows loads only the page on screen.
 */
public class RosterTable extends LazyDataModel<Participant> {

    private static final long serialVersionUID = 1L;

    private final transient Supplier<RosterService> roster;
    private final long meetingId;
    private final transient Supplier<RosterFilter> filter;

    public RosterTable(Supplier<RosterService> roster, long meetingId, Supplier<RosterFilter> filter) {
        this.roster = roster;
        this.meetingId = meetingId;
        this.filter = filter;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        return Math.toIntExact(roster.get().count(meetingId, filter.get()));
    }

    @Override
    public List<Participant> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        return roster.get().page(meetingId, filter.get(), first, pageSize);
    }

    @Override
    public String getRowKey(Participant participant) {
        return participant.getId().toString();
    }
}
