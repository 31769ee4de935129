package app.quorum.results.boundary;

import app.quorum.results.entity.PublishedResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Chart.js configuration of a published result's chart, for PrimeFaces' {@code <p:chart value="…">} (PrimeFaces
 * 15 takes the configuration as JSON; its old chart model classes are gone): one horizontal bar per choice or
 * candidate, its length the votes, on a scale of all the papers cast. Agreement is green, disagreement red,
 * abstention grey; in an election the elected are green and the others blue. The numbers themselves are in the
 * table (and in the canvas' label) next to it.
 */
public final class ResultChart {

    private static final String INK = "#111820";
    private static final String GRID = "#c9d1db";

    private ResultChart() {
    }

    /**
     * The configuration of the chart.
     *
     * @param result the published result
     * @param votesLabel what the bars count, in the reader's language ("phiếu")
     * @param large type for a projector (large and bold) rather than for a page
     */
    public static String config(PublishedResult result, String votesLabel, boolean large) {
        List<Object> labels = new ArrayList<>();
        List<Object> votes = new ArrayList<>();
        List<Object> colours = new ArrayList<>();
        for (PublishedResult.Line line : result.lines()) {
            labels.add(line.label());
            votes.add(line.votes());
            colours.add(colour(result, line));
        }
        int fontSize = large ? 30 : 15;
        Map<String, Object> dataset = object("label", votesLabel, "data", votes, "backgroundColor", colours,
                "borderRadius", large ? 8 : 4, "maxBarThickness", large ? 110 : 48);
        Map<String, Object> font = object("size", fontSize, "weight", "bold");
        Map<String, Object> options = object(
                "indexAxis", "y",
                "responsive", true,
                "maintainAspectRatio", false,
                "animation", large ? object("duration", 600) : false,
                "plugins", object("legend", object("display", false), "tooltip", object("enabled", !large)),
                "scales", object(
                        "x", object("beginAtZero", true, "suggestedMax", Math.max(1, result.votesCast()),
                                "ticks", object("precision", 0, "color", INK, "font", object("size", fontSize)),
                                "grid", object("color", GRID)),
                        "y", object("ticks", object("color", INK, "font", font), "grid", object("display", false))));
        return json(object("type", "bar", "data", object("labels", labels, "datasets", List.of(dataset)), "options", options));
    }

    private static String colour(PublishedResult result, PublishedResult.Line line) {
        if (!result.isApproval()) {
            return line.elected() ? "#1c6b35" : "#0b5cad";
        }
        return switch (line.code()) {
            case "YES" -> "#1c6b35";
            case "NO" -> "#a1191f";
            default -> "#6b7685";
        };
    }

    private static Map<String, Object> object(Object... keysAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            object.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return object;
    }

    /**
     * JSON of maps, lists, strings, numbers and booleans. The configuration is written into a script element, so
     * besides JSON's own escapes {@code <}, {@code >} and {@code &} are escaped too: no label can end the script.
     */
    static String json(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String text) {
            string(text, out);
        } else if (value instanceof Number || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.append(separator);
                string(String.valueOf(entry.getKey()), out);
                out.append(':');
                write(entry.getValue(), out);
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            String separator = "";
            for (Object element : list) {
                out.append(separator);
                write(element, out);
                separator = ",";
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not JSON: " + value.getClass());
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
