package app.quorum.roster.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The code printed on a delegate's card: 18 symbols from an alphabet without look-alikes (no 0/O, 1/I/L, U/V
 * pairs), about 88 bits from {@link SecureRandom}, shown as three groups of six. Only its SHA-256 is stored; a
 * random code of this length cannot be found from its hash.
 */
public final class CardCodes {

    static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";
    static final int LENGTH = 18;
    private static final Pattern CODE_PARAMETER = Pattern.compile("[?&]code=([A-Za-z0-9-]+)");
    private static final SecureRandom RANDOM = new SecureRandom();

    private CardCodes() {
    }

    /** A new code, formatted for the card: {@code XXXXXX-XXXXXX-XXXXXX}. */
    public static String generate() {
        StringBuilder code = new StringBuilder(LENGTH + 2);
        for (int i = 0; i < LENGTH; i++) {
            if (i > 0 && i % 6 == 0) {
                code.append('-');
            }
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** The bits of a code of this alphabet and length. */
    public static double bits() {
        return LENGTH * Math.log(ALPHABET.length()) / Math.log(2);
    }

    /**
     * What was typed or scanned, reduced to the code's symbols: upper case, no spaces or dashes; a scanned
     * sign-in address ({@code …?code=…}) gives its code.
     */
    public static String normalize(String input) {
        if (input == null) {
            return "";
        }
        Matcher parameter = CODE_PARAMETER.matcher(input);
        String code = parameter.find() ? parameter.group(1) : input;
        return code.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "");
    }

    public static byte[] hash(String input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(normalize(input).getBytes(StandardCharsets.US_ASCII));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the input could be a code at all (so a typo is told apart from an unknown code). */
    public static boolean wellFormed(String input) {
        String code = normalize(input);
        return code.length() == LENGTH && code.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }
}
