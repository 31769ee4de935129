package app.quorum.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import app.quorum.ballot.crypto.Fixtures;
import app.quorum.ballot.crypto.RecordFile;

/**
 * The verifier passes the fixture records: generated now, the copies committed for the JavaScript verifier, and the
 * JavaScript side's records (src/test/resources/crypto/js-*.json, made by src/test/js/generate-fixtures.mjs) — so the
 * two implementations are cross-checked in both directions (NodeSuitesIT runs the JavaScript verifier on the Java
 * side's).
 */
class VerifierFixturesTest {

    @Test
    void theGeneratedRecordsVerify() {
        for (String record : new String[] {RecordFile.text(Fixtures.approvalNine().toJson()),
            RecordFile.text(Fixtures.election().toJson())}) {
            Report report = Verify.verify(record, null);
            assertEquals(java.util.List.of(), report.failures(), () -> report.checks().toString());
            assertEquals(19, report.checks().size());
        }
    }

    @Test
    void theJavaScriptSidesRecordsVerify() {
        for (String name : new String[] {"js-approval-9.json", "js-election.json"}) {
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            int status = Verify.run(Path.of("src/test/resources/crypto", name).toString(),
                    new PrintStream(printed, true, StandardCharsets.UTF_8));
            String output = printed.toString(StandardCharsets.UTF_8);
            assertEquals(0, status, output);
            assertTrue(output.contains("VERIFIED: all 19 checks pass"), output);
            assertTrue(output.contains("paper proofs — "), output);
        }
    }

    @Test
    void theCommittedFixturesVerifyAndAreTheGeneratorsOutput() throws Exception {
        for (String name : new String[] {"java-approval-9.json", "java-election.json"}) {
            Path committed = Path.of("src/test/resources/crypto", name);
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            int status = Verify.run(committed.toString(), new PrintStream(printed, true, StandardCharsets.UTF_8));
            String output = printed.toString(StandardCharsets.UTF_8);
            assertEquals(0, status, output);
            assertTrue(output.contains("VERIFIED: all 19 checks pass"), output);
            String regenerated = RecordFile.text((name.contains("approval") ? Fixtures.approvalNine()
                    : Fixtures.election()).toJson());
            assertEquals(regenerated, Files.readString(committed, StandardCharsets.UTF_8),
                    name + " is not what Fixtures makes now: run Fixtures.main and copy it");
        }
    }
}
