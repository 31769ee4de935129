package app.quorum.results;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.ballot.entity.BoxFingerprint;
import app.quorum.ballot.crypto.Receipts;
import app.quorum.roster.control.CardCodes;
import app.quorum.testing.Browsers;
import app.quorum.testing.Deployments;
import app.quorum.testing.TestEnvironment;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.json.Json;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Publishing and open data against the whole WAR (container "web"): the open-data API's contract (shapes, ISO dates,
 * 404 JSON for anything unpublished or not public, no private field anywhere), the fingerprint recomputed from the
 * published receipts, the OpenAPI document, the exports (a byte order mark, nothing a spreadsheet executes, counts in
 * the XLSX), and in Chromium the secretary publishing a closed result and correcting it.
 *
 * <p>The meetings and ballots are written over JDBC, as the counting leaves them: a ballot closed with its papers
 * (random 128-bit ids, plain choices) and the fingerprint computed with {@link BoxFingerprint}, then — for the
 * published ones — marked published in the same update, as {@code Publication.publish} does.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenDataIT {

    static final String DAK_GAN = "Đề nghị xét công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023";
    static final String FORMULA_QUESTION = "=HYPERLINK(\"http://evil.example\",\"Thông qua kế hoạch năm 2024\")";
    static final String FORMULA_LABEL = "=1+1 Đồng ý";
    static final String CORRECTION = "Đính chính: Hội nghị kết thúc lúc 11 giờ 30.";
    /** What must never be found in an answer of the open-data API. */
    static final Set<String> PRIVATE_FIELDS = Set.of("code", "cardCode", "email", "phone", "contact", "publishedBy",
            "participantId");
    static final String EMAIL = "thanhvien@dakmil.gov.vn";
    static final String PHONE = "0912 000 111";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @Deployment(testable = false)
    @TargetsContainer("web")
    static WebArchive war() {
        return Deployments.built();
    }

    @ArquillianResource
    URL deployed;

    /** A ballot as written: its id, its papers (receipt, choice) and the fingerprint they hash to. */
    record Written(long id, List<BoxFingerprint.Paper> papers, String fingerprint) {
    }

    /**
     * A public meeting with two published results (the Đắk Gằn ballot, secret, 9 of 9 in favour, with a correction;
     * an open roll-call ballot whose question and a label a spreadsheet would execute), one closed and unpublished
     * ballot, one more closed for the secretary to publish in the browser; and a meeting that is not public with a
     * published result.
     */
    record Data(long publicMeeting, long privateMeeting, Written dakGan, Written rollCall, Written closed, Written toPublish,
            Written privatePublished, Written abstentionsLeftOut) {
    }

    private static Data data;

    static synchronized Data data() throws Exception {
        if (data == null) {
            try (Connection db = database()) {
                long open = meeting(db, "Họp Ban Chỉ đạo Chương trình MTQG xây dựng nông thôn mới huyện Đắk Mil", true);
                long item1 = item(db, open, 1, "Khai mạc", "Văn phòng HĐND và UBND huyện");
                long item2 = item(db, open, 2, "Bỏ phiếu đề nghị công nhận xã Đắk Gằn đạt chuẩn nông thôn mới", null);
                List<Long> members = members(db, open, 9);
                Written dakGan = ballot(db, open, item2, DAK_GAN, "SECRET", "Đồng ý", repeat("YES", 9), members, true);
                correction(db, dakGan.id(), CORRECTION);
                Written rollCall = ballot(db, open, item1, FORMULA_QUESTION, "OPEN", FORMULA_LABEL,
                        List.of("YES", "YES", "YES", "NO", "ABSTAIN"), members, true);
                Written closed = ballot(db, open, null, "Thông qua chương trình công tác năm 2024", "SECRET", "Đồng ý",
                        List.of("YES", "YES", "YES", "YES", "NO"), members, false);
                Written toPublish = ballot(db, open, null, "Thông qua quy chế làm việc của Ban Chỉ đạo", "SECRET", "Đồng ý",
                        List.of("YES", "YES", "YES", "YES", "YES", "YES", "NO"), members, false);
                long hidden = meeting(db, "Họp nội bộ Văn phòng HĐND và UBND huyện", false);
                Written privatePublished = ballot(db, hidden, null, "Thông qua lịch trực Tết", "SECRET", "Đồng ý",
                        List.of("YES", "YES", "YES"), members(db, hidden, 3), true);
                // a simple majority of the votes cast, abstentions left out of the base: 6 yes, 2 no, 1 abstention
                long simple = meeting(db, "Họp Ban Chỉ đạo: thông qua kế hoạch năm 2024", true);
                Written abstentionsLeftOut = ballot(db, simple, null, "Thông qua kế hoạch xây dựng nông thôn mới năm 2024", "SECRET",
                        "Đồng ý", List.of("YES", "YES", "YES", "YES", "YES", "YES", "NO", "NO", "ABSTAIN"), members(db, simple, 9), true,
                        "SIMPLE", "VOTES_CAST", false);
                data = new Data(open, hidden, dakGan, rollCall, closed, toPublish, privatePublished, abstentionsLeftOut);
            }
        }
        return data;
    }

    // ---------------------------------------------------------------- the API's contract

    @Test
    void theMeetingsListHoldsThePublicMeetingsWithLocalTimesAndTheirOffset() throws Exception {
        Data d = data();
        HttpResponse<String> answer = get("api/meetings");
        assertEquals(200, answer.statusCode(), answer::body);
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        List<Map<String, Object>> meetings = list(answer.body());
        Map<String, Object> open = meetings.stream().filter(m -> number(m.get("id")) == d.publicMeeting()).findFirst()
                .orElseThrow(() -> new AssertionError("the public meeting is not listed: " + answer.body()));
        assertEquals(Set.of("id", "title", "organiser", "venue", "startsAt", "endsAt", "timeZone", "status"), open.keySet());
        assertEquals("2024-01-19T07:30:00+07:00", open.get("startsAt"), "local time with its offset, ISO 8601");
        assertEquals("Asia/Ho_Chi_Minh", open.get("timeZone"));
        assertTrue(meetings.stream().noneMatch(m -> number(m.get("id")) == d.privateMeeting()), "a meeting that is not public is not listed");
    }

    @Test
    void aPublicMeetingComesWithItsAgendaAndOneThatIsNotPublicIsA404() throws Exception {
        Data d = data();
        HttpResponse<String> answer = get("api/meetings/" + d.publicMeeting());
        assertEquals(200, answer.statusCode(), answer::body);
        Map<String, Object> meeting = map(answer.body());
        assertEquals(Set.of("id", "title", "organiser", "venue", "description", "startsAt", "endsAt", "timeZone", "status",
                "currentItemNumber", "agenda"), meeting.keySet());
        List<Map<String, Object>> agenda = list(meeting.get("agenda"));
        assertEquals(2, agenda.size());
        assertEquals(Map.of("number", 1L, "title", "Khai mạc", "presenter", "Văn phòng HĐND và UBND huyện"), agenda.get(0));
        assertNull(agenda.get(1).get("presenter"), "an absent value is null, not left out");
        assertTrue(agenda.get(1).containsKey("presenter"));

        assertNotFound(get("api/meetings/" + d.privateMeeting()));
        assertNotFound(get("api/meetings/" + d.privateMeeting() + "/results"));
        assertNotFound(get("api/meetings/999999999"));
        assertNotFound(get("api/meetings/abc"));
    }

    @Test
    void anAddressTheApiDoesNotHaveOrAMethodItDoesNotTakeIsAnsweredInJsonInTheCallersLanguage() throws Exception {
        for (String path : List.of("api/nothing-here", "api/meetings/1/nothing-here", "api/ballots")) {
            HttpResponse<String> answer = get(path);
            assertEquals(404, answer.statusCode(), () -> path + ": " + answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), () -> path + ": " + answer.headers().map());
            Map<String, Object> error = map(answer.body());
            assertEquals("api.notFound", error.get("error"), path);
            assertEquals("API của Quorum không có địa chỉ này: xem các địa chỉ tại /openapi.", error.get("message"));
        }
        HttpResponse<String> english = get("api/nothing-here", "quorum-lang=en");
        assertEquals("There is no such address in Quorum's API: see /openapi for the addresses it has.", map(english.body()).get("message"));

        HttpResponse<String> deleted = HTTP.send(HttpRequest.newBuilder(app("api/meetings")).timeout(Duration.ofSeconds(20)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, deleted.statusCode(), deleted::body);
        assertEquals("api.methodNotAllowed", map(deleted.body()).get("error"));
        assertTrue(deleted.headers().firstValue("Allow").orElse("").contains("GET"), () -> deleted.headers().map().toString());
    }

    @Test
    void aPublishedResultHasItsCountsRuleOutcomeTurnoutFingerprintAndCorrection() throws Exception {
        Data d = data();
        HttpResponse<String> answer = get("api/ballots/" + d.dakGan().id() + "/result");
        assertEquals(200, answer.statusCode(), answer::body);
        assertEquals("public, max-age=10", answer.headers().firstValue("Cache-Control").orElse(null));
        Map<String, Object> result = map(answer.body());
        assertEquals(new TreeSet<>(List.of("ballotId", "meetingId", "itemNumber", "itemTitle", "question", "kind", "secrecy",
                "rule", "base", "abstentionsInBase", "percentage", "seats", "choices", "blankPapers", "blankPercent", "blankPercentOfBase", "votesCast", "baseCount",
                "thresholdVotes", "outcome", "elected", "tied", "voted", "present", "votingMembers", "fingerprint", "endToEnd", "openedAt",
                "closedAt", "publishedAt", "rollCall", "corrections")), new TreeSet<>(result.keySet()));
        assertEquals(Boolean.FALSE, result.get("endToEnd"), "a ballot sealed by the server is not end-to-end");
        List<Map<String, Object>> choices = list(result.get("choices"));
        assertEquals(Set.of("choice", "label", "votes", "percent", "percentOfBase", "elected"), choices.get(0).keySet());
        Pattern instant = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertAll(
                () -> assertEquals(DAK_GAN, result.get("question")),
                () -> assertEquals(2L, result.get("itemNumber")),
                () -> assertEquals("APPROVAL", result.get("kind")),
                () -> assertEquals("SECRET", result.get("secrecy")),
                () -> assertEquals("YES", choices.get(0).get("choice")),
                () -> assertEquals("Đồng ý", choices.get(0).get("label")),
                () -> assertEquals(9L, choices.get(0).get("votes")),
                () -> assertEquals(100.0, ((Number) choices.get(0).get("percent")).doubleValue()),
                () -> assertEquals(0L, choices.get(1).get("votes")),
                () -> assertEquals(9L, result.get("votesCast")),
                () -> assertEquals("PRESENT", result.get("base")),
                () -> assertEquals(9L, result.get("baseCount")),
                () -> assertEquals(5L, result.get("thresholdVotes"), "more than half of 9"),
                () -> assertEquals("PASSED", result.get("outcome")),
                () -> assertEquals(9L, result.get("voted")),
                () -> assertEquals(9L, result.get("present")),
                () -> assertEquals(9L, result.get("votingMembers")),
                () -> assertEquals(d.dakGan().fingerprint(), result.get("fingerprint")),
                () -> assertTrue(instant.matcher((String) result.get("publishedAt")).matches(), "ISO 8601 in UTC: " + result.get("publishedAt")),
                () -> assertTrue(instant.matcher((String) result.get("closedAt")).matches(), "ISO 8601 in UTC: " + result.get("closedAt")),
                () -> assertEquals(List.of(), result.get("rollCall"), "a secret ballot has no roll-call"),
                () -> assertEquals(CORRECTION, list(result.get("corrections")).get(0).get("statement")),
                () -> assertEquals(Set.of("statement", "publishedAt"), list(result.get("corrections")).get(0).keySet()));

        Map<String, Object> rollCall = map(get("api/ballots/" + d.rollCall().id() + "/result").body());
        List<Map<String, Object>> lines = list(rollCall.get("rollCall"));
        assertEquals(5, lines.size(), "an open ballot's roll-call");
        assertEquals(Set.of("name", "choice", "labels"), lines.get(0).keySet());

        List<Map<String, Object>> ofMeeting = list(get("api/meetings/" + d.publicMeeting() + "/results").body());
        List<Long> ids = ofMeeting.stream().map(r -> number(r.get("ballotId"))).toList();
        assertTrue(ids.containsAll(List.of(d.dakGan().id(), d.rollCall().id())), "both published results: " + ids);
        assertFalse(ids.contains(d.closed().id()), "a closed, unpublished ballot is not among the results: " + ids);
    }

    /**
     * Abstentions left out of a base of votes cast: the abstention has no share of the base (null, not 12.5 % of a base
     * it is not part of), the shares of the base add up to 100 %, and the CSV leaves its cell empty.
     */
    @Test
    void aChoiceThatIsNotPartOfTheBaseHasNoShareOfIt() throws Exception {
        Data d = data();
        Map<String, Object> result = map(get("api/ballots/" + d.abstentionsLeftOut().id() + "/result").body());
        assertEquals(8L, result.get("baseCount"), "6 in favour and 2 against");
        assertEquals(false, result.get("abstentionsInBase"));
        List<Map<String, Object>> choices = list(result.get("choices"));
        Map<String, Object> abstain = choices.stream().filter(c -> "ABSTAIN".equals(c.get("choice"))).findFirst().orElseThrow();
        assertTrue(abstain.containsKey("percentOfBase"), "a share that is not there is null, not left out");
        assertNull(abstain.get("percentOfBase"), "the abstention's share of a base it is not part of: " + abstain);
        assertEquals(11.1, ((Number) abstain.get("percent")).doubleValue(), "of the votes cast it has its share");
        assertEquals(List.of(75.0, 25.0), choices.stream().filter(c -> c.get("percentOfBase") != null)
                .map(c -> ((Number) c.get("percentOfBase")).doubleValue()).toList());
        assertEquals(100.0, choices.stream().filter(c -> c.get("percentOfBase") != null)
                .mapToDouble(c -> ((Number) c.get("percentOfBase")).doubleValue()).sum(), 1e-9, "the shares of the base add up to 100");
        assertNull(result.get("blankPercentOfBase"), "an approval has no blank papers in its base");

        HttpResponse<byte[]> csv = bytes(app("api/ballots/" + d.abstentionsLeftOut().id() + "/result.csv"));
        List<String> lines = List.of(new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertEquals("Không biểu quyết,ABSTAIN,1,11.1,", lines.get(3), lines::toString);
    }

    @Test
    void nothingUnpublishedOrOfAMeetingThatIsNotPublicIsEverServed() throws Exception {
        Data d = data();
        for (long ballot : List.of(d.closed().id(), d.privatePublished().id(), 999_999_999L)) {
            for (String what : List.of("result", "receipts", "result.csv", "result.xlsx", "receipts.csv", "receipts.xlsx")) {
                assertNotFound(get("api/ballots/" + ballot + "/" + what));
            }
        }
        assertNotFound(get("api/ballots/abc/result"));
        HttpResponse<String> english = get("api/ballots/" + d.closed().id() + "/result", "quorum-lang=en");
        assertEquals("No published result was found.", map(english.body()).get("message"));
    }

    @Test
    void theFingerprintRecomputedFromThePublishedReceiptsIsThePublishedOne() throws Exception {
        Data d = data();
        Map<String, Object> receipts = map(get("api/ballots/" + d.rollCall().id() + "/receipts").body());
        assertEquals(Set.of("ballotId", "fingerprint", "canonicalForm", "papers"), receipts.keySet());
        List<Map<String, Object>> papers = list(receipts.get("papers"));
        assertEquals(Set.of("receipt", "choice", "labels"), papers.get(0).keySet());
        List<BoxFingerprint.Paper> listed = papers.stream()
                .map(p -> new BoxFingerprint.Paper((String) p.get("receipt"), (String) p.get("choice"))).toList();
        assertEquals(d.rollCall().fingerprint(), receipts.get("fingerprint"));
        assertEquals(d.rollCall().fingerprint(), BoxFingerprint.of(listed), "recomputed from the listed papers");
        byte[] canonical = ((String) receipts.get("canonicalForm")).getBytes(StandardCharsets.UTF_8);
        assertEquals(d.rollCall().fingerprint(), HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical)),
                "sha256sum of the canonical form");
        assertEquals(d.rollCall().papers().stream().map(BoxFingerprint.Paper::receipt).sorted().toList(),
                listed.stream().map(BoxFingerprint.Paper::receipt).toList(), "every paper, in receipt order");
    }

    @Test
    void noAnswerOfTheApiCarriesAPrivateField() throws Exception {
        Data d = data();
        List<String> paths = List.of("api/meetings", "api/meetings/" + d.publicMeeting(), "api/meetings/" + d.publicMeeting() + "/results",
                "api/ballots/" + d.dakGan().id() + "/result", "api/ballots/" + d.rollCall().id() + "/result",
                "api/ballots/" + d.rollCall().id() + "/receipts",
                "api/receipts/" + d.rollCall().papers().get(0).receipt() + "?meeting=" + d.publicMeeting());
        for (String path : paths) {
            HttpResponse<String> answer = get(path);
            assertEquals(200, answer.statusCode(), () -> path + ": " + answer.body());
            Set<String> keys = new TreeSet<>();
            keysOf(new Json().toType(answer.body(), Object.class), keys);
            Set<String> leaked = new TreeSet<>(keys);
            leaked.retainAll(PRIVATE_FIELDS);
            assertEquals(Set.of(), leaked, path + " has private fields: " + answer.body());
            assertFalse(answer.body().contains("thuky"), path + " names a staff account");
            assertFalse(answer.body().contains(EMAIL) || answer.body().contains(PHONE), path + " shows a contact");
        }
    }

    @Test
    void aReceiptIsFoundAmongThePublishedPapersOfItsMeeting() throws Exception {
        Data d = data();
        BoxFingerprint.Paper paper = d.rollCall().papers().get(0);
        HttpResponse<String> answer = get("api/receipts/" + paper.receipt().toLowerCase(Locale.ROOT) + "?meeting=" + d.publicMeeting());
        assertEquals(200, answer.statusCode(), answer::body);
        Map<String, Object> lookup = map(answer.body());
        assertEquals(paper.receipt(), lookup.get("receipt"));
        Map<String, Object> found = list(lookup.get("found")).get(0);
        assertEquals(d.rollCall().id(), number(found.get("ballotId")));
        assertEquals(paper.choice(), found.get("choice"));

        HttpResponse<String> unknown = get("api/receipts/0000-0000-0000-0000?meeting=" + d.publicMeeting());
        assertEquals(404, unknown.statusCode());
        assertEquals("results.receipt.notFound", map(unknown.body()).get("error"));
        HttpResponse<String> unpublished = get("api/receipts/" + d.closed().papers().get(0).receipt() + "?meeting=" + d.publicMeeting());
        assertEquals(404, unpublished.statusCode(), "a paper of an unpublished ballot is not found");
        HttpResponse<String> noMeeting = get("api/receipts/" + paper.receipt());
        assertEquals(400, noMeeting.statusCode());
        assertEquals("results.receipt.meetingRequired", map(noMeeting.body()).get("error"));
        HttpResponse<String> malformed = get("api/receipts/not-a-receipt?meeting=" + d.publicMeeting());
        assertEquals(400, malformed.statusCode());
        assertEquals("results.receipt.malformed", map(malformed.body()).get("error"));
        assertNotFound(get("api/receipts/" + d.privatePublished().papers().get(0).receipt() + "?meeting=" + d.privateMeeting()));
    }

    @Test
    void theOpenApiDocumentDescribesTheOpenDataApi() throws Exception {
        // Payara builds the document at the first request: 20-40 s on two cores under a load average of 20 (measured)
        HttpResponse<String> document = HTTP.send(HttpRequest.newBuilder(server("/openapi")).timeout(Duration.ofSeconds(120)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, document.statusCode());
        for (String expected : List.of("Quorum open data", "/api/meetings", "/api/meetings/{id}/results", "/api/ballots/{id}/result",
                "/api/ballots/{id}/receipts", "/api/receipts/{receipt}", "canonicalForm", "fingerprint")) {
            assertTrue(document.body().contains(expected), () -> "/openapi does not mention " + expected);
        }
    }

    // ---------------------------------------------------------------- exports

    @Test
    void aPublishedResultDownloadsAsCsvAndXlsxWithNothingASpreadsheetWouldExecute() throws Exception {
        Data d = data();
        HttpResponse<byte[]> csv = bytes(app("api/ballots/" + d.rollCall().id() + "/result.csv"));
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        assertTrue(csv.headers().firstValue("Content-Disposition").orElse("").contains("ket-qua-bieu-quyet-" + d.rollCall().id() + ".csv"));
        assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, Arrays.copyOf(csv.body(), 3), "a byte order mark");
        List<String> lines = List.of(new String(csv.body(), 3, csv.body().length - 3, StandardCharsets.UTF_8).split("\r\n"));
        assertEquals("'" + FORMULA_LABEL + ",YES,3,60.0,33.3", lines.get(1), "the label neutralised, the counts as published");
        assertTrue(lines.stream().anyMatch(line -> line.contains(",\"'=HYPERLINK(")), "the question neutralised: " + lines);
        assertTrue(lines.stream().noneMatch(line -> line.startsWith("=") || line.contains(",=") || line.contains(",\"=")), lines::toString);

        HttpResponse<byte[]> receipts = bytes(app("api/ballots/" + d.rollCall().id() + "/receipts.csv"));
        List<String> receiptLines = List.of(new String(receipts.body(), StandardCharsets.UTF_8).substring(1).split("\r\n"));
        assertEquals(1 + d.rollCall().papers().size(), receiptLines.size());
        assertEquals("Biên nhận,Mã lựa chọn,Lựa chọn", receiptLines.get(0));

        HttpResponse<byte[]> xlsx = bytes(app("api/ballots/" + d.dakGan().id() + "/result.xlsx"));
        assertEquals(200, xlsx.statusCode());
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            Row yes = sheet.getRow(1);
            assertEquals("Đồng ý", yes.getCell(0).getStringCellValue());
            assertEquals(CellType.NUMERIC, yes.getCell(2).getCellType());
            assertEquals(9, yes.getCell(2).getNumericCellValue());
            assertEquals(100.0, yes.getCell(3).getNumericCellValue());
            assertEquals(0, sheet.getRow(2).getCell(2).getNumericCellValue());
        }
    }

    // ---------------------------------------------------------------- in the browser

    @Test
    void theSecretaryPublishesAClosedResultAfterConfirmingAndCorrectsIt() throws Exception {
        Data d = data();
        long ballot = d.toPublish().id();
        assertNotFound(get("api/ballots/" + ballot + "/result"));

        WebDriver secretary = Browsers.open(1280, 1000);
        signIn(secretary, "thuky");
        secretary.get(app("secretary/results.xhtml?id=" + d.publicMeeting()).toString());
        By section = By.id("ballot-" + ballot);
        until(secretary).until(ExpectedConditions.presenceOfElementLocated(section));
        assertTrue(secretary.findElement(section).getText().contains("Đã kiểm phiếu · chưa công bố"), secretary.findElement(section).getText());
        assertTrue(secretary.findElement(By.id("ballot-" + d.dakGan().id())).getText().contains("Thông qua khi được quá nửa số thành viên có mặt (9) đồng ý"),
                "the rule in words");
        Browsers.screenshot(secretary, "results-1-secretary-vi");

        // the staff's downloads of the closed result, with the secretary's session
        String session = secretary.manage().getCookieNamed("JSESSIONID").getValue();
        HttpResponse<byte[]> staffCsv = bytes(app("secretary/export/ballots/" + ballot + "/result.csv"), "JSESSIONID=" + session);
        assertEquals(200, staffCsv.statusCode());
        assertTrue(new String(staffCsv.body(), StandardCharsets.UTF_8).contains("Đồng ý,YES,6,85.7,66.7"), () -> new String(staffCsv.body(), StandardCharsets.UTF_8));
        HttpResponse<byte[]> staffXlsx = bytes(app("secretary/export/ballots/" + ballot + "/receipts.xlsx"), "JSESSIONID=" + session);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(staffXlsx.body()))) {
            assertEquals(d.toPublish().papers().size(), workbook.getSheetAt(0).getLastRowNum());
        }
        HttpResponse<byte[]> anonymous = bytes(app("secretary/export/ballots/" + ballot + "/result.csv"));
        assertNotEquals(200, anonymous.statusCode(), "only the secretary downloads an unpublished result");

        // the confirmation first: saying no publishes nothing
        WebElement publish = secretary.findElement(section).findElement(By.cssSelector("button[id$='publish']"));
        publish.click();
        until(secretary).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-no"))).click();
        Thread.sleep(500);
        assertNotFound(get("api/ballots/" + ballot + "/result"));

        secretary.findElement(section).findElement(By.cssSelector("button[id$='publish']")).click();
        WebElement dialog = until(secretary).until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".ui-confirm-dialog")));
        assertTrue(dialog.getText().contains("không thể sửa hay rút lại"), dialog.getText());
        Browsers.screenshot(secretary, "results-2-confirm-vi");
        secretary.findElement(By.cssSelector(".ui-confirmdialog-yes")).click();
        // the publisher by display name and account name (the demo secretary of FirstStart)
        until(secretary).until(ExpectedConditions.textToBePresentInElementLocated(section, "người công bố: Ngô Thị Hương (thuky)"));
        assertTrue(secretary.findElement(section).findElements(By.cssSelector("button[id$='publish']")).isEmpty(), "published once, for good");
        HttpResponse<String> published = get("api/ballots/" + ballot + "/result");
        assertEquals(200, published.statusCode(), "published, it is open data at once");
        assertEquals(6L, list(map(published.body()).get("choices")).get(0).get("votes"));

        // a correction: an empty one is refused with a message and changes nothing; a real one is listed under the result
        secretary.findElement(section).findElement(By.cssSelector("button[id$='correct']")).click();
        until(secretary).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        until(secretary).until(ExpectedConditions.textToBePresentInElementLocated(By.id("messages"), "Hãy nhập nội dung đính chính."));
        assertEquals(0, corrections(ballot));
        secretary.findElement(section).findElement(By.tagName("textarea")).sendKeys("Đính chính: số phiếu không đồng ý là 1.");
        secretary.findElement(section).findElement(By.cssSelector("button[id$='correct']")).click();
        until(secretary).until(ExpectedConditions.elementToBeClickable(By.cssSelector(".ui-confirmdialog-yes"))).click();
        until(secretary).until(ExpectedConditions.textToBePresentInElementLocated(section, "Đính chính: số phiếu không đồng ý là 1."));
        assertEquals(1, corrections(ballot));
        Browsers.screenshot(secretary, "results-3-published-vi");

        secretary.get(app("secretary/results.xhtml?id=" + d.publicMeeting() + "&lang=en").toString());
        until(secretary).until(ExpectedConditions.textToBePresentInElementLocated(section, "Published"));
        assertTrue(secretary.findElement(By.id("ballot-" + d.closed().id())).getText().contains("Counted · not published"));
        Browsers.screenshot(secretary, "results-4-secretary-en");
        secretary.get(app("secretary/results.xhtml?id=" + d.publicMeeting() + "&lang=vi").toString());
    }

    // ---------------------------------------------------------------- helpers

    static long meeting(Connection db, String title, boolean visible) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO meeting (title, organiser, venue, starts_at, ends_at, status, "
                + "public_meeting) VALUES (?, 'UBND huyện Đắk Mil', 'Hội trường UBND huyện Đắk Mil', '2024-01-19 07:30:00', "
                + "'2024-01-19 11:30:00', 'IN_SESSION', ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, title);
            insert.setBoolean(2, visible);
            insert.executeUpdate();
            return key(insert);
        }
    }

    static long item(Connection db, long meeting, int number, String title, String presenter) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO agenda_item (meeting_id, sort_order, title, presenter) "
                + "VALUES (?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, meeting);
            insert.setInt(2, number);
            insert.setString(3, title);
            insert.setString(4, presenter);
            insert.executeUpdate();
            return key(insert);
        }
    }

    /** Voting members, checked in, each with a card, a phone and an email that must never reach the API. */
    static List<Long> members(Connection db, long meeting, int count) throws Exception {
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO participant (meeting_id, full_name, role, voting, phone, "
                    + "email, checked_in_at, card_code_hash) VALUES (?, ?, 'DELEGATE', TRUE, ?, ?, CURRENT_TIMESTAMP(3), ?)",
                    Statement.RETURN_GENERATED_KEYS)) {
                insert.setLong(1, meeting);
                insert.setString(2, "Thành viên Ban Chỉ đạo số " + i);
                insert.setString(3, PHONE);
                insert.setString(4, EMAIL);
                insert.setBytes(5, CardCodes.hash(CardCodes.generate()));
                insert.executeUpdate();
                ids.add(key(insert));
            }
        }
        return ids;
    }

    /**
     * A ballot as the close leaves it — approval, absolute majority of those present, 9 members present — with one paper
     * (and one participation, and for an open ballot one roll-call line) per choice; published in the same update that
     * writes its fingerprint, when asked.
     */
    static Written ballot(Connection db, long meeting, Long item, String question, String secrecy, String yesLabel,
            List<String> choices, List<Long> members, boolean publish) throws Exception {
        return ballot(db, meeting, item, question, secrecy, yesLabel, choices, members, publish, "ABSOLUTE", "PRESENT", true);
    }

    /** The same, with another rule: e.g. a simple majority of the votes cast, abstentions left out of the base. */
    static Written ballot(Connection db, long meeting, Long item, String question, String secrecy, String yesLabel,
            List<String> choices, List<Long> members, boolean publish, String rule, String base, boolean abstentionsInBase)
            throws Exception {
        long id;
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO ballot (meeting_id, agenda_item_id, question, kind, secrecy, "
                + "majority_rule, majority_base, abstentions_in_base, status, opened_at, closed_at, voting_members, present, "
                + "closed_voting_members, closed_present, voted) VALUES (?, ?, ?, 'APPROVAL', ?, '" + rule + "', '" + base + "', "
                + abstentionsInBase + ", 'CLOSED', ?, ?, ?, ?, ?, ?, ?)", Statement.RETURN_GENERATED_KEYS)) {
            insert.setLong(1, meeting);
            if (item == null) {
                insert.setNull(2, java.sql.Types.BIGINT);
            } else {
                insert.setLong(2, item);
            }
            insert.setString(3, question);
            insert.setString(4, secrecy);
            insert.setTimestamp(5, Timestamp.from(Instant.parse("2024-01-19T04:05:00Z")));
            insert.setTimestamp(6, Timestamp.from(Instant.parse("2024-01-19T04:15:00Z")));
            for (int i = 7; i <= 10; i++) {
                insert.setInt(i, members.size());
            }
            insert.setInt(11, choices.size());
            insert.executeUpdate();
            id = key(insert);
        }
        List<String> labels = List.of(yesLabel, "Không đồng ý", "Không biểu quyết");
        List<String> codes = List.of("YES", "NO", "ABSTAIN");
        for (int i = 0; i < 3; i++) {
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO ballot_option (ballot_id, sort_order, code, label) VALUES (?, ?, ?, ?)")) {
                insert.setLong(1, id);
                insert.setInt(2, i + 1);
                insert.setString(3, codes.get(i));
                insert.setString(4, labels.get(i));
                insert.executeUpdate();
            }
        }
        List<BoxFingerprint.Paper> papers = new ArrayList<>();
        for (int i = 0; i < choices.size(); i++) {
            byte[] paper = new byte[16];
            RANDOM.nextBytes(paper);
            papers.add(new BoxFingerprint.Paper(Receipts.of(paper), choices.get(i)));
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO cast_vote (id, ballot_id, choice) VALUES (?, ?, ?)")) {
                insert.setBytes(1, paper);
                insert.setLong(2, id);
                insert.setString(3, choices.get(i));
                insert.executeUpdate();
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO participation (ballot_id, participant_id) VALUES (?, ?)")) {
                insert.setLong(1, id);
                insert.setLong(2, members.get(i));
                insert.executeUpdate();
            }
            if ("OPEN".equals(secrecy)) {
                try (PreparedStatement insert = db.prepareStatement("INSERT INTO roll_call (ballot_id, participant_id, choice) VALUES (?, ?, ?)")) {
                    insert.setLong(1, id);
                    insert.setLong(2, members.get(i));
                    insert.setString(3, choices.get(i));
                    insert.executeUpdate();
                }
            }
        }
        String fingerprint = BoxFingerprint.of(papers);
        try (PreparedStatement update = db.prepareStatement(publish
                ? "UPDATE ballot SET fingerprint = ?, status = 'PUBLISHED', published_at = CURRENT_TIMESTAMP(3), published_by = 'thuky' WHERE id = ?"
                : "UPDATE ballot SET fingerprint = ? WHERE id = ?")) {
            update.setString(1, fingerprint);
            update.setLong(2, id);
            update.executeUpdate();
        }
        return new Written(id, papers, fingerprint);
    }

    static void correction(Connection db, long ballot, String statement) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO ballot_correction (ballot_id, statement, published_at, "
                + "published_by) VALUES (?, ?, CURRENT_TIMESTAMP(3), 'thuky')")) {
            insert.setLong(1, ballot);
            insert.setString(2, statement);
            insert.executeUpdate();
        }
    }

    static long corrections(long ballot) throws Exception {
        try (Connection db = database();
                PreparedStatement query = db.prepareStatement("SELECT COUNT(*) FROM ballot_correction WHERE ballot_id = ?")) {
            query.setLong(1, ballot);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    static List<String> repeat(String choice, int times) {
        return java.util.Collections.nCopies(times, choice);
    }

    private static long key(PreparedStatement insert) throws Exception {
        try (ResultSet keys = insert.getGeneratedKeys()) {
            keys.next();
            return keys.getLong(1);
        }
    }

    static Connection database() throws Exception {
        return DriverManager.getConnection(System.getProperty(TestEnvironment.DB_URL), System.getProperty(TestEnvironment.DB_USER),
                System.getProperty(TestEnvironment.DB_PASSWORD));
    }

    private static void assertNotFound(HttpResponse<String> answer) {
        assertEquals(404, answer.statusCode(), () -> answer.uri() + ": " + answer.body());
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                () -> answer.uri() + ": " + answer.headers().map());
        Map<String, Object> error = map(answer.body());
        assertEquals("results.notFound", error.get("error"), answer.uri()::toString);
        assertEquals("Không tìm thấy kết quả đã công bố.", error.get("message"));
        assertEquals("no-store", answer.headers().firstValue("Cache-Control").orElse(null), "a 404 is never cached");
    }

    /** Every key of every object in a parsed JSON value. */
    @SuppressWarnings("unchecked")
    private static void keysOf(Object value, Set<String> keys) {
        if (value instanceof Map<?, ?> object) {
            for (Map.Entry<?, ?> entry : object.entrySet()) {
                keys.add((String) entry.getKey());
                keysOf(entry.getValue(), keys);
            }
        } else if (value instanceof List<?> array) {
            array.forEach(element -> keysOf(element, keys));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(String json) {
        return (Map<String, Object>) new Json().toType(json, Map.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(String json) {
        return (List<Map<String, Object>>) new Json().toType(json, List.class);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object parsed) {
        return (List<Map<String, Object>>) parsed;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private void signIn(WebDriver browser, String user) {
        browser.get(app("sign-in.xhtml").toString());
        browser.findElement(By.id("staff:username")).sendKeys(user);
        browser.findElement(By.id("staff:password")).sendKeys(TestEnvironment.password(user));
        browser.findElement(By.id("staff:signInStaff")).click();
        until(browser).until(ExpectedConditions.not(ExpectedConditions.urlContains("sign-in")));
    }

    private static WebDriverWait until(WebDriver browser) {
        return new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    /** An address of the application, on the loopback interface. */
    private URI app(String path) {
        return URI.create("http://127.0.0.1:" + deployed.getPort() + deployed.getPath()).resolve(path);
    }

    private URI server(String absolutePath) {
        return URI.create("http://127.0.0.1:" + deployed.getPort() + absolutePath);
    }

    private HttpResponse<String> get(String path, String... cookies) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(app(path)).timeout(Duration.ofSeconds(20)).GET();
        if (cookies.length > 0) {
            request.header("Cookie", String.join("; ", cookies));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<byte[]> bytes(URI uri, String... cookies) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(20)).GET();
        if (cookies.length > 0) {
            request.header("Cookie", String.join("; ", cookies));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @AfterAll
    static void closeBrowsers() {
        Browsers.closeAll();
    }
}
