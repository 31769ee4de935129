package app.quorum.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import app.quorum.ballot.crypto.Codec;
import app.quorum.ballot.crypto.Fixtures;
import app.quorum.ballot.crypto.Group;
import app.quorum.ballot.crypto.RecordFile;

/**
 * A tampered record fails at the check that names what was changed (issue 14, election-record.md §7): one
 * ciphertext, one proof, one partial decryption, one count — and every other part the verifier checks. Each case
 * changes one thing in a valid record (the election fixture: 6 papers, an audited and two rejected papers, three
 * trustees answering) and expects the first failing check's name and a word of its finding.
 */
class VerifierTamperingTest {

    private static final JsonObject ELECTION = Fixtures.election().toJson();
    private static final JsonObject APPROVAL = Fixtures.approvalNine().toJson();

    static Stream<Arguments> tamperings() {
        return Stream.of(
                Arguments.of("a ciphertext's α", nextPoint("/papers/3/ciphertexts/1/alpha"), "paper proofs",
                        "paper 4 (tracker"),
                Arguments.of("a ciphertext's β", nextPoint("/papers/0/ciphertexts/4/beta"), "paper proofs",
                        "option 4"),
                Arguments.of("a bit proof's response", nextScalar("/papers/2/bitProofs/0/s/1"), "paper proofs",
                        "bit proof of option 0"),
                Arguments.of("a total proof's challenge", nextScalar("/papers/5/totalProof/c/2"), "paper proofs",
                        "total proof"),
                Arguments.of("a partial decryption", nextPoint("/decryptions/0/shares/1/d"), "decryption proofs",
                        "trustee 1, option 1"),
                Arguments.of("a partial decryption's proof", nextScalar("/decryptions/2/shares/4/proof/s"),
                        "decryption proofs", "trustee 3, option 4"),
                Arguments.of("a count", set("/result/counts/0", Json.createValue(5)), "counts", "option 0"),
                Arguments.of("two counts swapped", swap("/result/counts/1", "/result/counts/2"), "counts", "option 1"),
                Arguments.of("a verification key", copy("/ceremony/trustees/2/verificationKey",
                        "/ceremony/trustees/1/verificationKey"), "trustee proofs", "trustee 2"),
                Arguments.of("a commitment", nextPoint("/ceremony/trustees/0/commitments/1"), "verification keys",
                        "trustee 1"),
                Arguments.of("the public key", nextPoint("/ceremony/publicKey"), "public key", "sum"),
                Arguments.of("the ceremony's threshold", set("/ceremony/threshold", Json.createValue(1)),
                        "ceremony context", "ceremony.context"),
                Arguments.of("the question", set("/ballot/question", Json.createValue("Bầu Ban thư ký")),
                        "ballot context", "ballot.context"),
                Arguments.of("an option's code", swap("/ballot/options/0/code", "/ballot/options/1/code"),
                        "ballot context", "ballot.context"),
                Arguments.of("a paper left out", remove("/papers/2"), "aggregate", "option 0"),
                Arguments.of("a paper listed twice", duplicate("/papers/1", "/papers/2"), "paper order and uniqueness",
                        "paper 3"),
                Arguments.of("a tracker", swap("/papers/0/tracker", "/papers/1/tracker"), "paper trackers", "paper 1"),
                Arguments.of("an audited paper's randomness", nextScalar("/audited/0/randomness/2"), "audited papers",
                        "option 2"),
                Arguments.of("an audited paper's choice", set("/audited/0/choices/2", Json.createValue(0)),
                        "audited papers", "option 2"),
                Arguments.of("a rejected paper's tracker", copy("/papers/0/tracker", "/rejected/0/tracker"),
                        "rejected papers not counted", "rejected paper 1"),
                Arguments.of("the number of papers", set("/result/papers", Json.createValue(7)), "number of papers",
                        "7"),
                Arguments.of("the trustees combined", set("/result/trustees",
                        Json.createArrayBuilder().add(2).add(3).build()), "trustees who decrypted", "first t"),
                Arguments.of("the fingerprint", set("/fingerprint", Json.createValue("0".repeat(64))), "fingerprint",
                        "record.fingerprint"),
                Arguments.of("an upper-case point", upper("/papers/1/ciphertexts/0/alpha"), "paper encodings",
                        "paper 2.ciphertexts[0].alpha"),
                Arguments.of("the group's generator", nextPoint("/group/generator"), "format and group", "generator"),
                Arguments.of("a bit proof's commitment", nextPoint("/papers/2/bitProofs/1/a/0"), "paper proofs",
                        "bit proof of option 1"),
                Arguments.of("a total proof's commitment", nextPoint("/papers/4/totalProof/b/2"), "paper proofs",
                        "total proof"),
                Arguments.of("a Schnorr proof's commitment", nextPoint("/ceremony/trustees/1/commitmentProof/a"),
                        "trustee proofs", "trustee 2: commitmentProof"),
                Arguments.of("a decryption proof's commitment", nextPoint("/decryptions/1/shares/0/proof/b"),
                        "decryption proofs", "trustee 2, option 0"),
                Arguments.of("a meeting id of 0", set("/meeting/id", Json.createValue(0)), "ceremony context",
                        "meeting.id"),
                Arguments.of("a ballot id beyond 2^53 − 1", set("/ballot/id", Json.createValue(1L << 53)),
                        "format and group", "9007199254740992"),
                Arguments.of("a trustee index of 0", set("/result/trustees/0", Json.createValue(0)),
                        "trustees who decrypted", "result.trustees[0]"),
                Arguments.of("an election marking at most 0", set("/ballot/max", Json.createValue(0)),
                        "ballot context", "an election has"),
                Arguments.of("a rejected paper's reason", set("/rejected/0/reason", Json.createValue("invalid")),
                        "rejected papers not counted", "reason"),
                Arguments.of("an audited paper left out", remove("/audited/0"), "fingerprint", "audited"),
                Arguments.of("a rejected paper left out", remove("/rejected/1"), "fingerprint", "rejected"),
                Arguments.of("a decryption left out", remove("/decryptions/2"), "fingerprint", "decryptions"));
    }

    static Stream<Arguments> writtenNumbers() {
        return Stream.of(Arguments.of("\"threshold\": 2,", "\"threshold\": 2.0,", "2.0"),
                Arguments.of("\"n\": 3,", "\"n\": 3e0,", "3e0"),
                Arguments.of("\"min\": 0,", "\"min\": -0,", "-0"));
    }

    @ParameterizedTest(name = "{0} written {1}")
    @MethodSource("writtenNumbers")
    void aNumberNotWrittenAsDigitsFailsAtTheFormat(String as, String written, String found) {
        String text = RecordFile.text(ELECTION);
        assertTrue(text.contains(as));
        Report report = Verify.verify(text.replaceFirst(java.util.regex.Pattern.quote(as), written), null);
        assertEquals("format and group", report.failures().get(0), () -> report.checks().toString());
        assertTrue(report.checks().get(0).found().contains(found), () -> report.checks().get(0).found());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tamperings")
    void aChangeFailsAtTheCheckThatNamesIt(String change, UnaryOperator<JsonObject> tamper, String check, String found) {
        Report report = Verify.verify(RecordFile.text(tamper.apply(ELECTION)), null);
        assertFalse(report.allPassed(), change + " went unnoticed");
        assertEquals(check, report.failures().get(0), () -> change + ": " + report.checks());
        Report.Check failed = report.checks().stream().filter(c -> c.name().equals(check)).findFirst().orElseThrow();
        assertTrue(failed.found().contains(found), () -> change + ": " + failed.found());
    }

    @Test
    void aCountChangedInTheApprovalRecordFailsAtCountsAndFingerprint() {
        JsonObject tampered = set("/result/counts/0", Json.createValue(8)).apply(APPROVAL);
        Report report = Verify.verify(RecordFile.text(tampered), null);
        assertEquals(List.of("counts", "fingerprint"), report.failures());
    }

    @Test
    void tooFewTrusteesFailsAtTheTrustees() {
        JsonObject tampered = remove("/decryptions/1").apply(APPROVAL);
        Report report = Verify.verify(RecordFile.text(tampered), null);
        assertEquals("trustees who decrypted", report.failures().get(0));
        assertTrue(report.checks().stream().anyMatch(c -> c.found().contains("fewer than t = 2")));
    }

    @Test
    void theCommandExitsWith1AndNamesTheFailingCheck() throws Exception {
        Path file = Files.createTempFile(Path.of("target"), "tampered", ".json");
        Files.writeString(file, RecordFile.text(nextScalar("/papers/2/bitProofs/0/s/1").apply(ELECTION)));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        int status = Verify.run(file.toString(), new PrintStream(printed, true, StandardCharsets.UTF_8));
        String output = printed.toString(StandardCharsets.UTF_8);
        assertEquals(1, status, output);
        assertTrue(output.contains("FAIL  paper proofs — paper 3"), output);
        assertTrue(output.contains("PASS  paper trackers"), output);
        assertTrue(output.contains("NOT VERIFIED: failed paper proofs"), output);
        Files.delete(file);
    }

    @Test
    void aDuplicateKeyMakesTheRecordUnreadable() throws Exception {
        String text = RecordFile.text(ELECTION).replaceFirst("\"fingerprint\"", "\"fingerprint\": \"x\", \"fingerprint\"");
        Path file = Files.createTempFile(Path.of("target"), "duplicate", ".json");
        Files.writeString(file, text);
        assertEquals(2, Verify.run(file.toString(), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)));
        Files.delete(file);
    }

    // ---- one change each, through JSON Pointers (RFC 6901)

    private static UnaryOperator<JsonObject> set(String pointer, JsonValue value) {
        return json -> Json.createPointer(pointer).replace(json, value);
    }

    private static JsonValue at(JsonObject json, String pointer) {
        return Json.createPointer(pointer).getValue(json);
    }

    /** The point moved by G: still a valid point, another value. */
    private static UnaryOperator<JsonObject> nextPoint(String pointer) {
        return json -> set(pointer, Json.createValue(Codec.hex(
                Codec.point(((jakarta.json.JsonString) at(json, pointer)).getString()).add(Group.G).normalize())))
                .apply(json);
    }

    /** The scalar plus one, mod q. */
    private static UnaryOperator<JsonObject> nextScalar(String pointer) {
        return json -> set(pointer, Json.createValue(Codec.hex(Codec.scalar(((jakarta.json.JsonString) at(json,
                pointer)).getString()).add(BigInteger.ONE).mod(Group.Q)))).apply(json);
    }

    private static UnaryOperator<JsonObject> upper(String pointer) {
        return json -> set(pointer, Json.createValue(((jakarta.json.JsonString) at(json, pointer)).getString()
                .toUpperCase())).apply(json);
    }

    private static UnaryOperator<JsonObject> copy(String from, String to) {
        return json -> set(to, at(json, from)).apply(json);
    }

    private static UnaryOperator<JsonObject> swap(String a, String b) {
        return json -> set(b, at(json, a)).apply(set(a, at(json, b)).apply(json));
    }

    private static UnaryOperator<JsonObject> remove(String pointer) {
        return json -> Json.createPointer(pointer).remove(json);
    }

    private static UnaryOperator<JsonObject> duplicate(String from, String before) {
        return json -> Json.createPointer(before).add(json, at(json, from));
    }
}
