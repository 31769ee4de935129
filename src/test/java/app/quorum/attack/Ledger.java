package app.quorum.attack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The counts of the attack: every case by kind and by outcome, what went wrong, and the report written at the end to target/attack/report.md and report.json.
 *
 * <p>A property stops generating at its first unexpected failure and shrinks it: the runs while shrinking are real
 * requests too, but they are counted apart, so that the counts by kind say what was generated.
 */
final class Ledger {

    /** One thing that went wrong. */
    record Finding(String property, Kind kind, Outcome outcome, String target, String input, String answer, String detail) {
    }

    private final Map<Kind, Map<Outcome, Integer>> counts = new EnumMap<>(Kind.class);
    private final Map<String, Integer> byTarget = new TreeMap<>();
    private final Map<String, Integer> byProperty = new TreeMap<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int shrinkRuns;
    private boolean shrinking;
    private String property = "";
    private long startedAt = System.nanoTime();

    synchronized void startProperty(String name) {
        property = name;
        shrinking = false;
    }

    /** Records a case; returns the finding when it is a failure nobody expects yet (the property must fail on it). */
    synchronized Finding record(Kind kind, Verdict verdict, String target, String input) {
        if (shrinking) {
            shrinkRuns++;
            return verdict.outcome().fine ? null : finding(kind, verdict, target, input);
        }
        counts.computeIfAbsent(kind, k -> new EnumMap<>(Outcome.class)).merge(verdict.outcome(), 1, Integer::sum);
        byTarget.merge(target, 1, Integer::sum);
        byProperty.merge(property, 1, Integer::sum);
        if (verdict.outcome().fine) {
            return null;
        }
        Finding finding = finding(kind, verdict, target, input);
        findings.add(finding);
        if (!Arena.SURVEY) {
            shrinking = true; // QuickTheories shrinks from here on
            return finding;
        }
        return null;
    }

    private Finding finding(Kind kind, Verdict verdict, String target, String input) {
        return new Finding(property, kind, verdict.outcome(), target, clip(input, 400), verdict.answer(), clip(verdict.detail(), 600));
    }

    synchronized void note(String line) {
        notes.add(line);
    }

    synchronized int cases() {
        return counts.values().stream().flatMap(m -> m.values().stream()).mapToInt(Integer::intValue).sum();
    }

    synchronized int count(Outcome outcome) {
        return counts.values().stream().mapToInt(m -> m.getOrDefault(outcome, 0)).sum();
    }

    synchronized List<Finding> unexpected() {
        return List.copyOf(findings);
    }

    synchronized List<Finding> findings() {
        return List.copyOf(findings);
    }

    /** The report, as text: counts per kind and outcome, per property, what was found. */
    synchronized String markdown() {
        StringBuilder md = new StringBuilder("# Attack suite report\n\n");
        md.append(String.format("%d cases in %d s (%d more runs while shrinking failures); %d server errors; %d failures.%n%n",
                cases(), (System.nanoTime() - startedAt) / 1_000_000_000L, shrinkRuns,
                count(Outcome.SERVER_ERROR) + count(Outcome.STACK_TRACE), findings.size()));
        List<Outcome> outcomes = List.of(Outcome.values());
        md.append("| kind | ").append(outcomes.stream().map(Enum::name).collect(Collectors.joining(" | "))).append(" | total |\n");
        md.append("|---|").append("---:|".repeat(outcomes.size() + 1)).append('\n');
        for (Kind kind : Kind.values()) {
            Map<Outcome, Integer> row = counts.getOrDefault(kind, Map.of());
            md.append("| ").append(kind.name()).append(" | ")
                    .append(outcomes.stream().map(o -> String.valueOf(row.getOrDefault(o, 0))).collect(Collectors.joining(" | ")))
                    .append(" | ").append(row.values().stream().mapToInt(Integer::intValue).sum()).append(" |\n");
        }
        md.append("| **all** | ").append(outcomes.stream().map(o -> String.valueOf(count(o))).collect(Collectors.joining(" | ")))
                .append(" | ").append(cases()).append(" |\n\n");
        md.append("Kinds:\n\n");
        for (Kind kind : Kind.values()) {
            md.append("- ").append(kind.name()).append(": ").append(kind.description).append('\n');
        }
        md.append("\nOutcomes:\n\n");
        for (Outcome outcome : Outcome.values()) {
            md.append("- ").append(outcome.name()).append(outcome.fine ? "" : " (fails)").append(": ").append(outcome.description).append('\n');
        }
        md.append("\n## Cases per property\n\n");
        byProperty.forEach((name, n) -> md.append("- ").append(name).append(": ").append(n).append('\n'));
        md.append("\n## Cases per target\n\n");
        byTarget.forEach((name, n) -> md.append("- `").append(name).append("`: ").append(n).append('\n'));
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append('\n'));
        }
        md.append("\n## Findings\n\n");
        if (findings.isEmpty()) {
            md.append("None.\n");
        }
        for (Finding f : findings) {
            md.append("- ").append(f.outcome()).append(" · ").append(f.kind()).append(" · `").append(f.target()).append("` · ")
                    .append(f.answer()).append("\n  - input: ").append(oneLine(f.input())).append("\n  - detail: ")
                    .append(oneLine(f.detail())).append('\n');
        }
        return md.toString();
    }

    synchronized String json() {
        StringBuilder json = new StringBuilder("{\n  \"cases\": ").append(cases()).append(",\n  \"shrinkRuns\": ").append(shrinkRuns)
                .append(",\n  \"serverErrors\": ").append(count(Outcome.SERVER_ERROR) + count(Outcome.STACK_TRACE))
                .append(",\n  \"byKind\": {");
        json.append(counts.entrySet().stream().map(e -> "\n    \"" + e.getKey() + "\": {" + e.getValue().entrySet().stream()
                .map(o -> "\"" + o.getKey() + "\": " + o.getValue()).collect(Collectors.joining(", ")) + "}")
                .collect(Collectors.joining(",")));
        json.append("\n  },\n  \"byProperty\": {").append(byProperty.entrySet().stream()
                .map(e -> "\n    " + quote(e.getKey()) + ": " + e.getValue()).collect(Collectors.joining(","))).append("\n  },\n  \"findings\": [");
        json.append(findings.stream().map(f -> "\n    {\"property\": " + quote(f.property()) + ", \"kind\": \"" + f.kind()
                + "\", \"outcome\": \"" + f.outcome() + "\", \"target\": " + quote(f.target()) + ", \"answer\": " + quote(f.answer())
                + ", \"input\": " + quote(f.input()) + ", \"detail\": " + quote(f.detail()) + "}").collect(Collectors.joining(",")));
        return json.append("\n  ]\n}\n").toString();
    }

    void write(Path folder) {
        try {
            Files.createDirectories(folder);
            // generated input holds lone surrogates: written the lenient way (each becomes '?')
            Files.write(folder.resolve("report.md"), markdown().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            Files.write(folder.resolve("report.json"), json().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        return text.length() <= max ? text : text.substring(0, max) + "… (" + text.length() + " characters)";
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\r' -> quoted.append("\\r");
                case '\t' -> quoted.append("\\t");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        quoted.append(String.format("\\u%04x", (int) c));
                    } else {
                        quoted.append(c);
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }
}
