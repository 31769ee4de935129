package app.quorum.verifier;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

import com.fasterxml.jackson.databind.JsonNode;

/** Typed, located access to the record's JSON (Jackson's tree): every refusal names the field's path. */
final class Fields {

    private Fields() {
    }

    static JsonNode object(JsonNode parent, String name, String where) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isObject()) {
            throw new BadRecord(where + "." + name + " is not an object");
        }
        return node;
    }

    static JsonNode array(JsonNode parent, String name, String where) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isArray()) {
            throw new BadRecord(where + "." + name + " is not an array");
        }
        return node;
    }

    static String text(JsonNode parent, String name, String where) {
        JsonNode node = parent.get(name);
        if (node == null || !node.isTextual()) {
            throw new BadRecord(where + "." + name + " is not a string");
        }
        return node.textValue();
    }

    /** The largest number of a record (§1): 2^53 − 1. */
    static final long LARGEST = (1L << 53) - 1;

    /** A count or size: an integer in [0, 2^53 − 1]. */
    static long integer(JsonNode parent, String name, String where) {
        return integer(parent.get(name), where + "." + name);
    }

    static long integer(JsonNode node, String where) {
        return integer(node, 0, where);
    }

    /** An id or index: an integer in [1, 2^53 − 1]. */
    static long id(JsonNode parent, String name, String where) {
        return integer(parent.get(name), 1, where + "." + name);
    }

    static long integer(JsonNode node, long least, String where) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < least
                || node.longValue() > LARGEST) {
            throw new BadRecord(where + " is not an integer in [" + least + ", 2^53 - 1]");
        }
        return node.longValue();
    }

    /** A list of exactly {@code size} points. */
    static List<ECPoint> points(JsonNode parent, String name, int size, String where) {
        return list(parent, name, size, where, Curve::point);
    }

    static ECPoint point(JsonNode parent, String name, String where) {
        return Curve.point(text(parent, name, where), where + "." + name);
    }

    static BigInteger scalar(JsonNode parent, String name, String where) {
        return Curve.scalar(text(parent, name, where), where + "." + name);
    }

    /** An array of scalars of exactly {@code size} entries. */
    static List<BigInteger> scalars(JsonNode parent, String name, int size, String where) {
        return list(parent, name, size, where, Curve::scalar);
    }

    /** An array of exactly {@code size} strings, each read by {@code read(text, where)}. */
    private static <T> List<T> list(JsonNode parent, String name, int size, String where,
            java.util.function.BiFunction<String, String, T> read) {
        JsonNode array = array(parent, name, where);
        if (array.size() != size) {
            throw new BadRecord(where + "." + name + " has " + array.size() + " entries, not " + size);
        }
        List<T> values = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            JsonNode entry = array.get(i);
            values.add(read.apply(entry.isTextual() ? entry.textValue() : null, where + "." + name + "[" + i + "]"));
        }
        return values;
    }
}
