package app.quorum.ballot.entity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The fingerprint of a closed ballot box, published in the minutes: anyone can recompute it from the published
 * list of receipts and choices.
 *
 * <h2>Canonical form</h2> One line per paper, {@code receipt TAB choice LF} ({@code "%s\t%s\n"}), the lines in
 * ascending order of receipt (Java {@link String#compareTo}; receipts are ASCII, so this is byte order), equal
 * receipts in ascending order of choice; the whole text encoded in UTF-8, with no header, no byte-order mark and a
 * final LF after the last line. The order of the input never matters: the papers are sorted by receipt, never
 * kept in cast order. The choice is a stable code ({@link #code(ApprovalChoice)}, {@link #code(Set)}):
 * <ul>
 * <li>approval: {@code YES}, {@code NO} or {@code ABSTAIN};</li>
 * <li>election: the chosen candidates' ids in ascending numeric order, joined by {@code ,} without spaces
 * ({@code 3,12}); a blank paper is {@code -}.</li>
 * </ul>
 * The fingerprint is SHA-256 of that text, in lower-case hexadecimal (64 characters). The shell recomputes it with
 * {@code printf '0000-0000-0000-0001\tYES\n…' | sha256sum}. An empty box has the text "" and the fingerprint
 * {@code e3b0c442…b855}.
 */
public final class BoxFingerprint {

    /** The choice code of a blank election paper. */
    public static final String BLANK = "-";

    private static final Comparator<Paper> CANONICAL_ORDER =
            Comparator.comparing(Paper::receipt).thenComparing(Paper::choice);

    /**
     * One published line: a receipt and its paper's choice code.
     *
     * @param receipt the receipt, as published ({@link Receipts#of(byte[])})
     * @param choice the choice code
     */
    public record Paper(String receipt, String choice) {

        public Paper {
            requireField(receipt, "receipt");
            requireField(choice, "choice");
        }

        private static void requireField(String value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isEmpty() || value.chars().anyMatch(c -> c == '\t' || c == '\n' || c == '\r')) {
                throw new IllegalArgumentException("a " + name + " is not empty and has no tab or line break: "
                        + value);
            }
        }
    }

    private BoxFingerprint() {
    }

    /** The papers in canonical order: by receipt, then by choice. */
    public static List<Paper> sorted(Collection<Paper> papers) {
        return papers.stream().sorted(CANONICAL_ORDER).toList();
    }

    /** The canonical text that is hashed. */
    public static String canonicalForm(Collection<Paper> papers) {
        StringBuilder text = new StringBuilder();
        for (Paper paper : sorted(papers)) {
            text.append(paper.receipt()).append('\t').append(paper.choice()).append('\n');
        }
        return text.toString();
    }

    /** SHA-256 of the canonical form, lower-case hexadecimal. */
    public static String of(Collection<Paper> papers) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalForm(papers).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The code of an approval choice: {@code YES}, {@code NO} or {@code ABSTAIN}. */
    public static String code(ApprovalChoice choice) {
        return choice.name();
    }

    /** The code of an election paper: the ids in ascending order joined by {@code ,}; {@code -} when blank. */
    public static String code(Set<Long> chosen) {
        if (chosen.isEmpty()) {
            return BLANK;
        }
        return chosen.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
    }
}
