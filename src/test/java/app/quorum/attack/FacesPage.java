package app.quorum.attack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The Faces forms of a rendered page, read as a browser reads them: each form's fields with their values (inputs,
 * text areas, the selected options), its view state, and its buttons — a PrimeFaces ajax button with what it
 * processes and renders, a plain submit button, and whether it first asks for a confirmation.
 */
final class FacesPage {

    static final String VIEW_STATE = "jakarta.faces.ViewState";
    private static final Pattern AJAX = Pattern.compile("PrimeFaces\\.ab\\(\\{(.*?)\\}\\)");

    enum FieldType { TEXT, NUMBER, DATE, CHOICE, CHECK, HIDDEN }

    record Field(String name, FieldType type, String value, List<String> options) {
    }

    record Button(String id, boolean ajax, String process, String update, boolean confirmed) {
    }

    record Form(String page, String id, String action, List<Field> fields, List<Button> buttons) {

        Map<String, String> values() {
            Map<String, String> values = new LinkedHashMap<>();
            for (Field field : fields) {
                if (field.value() != null) {
                    values.put(field.name(), field.value());
                }
            }
            return values;
        }

        String viewState() {
            return fields.stream().filter(f -> f.name().equals(VIEW_STATE)).map(Field::value).findFirst().orElse(null);
        }

        /** The fields a person types or chooses in (not the view state, not PrimeFaces' own hidden fields). */
        List<Field> inputs() {
            return fields.stream().filter(f -> f.type() != FieldType.HIDDEN || f.name().endsWith("_hinput")).toList();
        }

        /** The request a click on the button sends: the form's fields, and for ajax what PrimeFaces adds. */
        Map<String, String> click(Button button, Map<String, String> values) {
            Map<String, String> post = new LinkedHashMap<>(values);
            post.put(id, id);
            if (button.ajax()) {
                post.put("jakarta.faces.partial.ajax", "true");
                post.put("jakarta.faces.source", button.id());
                post.put("jakarta.faces.partial.execute", resolve(button.process() == null ? "@form" : button.process(), button));
                if (button.update() != null) {
                    post.put("jakarta.faces.partial.render", resolve(button.update(), button));
                }
                post.put(button.id(), button.id());
            } else {
                post.put(button.id(), "");
            }
            return post;
        }

        private String resolve(String targets, Button button) {
            List<String> resolved = new ArrayList<>();
            for (String target : targets.split("[ ,]+")) {
                resolved.add(switch (target) {
                    case "@this" -> button.id();
                    case "@form" -> id;
                    default -> target;
                });
            }
            if (!resolved.contains(button.id())) {
                resolved.add(0, button.id());
            }
            return String.join(" ", resolved);
        }
    }

    private FacesPage() {
    }

    /** The Faces forms of the page (those with a view state), each with its buttons. */
    static List<Form> forms(String page, String html) {
        Document document = Jsoup.parse(html);
        List<Form> forms = new ArrayList<>();
        for (Element form : document.select("form[id]")) {
            List<Field> fields = new ArrayList<>();
            for (Element input : form.select("input[name]")) {
                String type = input.attr("type").toLowerCase(java.util.Locale.ROOT);
                String name = input.attr("name");
                switch (type) {
                    case "checkbox", "radio" -> fields.add(new Field(name, FieldType.CHECK, input.hasAttr("checked") ? input.attr("value") : null,
                            List.of(input.attr("value"))));
                    case "hidden" -> fields.add(new Field(name, FieldType.HIDDEN, input.attr("value"), List.of()));
                    case "submit", "button", "file", "image", "reset" -> {
                    }
                    default -> fields.add(new Field(name, typeOf(input), input.attr("value"), List.of()));
                }
            }
            for (Element area : form.select("textarea[name]")) {
                fields.add(new Field(area.attr("name"), FieldType.TEXT, area.text(), List.of()));
            }
            for (Element select : form.select("select[name]")) {
                List<String> options = select.select("option").eachAttr("value");
                Element selected = select.selectFirst("option[selected]");
                fields.add(new Field(select.attr("name"), FieldType.CHOICE,
                        selected != null ? selected.attr("value") : options.isEmpty() ? null : options.get(0), options));
            }
            if (fields.stream().noneMatch(f -> f.name().equals(VIEW_STATE))) {
                continue;
            }
            List<Button> buttons = new ArrayList<>();
            for (Element button : form.select("button[id]")) {
                String onclick = button.attr("onclick") + " " + button.attr("data-pfconfirmcommand");
                boolean confirmed = onclick.contains("PrimeFaces.confirm");
                Matcher ajax = AJAX.matcher(onclick);
                if (ajax.find()) {
                    String options = ajax.group(1);
                    buttons.add(new Button(option(options, "s", button.id()), true, option(options, "p", null),
                            option(options, "u", null), confirmed));
                } else if ("submit".equals(button.attr("type"))) {
                    buttons.add(new Button(button.id(), false, null, null, confirmed));
                }
            }
            forms.add(new Form(page, form.id(), form.attr("action"), fields, buttons));
        }
        return forms;
    }

    private static FieldType typeOf(Element input) {
        String name = input.attr("name");
        String classes = input.className() + " " + (input.parent() == null ? "" : input.parent().className());
        if (name.endsWith("_input") && classes.contains("datepicker") || input.hasClass("hasDatepicker") || classes.contains("ui-datepicker")) {
            return FieldType.DATE;
        }
        if (classes.contains("ui-inputnumber") || input.attr("inputmode").equals("decimal") || input.attr("inputmode").equals("numeric")) {
            return FieldType.NUMBER;
        }
        return FieldType.TEXT;
    }

    private static String option(String options, String key, String fallback) {
        Matcher value = Pattern.compile("(?:^|,)" + key + ":\"([^\"]*)\"").matcher(options.replace("&quot;", "\""));
        return value.find() ? value.group(1) : fallback;
    }
}
