package app.quorum.results.control;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.quorum.ballot.entity.BallotKind;
import app.quorum.ballot.entity.BoxFingerprint;
import app.quorum.ballot.entity.MajorityBase;
import app.quorum.ballot.entity.MajorityRule;
import app.quorum.ballot.entity.Outcome;
import app.quorum.ballot.entity.Secrecy;
import app.quorum.meeting.entity.AwardeeKind;
import app.quorum.platform.i18n.Bundle;
import app.quorum.results.control.MinutesFacts.Attendee;
import app.quorum.results.control.MinutesFacts.Award;
import app.quorum.results.control.MinutesFacts.Item;
import app.quorum.results.control.MinutesFacts.Person;
import app.quorum.results.entity.PublishedResult;
import app.quorum.roster.control.VietnameseOrder;
import app.quorum.roster.entity.Role;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The minutes, read back with PDFBox from documents made of hand-made data shaped like the seed meeting: every
 * Vietnamese diacritic is there (and the fonts embedded), the numbers, the fingerprint and the administrative
 * header are there, the English version says the same in English, and an unpublished result is marked. Renders
 * the pages to target/minutes/*.png to be looked at.
 */
class MinutesPdfTest {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final String QUESTION = "Đề nghị xét công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023";
    static final String SEED_TITLE = "Hội nghị đánh giá kết quả thực hiện Chương trình MTQG xây dựng nông thôn mới năm 2023, đề ra mục tiêu, phương hướng, nhiệm vụ năm 2024";

    final MinutesPdf minutes = new MinutesPdf();

    /** One roster line of the seed meeting (src/main/resources/demo/dak-mil-2024.json), or an agenda item. */
    record Seat(String name, String position, String unit, Role role, boolean voting) {
    }

    static final List<Seat> SEED_ROSTER = List.of(
            new Seat("Phan Bá Tịnh", "Uỷ viên Ban Thường vụ Huyện uỷ, Phó Chủ tịch UBND huyện, Trưởng ban Chỉ đạo", "UBND huyện Đắk Mil", Role.CHAIR, true),
            new Seat("Ngô Thị Hương", "Chuyên viên Văn phòng", "Văn phòng HĐND và UBND huyện Đắk Mil", Role.SECRETARY, false),
            new Seat("Phan Văn Thân", "Uỷ viên Ban Thường vụ Huyện uỷ, Phó Chủ tịch HĐND huyện, thành viên Ban Chỉ đạo", "HĐND huyện Đắk Mil", Role.DELEGATE, true),
            new Seat("Lê Văn Hùng", "Trưởng phòng Nông nghiệp và PTNT, Phó Trưởng ban Chỉ đạo", "Phòng Nông nghiệp và PTNT huyện", Role.DELEGATE, true),
            new Seat("Trần Thị Mai", "Trưởng phòng Tài chính – Kế hoạch, thành viên Ban Chỉ đạo", "Phòng Tài chính – Kế hoạch huyện", Role.DELEGATE, true),
            new Seat("Nguyễn Đức Thắng", "Trưởng phòng Kinh tế – Hạ tầng, thành viên Ban Chỉ đạo", "Phòng Kinh tế – Hạ tầng huyện", Role.DELEGATE, true),
            new Seat("Võ Thị Lan", "Trưởng phòng Văn hoá – Thông tin, thành viên Ban Chỉ đạo", "Phòng Văn hoá – Thông tin huyện", Role.DELEGATE, true),
            new Seat("Đặng Quốc Bảo", "Trưởng phòng Tài nguyên và Môi trường, thành viên Ban Chỉ đạo", "Phòng Tài nguyên và Môi trường huyện", Role.DELEGATE, true),
            new Seat("Hoàng Minh Tuấn", "Chánh Văn phòng Điều phối nông thôn mới huyện, thành viên Ban Chỉ đạo", "Văn phòng Điều phối nông thôn mới huyện", Role.DELEGATE, true),
            new Seat("Bùi Thị Ánh", "Chủ tịch Uỷ ban MTTQ Việt Nam huyện, thành viên Ban Chỉ đạo", "Uỷ ban MTTQ Việt Nam huyện", Role.DELEGATE, true),
            new Seat("Phạm Văn Đức", "Lãnh đạo Văn phòng Điều phối xây dựng nông thôn mới tỉnh", "Văn phòng Điều phối nông thôn mới tỉnh Đắk Nông", Role.GUEST, false),
            new Seat("Y Kông", "Chủ tịch UBND xã Đắk Gằn", "UBND xã Đắk Gằn", Role.GUEST, false),
            new Seat("Nguyễn Thị Hồng", "Chủ tịch UBND xã Đức Minh", "UBND xã Đức Minh", Role.GUEST, false),
            new Seat("Lương Văn Sơn", "Chủ tịch UBND xã Thuận An", "UBND xã Thuận An", Role.GUEST, false),
            new Seat("Trịnh Công Minh", "Chủ tịch UBND xã Long Sơn", "UBND xã Long Sơn", Role.GUEST, false),
            new Seat("Đỗ Thị Thuỷ", "Chủ tịch UBND xã Đức Mạnh", "UBND xã Đức Mạnh", Role.GUEST, false),
            new Seat("Hà Văn Quang", "Bí thư Đảng uỷ xã Đắk Gằn", "Đảng uỷ xã Đắk Gằn", Role.GUEST, false),
            new Seat("Mai Xuân Trường", "Chủ tịch UBND thị trấn Đắk Mil", "UBND thị trấn Đắk Mil", Role.GUEST, false),
            new Seat("Kiều Thị Oanh", "Trưởng phòng Nội vụ", "Phòng Nội vụ huyện", Role.GUEST, false),
            new Seat("Lâm Quốc Việt", "Phóng viên", "Trung tâm Văn hoá – Thể thao và Truyền thông huyện", Role.GUEST, false));

    /** The seed meeting's agenda: title and presenter. */
    static final List<Seat> SEED_AGENDA = List.of(
            new Seat("Khai mạc, giới thiệu đại biểu", "Văn phòng HĐND và UBND huyện", "", null, false),
            new Seat("Báo cáo kết quả thực hiện Chương trình MTQG xây dựng nông thôn mới năm 2023; mục tiêu, phương hướng, nhiệm vụ năm 2024", "Văn phòng điều phối nông thôn mới huyện", "", null, false),
            new Seat("Thảo luận: tồn tại, hạn chế, nguyên nhân và giải pháp năm 2024", "Các đại biểu", "", null, false),
            new Seat("Kết luận của đồng chí Chủ trì Hội nghị", "Phan Bá Tịnh", "", null, false),
            new Seat("Khen thưởng các tập thể, cá nhân có thành tích xuất sắc trong phong trào xây dựng nông thôn mới năm 2023", "UBND huyện Đắk Mil", "", null, false),
            new Seat("Bỏ phiếu đề nghị xét công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023", "Ban chỉ đạo Chương trình MTQG xây dựng nông thôn mới huyện", "", null, false));

    /** The seed meeting: its details, roster (9 voting members, all present; some guests absent) and agenda, with awards. */
    static MinutesFacts seedMeeting() {
        List<Seat> people = new ArrayList<>(SEED_ROSTER);
        VietnameseOrder order = new VietnameseOrder();
        people.sort(Comparator.comparing((Seat p) -> VietnameseOrder.givenName(p.name()), order)
                .thenComparing(Seat::name, order));
        List<Attendee> roster = new ArrayList<>();
        for (int i = 0; i < people.size(); i++) {
            Seat p = people.get(i);
            roster.add(new Attendee(p.name(), p.position(), p.unit(), p.voting(), p.voting() || i % 7 != 3));
        }
        List<Item> agenda = new ArrayList<>();
        for (int i = 0; i < SEED_AGENDA.size(); i++) {
            Seat item = SEED_AGENDA.get(i);
            List<Award> awards = i == 4 ? List.of(
                    new Award(AwardeeKind.COLLECTIVE, "UBND xã Đắk Gằn", "Giấy khen của Chủ tịch UBND huyện"),
                    new Award(AwardeeKind.COLLECTIVE, "Ban Chỉ đạo xây dựng nông thôn mới xã Thuận An", "Giấy khen của Chủ tịch UBND huyện"),
                    new Award(AwardeeKind.INDIVIDUAL, "Nguyễn Thị Ánh Tuyết", "Giấy khen của Chủ tịch UBND huyện"),
                    new Award(AwardeeKind.HOUSEHOLD, "Hộ ông Y Kông, bon Jun Juh", "Giấy khen của Chủ tịch UBND huyện"))
                    : List.of();
            agenda.add(new Item(i + 1, item.name(), item.position(), awards));
        }
        List<Person> chairs = SEED_ROSTER.stream().filter(p -> p.role() == Role.CHAIR)
                .map(p -> new Person(p.name(), p.position())).toList();
        List<Person> secretaries = SEED_ROSTER.stream().filter(p -> p.role() == Role.SECRETARY)
                .map(p -> new Person(p.name(), p.position())).toList();
        return new MinutesFacts("UBND huyện Đắk Mil", SEED_TITLE, "Hội trường UBND huyện Đắk Mil",
                LocalDateTime.of(2024, 1, 19, 7, 30), LocalDateTime.of(2024, 1, 19, 11, 30), VIETNAM,
                chairs, secretaries, roster, agenda, Instant.parse("2024-01-19T04:20:00Z"));
    }

    /** The seed ballot: 9 of 9 in favour, absolute majority of those present; published unless said otherwise. */
    static PublishedResult seedBallot(boolean published) {
        List<PublishedResult.Paper> papers = new ArrayList<>();
        for (int i = 1; i <= 9; i++) {
            papers.add(new PublishedResult.Paper("7K2M-%04d-QX4P-9H3T".formatted(i * 37), "YES", List.of("Đồng ý")));
        }
        String fingerprint = BoxFingerprint.of(papers.stream().map(p -> new BoxFingerprint.Paper(p.receipt(), p.choice())).toList());
        List<PublishedResult.Line> lines = List.of(
                new PublishedResult.Line("YES", "Đồng ý", 9, new BigDecimal("100.0"), new BigDecimal("100.0"), false),
                new PublishedResult.Line("NO", "Không đồng ý", 0, new BigDecimal("0.0"), new BigDecimal("0.0"), false),
                new PublishedResult.Line("ABSTAIN", "Không biểu quyết", 0, new BigDecimal("0.0"), new BigDecimal("0.0"), false));
        return new PublishedResult(42, 1, 6, "Bỏ phiếu đề nghị xét công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023",
                QUESTION, BallotKind.APPROVAL, Secrecy.SECRET, MajorityRule.ABSOLUTE, MajorityBase.PRESENT, false, null, 1,
                lines, 0, 9, 9, 5, Outcome.PASSED, List.of(), List.of(), 9, 9, 9, fingerprint,
                Instant.parse("2024-01-19T04:05:00Z"), Instant.parse("2024-01-19T04:12:30Z"),
                published ? Instant.parse("2024-01-19T04:15:00Z") : null, papers, List.of(), List.of());
    }

    /** An open election of two among three, with a roll-call and a correction: the other branches of the layout. */
    static PublishedResult openElection() {
        List<PublishedResult.Line> lines = List.of(
                new PublishedResult.Line("11", "Lê Văn Hùng", 3, new BigDecimal("75.0"), new BigDecimal("75.0"), true),
                new PublishedResult.Line("12", "Trần Thị Mai", 3, new BigDecimal("75.0"), new BigDecimal("75.0"), true),
                new PublishedResult.Line("13", "Đặng Quốc Bảo", 1, new BigDecimal("25.0"), new BigDecimal("25.0"), false));
        List<PublishedResult.RollCallLine> rollCall = List.of(
                new PublishedResult.RollCallLine("Bùi Thị Ánh", "11,12", List.of("Lê Văn Hùng", "Trần Thị Mai")),
                new PublishedResult.RollCallLine("Đặng Quốc Bảo", "11,13", List.of("Lê Văn Hùng", "Đặng Quốc Bảo")),
                new PublishedResult.RollCallLine("Hoàng Minh Tuấn", "12", List.of("Trần Thị Mai")),
                new PublishedResult.RollCallLine("Võ Thị Lan", "-", List.of()));
        return new PublishedResult(43, 1, null, null, "Bầu Tổ kiểm phiếu", BallotKind.ELECTION, Secrecy.OPEN,
                MajorityRule.ABSOLUTE, MajorityBase.VOTES_CAST, true, null, 2, lines, 1, 4, 4, 3, Outcome.ELECTED,
                List.of("Lê Văn Hùng", "Trần Thị Mai"), List.of(), 4, 4, 9,
                "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0",
                Instant.parse("2024-01-19T01:00:00Z"), Instant.parse("2024-01-19T01:03:00Z"),
                Instant.parse("2024-01-19T01:05:00Z"), List.of(), rollCall,
                List.of(new PublishedResult.Correction("Đính chính: giờ kết thúc là 08 giờ 03.", Instant.parse("2024-01-19T02:00:00Z"), "thuky")));
    }

    @Test
    void theBallotMinutesSayEverythingInVietnameseWithEmbeddedFonts() throws IOException {
        PublishedResult ballot = seedBallot(true);
        byte[] pdf = minutes.ballot(seedMeeting(), ballot, Bundle.VIETNAMESE);
        String text = text(pdf, "ballot-vi");
        assertAll(
                () -> assertTrue(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), text),
                () -> assertTrue(text.contains("Độc lập - Tự do - Hạnh phúc"), text),
                () -> assertTrue(text.contains("UBND HUYỆN ĐẮK MIL"), "the organiser in capitals"),
                () -> assertTrue(text.contains("Đắk Mil, ngày 19 tháng 01 năm 2024"), "place and date of the close"),
                () -> assertTrue(text.contains("BIÊN BẢN KIỂM PHIẾU"), text),
                () -> assertTrue(text.contains("Đắk Gằn"), text),
                () -> assertTrue(text.contains("100%"), "9 of 9 in favour is 100%: " + text),
                () -> assertTrue(text.contains("Đồng ý"), text),
                () -> assertTrue(text.contains("Bỏ phiếu kín"), text),
                () -> assertTrue(text.contains("quá nửa số thành viên có mặt (9), tức là ít nhất 5 phiếu"), text),
                () -> assertTrue(text.contains("có quyền biểu quyết: 9; có mặt: 9; đã bỏ phiếu: 9"), text),
                () -> assertTrue(text.contains("THÔNG QUA"), text),
                () -> assertTrue(text.contains("11:05 ngày 19/01/2024") && text.contains("11:12 ngày 19/01/2024"),
                        "opened and closed in the meeting's time zone: " + text),
                () -> assertTrue(text.contains("Kết quả đã công bố lúc 11:15 ngày 19/01/2024"), text),
                () -> assertFalse(text.contains("chưa công bố"), "a published result is not marked unpublished"),
                () -> assertTrue(withoutSpace(text).contains(ballot.fingerprint()), "the whole fingerprint"),
                () -> assertTrue(text.contains("sha256sum"), "how to recompute it"),
                () -> assertTrue(text.contains("TỔ KIỂM PHIẾU") && text.contains("THƯ KÝ") && text.contains("CHỦ TRÌ"), text),
                () -> assertTrue(text.contains("Phan Bá Tịnh") && text.contains("Ngô Thị Hương"), "chair and secretary sign"),
                () -> assertTrue(text.contains("Trang 1/"), text));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(document.getNumberOfPages() >= 1 && document.getNumberOfPages() <= 3, "pages " + document.getNumberOfPages());
            assertFontsEmbedded(document);
            assertEquals("vi", document.getDocumentCatalog().getLanguage());
        }
    }

    @Test
    void anUnpublishedResultIsMarkedSoInBothDocuments() throws IOException {
        PublishedResult closed = seedBallot(false);
        String ballot = text(minutes.ballot(seedMeeting(), closed, Bundle.VIETNAMESE), "ballot-unpublished-vi");
        assertTrue(ballot.contains("KẾT QUẢ CHƯA CÔNG BỐ"), ballot);
        assertFalse(ballot.contains("đã công bố lúc"), ballot);
        String meeting = text(minutes.meeting(seedMeeting(), List.of(closed), Bundle.VIETNAMESE), null);
        assertTrue(meeting.contains("(chưa công bố)"), meeting);
        String english = text(minutes.ballot(seedMeeting(), closed, Bundle.ENGLISH), null);
        assertTrue(english.contains("RESULT NOT YET PUBLISHED"), english);
    }

    @Test
    void theMeetingMinutesHaveAttendanceAgendaResultsAndCommendations() throws IOException {
        PublishedResult ballot = seedBallot(true);
        MinutesFacts meeting = seedMeeting();
        byte[] pdf = minutes.meeting(meeting, List.of(openElection(), ballot), Bundle.VIETNAMESE);
        String text = text(pdf, "meeting-vi");
        long present = meeting.roster().stream().filter(Attendee::present).count();
        assertAll(
                () -> assertTrue(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), text),
                () -> assertTrue(text.contains("BIÊN BẢN HỘI NGHỊ"), text),
                () -> assertTrue(text.contains("Đắk Mil, ngày 19 tháng 01 năm 2024"), text),
                () -> assertTrue(text.contains("từ 07 giờ 30 đến 11 giờ 30, ngày 19/01/2024"), text),
                () -> assertTrue(text.contains("Hội trường UBND huyện Đắk Mil"), text),
                () -> assertTrue(text.contains("có mặt " + present + "/20 đại biểu"), text),
                () -> assertTrue(text.contains("có quyền biểu quyết có mặt: 9/9"), text),
                () -> assertTrue(text.contains("Vắng mặt"), "the absent are listed as absent"),
                () -> assertTrue(text.contains("Đắk Gằn"), text),
                () -> assertTrue(text.contains("100%") && text.contains("75%"), text),
                () -> assertTrue(withoutSpace(text).contains(ballot.fingerprint()), "the seed ballot's fingerprint"),
                () -> assertTrue(text.contains("Người trúng cử: Lê Văn Hùng, Trần Thị Mai."), text),
                () -> assertTrue(text.contains("Phiếu trắng"), "an election's blank papers"),
                () -> assertTrue(text.contains("Võ Thị Lan"), "the roll-call of an open vote"),
                () -> assertTrue(text.contains("Đính chính: giờ kết thúc là 08 giờ 03."), text),
                () -> assertTrue(text.contains("KHEN THƯỞNG") && text.contains("Hộ ông Y Kông, bon Jun Juh"), text),
                () -> assertTrue(text.contains("2 tập thể, 1 cá nhân, 1 hộ gia đình"), text),
                () -> assertFalse(text.contains("???"), "a missing message key"));
        // the roster in the order given (roster order), each name once
        List<Integer> positions = meeting.roster().stream().map(a -> text.indexOf(a.name())).toList();
        assertTrue(positions.stream().allMatch(p -> p >= 0), "every participant is listed: " + positions);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertTrue(document.getNumberOfPages() >= 2 && document.getNumberOfPages() <= 8, "pages " + document.getNumberOfPages());
            assertFontsEmbedded(document);
        }
    }

    @Test
    void theEnglishVersionIsTheSameDocumentInEnglish() throws IOException {
        PublishedResult ballot = seedBallot(true);
        String text = text(minutes.ballot(seedMeeting(), ballot, Bundle.ENGLISH), "ballot-en");
        assertAll(
                () -> assertTrue(text.contains("SOCIALIST REPUBLIC OF VIET NAM"), text),
                () -> assertTrue(text.contains("Independence - Freedom - Happiness"), text),
                () -> assertTrue(text.contains("MINUTES OF THE VOTE COUNT"), text),
                () -> assertTrue(text.contains("Đắk Mil, 19 January 2024"), text),
                () -> assertTrue(text.contains("Đắk Gằn"), "what people wrote stays as written"),
                () -> assertTrue(text.contains("more than half of the members present (9), that is at least 5"), text),
                () -> assertTrue(text.contains("PASSED"), text),
                () -> assertTrue(text.contains("100%"), text),
                () -> assertTrue(withoutSpace(text).contains(ballot.fingerprint()), text),
                () -> assertTrue(text.contains("VOTE-COUNTING COMMITTEE") && text.contains("SECRETARY") && text.contains("CHAIR"), text),
                () -> assertFalse(text.contains("BIÊN BẢN") || text.contains("Cách tính"), "no Vietnamese template text"),
                () -> assertFalse(text.contains("???"), "a missing message key"));
        String meeting = text(minutes.meeting(seedMeeting(), List.of(ballot), Bundle.ENGLISH), "meeting-en");
        assertTrue(meeting.contains("MINUTES OF THE MEETING") && meeting.contains("from 07:30 to 11:30, 19 January 2024"), meeting);
        assertTrue(meeting.contains("2 collectives, one individual, one household"), meeting);
        assertFalse(meeting.contains("???"), meeting);
    }

    /** The seed meeting, its session opened and closed at these instants. */
    static MinutesFacts held(Instant opened, Instant closed) {
        MinutesFacts m = seedMeeting();
        return new MinutesFacts(m.organiser(), m.title(), m.venue(), m.startsAt(), m.endsAt(), m.zone(), m.chairs(),
                m.secretaries(), m.roster(), m.agenda(), m.printedAt(), opened, closed);
    }

    @Test
    void anEndToEndBallotsMinutesPrintTheRecordsFingerprintAndHowToVerifyIt() throws IOException {
        PublishedResult r = seedBallot(true);
        PublishedResult e2e = new PublishedResult(r.ballotId(), r.meetingId(), r.itemNumber(), r.itemTitle(), r.question(), r.kind(),
                r.secrecy(), r.rule(), r.base(), r.abstentionsInBase(), r.percentage(), r.seats(), r.lines(), r.blankPapers(),
                r.votesCast(), r.baseCount(), r.thresholdVotes(), r.outcome(), r.elected(), r.tied(), r.voted(), r.present(),
                r.votingMembers(), r.fingerprint(), r.openedAt(), r.closedAt(), r.publishedAt(), List.of(), r.rollCall(),
                r.corrections(), true, List.of("0".repeat(64)));
        String vi = text(minutes.ballot(seedMeeting(), e2e, Bundle.VIETNAMESE), "ballot-e2e-vi");
        String flat = vi.replaceAll("\\s+", "");
        assertTrue(vi.contains("hồ sơ kiểm phiếu công khai"), vi);
        assertTrue(flat.contains("/api/ballots/" + r.ballotId() + "/record"), vi);
        assertTrue(flat.contains(r.fingerprint()), "the record's fingerprint");
        assertFalse(vi.contains("mã biên nhận, một ký tự TAB"), "not the sealed box's recipe");
        String en = text(minutes.ballot(seedMeeting(), e2e, Bundle.ENGLISH), null);
        assertTrue(en.contains("public election record") && en.contains("verifier"), en);
    }

    /** The seed ballot, opened and closed at these instants (published ten minutes after). */
    static PublishedResult ballotAt(Instant opened, Instant closed) {
        PublishedResult r = seedBallot(true);
        return new PublishedResult(r.ballotId(), r.meetingId(), r.itemNumber(), r.itemTitle(), r.question(), r.kind(),
                r.secrecy(), r.rule(), r.base(), r.abstentionsInBase(), r.percentage(), r.seats(), r.lines(), r.blankPapers(),
                r.votesCast(), r.baseCount(), r.thresholdVotes(), r.outcome(), r.elected(), r.tied(), r.voted(), r.present(),
                r.votingMembers(), r.fingerprint(), opened, closed, closed.plusSeconds(600), r.papers(), r.rollCall(),
                r.corrections());
    }

    /**
     * The seed meeting, dated 19/01/2024, opened on 03/12/2026 at 13:20 and closed at 15:05 (Vietnam), its vote at 13:33:
     * both documents give the scheduled day and the day and times it was really held, and are dated the day it was held.
     */
    @Test
    void aMeetingHeldOnAnotherDayThanScheduledSaysBothDays() throws IOException {
        MinutesFacts meeting = held(Instant.parse("2026-12-03T06:20:00Z"), Instant.parse("2026-12-03T08:05:00Z"));
        PublishedResult ballot = ballotAt(Instant.parse("2026-12-03T06:33:00Z"), Instant.parse("2026-12-03T06:41:00Z"));
        String said = "Hội nghị dự kiến ngày 19/01/2024; thực tế họp ngày 03/12/2026, khai mạc lúc 13 giờ 20, bế mạc lúc 15 giờ 05.";
        String ofBallot = text(minutes.ballot(meeting, ballot, Bundle.VIETNAMESE), "ballot-held-vi");
        assertTrue(ofBallot.contains(said), ofBallot);
        assertTrue(ofBallot.contains("Đắk Mil, ngày 03 tháng 12 năm 2026"), ofBallot);
        assertTrue(ofBallot.contains("13:33 ngày 03/12/2026"), "the vote at its own time: " + ofBallot);
        String ofMeeting = text(minutes.meeting(meeting, List.of(ballot), Bundle.VIETNAMESE), "meeting-held-vi");
        assertTrue(ofMeeting.contains("từ 07 giờ 30 đến 11 giờ 30, ngày 19/01/2024"), "the schedule: " + ofMeeting);
        assertTrue(ofMeeting.contains(said), ofMeeting);
        assertTrue(ofMeeting.contains("Đắk Mil, ngày 03 tháng 12 năm 2026"), "dated the day it was held: " + ofMeeting);
        assertFalse(ofMeeting.contains("ngày 19 tháng 01 năm 2024"), ofMeeting);
        String english = text(minutes.meeting(meeting, List.of(ballot), Bundle.ENGLISH), null);
        assertTrue(english.contains("The meeting was scheduled for 19 January 2024; it was held on 3 December 2026, opened at 13:20 "
                + "and closed at 15:05."), english);

        // closed the next day: the closing time comes with its date
        MinutesFacts overnight = held(Instant.parse("2026-12-03T06:20:00Z"), Instant.parse("2026-12-04T02:00:00Z"));
        assertTrue(text(minutes.meeting(overnight, List.of(), Bundle.VIETNAMESE), null)
                .contains("thực tế họp ngày 03/12/2026, khai mạc lúc 13 giờ 20, bế mạc lúc 09:00 ngày 04/12/2026."));
    }

    @Test
    void withoutARecordedSessionTheFirstBallotsDayStandsForTheDayItWasHeld() throws IOException {
        PublishedResult ballot = ballotAt(Instant.parse("2026-12-03T06:33:00Z"), Instant.parse("2026-12-03T06:41:00Z"));
        String ofBallot = text(minutes.ballot(seedMeeting(), ballot, Bundle.VIETNAMESE), null);
        assertTrue(ofBallot.contains("Hội nghị dự kiến ngày 19/01/2024; thực tế họp ngày 03/12/2026."), ofBallot);
        String ofMeeting = text(minutes.meeting(seedMeeting(), List.of(ballot), Bundle.VIETNAMESE), null);
        assertTrue(ofMeeting.contains("Hội nghị dự kiến ngày 19/01/2024; thực tế họp ngày 03/12/2026."), ofMeeting);
        assertFalse(ofMeeting.contains("khai mạc lúc"), "no time is made up: " + ofMeeting);
    }

    @Test
    void heldOnTheScheduledDayTheMeetingsMinutesGiveTheRealTimesOnly() throws IOException {
        MinutesFacts meeting = held(Instant.parse("2024-01-19T00:41:00Z"), Instant.parse("2024-01-19T04:20:00Z"));
        String ofMeeting = text(minutes.meeting(meeting, List.of(seedBallot(true)), Bundle.VIETNAMESE), null);
        assertTrue(ofMeeting.contains("Thực tế khai mạc lúc 07 giờ 41, bế mạc lúc 11 giờ 20."), ofMeeting);
        assertFalse(ofMeeting.contains("dự kiến ngày"), ofMeeting);
        String ofBallot = text(minutes.ballot(meeting, seedBallot(true), Bundle.VIETNAMESE), null);
        assertFalse(ofBallot.contains("dự kiến ngày") || ofBallot.contains("Thực tế khai mạc"), ofBallot);
        String running = text(minutes.meeting(held(Instant.parse("2024-01-19T00:41:00Z"), null), List.of(), Bundle.ENGLISH), null);
        assertTrue(running.contains("It opened at 07:41."), "still in session: " + running);
    }

    @Test
    void thePlaceComesFromAnAdministrativeOrganiserElseTheVenue() {
        MinutesFacts seed = seedMeeting();
        assertEquals("Đắk Mil", MinutesPdf.place(seed));
        MinutesFacts other = new MinutesFacts("Công ty cổ phần Cà phê Đắk Mil", "Đại hội cổ đông", "Hội trường Công ty",
                seed.startsAt(), null, VIETNAM, List.of(), List.of(), List.of(), List.of(), seed.printedAt());
        assertEquals("Hội trường Công ty", MinutesPdf.place(other));
        assertEquals("66,7%", MinutesPdf.percent(new BigDecimal("66.7"), Bundle.VIETNAMESE));
        assertEquals("100%", MinutesPdf.percent(new BigDecimal("100.0"), Bundle.VIETNAMESE));
        assertEquals("66.7%", MinutesPdf.percent(new BigDecimal("66.7"), Locale.ENGLISH));
    }

    @Test
    void aMeetingWithoutRosterAgendaOrBallotsStillPrints() throws IOException {
        MinutesFacts empty = new MinutesFacts("UBND xã Đức Mạnh", "Họp giao ban", "", seedMeeting().startsAt(), null,
                VIETNAM, List.of(), List.of(), List.of(), List.of(), Instant.now());
        String text = text(minutes.meeting(empty, List.of(), Bundle.VIETNAMESE), null);
        assertTrue(text.contains("Đức Mạnh, ngày 19 tháng 01 năm 2024"), text);
        assertTrue(text.contains("Không có cuộc biểu quyết nào đã kiểm phiếu."), text);
        assertFalse(text.contains("???"), text);
    }

    /**
     * The seed meeting with its roster repeated to 160 people (more than ten pages), in Vietnamese, and as it is in
     * English: every page says which page it is of how many, once, right-aligned on the right margin whatever the
     * width of the number, and where the document comes from.
     */
    @Test
    void everyPageSaysItsNumberOfHowManyOnTheRightMargin() throws IOException {
        MinutesFacts seed = seedMeeting();
        List<Attendee> roster = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            roster.addAll(seed.roster());
        }
        MinutesFacts crowded = new MinutesFacts(seed.organiser(), seed.title(), seed.venue(), seed.startsAt(),
                seed.endsAt(), seed.zone(), seed.chairs(), seed.secretaries(), roster, seed.agenda(), seed.printedAt());
        List<PublishedResult> ballots = List.of(openElection(), seedBallot(true));
        assertPagesNumbered(minutes.meeting(crowded, ballots, Bundle.VIETNAMESE), 10, "Trang %d/%d", "In từ Quorum lúc");
        assertPagesNumbered(minutes.meeting(seed, ballots, Bundle.ENGLISH), 2, "Page %d of %d", "Printed from Quorum at");
    }

    static void assertPagesNumbered(byte[] pdf, int atLeast, String pageOf, String printed) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertTrue(pages >= atLeast, "pages: " + pages);
            float margin = document.getPage(0).getMediaBox().getWidth() - 20 * 72 / 25.4f;
            String word = pageOf.substring(0, pageOf.indexOf(' ') + 1);
            for (int page = 1; page <= pages; page++) {
                String words = pageOf.formatted(page, pages);
                PageText text = PageText.of(document, page);
                assertEquals(1, text.count(word), "one page number on page " + page + ": " + text.text);
                assertTrue(text.text.contains(words), "page " + page + ": " + text.text);
                assertTrue(text.text.contains(printed), "where it comes from, on page " + page);
                assertEquals(margin, text.rightEdgeOf(words), 1.5f, words + " ends at the right margin");
            }
        }
    }

    /** The text of one page, and where its glyphs are. */
    record PageText(String text, List<org.apache.pdfbox.text.TextPosition> glyphs) {

        static PageText of(PDDocument document, int page) throws IOException {
            List<org.apache.pdfbox.text.TextPosition> glyphs = new ArrayList<>();
            PDFTextStripper stripper = new PDFTextStripper() {
                @Override
                protected void processTextPosition(org.apache.pdfbox.text.TextPosition text) {
                    super.processTextPosition(text);
                    glyphs.add(text);
                }
            };
            stripper.setStartPage(page);
            stripper.setEndPage(page);
            return new PageText(stripper.getText(document).replaceAll("\\s+", " "), glyphs);
        }

        int count(String words) {
            return text.split(java.util.regex.Pattern.quote(words), -1).length - 1;
        }

        /** The right edge of the last glyph of the words (white space aside), in points from the left of the page. */
        float rightEdgeOf(String words) {
            List<org.apache.pdfbox.text.TextPosition> visible = glyphs.stream()
                    .filter(glyph -> !glyph.getUnicode().isBlank()).toList();
            StringBuilder all = new StringBuilder();
            visible.forEach(glyph -> all.append(glyph.getUnicode()));
            String wanted = withoutSpace(words);
            int start = all.lastIndexOf(wanted);
            assertTrue(start >= 0, words + " not among the glyphs of " + all);
            org.apache.pdfbox.text.TextPosition last = visible.get(start + wanted.length() - 1);
            return last.getXDirAdj() + last.getWidthDirAdj();
        }
    }

    // ------------------------------------------------------------ reading the documents

    /** The text of the document, every run of white space as one space; with a name, its pages are also rendered to target/minutes/name-n.png. */
    static String text(byte[] pdf, String name) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            if (name != null) {
                Path folder = Files.createDirectories(Path.of("target", "minutes"));
                Files.write(folder.resolve(name + ".pdf"), pdf);
                PDFRenderer renderer = new PDFRenderer(document);
                for (int page = 0; page < document.getNumberOfPages(); page++) {
                    BufferedImage image = renderer.renderImageWithDPI(page, 80);
                    ImageIO.write(image, "png", folder.resolve(name + "-" + (page + 1) + ".png").toFile());
                }
            }
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(false); // content order: PDFBox's sorting splits the first letter of some lines
            return stripper.getText(document).replaceAll("\\s+", " "); // lines wrap and justify anywhere
        }
    }

    static String withoutSpace(String text) {
        return text.replaceAll("\\s+", "");
    }

    static void assertFontsEmbedded(PDDocument document) throws IOException {
        int fonts = 0;
        for (PDPage page : document.getPages()) {
            PDResources resources = page.getResources();
            for (var name : resources.getFontNames()) {
                PDFont font = resources.getFont(name);
                fonts++;
                assertTrue(font.isEmbedded(), font.getName() + " is not embedded");
                if (font instanceof PDType0Font type0) {
                    assertTrue(type0.getDescendantFont().isEmbedded(), font.getName());
                }
            }
        }
        assertTrue(fonts > 0, "no fonts found");
    }
}
