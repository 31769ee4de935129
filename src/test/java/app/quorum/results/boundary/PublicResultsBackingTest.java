package app.quorum.results.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;

import app.quorum.ballot.entity.MajorityBase;
import app.quorum.ballot.entity.MajorityRule;
import app.quorum.results.entity.PublishedResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receipt lookup answers for the exact receipt only, never for a part of one. */
class PublicResultsBackingTest {

    private final List<PublishedResult> published =
            List.of(PublishedResultViewTest.dakGan(MajorityRule.ABSOLUTE, MajorityBase.PRESENT, true, null));

    @Test
    void theExactReceiptIsFound() {
        var found = PublicResultsBacking.among(published, "0123-4567-89AB-CDEF");
        assertEquals(1, found.size());
        assertEquals(List.of("Đồng ý"), found.get(0).paper().labels());
        assertEquals(1, found.get(0).ballotId());
    }

    @Test
    void aPartOrANeighbourIsNot() {
        assertEquals(List.of(), PublicResultsBacking.among(published, "0123-4567-89AB-CDEE"));
        assertEquals(List.of(), PublicResultsBacking.among(published, "0123-4567"));
        assertEquals(List.of(), PublicResultsBacking.among(published, ""));
    }
}
