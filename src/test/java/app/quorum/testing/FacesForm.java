package app.quorum.testing;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Faces form of a page read as HTML, for tests that speak HTTP without a browser: where it posts, and its fields
 * with their values (hidden ones, the view state, inputs, text areas, and the option a select has selected).
 */
public record FacesForm(String action, Map<String, String> fields) {

    /** The form with this id and a view state, if the page has one. */
    public static Optional<FacesForm> find(String html, String id) {
        Matcher form = Pattern.compile("<form\\b([^>]*\\bid=\"" + Pattern.quote(id) + "\"[^>]*)>(.*?)</form>", Pattern.DOTALL)
                .matcher(html);
        if (!form.find()) {
            return Optional.empty();
        }
        Optional<String> action = attribute(form.group(1), "action");
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = Pattern.compile("<input\\b([^>]*)>", Pattern.DOTALL).matcher(form.group(2));
        while (input.find()) {
            String tag = input.group(1);
            boolean box = attribute(tag, "type").filter(type -> type.equals("checkbox") || type.equals("radio")).isPresent();
            if (box && !Pattern.compile("(?<![-\\w])checked(?![-\\w])").matcher(tag).find()) {
                continue; // a browser sends only the boxes that are ticked
            }
            attribute(tag, "name").ifPresent(n -> fields.put(n, unescape(attribute(tag, "value").orElse(box ? "on" : ""))));
        }
        Matcher textarea = Pattern.compile("<textarea\\b([^>]*)>(.*?)</textarea>", Pattern.DOTALL).matcher(form.group(2));
        while (textarea.find()) {
            String text = textarea.group(2);
            attribute(textarea.group(1), "name").ifPresent(n -> fields.put(n, unescape(text)));
        }
        Matcher select = Pattern.compile("<select\\b([^>]*)>(.*?)</select>", Pattern.DOTALL).matcher(form.group(2));
        while (select.find()) {
            Matcher selected = Pattern.compile("<option\\b([^>]*\\bselected[^>]*)>").matcher(select.group(2));
            Matcher first = Pattern.compile("<option\\b([^>]*)>").matcher(select.group(2));
            Optional<String> value = selected.find() ? attribute(selected.group(1), "value")
                    : first.find() ? attribute(first.group(1), "value") : Optional.empty();
            attribute(select.group(1), "name").ifPresent(n -> value.ifPresent(v -> fields.put(n, unescape(v))));
        }
        if (action.isEmpty() || !fields.containsKey("jakarta.faces.ViewState")) {
            return Optional.empty();
        }
        return Optional.of(new FacesForm(unescape(action.get()), fields));
    }

    public String value(String name) {
        return fields.get(name);
    }

    /** The fields with these values put in (a button's name, what is typed). */
    public Map<String, String> with(Map<String, String> values) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.putAll(values);
        return all;
    }

    /** HTML text with its character references (&amp;amp; &amp;#233; &amp;#xE9; …) replaced by the characters. */
    public static String unescape(String html) {
        Matcher entity = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);").matcher(html);
        StringBuilder text = new StringBuilder();
        while (entity.find()) {
            String name = entity.group(1);
            String replacement = switch (name) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                default -> Character.toString(name.startsWith("#x") ? Integer.parseInt(name.substring(2), 16)
                        : Integer.parseInt(name.substring(1)));
            };
            entity.appendReplacement(text, Matcher.quoteReplacement(replacement));
        }
        entity.appendTail(text);
        return text.toString();
    }

    private static Optional<String> attribute(String tag, String name) {
        Matcher value = Pattern.compile("\\b" + Pattern.quote(name) + "=\"([^\"]*)\"").matcher(tag);
        return value.find() ? Optional.of(value.group(1)) : Optional.empty();
    }
}
