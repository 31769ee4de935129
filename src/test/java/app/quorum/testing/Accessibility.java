package app.quorum.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * Accessibility checks with axe-core, the engine behind most accessibility tools: the package comes from the npm
 * registry (a pinned version, checked against its published SHA-512 integrity), is kept under target/, and is
 * injected into the page under test, which it then audits against WCAG 2.1 A and AA.
 *
 * <p>{@link #audit(WebDriver, String)} returns the violations of the page as it is now; {@link #writeReport()} writes
 * every audit of the run to {@code target/accessibility/report.md}: violations by page and by impact (minor,
 * moderate, serious, critical), with the rule, its help text and how many elements break it.
 */
public final class Accessibility {

    public static final String AXE_VERSION = "4.14.1";
    static final String AXE_TARBALL = "https://registry.npmjs.org/axe-core/-/axe-core-" + AXE_VERSION + ".tgz";
    static final String AXE_INTEGRITY =
            "sha512-FHfa+lmNjQZfJz1q8wKqIDwC6DExcHt/pkjNQb09a3NPjCKg2rhu5qb2S4r76ASyFNNtuFooJpZe37OgudVGtQ==";
    static final Path FOLDER = Path.of("target", "accessibility");
    public static final List<String> IMPACTS = List.of("minor", "moderate", "serious", "critical");

    private static final Map<String, List<Violation>> AUDITS = new LinkedHashMap<>();
    private static String source;

    private Accessibility() {
    }

    /** One rule broken on a page: axe's rule id, its impact, its help text and the elements that break it. */
    public record Violation(String rule, String impact, String help, List<String> targets) {
    }

    /** Audits the page the browser shows now (WCAG 2.1 A and AA), records it under {@code name} and returns the violations. */
    @SuppressWarnings("unchecked")
    public static synchronized List<Violation> audit(WebDriver browser, String name) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axeSource());
        Object answer = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                    .then(r => done(r.violations.map(v => ({rule: v.id, impact: v.impact || 'minor', help: v.help,
                        targets: v.nodes.map(n => String(n.target))}))))
                    .catch(e => done('axe failed: ' + e));
                """);
        if (answer instanceof String failure) {
            throw new IllegalStateException(failure);
        }
        List<Violation> violations = new ArrayList<>();
        for (Map<String, Object> found : (List<Map<String, Object>>) answer) {
            violations.add(new Violation((String) found.get("rule"), (String) found.get("impact"), (String) found.get("help"),
                    ((List<Object>) found.get("targets")).stream().map(String::valueOf).toList()));
        }
        AUDITS.put(name, violations);
        writeReport();
        return violations;
    }

    /** The serious and critical violations among these. */
    public static List<Violation> severe(List<Violation> violations) {
        return violations.stream().filter(v -> "serious".equals(v.impact()) || "critical".equals(v.impact())).toList();
    }

    /** Writes every audit of this run to target/accessibility/report.md. */
    public static synchronized void writeReport() throws IOException {
        StringBuilder report = new StringBuilder("# Accessibility (axe-core " + AXE_VERSION + ", WCAG 2.1 A + AA)\n\n");
        report.append("| page | critical | serious | moderate | minor |\n| --- | ---: | ---: | ---: | ---: |\n");
        AUDITS.forEach((page, violations) -> {
            Map<String, Integer> byImpact = new TreeMap<>();
            violations.forEach(v -> byImpact.merge(v.impact(), v.targets().size(), Integer::sum));
            report.append("| ").append(page).append(" | ").append(byImpact.getOrDefault("critical", 0)).append(" | ")
                    .append(byImpact.getOrDefault("serious", 0)).append(" | ").append(byImpact.getOrDefault("moderate", 0))
                    .append(" | ").append(byImpact.getOrDefault("minor", 0)).append(" |\n");
        });
        report.append("\nCounts are elements (nodes) in violation, per impact.\n");
        AUDITS.forEach((page, violations) -> {
            if (!violations.isEmpty()) {
                report.append("\n## ").append(page).append("\n\n");
                violations.forEach(v -> report.append("- **").append(v.impact()).append("** `").append(v.rule()).append("`: ")
                        .append(v.help()).append(" — ").append(String.join(", ", v.targets())).append('\n'));
            }
        });
        Files.createDirectories(FOLDER);
        Files.writeString(FOLDER.resolve("report.md"), report, StandardCharsets.UTF_8);
    }

    /** axe.min.js of the pinned version: from target/ when fetched before, else from the npm registry (checked). */
    static synchronized String axeSource() throws IOException {
        if (source != null) {
            return source;
        }
        Path cached = FOLDER.resolve("axe-core-" + AXE_VERSION + ".min.js");
        if (!Files.exists(cached)) {
            byte[] tarball = download();
            Files.createDirectories(FOLDER);
            Files.write(cached, extract(tarball, "package/axe.min.js"));
        }
        source = Files.readString(cached, StandardCharsets.UTF_8);
        return source;
    }

    private static byte[] download() throws IOException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        try {
            HttpResponse<byte[]> response = client.send(HttpRequest.newBuilder(URI.create(AXE_TARBALL))
                    .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IOException(AXE_TARBALL + " answered " + response.statusCode());
            }
            String integrity = "sha512-" + Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-512").digest(response.body()));
            if (!AXE_INTEGRITY.equals(integrity)) {
                throw new IOException("axe-core " + AXE_VERSION + " from the registry does not match its integrity " + AXE_INTEGRITY);
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] extract(byte[] tarball, String name) throws IOException {
        try (InputStream gzip = new GZIPInputStream(new ByteArrayInputStream(tarball));
                TarArchiveInputStream tar = new TarArchiveInputStream(gzip)) {
            for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                if (entry.getName().equals(name)) {
                    return tar.readAllBytes();
                }
            }
        }
        throw new IOException(name + " is not in " + AXE_TARBALL);
    }
}
