package app.quorum.platform.api;

import app.quorum.platform.Jsons;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import jakarta.json.stream.JsonParsingException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.WebApplicationException;
import java.io.StringReader;
import java.util.HashSet;
import java.util.Set;

/**
 * A request body read strictly as one JSON object, with JSON-P's streaming parser: UTF-8 only (a malformed byte is
 * an error, not a replacement character), one object and nothing after it, no key twice in any object (RFC 8259 §4
 * leaves a repeated name to the reader; {@code {"choice": "YES", "choice": "NO"}} means nothing sure, so it is
 * refused — the object is built here, event by event, because JSON-P's builders keep the last value silently), at
 * most {@value #MAX_DEPTH} levels deep. Anything else — truncated, an array, a bare value — is {@code 400} with the
 * API's error ({@code api.body.*}).
 */
public final class JsonBody {

    static final int MAX_DEPTH = 32;

    private JsonBody() {
    }

    /** The body's JSON object, or a 400 answer. */
    public static JsonObject object(byte[] body, HttpServletRequest request) {
        if (body == null || body.length == 0) {
            throw ApiError.badRequest(request, "api.body.missing");
        }
        String text = Utf8.decode(body).orElseThrow(() -> ApiError.badRequest(request, "api.body.encoding"));
        try (JsonParser parser = Jsons.JSON.createParser(new StringReader(text))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                throw ApiError.badRequest(request, "api.body.invalid");
            }
            JsonObject object = object(parser, 1);
            if (parser.hasNext()) {
                throw ApiError.badRequest(request, "api.body.invalid"); // something after the object
            }
            return object;
        } catch (WebApplicationException answered) {
            throw answered;
        } catch (RuntimeException unreadable) { // JsonParsingException, an early end, nesting too deep
            throw ApiError.badRequest(request, "api.body.invalid");
        }
    }

    /** The object whose START_OBJECT was just read. */
    private static JsonObject object(JsonParser parser, int depth) {
        JsonObjectBuilder object = Jsons.JSON.createObjectBuilder();
        Set<String> keys = new HashSet<>();
        while (true) {
            JsonParser.Event event = parser.next();
            if (event == JsonParser.Event.END_OBJECT) {
                return object.build();
            }
            String key = parser.getString();
            if (!keys.add(key)) {
                throw new JsonParsingException("the key \"" + key + "\" twice", parser.getLocation());
            }
            object.add(key, value(parser, parser.next(), depth));
        }
    }

    private static JsonValue value(JsonParser parser, JsonParser.Event event, int depth) {
        if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
            if (depth >= MAX_DEPTH) {
                throw new JsonParsingException("nested more than " + MAX_DEPTH + " deep", parser.getLocation());
            }
            return event == JsonParser.Event.START_OBJECT ? object(parser, depth + 1) : array(parser, depth + 1);
        }
        return parser.getValue();
    }

    private static JsonValue array(JsonParser parser, int depth) {
        JsonArrayBuilder array = Jsons.JSON.createArrayBuilder();
        for (JsonParser.Event event = parser.next(); event != JsonParser.Event.END_ARRAY; event = parser.next()) {
            array.add(value(parser, event, depth));
        }
        return array.build();
    }
}
