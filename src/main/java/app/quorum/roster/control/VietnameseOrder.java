package app.quorum.roster.control;

import java.text.Collator;
import java.text.ParseException;
import java.text.RuleBasedCollator;
import java.util.Comparator;
import java.util.Locale;

/**
 * The order of a Vietnamese roster: by given name (the last word of the full name: "Ngô Thị Hương" is under
 * H), then by the whole name, in the Vietnamese alphabet — A Ă Â B C D Đ E Ê … O Ô Ơ … U Ư … — with the tones
 * in dictionary order (ngang, huyền, hỏi, ngã, sắc, nặng: a à ả ã á ạ). Names without a value come last.
 *
 * <p>The JDK's collation for Locale "vi" has exactly these rules; should a runtime lack the locale data, the
 * same rules are given explicitly. Each order has a collator of its own, whose comparisons the JDK serialises:
 * for sorting from many threads at once, make one order per thread.
 */
public final class VietnameseOrder implements Comparator<String> {

    static final Locale VIETNAMESE = Locale.of("vi");
    /**
     * The Vietnamese tailoring of the root collation, as the JDK has it: tone marks as secondary differences in
     * dictionary order, Đ a letter after D, and breve, circumflex and horn as letters after Z, so that (with the
     * text decomposed) Ă follows every other A-word, Â follows Ă, Ơ follows Ô, and so on.
     */
    static final String TAILORING = "&\u0300;\u0309;\u0303;\u0301;\u0323&D<\u0111,\u0110&Z<\u0306<\u0302<\u031B";

    private final Collator collator;

    public VietnameseOrder() {
        this(vietnameseCollator());
    }

    VietnameseOrder(Collator collator) {
        this.collator = collator;
    }

    @Override
    public int compare(String left, String right) {
        if (left == null || right == null) {
            return left == null ? (right == null ? 0 : 1) : -1;
        }
        int byGivenName = collator.compare(givenName(left), givenName(right));
        return byGivenName != 0 ? byGivenName : collator.compare(left.strip(), right.strip());
    }

    /** The given name: the last word of the full name. */
    public static String givenName(String fullName) {
        String name = fullName.strip();
        int space = name.length() - 1;
        while (space >= 0 && !Character.isWhitespace(name.charAt(space))) {
            space--;
        }
        return name.substring(space + 1);
    }

    /** The JDK's Vietnamese collation, or the same rules given explicitly where the locale data is missing. */
    static Collator vietnameseCollator() {
        Collator collator = Collator.getInstance(VIETNAMESE);
        if (!(collator instanceof RuleBasedCollator rules) || !rules.getRules().endsWith(TAILORING)) {
            collator = explicitCollator();
        }
        return configured(collator);
    }

    /** The root collation with the Vietnamese tailoring, whatever locale data the runtime has. */
    static Collator explicitCollator() {
        try {
            String root = ((RuleBasedCollator) Collator.getInstance(Locale.ROOT)).getRules();
            return configured(new RuleBasedCollator(root + TAILORING));
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Collator configured(Collator collator) {
        // the tailoring speaks of combining marks: compare text decomposed, however it was typed
        collator.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
        collator.setStrength(Collator.TERTIARY);
        return collator;
    }
}
