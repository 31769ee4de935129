package app.quorum.attack;

import app.quorum.attack.Agent.Role;
import app.quorum.attack.FacesPage.Button;
import app.quorum.attack.FacesPage.Field;
import app.quorum.attack.FacesPage.FieldType;
import app.quorum.attack.FacesPage.Form;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Hostile posts of every Faces form of every view ({@link Surface#views()}), as the role the view is for: the forms and
 * their buttons are read from the rendered pages, and each case opens the page afresh, changes what the kind of attack
 * changes, and clicks — over PrimeFaces ajax as the page would, or as a plain post. A button that asks for a confirmation,
 * or one of a form with nothing to type (a pure action: open, close, publish, delete), is clicked only by the attacks
 * that must do nothing: without, with a stale or with another session's view state, and from another site.
 */
final class FormAttacks {

    /** A form and one of its buttons, on a view opened as a role with a query. */
    record Entry(Role role, String view, String query, String form, Button button, List<Field> inputs) {

        boolean action() {
            return button.confirmed() || inputs.stream().noneMatch(f -> f.type() == FieldType.TEXT || f.type() == FieldType.NUMBER
                    || f.type() == FieldType.DATE);
        }

        String target() {
            return view + " " + form + " › " + button.id().replaceAll(":\\d+:", ":*:");
        }
    }

    record FormCase(Kind kind, Entry entry, String meetingId, Map<String, String> values, List<String> removed) {

        @Override
        public String toString() {
            return kind + " as " + entry.role() + " on " + entry.view() + "?id=" + meetingId + " " + entry.form() + " › "
                    + entry.button().id() + (values.isEmpty() ? "" : " with " + Ledger.clip(values.toString(), 600))
                    + (removed.isEmpty() ? "" : " without " + removed);
        }
    }

    static final Set<Kind> HARMLESS = Set.of(Kind.MISSING_VIEW_STATE, Kind.STALE_VIEW_STATE, Kind.CROSS_SESSION, Kind.CSRF);

    private final Arena arena;
    private final List<Entry> entries = new ArrayList<>();
    private final Map<Role, String> oldViewStates = new LinkedHashMap<>();

    FormAttacks(Arena arena) {
        this.arena = arena;
    }

    /** Opens every view as its roles and reads its forms: the entries of the attack. */
    List<Entry> discover() {
        for (String view : Surface.views()) {
            boolean needsId = Surface.source(view).contains("name=\"id\"");
            for (Role role : Surface.rolesOf(view)) {
                String query = needsId ? "id=" + arena.stage.draft.id() : "";
                Answer page = arena.agent(role).get(view + (query.isEmpty() ? "" : "?" + query));
                for (Form form : FacesPage.forms(view, page.text())) {
                    oldViewStates.putIfAbsent(role, form.viewState());
                    for (Button button : form.buttons()) {
                        entries.add(new Entry(role, view, query, form.id(), button, form.inputs()));
                    }
                }
            }
        }
        return entries;
    }

    Gen<FormCase> cases() {
        List<Entry> typed = entries.stream().filter(e -> !e.action()).toList();
        Gen<Kind> kinds = Generate.pick(List.of(Kind.HOSTILE_TEXT, Kind.WRONG_TYPE, Kind.MISSING_VIEW_STATE, Kind.STALE_VIEW_STATE,
                Kind.CROSS_SESSION, Kind.CSRF, Kind.FOREIGN_ID, Kind.OVERSIZED_BODY, Kind.INVALID_ENCODING, Kind.REPLAY));
        return kinds.flatMap(kind -> Generate.pick(HARMLESS.contains(kind) ? entries : typed).flatMap(entry ->
                meeting(kind).flatMap(meeting -> values(kind, entry).map(values -> new FormCase(kind, entry, meeting, values,
                        removed(kind, entry))))));
    }

    private Gen<String> meeting(Kind kind) {
        Stage s = arena.stage;
        return kind == Kind.FOREIGN_ID ? Generate.pick(List.of(String.valueOf(s.approval.id()), String.valueOf(s.election.id()),
                String.valueOf(s.rollCall.id()), "999999999", "-1", "abc", "1 OR 1=1", ""))
                : Generate.constant(String.valueOf(s.draft.id()));
    }

    private static List<String> removed(Kind kind, Entry entry) {
        return kind == Kind.MISSING_VIEW_STATE || kind == Kind.CSRF ? List.of(FacesPage.VIEW_STATE) : List.of();
    }

    /** What the attack types into the form's fields. */
    private Gen<Map<String, String>> values(Kind kind, Entry entry) {
        Gen<Map<String, String>> values = Generate.constant(Map.of());
        for (Field field : entry.inputs()) {
            Gen<String> value = switch (kind) {
                case HOSTILE_TEXT -> field.type() == FieldType.TEXT ? Hostile.text().map(t -> Ledger.clip(t, 3000)) : null;
                case WRONG_TYPE -> switch (field.type()) {
                    case NUMBER -> Hostile.number();
                    case DATE -> Hostile.date();
                    case CHOICE, CHECK -> Generate.pick(List.of("NOT_A_CHOICE", "-1", "999999999", "", "on", "true"));
                    default -> field.name().endsWith("_hinput") ? Hostile.number() : null;
                };
                case OVERSIZED_BODY -> field.type() == FieldType.TEXT ? org.quicktheories.generators.SourceDSL.integers().between(4, 7)
                        .map(p -> "Ắ".repeat(Hostile.lengthOf(p))) : null;
                case INVALID_ENCODING -> field.type() == FieldType.TEXT ? Generate.pick(List.of("Đồng ý – biểu quyết", "\u00ff\u00fe",
                        "Hội nghị\u0000", "\uD800x")) : null;
                default -> null;
            };
            if (value != null) {
                Gen<String> typed = value;
                values = values.zip(typed, (map, v) -> {
                    Map<String, String> more = new LinkedHashMap<>(map);
                    more.put(field.name(), v);
                    return more;
                });
            }
        }
        return values;
    }

    Verdict run(FormCase c) {
        Entry e = c.entry();
        Agent agent = arena.agent(e.role());
        String address = e.view() + (e.query().isEmpty() && c.kind() != Kind.FOREIGN_ID ? "" : "?id=" + ApiAttacks.encode(c.meetingId()));
        Answer page = agent.get(address);
        Form form = FacesPage.forms(e.view(), page.text()).stream().filter(f -> f.id().equals(e.form())).findFirst().orElse(null);
        Button button = form == null ? null : form.buttons().stream().filter(b -> sameButton(b, e.button())).findFirst().orElse(null);
        if (form == null || button == null) {
            // the page of this meeting has no such form or button (another meeting, a refused id): the page is the answer
            return arena.attempt(c.kind(), e.target(), c + " (the page has no such button)", () -> page, (a, changed) -> Judge.page(a, !changed.isEmpty()));
        }
        Map<String, String> values = new LinkedHashMap<>(form.values());
        values.putAll(c.values());
        c.removed().forEach(values::remove);
        if (c.kind() == Kind.STALE_VIEW_STATE) {
            values.put(FacesPage.VIEW_STATE, oldViewStates.getOrDefault(e.role(), "-1:-1"));
        }
        Map<String, String> post = form.click(button, values);
        Agent sender = c.kind() == Kind.CROSS_SESSION ? arena.fresh(e.role()) : agent;
        return arena.attempt(c.kind(), e.target(), c.toString(), () -> {
            if (c.kind() == Kind.REPLAY) {
                send(sender, form, button, post, c);
            }
            return send(sender, form, button, post, c);
        }, (answer, changed) -> judge(c, answer, changed));
    }

    private static Answer send(Agent agent, Form form, Button button, Map<String, String> post, FormCase c) {
        if (c.kind() == Kind.INVALID_ENCODING) {
            return agent.post(form.action(), post, StandardCharsets.ISO_8859_1);
        }
        if (c.kind() == Kind.CSRF) {
            String body = ApiAttacks.encode("x") + "=1&" + post.entrySet().stream().map(en -> ApiAttacks.encode(en.getKey()) + "="
                    + ApiAttacks.encode(en.getValue())).reduce((a, b) -> a + "&" + b).orElse("");
            return agent.send("POST", agent.uri(form.action()), "application/x-www-form-urlencoded", body.getBytes(StandardCharsets.US_ASCII),
                    "Origin", "http://evil.example", "Referer", "http://evil.example/attack.html");
        }
        return button.ajax() ? agent.ajax(form.action(), post) : agent.post(form.action(), post);
    }

    private static boolean sameButton(Button a, Button b) {
        return a.id().replaceAll(":\\d+:", ":*:").equals(b.id().replaceAll(":\\d+:", ":*:"));
    }

    private static Verdict judge(FormCase c, Answer answer, Set<String> changed) {
        Verdict verdict = Judge.page(answer, !changed.isEmpty());
        if ((c.kind() == Kind.MISSING_VIEW_STATE || c.kind() == Kind.CSRF) && verdict.outcome() == Outcome.UNCLEAR_REFUSAL
                && answer.status() / 100 == 4) {
            // only a forged post comes without a view state: nobody is there to read a message
            verdict = Verdict.of(Outcome.REFUSED, answer, "a post without a view state refused with " + answer.status());
        }
        if (HARMLESS.contains(c.kind()) && !changed.isEmpty()) {
            return Verdict.of(Outcome.CHANGED_ON_REFUSAL, answer, "a post " + c.kind() + " stored " + changed);
        }
        return verdict;
    }
}
