package app.quorum.platform;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The longest text every input of Quorum takes, in characters: the one source of the limits that the entities' and
 * drafts' Bean Validation ({@code @Size(max = Limits.…)}), the forms' {@code maxlength} ({@code #{limits.…}}), the
 * services and the README's table of limits use.
 *
 * <p>Each limit fits its database column in utf8mb4: a {@code VARCHAR(n)} column counts characters, so a limit is at
 * most n; a {@code TEXT} column holds 65,535 bytes and a character takes up to 4 bytes, so a limit on a TEXT column is
 * at most 16,383 characters ({@link #TEXT_CHARACTERS}). The long texts (descriptions) stay at 10,000 characters —
 * some four printed pages, more than any meeting's description needs — so the schema keeps its TEXT columns and
 * needs no migration.
 *
 * <p>The forms set the HTML attribute ({@code pt:maxlength}), not the PrimeFaces component's own {@code maxlength}:
 * that one cuts a longer text on the server without a word and stores the rest, where a text over its limit must be
 * refused whole, with the field's message, and nothing stored (a client that ignores the attribute is told so).
 */
public final class Limits {

    /** What a TEXT column holds for certain, at 4 bytes a character: 65,535 / 4. */
    public static final int TEXT_CHARACTERS = 65_535 / 4;

    // meetings: VARCHAR(500), VARCHAR(300), VARCHAR(300), VARCHAR(64), TEXT
    public static final int MEETING_TITLE = 500;
    public static final int MEETING_ORGANISER = 300;
    public static final int MEETING_VENUE = 300;
    public static final int MEETING_TIME_ZONE = 64;
    public static final int MEETING_DESCRIPTION = 10_000;

    // agenda items: VARCHAR(500), TEXT, VARCHAR(300)
    public static final int AGENDA_TITLE = 500;
    public static final int AGENDA_DESCRIPTION = 10_000;
    public static final int AGENDA_PRESENTER = 300;

    // commendations: VARCHAR(300), VARCHAR(300), TEXT
    public static final int AWARDEE_NAME = 300;
    public static final int AWARDEE_AWARD = 300;
    public static final int AWARDEE_REASON = 2_000;

    /** An uploaded file's name (a document's is stored, VARCHAR(255); a roster file's is shown). */
    public static final int FILE_NAME = 255;

    // participants: VARCHAR(200), VARCHAR(300), VARCHAR(300), VARCHAR(30), VARCHAR(254)
    public static final int PARTICIPANT_FULL_NAME = 200;
    public static final int PARTICIPANT_POSITION = 300;
    public static final int PARTICIPANT_UNIT = 300;
    public static final int PARTICIPANT_PHONE = 30;
    public static final int PARTICIPANT_EMAIL = 254;

    // ballots: VARCHAR(1000), VARCHAR(300) for an answer's label and a candidate, VARCHAR(500)
    public static final int BALLOT_QUESTION = 1_000;
    public static final int BALLOT_LABEL = 300;
    /**
     * The most candidates on one paper: an election paper's choice (the chosen ids, comma-separated) must fit the ballot
     * box's 1,000 characters whatever the seats.
     */
    public static final int BALLOT_CANDIDATES = 60;
    /** The candidates' box of the ballot form: one name a line (a line end is at most two characters). */
    public static final int BALLOT_CANDIDATES_TEXT = BALLOT_CANDIDATES * (BALLOT_LABEL + 2);
    public static final int BALLOT_CANCEL_REASON = 500;

    /** A correction of a published result: VARCHAR(4000). */
    public static final int RESULT_CORRECTION = 4_000;

    // staff accounts: VARCHAR(100) (the user name's pattern allows 2–100), VARCHAR(200)
    public static final int ACCOUNT_USERNAME = 100;
    public static final int ACCOUNT_DISPLAY_NAME = 200;
    /**
     * The longest password: refused before it is hashed (PBKDF2 over megabytes is work a client should not be able
     * to order), on the sign-in page too. Far above what anyone types or a password manager makes.
     */
    public static final int PASSWORD = 128;

    /** What the card code box takes: the 18 symbols with dashes and spaces, or the whole address a QR code holds. */
    public static final int CARD_CODE_INPUT = 200;
    /** What the receipt lookup takes (a receipt is 16 symbols and 3 dashes; more is no receipt). */
    public static final int RECEIPT_INPUT = 40;
    /** A search or filter box (the roster, the attendance list, the audit log). */
    public static final int SEARCH = 200;

    private static final Map<String, Integer> ALL = collect();

    private Limits() {
    }

    /** Every limit by its constant's name, as the pages read them: {@code #{limits.MEETING_DESCRIPTION}}. */
    public static Map<String, Integer> all() {
        return ALL;
    }

    private static Map<String, Integer> collect() {
        Map<String, Integer> limits = new LinkedHashMap<>();
        for (Field field : Limits.class.getDeclaredFields()) {
            int modifiers = field.getModifiers();
            if (Modifier.isPublic(modifiers) && Modifier.isStatic(modifiers) && field.getType() == int.class) {
                try {
                    limits.put(field.getName(), field.getInt(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return Collections.unmodifiableMap(limits);
    }
}
