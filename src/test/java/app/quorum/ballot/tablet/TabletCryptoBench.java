package app.quorum.ballot.tablet;

import app.quorum.testing.Browsers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The tablet's figure (issue 14): how long encrypting one paper takes in headless Chromium with the CPU throttled
 * (Chrome DevTools Protocol {@code Emulation.setCPUThrottlingRate}, rate 4 by default) — every ciphertext, every proof,
 * the tracker and its receipt — for an approval ballot (3 options) and an election of 2 among 5 candidates (blank
 * allowed: a total proof of 3 branches). Per ballot it also times the preparation done once when the ballot opens
 * (decoding the public key, its table of multiples) and the first paper (the JIT still cold); the p50 and p95 are over
 * the papers after that first one. Prints the figures and writes target/bench/tablet-crypto.md. A benchmark, never
 * part of the test suite: {@code mvn -o -Ptablet-bench process-test-classes} (see pom.xml).
 *
 * <p>System properties: bench.papers (50), bench.throttle (4), bench.port (8310).
 */
public final class TabletCryptoBench {

    static final double TARGET_MS = 300;

    private TabletCryptoBench() {
    }

    record Figures(String ballot, double prepareMs, double firstMs, double p50, double p95, double max, int papers,
            boolean valid, long size) {
    }

    public static void main(String[] args) throws Exception {
        int papers = Integer.getInteger("bench.papers", 50);
        double throttle = Double.parseDouble(System.getProperty("bench.throttle", "4"));
        int port = Integer.getInteger("bench.port", 8310);
        WebDriver browser = Browsers.open(768, 1024);
        List<Figures> figures = new ArrayList<>();
        String agent;
        String page;
        boolean secure;
        try (TabletTestSite site = new TabletTestSite(port)) {
            page = site.page();
            browser.get(page);
            new WebDriverWait(browser, Duration.ofSeconds(120)).until(d -> "ready".equals(d.findElement(By.id("status")).getText()));
            JavascriptExecutor js = (JavascriptExecutor) browser;
            @SuppressWarnings("unchecked")
            Map<String, Object> environment = (Map<String, Object>) js.executeScript("return window.tablet.environment()");
            agent = String.valueOf(environment.get("userAgent"));
            secure = Boolean.TRUE.equals(environment.get("secureContext"));
            ((ChromeDriver) browser).executeCdpCommand("Emulation.setCPUThrottlingRate", Map.of("rate", throttle));
            browser.manage().timeouts().scriptTimeout(Duration.ofMinutes(10));
            for (String kind : List.of("approval", "election")) {
                figures.add(measure(js, kind, papers));
            }
        } finally {
            Browsers.closeAll();
        }
        String report = report(figures, papers, throttle, agent, page, secure);
        System.out.println(report);
        Path out = Path.of("target", "bench", "tablet-crypto.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report, StandardCharsets.UTF_8);
        System.out.println("written to " + out);
        jakarta.json.JsonArrayBuilder rows = jakarta.json.Json.createArrayBuilder();
        for (Figures f : figures) {
            rows.add(jakarta.json.Json.createObjectBuilder().add("ballot", f.ballot()).add("prepareMs", f.prepareMs())
                    .add("firstPaperMs", f.firstMs()).add("paperP50Ms", f.p50()).add("paperP95Ms", f.p95()).add("paperMaxMs", f.max())
                    .add("papers", f.papers()).add("proofsValid", f.valid()).add("paperBytes", f.size()));
        }
        Path json = Path.of("target", "bench", "tablet-crypto.json");
        Files.writeString(json, jakarta.json.Json.createObjectBuilder().add("throttle", throttle).add("targetMs", TARGET_MS)
                .add("userAgent", agent).add("ballots", rows).build().toString() + "\n", StandardCharsets.UTF_8);
        System.out.println("written to " + json);
    }

    @SuppressWarnings("unchecked")
    private static Figures measure(JavascriptExecutor js, String kind, int papers) {
        double prepare = ((Number) js.executeScript("return window.tablet.prepare(arguments[0])", kind)).doubleValue();
        Map<String, Object> first = (Map<String, Object>) js.executeScript("return window.tablet.papers(arguments[0], 1)", kind);
        Map<String, Object> run = (Map<String, Object>) js.executeScript("return window.tablet.papers(arguments[0], arguments[1])",
                kind, papers);
        double[] times = ((List<Object>) run.get("times")).stream().mapToDouble(t -> ((Number) t).doubleValue()).sorted().toArray();
        return new Figures(kind.equals("approval") ? "approval (3 options, 1 mark)" : "election (5 candidates, 0..2 marks)",
                prepare, ((Number) ((List<Object>) first.get("times")).get(0)).doubleValue(), percentile(times, 50),
                percentile(times, 95), times[times.length - 1], times.length, Boolean.TRUE.equals(run.get("valid")),
                ((Number) run.get("size")).longValue());
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static String report(List<Figures> figures, int papers, double throttle, String agent, String page, boolean secure) {
        StringBuilder md = new StringBuilder("# Encrypting a paper on the tablet (issue 14)\n\n");
        md.append(String.format(Locale.ROOT, "%s, CPU throttled %.0f× (Emulation.setCPUThrottlingRate), page %s "
                + "(secure context: %s), %s. Target: one paper ≤ %.0f ms.%n%n", agent, throttle, page, secure,
                Instant.now(), TARGET_MS));
        md.append("| ballot | prepare the ballot (once) | first paper | p50 | p95 | max | papers | proofs valid | paper JSON |\n");
        md.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |\n");
        for (Figures f : figures) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %d | %s | %d B |%n",
                    f.ballot(), f.prepareMs(), f.firstMs(), f.p50(), f.p95(), f.max(), f.papers(), f.valid() ? "yes" : "NO",
                    f.size()));
        }
        boolean met = figures.stream().allMatch(f -> f.p95() <= TARGET_MS && f.valid());
        md.append(String.format(Locale.ROOT, "%nA paper: every ciphertext (α = r·G, β = m·G + r·PK), a disjunctive proof per "
                + "option and one for the total, the tracker and its receipt form. p50/p95 over %d papers after the first. "
                + "Preparing the ballot decodes its public key and computes the key's table of multiples (window 8), "
                + "once when the ballot opens on the tablet.%n%nTarget met (p95 ≤ %.0f ms, proofs valid): **%s**%n",
                papers, TARGET_MS, met ? "yes" : "NO"));
        return md.toString();
    }
}
