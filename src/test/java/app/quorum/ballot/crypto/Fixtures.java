package app.quorum.ballot.crypto;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * A deterministic generator of complete, valid election records (a test utility): a ceremony of three trustees (2 of
 * 3), then a ballot, its papers, its close. {@link #main} writes {@code target/crypto-fixtures/*.json}, so the
 * JavaScript verifier can be checked against the Java side; {@code src/test/resources/crypto/java-approval-9.json} and
 * {@code java-election.json} are committed copies for that (regenerate with {@code main} and copy them when the
 * specification changes).
 */
public final class Fixtures {

    public static final long MEETING = 1;
    public static final String TITLE = "Hội nghị tổng kết Chương trình xây dựng nông thôn mới năm 2023";
    public static final String OPENED = "2024-01-19T09:30:00Z";
    public static final String CLOSED = "2024-01-19T09:45:00Z";
    private static final String[] ROLES = {"CHAIR", "SECRETARY", "COUNTING_COMMITTEE"};
    private static final String[] NAMES = {"Nguyễn Văn Minh", "Ngô Thị Hương", "Trần Đức Thắng"};

    private Fixtures() {
    }

    /** A ceremony with its trustees' key shares, as the three devices would leave it. */
    public record Keys(Ceremony ceremony, List<KeyShare> shares) {
    }

    /** Runs the three rounds for {@code n} trustees, threshold {@code t}. */
    public static Keys ceremony(int n, int t, SecureRandom random) {
        String ceremonyId = Randomness.id(random);
        String context = Ceremony.context(MEETING, ceremonyId, n, t);
        List<Trustee> trustees = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            trustees.add(Trustee.draw(context, i, n, t, random));
        }
        List<RoundOne> published = trustees.stream().map(Trustee::roundOne).toList();
        List<EncryptedShare> sent = new ArrayList<>();
        trustees.forEach(trustee -> sent.addAll(trustee.roundTwo(published)));
        List<KeyShare> shares = new ArrayList<>();
        List<TrusteeKeys> keys = new ArrayList<>();
        for (Trustee trustee : trustees) {
            KeyShare share = trustee.roundThree(published, sent.stream().filter(s -> s.to() == trustee.index()).toList());
            shares.add(share);
            int role = (trustee.index() - 1) % ROLES.length;
            keys.add(trustee.publicKeys(share, ROLES[role], NAMES[role] + (trustee.index() > 3 ? " " + trustee.index() : "")));
        }
        return new Keys(Ceremony.of(MEETING, ceremonyId, t, keys), shares);
    }

    /** The demo's approval ballot: recognise Đắk Gằn commune as meeting the New Rural standard for 2023. */
    public static BallotDefinition approval(long ballotId) {
        return new BallotDefinition(ballotId,
                "Công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023", BallotDefinition.APPROVAL,
                List.of(new BallotDefinition.Option("YES", "Đồng ý"),
                        new BallotDefinition.Option("NO", "Không đồng ý"),
                        new BallotDefinition.Option("ABSTAIN", "Không biểu quyết")), 1, 1);
    }

    /** An election of {@code seats} among {@code candidates}, blank papers allowed when {@code min} is 0. */
    public static BallotDefinition election(long ballotId, int candidates, int min, int seats) {
        List<BallotDefinition.Option> options = new ArrayList<>();
        for (int c = 1; c <= candidates; c++) {
            options.add(new BallotDefinition.Option("C" + c, CANDIDATES[(c - 1) % CANDIDATES.length]));
        }
        return new BallotDefinition(ballotId, "Bầu Ban kiểm phiếu (" + seats + " người)", BallotDefinition.ELECTION,
                options, min, seats);
    }

    private static final String[] CANDIDATES = {"Y Thu Byă", "Lê Thị Lan", "Phạm Văn Hùng", "H'Lim Niê",
        "Đỗ Quang Vinh", "Võ Thị Mai", "Bùi Minh Tuấn", "Đinh Văn Lực", "Hà Thị Ngọc"};

    /** Casts {@code papers} papers whose marks {@code choices.apply(p)} gives, then closes with {@code answering}. */
    public static ElectionRecord record(Keys keys, BallotDefinition ballot, int papers, IntFunction<int[]> choices,
            List<Integer> answering, SecureRandom random) {
        BallotContext context = ballot.context(MEETING, keys.ceremony().publicKey(), keys.ceremony().context());
        BallotBox box = new BallotBox(context);
        for (int p = 0; p < papers; p++) {
            PreparedPaper prepared = PreparedPaper.make(context, choices.apply(p), random);
            if (box.cast(prepared.paper()).isPresent()) {
                throw new IllegalStateException("a fixture paper was refused");
            }
        }
        return close(keys, ballot, box, answering, random);
    }

    /**
     * Closes a box with the answers of the trustees {@code answering}, each decrypting the aggregate it recomputes
     * from the box's list of papers, with the turnout equal to the number of papers (§6).
     */
    public static ElectionRecord close(Keys keys, BallotDefinition ballot, BallotBox box, List<Integer> answering,
            SecureRandom random) {
        List<PartialDecryption> answers = new ArrayList<>();
        if (!box.papers().isEmpty()) {
            for (int index : answering) {
                answers.add(keys.shares().get(index - 1).decryptBox(box.ballot(), box.papers(), box.audited(),
                        box.papers().size(), random));
            }
        }
        return BallotClose.close(MEETING, TITLE, keys.ceremony(), ballot, box, answers, OPENED, CLOSED);
    }

    /** The demo: 9 papers, all in favour; the secretary absent at the close (trustees 1 and 3 decrypt). */
    public static ElectionRecord approvalNine() {
        SecureRandom random = new DeterministicRandom("quorum fixture: approval 9");
        return record(ceremony(3, 2, random), approval(7), 9, p -> new int[] {1, 0, 0}, List.of(1, 3), random);
    }

    /**
     * A small election, 2 seats among 5, blank allowed: 6 papers, one audited paper, one paper refused for a bad proof
     * and one malformed; all three trustees answer (trustees 1 and 2 are combined).
     */
    public static ElectionRecord election() {
        SecureRandom random = new DeterministicRandom("quorum fixture: election");
        Keys keys = ceremony(3, 2, random);
        BallotDefinition ballot = election(8, 5, 0, 2);
        BallotContext context = ballot.context(MEETING, keys.ceremony().publicKey(), keys.ceremony().context());
        BallotBox box = new BallotBox(context);
        int[][] marks = {{1, 1, 0, 0, 0}, {1, 0, 1, 0, 0}, {0, 1, 0, 0, 1}, {1, 0, 0, 0, 0}, {0, 0, 0, 0, 0},
            {1, 1, 0, 0, 0}};
        for (int[] paper : marks) {
            box.cast(PreparedPaper.make(context, paper, random).paper());
        }
        box.audit(PreparedPaper.make(context, new int[] {0, 0, 1, 1, 0}, random));
        Paper honest = PreparedPaper.make(context, new int[] {0, 0, 0, 1, 1}, random).paper();
        List<DisjunctiveProof> swapped = new ArrayList<>(honest.bitProofs());
        java.util.Collections.swap(swapped, 3, 4);
        Paper forged = new Paper(honest.paperId(), honest.ciphertexts(), swapped, honest.totalProof());
        box.receive(forged.toJson(null));
        JsonObject malformed = Json.createObjectBuilder().add("paperId", Randomness.id(random))
                .add("ciphertexts", Json.createArrayBuilder()).build();
        box.receive(malformed);
        return close(keys, ballot, box, List.of(3, 1, 2), random);
    }

    /** Writes the fixtures to {@code target/crypto-fixtures/} (or the folder given). */
    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args.length > 0 ? args[0] : "target/crypto-fixtures");
        RecordFile.write(folder.resolve("java-approval-9.json"), approvalNine());
        RecordFile.write(folder.resolve("java-election.json"), election());
        System.out.println("wrote " + folder.toAbsolutePath() + "/java-approval-9.json and java-election.json");
    }
}
