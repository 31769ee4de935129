package app.quorum.ballot.entity;

import app.quorum.ballot.crypto.Receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.quorum.ballot.entity.BoxFingerprint.Paper;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BoxFingerprintTest {

    private static final List<Paper> APPROVAL = List.of(
            new Paper("7TQ4-2M9X-0B3K-FD8S", "YES"),
            new Paper("1HZ8-PWCN-5RV6-JA0E", "NO"),
            new Paper("C4D9-8G2K-T7XM-3QNB", "ABSTAIN"));

    /**
     * Computed in the shell: {@code printf '1HZ8-PWCN-5RV6-JA0E\tNO\n7TQ4-2M9X-0B3K-FD8S\tYES\n'}
     * {@code 'C4D9-8G2K-T7XM-3QNB\tABSTAIN\n' | sha256sum}.
     */
    @Test
    void knownApprovalVector() {
        assertEquals("1HZ8-PWCN-5RV6-JA0E\tNO\n7TQ4-2M9X-0B3K-FD8S\tYES\nC4D9-8G2K-T7XM-3QNB\tABSTAIN\n",
                BoxFingerprint.canonicalForm(APPROVAL));
        assertEquals("14deede1a7bb1ac5e6a95adfd8ed957ef9aec8c2070d144d709c77399909988b",
                BoxFingerprint.of(APPROVAL));
    }

    /**
     * Computed in the shell: {@code printf '0000-0000-0000-0000\t-\n3V9A-KD2M-X7PQ-81RT\t1,3\n'}
     * {@code 'ZZZZ-ZZZZ-ZZZZ-ZZZZ\t2\n' | sha256sum}.
     */
    @Test
    void knownElectionVector() {
        List<Paper> papers = List.of(
                new Paper("ZZZZ-ZZZZ-ZZZZ-ZZZZ", BoxFingerprint.code(Set.of(2L))),
                new Paper("3V9A-KD2M-X7PQ-81RT", BoxFingerprint.code(Set.of(3L, 1L))),
                new Paper("0000-0000-0000-0000", BoxFingerprint.code(Set.of())));
        assertEquals("5595d6c39e43de81ddfd77292105de4f4c215eb9efa5811c28d8f8ae7309fcf1",
                BoxFingerprint.of(papers));
    }

    @Test
    void anEmptyBoxHashesTheEmptyText() {
        assertEquals("", BoxFingerprint.canonicalForm(List.of()));
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                BoxFingerprint.of(List.of()));
    }

    @Test
    void theOrderOfTheInputDoesNotMatter() {
        List<Paper> papers = randomBox(200, new Random(19));
        String fingerprint = BoxFingerprint.of(papers);
        Random random = new Random(1);
        for (int i = 0; i < 20; i++) {
            List<Paper> shuffled = new ArrayList<>(papers);
            Collections.shuffle(shuffled, random);
            assertEquals(fingerprint, BoxFingerprint.of(shuffled));
        }
        assertEquals(fingerprint, BoxFingerprint.of(new HashSet<>(papers)));
    }

    @Test
    void everyChangeChangesTheFingerprint() {
        List<Paper> papers = randomBox(50, new Random(23));
        String fingerprint = BoxFingerprint.of(papers);
        for (int i = 0; i < papers.size(); i++) {
            Paper paper = papers.get(i);
            for (String choice : List.of("YES", "NO", "ABSTAIN")) {
                if (!choice.equals(paper.choice())) {
                    List<Paper> changed = new ArrayList<>(papers);
                    changed.set(i, new Paper(paper.receipt(), choice));
                    assertNotEquals(fingerprint, BoxFingerprint.of(changed), "choice of paper " + i);
                }
            }
            List<Paper> otherReceipt = new ArrayList<>(papers);
            otherReceipt.set(i, new Paper(paper.receipt().replace('-', '0'), paper.choice()));
            assertNotEquals(fingerprint, BoxFingerprint.of(otherReceipt), "receipt of paper " + i);
            List<Paper> removed = new ArrayList<>(papers);
            removed.remove(i);
            assertNotEquals(fingerprint, BoxFingerprint.of(removed), "without paper " + i);
        }
        List<Paper> added = new ArrayList<>(papers);
        added.add(papers.get(0));
        assertNotEquals(fingerprint, BoxFingerprint.of(added), "a paper counted twice");
    }

    @Test
    void equalReceiptsAreOrderedByChoice() {
        List<Paper> collision = List.of(new Paper("AAAA-AAAA-AAAA-AAAA", "YES"),
                new Paper("AAAA-AAAA-AAAA-AAAA", "NO"));
        assertEquals("AAAA-AAAA-AAAA-AAAA\tNO\nAAAA-AAAA-AAAA-AAAA\tYES\n", BoxFingerprint.canonicalForm(collision));
        assertEquals(BoxFingerprint.of(collision), BoxFingerprint.of(collision.reversed()));
    }

    @Test
    void receiptsOfCastVotesFeedTheFingerprint() {
        byte[] first = new byte[16];
        byte[] second = new byte[16];
        second[0] = (byte) 0xff;
        List<Paper> papers = List.of(new Paper(Receipts.of(second), BoxFingerprint.code(ApprovalChoice.YES)),
                new Paper(Receipts.of(first), BoxFingerprint.code(ApprovalChoice.ABSTAIN)));
        assertEquals("0000-0000-0000-0000\tABSTAIN\nZW00-0000-0000-0000\tYES\n",
                BoxFingerprint.canonicalForm(papers));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', textBlock = """
        3 1      | 1,3
        12 3     | 3,12
        2        | 2
        10 9 100 | 9,10,100
        """)
    void electionCodesListTheIdsInNumericOrder(String ids, String code) {
        Set<Long> chosen = new HashSet<>();
        for (String id : ids.trim().split(" +")) {
            chosen.add(Long.valueOf(id));
        }
        assertEquals(code, BoxFingerprint.code(chosen));
    }

    @Test
    void approvalCodesAndTheBlankCode() {
        assertEquals("YES", BoxFingerprint.code(ApprovalChoice.YES));
        assertEquals("NO", BoxFingerprint.code(ApprovalChoice.NO));
        assertEquals("ABSTAIN", BoxFingerprint.code(ApprovalChoice.ABSTAIN));
        assertEquals("-", BoxFingerprint.code(Set.of()));
    }

    @Test
    void fieldsThatWouldBreakTheLinesAreRefused() {
        String receipt = "AAAA-AAAA-AAAA-AAAA";
        assertThrows(IllegalArgumentException.class, () -> new Paper("", "YES"));
        assertThrows(IllegalArgumentException.class, () -> new Paper(receipt, ""));
        assertThrows(IllegalArgumentException.class, () -> new Paper("AAAA\tAAAA", "YES"));
        assertThrows(IllegalArgumentException.class, () -> new Paper(receipt, "YES\nNO"));
        assertThrows(IllegalArgumentException.class, () -> new Paper(receipt, "YES\r"));
        assertThrows(NullPointerException.class, () -> new Paper(null, "YES"));
        assertThrows(NullPointerException.class, () -> new Paper(receipt, null));
    }

    private static List<Paper> randomBox(int size, Random random) {
        List<Paper> papers = new ArrayList<>();
        List<ApprovalChoice> choices = List.of(ApprovalChoice.values());
        for (int i = 0; i < size; i++) {
            byte[] id = new byte[16];
            random.nextBytes(id);
            papers.add(new Paper(Receipts.of(id), BoxFingerprint.code(choices.get(random.nextInt(choices.size())))));
        }
        return papers;
    }
}
