package app.quorum.ballot.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.quorum.ballot.entity.CeremonyState;
import app.quorum.platform.Refusal;
import app.quorum.roster.entity.Role;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The ceremony's rules apart from the database: defaults, bounds, who may do what, the order of the rounds. */
class CeremonyRulesTest {

    private static Refusal refused(String key, Executable action) {
        Refusal refusal = assertThrows(Refusal.class, action);
        assertEquals(key, refusal.key());
        return refusal;
    }

    @Test
    void theDefaultIsTheChairTheSecretaryAndAPlaceToFill() {
        List<CeremonyRules.Member> roster = List.of(new CeremonyRules.Member(5, Role.DELEGATE),
                new CeremonyRules.Member(7, Role.SECRETARY), new CeremonyRules.Member(9, Role.CHAIR),
                new CeremonyRules.Member(11, Role.CHAIR));
        assertEquals(Arrays.asList(9L, 7L, null), CeremonyRules.defaultTrustees(roster));
        assertEquals(Arrays.asList(null, null, null), CeremonyRules.defaultTrustees(List.of(new CeremonyRules.Member(5, Role.DELEGATE))));
        assertEquals(3, CeremonyRules.DEFAULT_TRUSTEES);
        assertEquals(2, CeremonyRules.DEFAULT_THRESHOLD);
    }

    @Test
    void oneToNineTrusteesAndAThresholdWithin() {
        assertDoesNotThrow(() -> CeremonyRules.checkSize(1, 1));
        assertDoesNotThrow(() -> CeremonyRules.checkSize(3, 2));
        assertDoesNotThrow(() -> CeremonyRules.checkSize(9, 9));
        for (int[] wrong : new int[][] {{0, 0}, {0, 1}, {3, 0}, {3, 4}, {10, 2}, {10, 10}, {2, -1}}) {
            Refusal refusal = refused("ceremony.size", () -> CeremonyRules.checkSize(wrong[0], wrong[1]));
            assertEquals(Refusal.Kind.INVALID, refusal.kind());
            assertArrayEquals(new Object[] {9}, refusal.arguments());
        }
    }

    @Test
    void everyPlaceFilledByADistinctParticipantOfTheMeeting() {
        Set<Long> roster = Set.of(1L, 2L, 3L, 4L);
        assertDoesNotThrow(() -> CeremonyRules.checkTrustees(List.of(1L, 2L, 4L), roster));
        assertArrayEquals(new Object[] {3}, refused("ceremony.trustee.missing",
                () -> CeremonyRules.checkTrustees(Arrays.asList(1L, 2L, null), roster)).arguments());
        assertArrayEquals(new Object[] {2}, refused("ceremony.trustee.notOnRoster",
                () -> CeremonyRules.checkTrustees(List.of(1L, 99L, 2L), roster)).arguments());
        assertArrayEquals(new Object[] {3}, refused("ceremony.trustee.twice",
                () -> CeremonyRules.checkTrustees(List.of(1L, 2L, 1L), roster)).arguments());
    }

    @Test
    void theRecordNamesTheRoles() {
        assertEquals("CHAIR", CeremonyRules.recordRole(Role.CHAIR));
        assertEquals("SECRETARY", CeremonyRules.recordRole(Role.SECRETARY));
        assertEquals("COUNTING_COMMITTEE", CeremonyRules.recordRole(Role.DELEGATE));
        assertEquals("COUNTING_COMMITTEE", CeremonyRules.recordRole(Role.GUEST));
    }

    @Test
    void roundOneOnceWhileCollecting() {
        assertDoesNotThrow(() -> CeremonyRules.mayPublishRoundOne(CeremonyState.COLLECTING, false));
        refused("ceremony.roundOne.already", () -> CeremonyRules.mayPublishRoundOne(CeremonyState.COLLECTING, true));
        refused("ceremony.failed", () -> CeremonyRules.mayPublishRoundOne(CeremonyState.FAILED, false));
        refused("ceremony.alreadyReady", () -> CeremonyRules.mayPublishRoundOne(CeremonyState.READY, false));
    }

    @Test
    void roundTwoOnlyAfterEveryRoundOne() {
        refused("ceremony.shares.early", () -> CeremonyRules.mayPublishShares(CeremonyState.COLLECTING, 2, 3, false));
        assertDoesNotThrow(() -> CeremonyRules.mayPublishShares(CeremonyState.COLLECTING, 3, 3, false));
        refused("ceremony.shares.already", () -> CeremonyRules.mayPublishShares(CeremonyState.COLLECTING, 3, 3, true));
        refused("ceremony.failed", () -> CeremonyRules.mayPublishShares(CeremonyState.FAILED, 3, 3, false));
    }

    @Test
    void roundTwoIsOneBoxForEveryOtherTrustee() {
        assertDoesNotThrow(() -> CeremonyRules.checkShareTargets(2, 3, List.of(new int[] {2, 1}, new int[] {2, 3})));
        assertDoesNotThrow(() -> CeremonyRules.checkShareTargets(1, 1, List.of()));
        for (List<int[]> wrong : List.of(List.of(new int[] {2, 1}), // one missing
                List.of(new int[] {2, 1}, new int[] {2, 1}), // twice to the same
                List.of(new int[] {2, 1}, new int[] {2, 2}), // to oneself
                List.of(new int[] {2, 1}, new int[] {2, 3}, new int[] {2, 4}), // to nobody
                List.of(new int[] {1, 3}, new int[] {2, 1}))) { // from another
            refused("ceremony.shares.targets", () -> CeremonyRules.checkShareTargets(2, 3, wrong));
        }
    }

    @Test
    void roundThreeOnlyAfterEveryBoxAndOnce() {
        refused("ceremony.key.early", () -> CeremonyRules.mayPublishKey(CeremonyState.COLLECTING, 5, 3, false, false));
        assertDoesNotThrow(() -> CeremonyRules.mayPublishKey(CeremonyState.COLLECTING, 6, 3, false, false));
        refused("ceremony.key.already", () -> CeremonyRules.mayPublishKey(CeremonyState.COLLECTING, 6, 3, false, true));
        refused("ceremony.key.already", () -> CeremonyRules.mayPublishKey(CeremonyState.COLLECTING, 6, 3, true, false));
        refused("ceremony.alreadyReady", () -> CeremonyRules.mayPublishKey(CeremonyState.READY, 6, 3, false, false));
    }

    @Test
    void aComplaintNamesAnotherTrusteeOnceTheBoxesAreIn() {
        assertDoesNotThrow(() -> CeremonyRules.mayComplain(CeremonyState.COLLECTING, 6, 3, 1, 3, false));
        refused("ceremony.complaint.against", () -> CeremonyRules.mayComplain(CeremonyState.COLLECTING, 6, 3, 1, 1, false));
        refused("ceremony.complaint.against", () -> CeremonyRules.mayComplain(CeremonyState.COLLECTING, 6, 3, 1, 4, false));
        refused("ceremony.complaint.against", () -> CeremonyRules.mayComplain(CeremonyState.COLLECTING, 6, 3, 1, 0, false));
        refused("ceremony.key.early", () -> CeremonyRules.mayComplain(CeremonyState.COLLECTING, 4, 3, 1, 2, false));
        refused("ceremony.key.already", () -> CeremonyRules.mayComplain(CeremonyState.COLLECTING, 6, 3, 1, 2, true));
        refused("ceremony.failed", () -> CeremonyRules.mayComplain(CeremonyState.FAILED, 6, 3, 1, 2, false));
    }

    /** The secretary starts and restarts; the trustee's device (a delegate session) publishes; reading is for all. */
    @Test
    void whoMayDoWhat() {
        Map<String, String> roles = new TreeMap<>();
        for (Method method : Ceremonies.class.getDeclaredMethods()) {
            if (java.lang.reflect.Modifier.isPublic(method.getModifiers())) {
                RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
                roles.put(method.getName(), allowed == null ? "-" : String.join(",", allowed.value()));
            }
        }
        assertEquals(new TreeMap<>(Map.ofEntries(Map.entry("ready", "-"), Map.entry("status", "-"),
                Map.entry("trusteeIndex", "-"), Map.entry("isTrustee", "-"), Map.entry("inUse", "-"), Map.entry("proposal", "SECRETARY"),
                Map.entry("start", "SECRETARY"), Map.entry("restart", "SECRETARY"), Map.entry("device", "DELEGATE"),
                Map.entry("publishRoundOne", "DELEGATE"), Map.entry("publishShares", "DELEGATE"),
                Map.entry("publishVerificationKey", "DELEGATE"), Map.entry("complain", "DELEGATE"))), roles);
        assertEquals(null, Ceremonies.class.getAnnotation(RolesAllowed.class));
    }
}
