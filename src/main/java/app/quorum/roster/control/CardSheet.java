package app.quorum.roster.control;

import app.quorum.roster.entity.Role;
import java.util.List;
import java.util.Objects;

/**
 * What is printed on a meeting's sign-in cards: the meeting (organiser, title), the address of the sign-in page
 * (shown on every card for those who type the code), and one {@link Card} per participant, in the order to print.
 * Plain values, so the renderer never touches an entity and the codes in clear never reach the database.
 */
public record CardSheet(String organiser, String meetingTitle, String signInBaseUrl, List<Card> cards) {

    public CardSheet {
        organiser = organiser == null ? "" : organiser;
        meetingTitle = Objects.requireNonNull(meetingTitle, "meetingTitle");
        signInBaseUrl = Objects.requireNonNull(signInBaseUrl, "signInBaseUrl");
        cards = List.copyOf(cards);
    }

    /**
     * One participant's card. {@code code} is the code in clear, grouped as it is printed
     * ({@code 7KQ9XM-4RT8WA-P2HC6N}); {@code signInUrl} is what the QR code opens: the sign-in page with that
     * code filled in. Position and unit may be empty.
     */
    public record Card(String fullName, String position, String unit, Role role, boolean voting, String code,
            String signInUrl) {

        public Card {
            fullName = Objects.requireNonNull(fullName, "fullName");
            position = position == null ? "" : position;
            unit = unit == null ? "" : unit;
            role = Objects.requireNonNull(role, "role");
            code = Objects.requireNonNull(code, "code");
            signInUrl = Objects.requireNonNull(signInUrl, "signInUrl");
        }
    }
}
