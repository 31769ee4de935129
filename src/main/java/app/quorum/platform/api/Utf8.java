package app.quorum.platform.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Strict UTF-8: a malformed or unmappable byte sequence is an error, never a replacement character. */
final class Utf8 {

    private Utf8() {
    }

    /** The text of these bytes, if they are UTF-8 through and through. */
    static Optional<String> decode(byte[] bytes) {
        try {
            return Optional.of(StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    static boolean isValid(byte[] bytes) {
        return decode(bytes).isPresent();
    }
}
