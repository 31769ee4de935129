package app.quorum.verifier;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * §1's rule for every number of a record, checked on the record's text (the tree no longer shows how a number was
 * written): an integer written as digits only — no sign, fraction, exponent or leading zero — at most 2^53 − 1.
 */
final class Numbers {

    private Numbers() {
    }

    /** The first number of the text that breaks the rule, as written, or null when there is none. */
    static String firstWrong(JsonMapper mapper, String text) {
        try (JsonParser parser = mapper.createParser(text)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                if (token.isNumeric()) {
                    String written = parser.getText();
                    if (!written.matches("0|[1-9][0-9]{0,15}") || Long.parseLong(written) > Fields.LARGEST) {
                        return written;
                    }
                }
            }
            return null;
        } catch (IOException unreadable) {
            return "(unreadable: " + unreadable.getMessage() + ")";
        }
    }
}
