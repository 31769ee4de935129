package app.quorum.attack;

import static org.quicktheories.generators.SourceDSL.integers;

import app.quorum.attack.Agent.Role;
import app.quorum.attack.Surface.Endpoint;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * Hostile requests to every endpoint of the JSON API ({@link Surface#api()}), as every role: wrong types, truncated,
 * oversized and wrongly encoded bodies, other content types and methods, the ids of other meetings, ballots, papers
 * and options, forged choices — and, on the casting endpoint, replayed and cross-session casts.
 */
final class ApiAttacks {

    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w+)}");
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Paper ids no device drawing 128 random bits makes: the API must refuse them. */
    static final java.util.Set<String> NOT_RANDOM = java.util.Set.of("0".repeat(32), "f".repeat(32), "0123456789abcdef0123456789abcdef");

    /** One generated request: who, which endpoint, its path parameters, a query, a method, a body and its type. */
    record ApiCase(Kind kind, Role role, Endpoint endpoint, List<String> path, String query, String method, String contentType,
            Body body) {

        String target() {
            return endpoint.name();
        }

        @Override
        public String toString() {
            return kind + " as " + role + ": " + method + " /api/" + fill() + (query.isEmpty() ? "" : "?" + query)
                    + (body == null ? "" : " [" + contentType + "] " + body);
        }

        String fill() {
            Matcher parameter = PARAMETER.matcher(endpoint.template());
            StringBuilder filled = new StringBuilder();
            int i = 0;
            while (parameter.find()) {
                parameter.appendReplacement(filled, Matcher.quoteReplacement(URLEncoder.encode(path.get(i++), StandardCharsets.UTF_8)
                        .replace("+", "%20")));
            }
            parameter.appendTail(filled);
            return filled.toString();
        }
    }

    /** A body: its text, the charset its bytes are in, and a cut (a truncated body) or none. */
    record Body(String text, Charset charset, int cut) {

        byte[] bytes() {
            byte[] all = text.getBytes(charset);
            return cut > 0 && cut < all.length ? java.util.Arrays.copyOf(all, cut) : all;
        }

        @Override
        public String toString() {
            String shown = Ledger.clip(text, 120);
            return shown + (charset.equals(StandardCharsets.UTF_8) ? "" : " in " + charset) + (cut > 0 ? " cut at " + cut : "");
        }
    }

    private final Arena arena;
    private final List<Endpoint> endpoints;

    ApiAttacks(Arena arena) {
        this.arena = arena;
        this.endpoints = Surface.api();
    }

    List<Endpoint> endpoints() {
        return endpoints;
    }

    Gen<ApiCase> cases() {
        Gen<Kind> kinds = Generate.pick(List.of(Kind.FOREIGN_ID, Kind.WRONG_TYPE, Kind.TRUNCATED_BODY, Kind.INVALID_ENCODING,
                Kind.OVERSIZED_BODY, Kind.FORGED_CHOICE, Kind.ACCESS, Kind.HOSTILE_ADDRESS, Kind.CSRF));
        return kinds.flatMap(kind -> Generate.pick(Role.ALL).flatMap(role -> Generate.pick(endpoints).flatMap(endpoint ->
                pathValues(endpoint, kind).flatMap(path -> query(endpoint, kind).flatMap(query -> body(kind).flatMap(body ->
                        method(endpoint, kind).zip(contentType(kind), (method, type) -> new ApiCase(kind, role, endpoint, path, query,
                                method, type, body.text() == null ? null : body))))))));
    }

    private Gen<List<String>> pathValues(Endpoint endpoint, Kind kind) {
        Matcher parameter = PARAMETER.matcher(endpoint.template());
        List<Gen<String>> values = new ArrayList<>();
        while (parameter.find()) {
            values.add(value(parameter.group(1), kind));
        }
        Gen<List<String>> all = Generate.constant(List.of());
        for (Gen<String> value : values) {
            all = all.zip(value, (list, v) -> {
                List<String> more = new ArrayList<>(list);
                more.add(v);
                return more;
            });
        }
        return all;
    }

    /** A value of a path or query parameter: real ids of the stage (other meetings' included) or hostile ones. */
    private Gen<String> value(String name, Kind kind) {
        Stage s = arena.stage;
        List<String> ids = new ArrayList<>();
        s.meetingIds().forEach(id -> ids.add(String.valueOf(id)));
        s.ballotIds().forEach(id -> ids.add(String.valueOf(id)));
        ids.add("1");
        ids.add("999999999");
        Gen<String> real = switch (name) {
            case "paperId", "paper" -> Generate.pick(List.of(s.usedPaper, "0".repeat(32), "f".repeat(32), s.usedPaper.toUpperCase(),
                    "0123456789abcdef0123456789abcdef")).mix(Generate.constant(ApiAttacks::freshPaper), 50);
            case "receipt" -> Generate.pick(s.publishedReceipts).mix(Generate.pick(List.of("0000-0000-0000-0000", "not-a-receipt")), 30);
            default -> Generate.pick(ids);
        };
        return kind == Kind.HOSTILE_ADDRESS || kind == Kind.WRONG_TYPE ? real.mix(Hostile.text().map(t -> Ledger.clip(t, 2000)), 70)
                .mix(Hostile.number(), 30) : real;
    }

    private Gen<String> query(Endpoint endpoint, Kind kind) {
        if (endpoint.query().isEmpty()) {
            return kind == Kind.HOSTILE_ADDRESS ? Hostile.text().map(t -> "x=" + encode(Ledger.clip(t, 2000))) : Generate.constant("");
        }
        Gen<String> query = Generate.constant("");
        for (String name : endpoint.query()) {
            Gen<String> value = value(name, kind).mix(Generate.constant(""), 10);
            query = query.zip(value, (q, v) -> (q.isEmpty() ? "" : q + "&") + name + "=" + encode(v));
        }
        return query;
    }

    private Gen<Body> body(Kind kind) {
        Gen<String> choice = switch (kind) {
            case WRONG_TYPE -> Generate.pick(List.of("[\"YES\"]", "{\"a\": 1}", "1", "true", "null", "[]", "1e400", "\"" + "YES" + "\""));
            case FORGED_CHOICE -> Generate.pick(List.of("\"MAYBE\"", "\"yes\"", "\"YES,NO\"", "\"-\"", "\"" + arena.stage.candidates.get(0) + "\"",
                    "\"" + arena.stage.candidates.get(0) + "," + arena.stage.candidates.get(0) + "\"",
                    "\"" + arena.stage.candidates.get(0) + "," + arena.stage.candidates.get(1) + "," + arena.stage.candidates.get(2) + "\"",
                    "\"999999999\"", "\"-1\"", "\" YES\"", "\"YES\\u0000\"", "\"C1\""))
                    .mix(Hostile.text().map(t -> quote(Ledger.clip(t, 5000))), 40);
            default -> Generate.pick(List.of("\"YES\"", "\"NO\"", "\"ABSTAIN\"", "\"" + arena.stage.candidates.get(1) + "\"", "\"-\""));
        };
        Gen<String> json = choice.map(c -> "{\"choice\": " + c + "}");
        return switch (kind) {
            case TRUNCATED_BODY -> json.zip(integers().between(0, 14), (text, cut) -> new Body(text, StandardCharsets.UTF_8, Math.max(cut, 1)))
                    .mix(Generate.pick(List.of("{", "{\"choice\"", "{\"choice\": \"YE", "")).map(t -> new Body(t, StandardCharsets.UTF_8, 0)), 40);
            case INVALID_ENCODING -> Generate.pick(List.of(StandardCharsets.ISO_8859_1, Charset.forName("windows-1258"), StandardCharsets.UTF_16,
                    StandardCharsets.UTF_16LE)).zip(Generate.pick(List.of("{\"choice\": \"Đồng ý\"}", "{\"choice\": \"YES\", \"x\": \"é\"}",
                    "{\"choice\": \"\u00ff\u00fe\"}")), (charset, text) -> new Body(text, charset, 0))
                    .mix(Generate.pick(List.of("{\"choice\": \"\\uD800\"}", "{\"choice\": \"YES\u0000\"}")).map(t -> new Body(t, StandardCharsets.UTF_8, 0)), 30);
            case OVERSIZED_BODY -> integers().between(3, 7).map(p -> new Body("{\"choice\": \"" + "Y".repeat(Hostile.lengthOf(p)) + "\", \"pad\": \"\"}",
                    StandardCharsets.UTF_8, 0));
            default -> json.map(text -> new Body(text, StandardCharsets.UTF_8, 0));
        };
    }

    private Gen<String> method(Endpoint endpoint, Kind kind) {
        return kind == Kind.ACCESS || kind == Kind.HOSTILE_ADDRESS
                ? Generate.pick(List.of(endpoint.method(), "GET", "PUT", "POST", "DELETE", "PATCH", "OPTIONS", "HEAD"))
                : Generate.constant(endpoint.method());
    }

    private Gen<String> contentType(Kind kind) {
        return kind == Kind.CSRF ? Generate.pick(List.of("application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"))
                : kind == Kind.INVALID_ENCODING ? Generate.pick(List.of("application/json", "application/json; charset=ISO-8859-1",
                        "application/json; charset=nonsense"))
                : Generate.pick(List.of("application/json", "application/json; charset=UTF-8"));
    }

    /** Sends the case as its role and judges the answer. */
    Verdict run(ApiCase c) {
        Agent agent = arena.agent(c.role());
        boolean sendsBody = c.body() != null && !c.method().equals("GET") && !c.method().equals("HEAD") && !c.method().equals("OPTIONS");
        String path = "api/" + c.fill() + (c.query().isEmpty() ? "" : "?" + c.query());
        return arena.attempt(c.kind(), c.target(), c.toString(), () -> c.kind() == Kind.CSRF
                        ? agent.send(c.method(), agent.uri(path), c.contentType(), sendsBody ? c.body().bytes() : null,
                                "Origin", "http://evil.example", "Referer", "http://evil.example/")
                        : agent.send(c.method(), agent.uri(path), sendsBody ? c.contentType() : null, sendsBody ? c.body().bytes() : null),
                (answer, changed) -> judge(c, answer, changed));
    }

    private Verdict judge(ApiCase c, Answer answer, java.util.Set<String> changed) {
        Verdict verdict = Judge.api(answer, !changed.isEmpty());
        if (!changed.isEmpty() && verdict.outcome() == Outcome.ACCEPTED) {
            boolean cast = c.role() == Role.DELEGATE && c.endpoint().method().equals("PUT") && c.method().equals("PUT");
            if (!cast || !changed.stream().allMatch(t -> List.of("cast_vote", "participation", "roll_call").contains(t))) {
                return Verdict.of(Outcome.LEAKED, answer, "stored " + changed + " by " + c.role() + " " + c.method());
            }
            if (c.kind() == Kind.CSRF) {
                return Verdict.of(Outcome.LEAKED, answer, "a cross-site " + c.contentType() + " request cast a vote");
            }
        }
        if (verdict.outcome() == Outcome.ACCEPTED && changed.contains("cast_vote") && c.path().size() > 1
                && NOT_RANDOM.contains(c.path().get(1).toLowerCase(java.util.Locale.ROOT))) {
            return Verdict.of(Outcome.LEAKED, answer, "a paper id that is not 128 random bits was accepted: " + c.path().get(1));
        }
        if (verdict.outcome() == Outcome.ACCEPTED && c.endpoint().template().startsWith("delegate") && c.role() != Role.DELEGATE) {
            return Verdict.of(Outcome.LEAKED, answer, "the delegate API answered " + c.role());
        }
        return verdict;
    }

    static String freshPaper() {
        byte[] paper = new byte[16];
        RANDOM.nextBytes(paper);
        return HexFormat.of().formatHex(paper);
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n").replace("\r", "\\r")
                .replace("\t", "\\t").replace("\u0000", "\\u0000") + "\"";
    }
}
