package app.quorum.ballot.drill;

import app.quorum.roster.control.CardCodes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The stage, written straight into the database as the ballot tests do: a meeting in session and N voting delegates,
 * all checked in, each holding a card (only the code's hash is stored; the drill keeps the codes to sign in with).
 */
public final class Stage {

    public static final String QUESTION = "Đề nghị xét công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023";

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng",
        "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Đức", "Minh", "Thanh", "Hữu", "Quốc", "Ngọc"};
    private static final String[] GIVEN = {"An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hạnh", "Hùng", "Hương",
        "Khánh", "Lan", "Linh", "Long", "Mai", "Nam", "Nga", "Phong", "Phúc", "Quang", "Sơn", "Tâm", "Thắng", "Thảo",
        "Trang", "Tuấn", "Việt", "Yến"};
    private static final String[] UNITS = {"UBND xã Đắk Gằn", "UBND xã Đắk R'La", "UBND xã Đức Minh", "UBND xã Thuận An",
        "UBND thị trấn Đắk Mil", "Phòng Nông nghiệp và PTNT", "Phòng Tài chính – Kế hoạch", "Văn phòng HĐND và UBND huyện"};

    public final long meetingId;
    public final List<String> codes;

    private Stage(long meetingId, List<String> codes) {
        this.meetingId = meetingId;
        this.codes = codes;
    }

    public static Stage create(Connection db, int delegates) throws SQLException {
        long meetingId;
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO meeting (title, organiser, venue, starts_at, status) "
                + "VALUES (?, 'UBND huyện Đắk Mil', 'Hội trường UBND huyện', '2024-01-19 07:30:00', 'IN_SESSION')",
                Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, "Ban Chỉ đạo xây dựng nông thôn mới huyện Đắk Mil — diễn tập kill -9 (" + delegates + " đại biểu)");
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                meetingId = keys.getLong(1);
            }
        }
        List<String> codes = new ArrayList<>();
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO participant (meeting_id, full_name, position_name, unit, "
                + "role, voting, checked_in_at, card_code_hash) VALUES (?, ?, 'Thành viên Ban Chỉ đạo', ?, 'DELEGATE', TRUE, "
                + "CURRENT_TIMESTAMP(3), ?)")) {
            for (int i = 0; i < delegates; i++) {
                String code = CardCodes.generate();
                codes.add(code);
                insert.setLong(1, meetingId);
                insert.setString(2, name(i));
                insert.setString(3, UNITS[i % UNITS.length] + (i >= FAMILY.length * MIDDLE.length * GIVEN.length ? " (" + i + ")" : ""));
                insert.setBytes(4, CardCodes.hash(code));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        return new Stage(meetingId, codes);
    }

    /** A Vietnamese full name, different for every index below 16 × 8 × 28. */
    static String name(int i) {
        int n = i % (FAMILY.length * MIDDLE.length * GIVEN.length);
        return FAMILY[n % FAMILY.length] + " " + MIDDLE[n / FAMILY.length % MIDDLE.length] + " "
                + GIVEN[n / (FAMILY.length * MIDDLE.length) % GIVEN.length];
    }
}
