package app.quorum.ballot.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.platform.Limits;
import app.quorum.platform.api.RequestBodies;
import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The API's body limit ({@link RequestBodies#MAX_BYTES}) takes the largest paper Quorum can ask for: an election of as
 * many candidates as a ballot may have ({@link Limits#BALLOT_CANDIDATES}), a paper marking 0 to all but one of them (a
 * total proof of that many branches), sent to be cast or — larger, with its revelation — to be audited; and two papers
 * of one ballot always have one size (election-record.md §4).
 */
class LargestPaperTest {

    @Test
    void theLargestAuditedPaperFitsTheApiAndEveryPaperOfABallotHasOneSize() {
        DeterministicRandom random = new DeterministicRandom("largest");
        Fixtures.Keys keys = Fixtures.ceremony(3, 2, random);
        int candidates = Limits.BALLOT_CANDIDATES;
        BallotDefinition election = Fixtures.election(1, candidates, 0, candidates - 1);
        BallotContext ballot = election.context(Fixtures.MEETING, keys.ceremony().publicKey(), keys.ceremony().context());
        int[] none = new int[candidates];
        int[] many = new int[candidates];
        for (int o = 0; o < candidates - 1; o++) {
            many[o] = 1;
        }
        PreparedPaper blank = PreparedPaper.make(ballot, none, random);
        PreparedPaper full = PreparedPaper.make(ballot, many, random);
        int cast = bytes(Json.createObjectBuilder().add("paper", full.paper().toJson(null)).build().toString());
        int audited = bytes(full.toJson().toString());
        assertEquals(bytes(blank.paper().toJson(null).toString()), bytes(full.paper().toJson(null).toString()),
                "a blank paper and a full one have one size");
        assertTrue(audited > cast, "the audited form is the larger");
        assertTrue(audited < RequestBodies.MAX_BYTES, () -> audited + " bytes do not fit " + RequestBodies.MAX_BYTES);
        assertTrue(audited > RequestBodies.MAX_BYTES / 4, () -> "the limit is far above the largest paper (" + audited + " bytes): lower it");
    }

    private static int bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8).length;
    }
}
