package app.quorum.ballot;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.ballot.control.BallotCount;
import app.quorum.ballot.control.BallotDefinitions;
import app.quorum.ballot.control.BallotLifecycle;
import app.quorum.ballot.control.Ballots;
import app.quorum.ballot.control.CastingService;
import app.quorum.ballot.control.Ceremonies;
import app.quorum.ballot.control.CeremonyStatus;
import app.quorum.ballot.control.EndToEndBallots;
import app.quorum.ballot.control.EndToEndCount;
import app.quorum.ballot.control.Publication;
import app.quorum.ballot.control.TrusteeCount;
import app.quorum.ballot.crypto.BallotContext;
import app.quorum.ballot.crypto.BallotDefinition;
import app.quorum.ballot.crypto.Ceremony;
import app.quorum.ballot.crypto.Codec;
import app.quorum.ballot.crypto.ElectionRecord;
import app.quorum.ballot.crypto.EncryptedShare;
import app.quorum.ballot.crypto.KeyShare;
import app.quorum.ballot.crypto.Paper;
import app.quorum.ballot.crypto.PreparedPaper;
import app.quorum.ballot.crypto.RoundOne;
import app.quorum.ballot.crypto.Tracker;
import app.quorum.ballot.crypto.Trustee;
import app.quorum.ballot.entity.ApprovalChoice;
import app.quorum.ballot.entity.ApprovalResult;
import app.quorum.ballot.entity.Ballot;
import app.quorum.ballot.entity.MajorityBase;
import app.quorum.ballot.entity.MajorityRule;
import app.quorum.ballot.entity.Outcome;
import app.quorum.ballot.entity.Secrecy;
import app.quorum.ballot.entity.VotingRule;
import app.quorum.meeting.control.MeetingService;
import app.quorum.meeting.entity.Meeting;
import app.quorum.meeting.entity.MeetingStatus;
import app.quorum.platform.QuorumDataSource;
import app.quorum.platform.Refusal;
import app.quorum.roster.control.ParticipantDraft;
import app.quorum.roster.control.RosterService;
import app.quorum.roster.entity.Participant;
import app.quorum.roster.entity.Role;
import app.quorum.testing.AsChair;
import app.quorum.testing.AsDelegate;
import app.quorum.testing.AsSecretary;
import app.quorum.testing.Deployments;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The server-blind secret ballot in the container against MariaDB (issue 14): trustees make the joint key (with the
 * Java prover standing in for their browsers), the papers come encrypted with their proofs, the server checks and
 * stores only ciphertexts, the close opens no paper, two of three trustees decrypt the sums, and the stored result and
 * record follow. Also: every refused paper stores nothing counted and is listed; a copied or audited paper cannot be
 * cast; a tampered box stops the close; a bad decryption is refused; and nothing in the database or the server's
 * files can open a paper.
 */
@ExtendWith(ArquillianExtension.class)
class EndToEndIT {

    static final Map<ApprovalChoice, String> LABELS = new EnumMap<>(Map.of(
            ApprovalChoice.YES, "Đồng ý", ApprovalChoice.NO, "Không đồng ý", ApprovalChoice.ABSTAIN, "Không biểu quyết"));
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int[] YES = {1, 0, 0};
    private static final int[] NO = {0, 1, 0};

    @Deployment
    @TargetsContainer("platform")
    static WebArchive deployment() {
        return Deployments.platform("end-to-end-it.war");
    }

    @Inject
    MeetingService meetings;

    @Inject
    RosterService roster;

    @Inject
    Ballots ballots;

    @Inject
    BallotDefinitions definitions;

    @Inject
    BallotLifecycle lifecycle;

    @Inject
    BallotCount box;

    @Inject
    CastingService casting;

    @Inject
    Publication publication;

    @Inject
    Ceremonies ceremonies;

    @Inject
    EndToEndBallots endToEnd;

    @Inject
    EndToEndCount endToEndCount;

    @Inject
    TrusteeCount count;

    @Inject
    AsSecretary secretary;

    @Inject
    AsChair chair;

    @Inject
    AsDelegate delegate;

    @Resource(lookup = QuorumDataSource.JNDI_NAME)
    DataSource dataSource;

    /** A meeting in session with its voting members checked in, and its three trustees' key shares once ready. */
    record Room(Meeting meeting, List<Participant> members, Map<Integer, KeyShare> shares, Ceremony ceremony) {
    }

    Room room(int voting) throws Exception {
        Meeting meeting = secretary.call(() -> meetings.create(new Meeting("Hội nghị tổng kết " + RANDOM.nextInt(1_000_000),
                "UBND huyện Đắk Mil", LocalDateTime.of(2024, 1, 19, 7, 30))));
        List<Participant> members = new ArrayList<>();
        for (int i = 1; i <= voting; i++) {
            String name = "Thành viên Ban Chỉ đạo số " + i;
            Role role = i == 1 ? Role.CHAIR : i == 2 ? Role.SECRETARY : Role.DELEGATE;
            members.add(secretary.call(() -> roster.add(meeting.getId(),
                    new ParticipantDraft(name, "Thành viên", "Ban Chỉ đạo", role, true, null, null))));
        }
        secretary.call(() -> meetings.changeStatus(meeting.getId(), MeetingStatus.SCHEDULED));
        for (Participant member : members) {
            secretary.call(() -> roster.checkIn(meeting.getId(), member.getId()));
        }
        chair.call(() -> meetings.changeStatus(meeting.getId(), MeetingStatus.IN_SESSION));
        List<Participant> trustees = members.subList(0, 3);
        Map<Integer, KeyShare> shares = ceremony(meeting, trustees, 2);
        Ceremony ceremony = ceremonies.ready(meeting.getId()).orElseThrow();
        return new Room(meeting, members, shares, ceremony);
    }

    /** The three rounds of election-record.md §2, each trustee's device played by {@link Trustee}. */
    Map<Integer, KeyShare> ceremony(Meeting meeting, List<Participant> trustees, int t) throws Exception {
        CeremonyStatus started = secretary.call(() -> ceremonies.start(meeting.getId(),
                trustees.stream().map(Participant::getId).toList(), t));
        String id = started.ceremonyId();
        String context = started.ceremonyContext();
        List<Trustee> devices = new ArrayList<>();
        for (int j = 1; j <= trustees.size(); j++) {
            Trustee device = Trustee.draw(context, j, trustees.size(), t, RANDOM);
            devices.add(device);
            long participant = trustees.get(j - 1).getId();
            delegate.call(() -> ceremonies.publishRoundOne(participant, id, roundOne(device.roundOne())));
        }
        List<RoundOne> published = devices.stream().map(Trustee::roundOne).toList();
        List<EncryptedShare> boxes = new ArrayList<>();
        for (int j = 1; j <= trustees.size(); j++) {
            List<EncryptedShare> sent = devices.get(j - 1).roundTwo(published);
            boxes.addAll(sent);
            long participant = trustees.get(j - 1).getId();
            delegate.call(() -> ceremonies.publishShares(participant, id, sent.stream().map(EncryptedShare::toJson).toList()));
        }
        Map<Integer, KeyShare> shares = new java.util.HashMap<>();
        for (int j = 1; j <= trustees.size(); j++) {
            int me = j;
            KeyShare share = devices.get(j - 1).roundThree(published, boxes.stream().filter(b -> b.to() == me).toList());
            shares.put(j, share);
            long participant = trustees.get(j - 1).getId();
            delegate.call(() -> ceremonies.publishVerificationKey(participant, id, Json.createObjectBuilder()
                    .add("index", me).add("verificationKey", Codec.hex(share.verificationKey()))
                    .add("verificationKeyProof", share.proof().toJson()).build()));
        }
        assertEquals(CeremonyStatus.State.READY, ceremonies.status(meeting.getId()).state());
        return shares;
    }

    static JsonObject roundOne(RoundOne one) {
        var commitments = Json.createArrayBuilder();
        one.commitments().forEach(c -> commitments.add(Codec.hex(c)));
        return Json.createObjectBuilder().add("index", one.index()).add("deviceKey", Codec.hex(one.deviceKey()))
                .add("deviceKeyProof", one.deviceKeyProof().toJson()).add("commitments", commitments)
                .add("commitmentProof", one.commitmentProof().toJson()).build();
    }

    Ballot approval(Room room) throws Exception {
        return secretary.call(() -> definitions.defineApproval(room.meeting().getId(), null,
                "Đề nghị xét công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023",
                VotingRule.of(MajorityRule.ABSOLUTE, MajorityBase.PRESENT), Secrecy.SECRET, LABELS));
    }

    /** The ballot as a tablet sees it: the fields the page gives, the context recomputed from them. */
    BallotContext context(Room room, Ballot ballot) {
        JsonObject fields = Json.createReader(new StringReader(endToEnd.tabletFields(ballot.getId()))).readObject();
        BallotDefinition definition = BallotDefinition.fromJson(Json.createObjectBuilder().add("id", fields.getJsonNumber("ballotId"))
                .add("question", fields.getString("question")).add("kind", fields.getString("kind"))
                .add("options", fields.getJsonArray("options")).add("min", fields.getInt("min")).add("max", fields.getInt("max")).build());
        BallotContext context = definition.context(room.meeting().getId(), Codec.point(fields.getString("publicKey")),
                fields.getString("ceremonyContext"));
        assertEquals(fields.getString("context"), context.value(), "the tablet recomputes the server's context");
        assertEquals(Codec.hex(room.ceremony().publicKey()), fields.getString("publicKey"));
        return context;
    }

    String cast(Ballot ballot, Participant voter, Paper paper) throws Exception {
        return delegate.call(() -> casting.castPaper(ballot.getId(), voter.getId(), paper.paperId(), paper.toJson(null)));
    }

    static String newPaperId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return java.util.HexFormat.of().formatHex(id);
    }

    static Paper paper(BallotContext context, int[] choices) {
        return PreparedPaper.make(context, choices, RANDOM).paper();
    }

    /** What the trustee's device does (§6): check the list it is given against the turnout, decrypt its own sums. */
    JsonObject decryption(Room room, Ballot ballot, int index) throws Exception {
        long trustee = room.members().get(index - 1).getId();
        JsonObject boxJson = delegate.call(() -> count.box(trustee, ballot.getId()));
        BallotContext context = context(room, ballot);
        List<Paper> papers = boxJson.getJsonArray("papers").getValuesAs(JsonObject.class).stream().map(Paper::fromJson).toList();
        List<PreparedPaper> audited = boxJson.getJsonArray("audited").getValuesAs(JsonObject.class).stream()
                .map(PreparedPaper::fromJson).toList();
        return room.shares().get(index).decryptBox(context, papers, audited, boxJson.getInt("turnout"), RANDOM).toJson();
    }

    boolean decrypt(Room room, Ballot ballot, int index, JsonObject decryption) throws Exception {
        long trustee = room.members().get(index - 1).getId();
        return delegate.call(() -> count.decrypt(trustee, ballot.getId(), decryption));
    }

    @Test
    void theSeedBallotEndToEndNineOfNineApproveAndTwoOfThreeTrusteesCount() throws Exception {
        Room room = room(9);
        Ballot ballot = approval(room);
        chair.call(() -> lifecycle.open(ballot.getId(), null));
        assertTrue(endToEnd.election(ballot.getId()).isPresent(), "a secret ballot of a meeting with a ready ceremony is end-to-end");
        BallotContext context = context(room, ballot);
        List<String> receipts = new ArrayList<>();
        for (Participant member : room.members()) {
            receipts.add(cast(ballot, member, paper(context, YES)));
        }
        // what a reader of the database holds while the ballot is open: same-size ciphertexts, nothing else
        List<String> rows = column("SELECT paper FROM ballot_paper WHERE ballot_id = ?", ballot.getId());
        assertAll(
                () -> assertEquals(9, rows.size()),
                () -> assertEquals(1, rows.stream().map(String::length).distinct().count(), "every paper has one size"),
                () -> assertTrue(rows.stream().noneMatch(row -> row.contains("YES") || row.contains("choice")), "no choice in clear"),
                () -> assertEquals(0, countRows("cast_vote", ballot), "no sealed paper either"));
        assertEquals(9, chair.call(() -> ballots.turnout(ballot.getId())).voted());

        chair.call(() -> lifecycle.close(ballot.getId()));
        assertRefusal("ballot.e2e.awaitingTrustees", () -> chair.call(() -> ballots.result(ballot.getId())));
        assertRefusal("ballot.e2e.awaitingTrustees", () -> secretary.call(() -> publication.publish(ballot.getId())));

        assertFalse(decrypt(room, ballot, 3, decryption(room, ballot, 3)), "one trustee of two needed: not counted yet");
        assertRefusal("ballot.e2e.alreadyDecrypted", () -> decrypt(room, ballot, 3, decryption(room, ballot, 3)));
        assertTrue(decrypt(room, ballot, 1, decryption(room, ballot, 1)), "the second trustee's answer counts the ballot");
        ApprovalResult result = (ApprovalResult) chair.call(() -> ballots.result(ballot.getId()));
        String record = endToEndCount.record(ballot.getId()).orElseThrow().getRecord();
        ElectionRecord parsed = ElectionRecord.fromJson(Json.createReader(new StringReader(record)).readObject());
        Ballot counted = chair.call(() -> ballots.ballot(ballot.getId()));
        assertAll(
                () -> assertEquals(Outcome.PASSED, result.outcome()),
                () -> assertEquals(9, result.count(ApprovalChoice.YES)),
                () -> assertEquals(0, result.count(ApprovalChoice.NO)),
                () -> assertEquals(List.of(9L, 0L, 0L), parsed.counts()),
                () -> assertEquals(List.of(1, 3), parsed.trustees(), "the first t of those who answered"),
                () -> assertEquals(parsed.fingerprint(), counted.getFingerprint(), "the ballot's fingerprint is its record's"),
                () -> assertEquals(receipts.stream().sorted().toList(), parsed.trackers(), "every voter's tracker is listed, in tracker order"),
                () -> assertTrue(secretary.call(() -> box.recount(ballot.getId())).matches(), "the recount finds the stored result"));
        secretary.call(() -> publication.publish(ballot.getId()));
        assertEquals(record, ballots.publishedRecord(ballot.getId()).orElseThrow());
        assertRefusal("ballot.e2e.alreadyCounted", () -> decrypt(room, ballot, 2, decryption(room, ballot, 2)));
    }

    @Test
    void anElectionOfTwoAmongThreeIsCountedPerCandidateAndABlankPaperOfSeveralSeatsIsRefusedAtTheOpen() throws Exception {
        Room room = room(5);
        VotingRule rule = VotingRule.of(MajorityRule.SIMPLE, MajorityBase.VOTES_CAST);
        List<String> candidates = List.of("Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường");
        Ballot withBlank = secretary.call(() -> definitions.defineElection(room.meeting().getId(), null, "Bầu Tổ kiểm phiếu",
                rule, Secrecy.SECRET, candidates, 2, 1, true));
        assertRefusal("ballot.e2e.blankWithSeats", () -> chair.call(() -> lifecycle.open(withBlank.getId(), null)));
        Ballot ballot = secretary.call(() -> definitions.defineElection(room.meeting().getId(), null, "Bầu Tổ thư ký",
                rule, Secrecy.SECRET, candidates, 2, 1, false));
        chair.call(() -> lifecycle.open(ballot.getId(), null));
        BallotContext context = context(room, ballot);
        int[][] papers = {{1, 1, 0}, {1, 0, 1}, {1, 0, 0}, {0, 1, 1}, {1, 1, 0}};
        for (int v = 0; v < papers.length; v++) {
            cast(ballot, room.members().get(v), paper(context, papers[v]));
        }
        chair.call(() -> lifecycle.close(ballot.getId()));
        decrypt(room, ballot, 1, decryption(room, ballot, 1));
        decrypt(room, ballot, 2, decryption(room, ballot, 2));
        var result = (app.quorum.ballot.entity.ElectionResult) chair.call(() -> ballots.result(ballot.getId()));
        List<Long> ids = ballot.getOptions().stream().map(app.quorum.ballot.entity.BallotOption::getId).toList();
        assertAll(
                () -> assertEquals(4, result.votes(ids.get(0))),
                () -> assertEquals(3, result.votes(ids.get(1))),
                () -> assertEquals(2, result.votes(ids.get(2))),
                () -> assertEquals(5, result.votesCast()),
                () -> assertEquals(List.of(ids.get(0), ids.get(1)), result.elected()));
    }

    @Test
    void refusedPapersAreListedNeverCountedAndAResendCountsOnce() throws Exception {
        Room room = room(4);
        Ballot ballot = approval(room);
        chair.call(() -> lifecycle.open(ballot.getId(), null));
        BallotContext context = context(room, ballot);
        Participant first = room.members().get(0);
        Participant second = room.members().get(1);

        assertRefused("ballot.e2e.paperRequired", () -> delegate.call(() -> casting.cast(ballot.getId(), first.getId(),
                newPaperId(), "YES")), ballot);
        // a paper for "yes" whose first bit proof is another paper's: the proofs bind the paper id
        Paper honest = paper(context, YES);
        Paper other = paper(context, NO);
        Paper forged = new Paper(honest.paperId(), honest.ciphertexts(),
                List.of(other.bitProofs().get(0), honest.bitProofs().get(1), honest.bitProofs().get(2)), honest.totalProof());
        assertRefused("ballot.crypto.paper.bit-proof", () -> cast(ballot, first, forged), ballot);
        JsonObjectBuilder broken = Json.createObjectBuilder(honest.toJson(null));
        broken.add("ciphertexts", Json.createArrayBuilder());
        assertRefused("ballot.crypto.paper.shape", () -> delegate.call(() -> casting.castPaper(ballot.getId(), first.getId(),
                honest.paperId(), broken.build())), ballot);

        String tracker = cast(ballot, first, honest);
        assertEquals(tracker, cast(ballot, first, honest), "the same paper again answers the same tracker");
        assertEquals(1, countRows("ballot_paper", ballot));
        assertRefused("ballot.alreadyVoted", () -> cast(ballot, first, paper(context, NO)), ballot);
        // another voter sending a copy of the first paper's ciphertexts under a new id
        Paper copy = new Paper(newPaperId(), honest.ciphertexts(), honest.bitProofs(), honest.totalProof());
        assertRefusedAny(Set.of("ballot.crypto.paper.bit-proof", "ballot.crypto.paper.replay"), () -> cast(ballot, second, copy), ballot);

        // cast-or-audit: the audited paper is listed, then can never be cast
        PreparedPaper checked = PreparedPaper.make(context, NO, RANDOM);
        endToEnd.audit(ballot.getId(), checked.toJson());
        assertEquals(1, countRows("ballot_audited_paper", ballot));
        assertRefused("ballot.crypto.paper.duplicate-id", () -> cast(ballot, second, checked.paper()), ballot);
        PreparedPaper lying = new PreparedPaper(checked.paper(), checked.tracker(), List.of(1, 0, 0), checked.randomness());
        assertRefusal("ballot.e2e.auditInvalid", () -> endToEnd.audit(ballot.getId(), lying.toJson()));

        assertEquals(4, countRows("ballot_rejected_paper", ballot), "every refused paper listed (bit proof, shape, copy, audited id)");
        assertEquals(1, countRows("participation", ballot));
        cast(ballot, second, paper(context, NO));
        chair.call(() -> lifecycle.close(ballot.getId()));
        decrypt(room, ballot, 2, decryption(room, ballot, 2));
        decrypt(room, ballot, 3, decryption(room, ballot, 3));
        ApprovalResult result = (ApprovalResult) chair.call(() -> ballots.result(ballot.getId()));
        JsonObject record = Json.createReader(new StringReader(endToEndCount.record(ballot.getId()).orElseThrow().getRecord())).readObject();
        assertAll(
                () -> assertEquals(1, result.count(ApprovalChoice.YES)),
                () -> assertEquals(1, result.count(ApprovalChoice.NO), "the audited 'no' is not counted"),
                () -> assertEquals(2, record.getJsonArray("papers").size()),
                () -> assertEquals(1, record.getJsonArray("audited").size()),
                () -> assertEquals(4, record.getJsonArray("rejected").size()));
    }

    @Test
    void aPaperChangedInTheDatabaseStopsTheCloseAndABadDecryptionIsRefused() throws Exception {
        Room room = room(3);
        Ballot ballot = approval(room);
        chair.call(() -> lifecycle.open(ballot.getId(), null));
        BallotContext context = context(room, ballot);
        for (Participant member : room.members()) {
            cast(ballot, member, paper(context, YES));
        }
        // a database writer swaps one paper's first ciphertext for another's: its proofs no longer hold
        List<String> papers = column("SELECT paper FROM ballot_paper WHERE ballot_id = ? ORDER BY tracker", ballot.getId());
        JsonObject a = Json.createReader(new StringReader(papers.get(0))).readObject();
        JsonObject b = Json.createReader(new StringReader(papers.get(1))).readObject();
        var swapped = Json.createArrayBuilder(a.getJsonArray("ciphertexts")).set(0, b.getJsonArray("ciphertexts").get(0));
        String tampered = Json.createObjectBuilder(a).add("ciphertexts", swapped).build().toString();
        execute("UPDATE ballot_paper SET paper = ? WHERE ballot_id = ? AND paper_id = ?", tampered, ballot.getId(), a.getString("paperId"));
        assertRefusal("ballot.e2e.boxTampered", () -> chair.call(() -> lifecycle.close(ballot.getId())));
        execute("UPDATE ballot_paper SET paper = ? WHERE ballot_id = ? AND paper_id = ?", papers.get(0), ballot.getId(), a.getString("paperId"));
        chair.call(() -> lifecycle.close(ballot.getId()));

        JsonObject good = decryption(room, ballot, 1);
        // trustee 2 sends trustee 1's decryption as theirs, then one with a changed share
        JsonObject stolen = Json.createObjectBuilder(good).add("index", 2).build();
        assertRefusal("ballot.e2e.decryptionInvalid", () -> decrypt(room, ballot, 2, stolen));
        JsonObject mine = decryption(room, ballot, 2);
        var shares = Json.createArrayBuilder(mine.getJsonArray("shares"))
                .set(0, Json.createObjectBuilder(mine.getJsonArray("shares").getJsonObject(0))
                        .add("d", good.getJsonArray("shares").getJsonObject(0).getString("d")));
        JsonObject changed = Json.createObjectBuilder(mine).add("shares", shares).build();
        assertRefusal("ballot.e2e.decryptionInvalid", () -> decrypt(room, ballot, 2, changed));
        assertEquals(0, countRows("ballot_decryption", ballot), "nothing stored from a refused decryption");
        // a participant who is no trustee
        assertRefusal("ballot.e2e.notTrustee", () -> delegate.call(() -> count.box(-1L, ballot.getId())));
        assertFalse(decrypt(room, ballot, 1, good));
        assertTrue(decrypt(room, ballot, 2, mine));
        assertEquals(3, ((ApprovalResult) chair.call(() -> ballots.result(ballot.getId()))).count(ApprovalChoice.YES));
    }

    @Test
    void neitherTheDatabaseNorTheServersFilesHoldAnythingThatOpensAPaper() throws Exception {
        Room room = room(3);
        Ballot ballot = approval(room);
        chair.call(() -> lifecycle.open(ballot.getId(), null));
        BallotContext context = context(room, ballot);
        List<PreparedPaper> made = new ArrayList<>();
        for (Participant member : room.members()) {
            PreparedPaper prepared = PreparedPaper.make(context, YES, RANDOM);
            made.add(prepared);
            cast(ballot, member, prepared.paper());
        }
        // the secrets: every trustee's key share, and every paper's randomness
        Set<String> secrets = new HashSet<>();
        room.shares().values().forEach(share -> secrets.add(Codec.hex(share.secret())));
        made.forEach(prepared -> prepared.randomness().forEach(r -> secrets.add(Codec.hex(r))));
        String dump = dumpDatabase();
        assertTrue(dump.contains(made.get(0).paper().paperId()), "the dump holds the box");
        for (String secret : secrets) {
            assertFalse(dump.contains(secret), "a secret in the database");
        }
        Path data = Path.of(System.getProperty("quorum.data.dir", "data"));
        if (Files.isDirectory(data)) {
            try (Stream<Path> files = Files.walk(data)) {
                for (Path file : files.filter(Files::isRegularFile).filter(f -> sizeOf(f) < 10_000_000).toList()) {
                    String text = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                    secrets.forEach(secret -> assertFalse(text.contains(secret), () -> "a secret in " + file));
                }
            }
        }
        // and the joint secret key is no single party's: it is the sum of the trustees' constant terms, which none holds
        BigInteger anyShare = room.shares().get(1).secret();
        assertFalse(room.ceremony().publicKey().equals(app.quorum.ballot.crypto.Group.mulG(anyShare)),
                "one trustee's share is not the key");
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException gone) {
            return Long.MAX_VALUE;
        }
    }

    /** Every row of every table of Quorum's schema, as text. */
    private String dumpDatabase() throws Exception {
        StringBuilder dump = new StringBuilder();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SHOW TABLES")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT * FROM `" + table + "`")) {
                    int columns = rows.getMetaData().getColumnCount();
                    while (rows.next()) {
                        for (int c = 1; c <= columns; c++) {
                            Object value = rows.getObject(c);
                            dump.append(value instanceof byte[] bytes ? java.util.HexFormat.of().formatHex(bytes) : value).append('\t');
                        }
                        dump.append('\n');
                    }
                }
            }
        }
        return dump.toString();
    }

    private void assertRefused(String key, Callable<?> attempt, Ballot ballot) throws Exception {
        assertRefusedAny(Set.of(key), attempt, ballot);
    }

    private void assertRefusedAny(Set<String> keys, Callable<?> attempt, Ballot ballot) throws Exception {
        long papers = countRows("ballot_paper", ballot);
        long participations = countRows("participation", ballot);
        Exception thrown = assertThrows(Exception.class, attempt::call);
        assertNotNull(refusal(thrown), () -> "not a refusal: " + thrown);
        assertTrue(keys.contains(refusal(thrown).key()), () -> refusal(thrown).key() + " is not one of " + keys);
        assertEquals(papers, countRows("ballot_paper", ballot), "papers after a refused paper");
        assertEquals(participations, countRows("participation", ballot), "participations after a refused paper");
    }

    private static void assertRefusal(String key, Callable<?> attempt) {
        Exception thrown = assertThrows(Exception.class, attempt::call);
        assertNotNull(refusal(thrown), () -> "not a refusal: " + thrown);
        assertEquals(key, refusal(thrown).key());
    }

    private static Refusal refusal(Throwable thrown) {
        for (Throwable cause = thrown; cause != null; cause = cause.getCause()) {
            if (cause instanceof Refusal refusal) {
                return refusal;
            }
        }
        return null;
    }

    private long countRows(String table, Ballot ballot) throws Exception {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE ballot_id = ?")) {
            query.setLong(1, ballot.getId());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private List<String> column(String sql, long ballotId) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(sql)) {
            query.setLong(1, ballotId);
            List<String> values = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private void execute(String sql, Object... parameters) throws Exception {
        try (Connection connection = dataSource.getConnection(); PreparedStatement update = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                update.setObject(i + 1, parameters[i]);
            }
            update.executeUpdate();
        }
    }
}
