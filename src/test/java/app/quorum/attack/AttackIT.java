package app.quorum.attack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import app.quorum.testing.Deployments;
import java.net.URI;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.quicktheories.core.Gen;

/**
 * The attack suite (issue 12): generated hostile input against every form, every API endpoint, every page and every
 * download of the whole WAR on the "web" container, as anonymous, delegate, secretary, chair and admin. It asserts no
 * server error (no 5xx, no error page, no HTML for an API call, no stack trace added to web.log), nothing stored from
 * refused input (the database's fingerprint before and after each case), and a clear answer for every refusal; and it
 * follows markup and formulas stored in every text field into pages, PDFs and exports.
 *
 * <p>The properties run with QuickTheories inside the JUnit tests, so inside Arquillian's lifecycle: the deployment is
 * up and its address known before the first case. {@code -Dattack.tries=N} cases per property (the pom sets it; more in
 * the {@code attack} profile), {@code -Dattack.seed=S} to replay a run, {@code -Dattack.survey=true} to run every case
 * and list every failure instead of stopping at the first and shrinking it. The counts per kind of attack and outcome
 * are printed at the end and written to target/attack/report.md and report.json.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttackIT {

    static final int TRIES = Integer.getInteger("attack.tries", 130);
    static final int SHRINKS = Integer.getInteger("attack.shrinks", 60);
    static final Long SEED = Long.getLong("attack.seed");
    static final int MINIMUM_CASES = 500;

    static final Ledger LEDGER = new Ledger();
    private static Arena arena;
    private static Database db;

    @Deployment(testable = false)
    @TargetsContainer("web")
    static WebArchive war() {
        return Deployments.built();
    }

    @ArquillianResource
    URL deployed;

    private synchronized Arena arena() {
        if (arena == null) {
            db = new Database();
            ServerLog log = new ServerLog();
            URI base = URI.create("http://127.0.0.1:" + deployed.getPort() + deployed.getPath());
            arena = new Arena(base, new Stage(db), db, log, LEDGER);
        }
        return arena;
    }

    @Test
    @Order(1)
    void theSurfaceIsReadFromTheCode() {
        List<Surface.Endpoint> api = Surface.api();
        List<String> servlets = Surface.servlets();
        List<String> views = Surface.views();
        System.out.println("ATTACK SURFACE: " + api.size() + " API endpoints " + api.stream().map(Surface.Endpoint::name).toList());
        System.out.println("  " + servlets.size() + " servlets " + servlets);
        System.out.println("  " + views.size() + " views " + views);
        assertTrue(api.stream().anyMatch(e -> e.name().equals("PUT /api/delegate/ballots/{ballotId}/papers/{paperId}") && e.jsonBody()),
                () -> "the casting endpoint with its JSON body: " + api);
        assertTrue(api.size() >= 10, api::toString);
        assertTrue(servlets.containsAll(List.of("/minutes/*", "/secretary/export/*", "/documents/*", "/audit/export.csv")), servlets::toString);
        assertTrue(views.containsAll(List.of("sign-in.xhtml", "secretary/agenda.xhtml", "chair/meeting.xhtml", "delegate/index.xhtml")),
                views::toString);
        assertEquals(List.of(Agent.Role.SECRETARY), Surface.rolesOf("secretary/roster.xhtml"));
    }

    @Test
    @Order(2)
    void everyApiEndpointAnswersHostileRequestsInJson() {
        ApiAttacks attacks = new ApiAttacks(arena());
        property("API endpoints", attacks.cases(), attacks::run);
    }

    @Test
    @Order(3)
    void everyFormOfEveryViewSurvivesHostilePosts() {
        FormAttacks attacks = new FormAttacks(arena());
        List<FormAttacks.Entry> entries = attacks.discover();
        LEDGER.note(entries.size() + " buttons of Faces forms found on " + Surface.views().size() + " views ("
                + entries.stream().filter(FormAttacks.Entry::action).count() + " of them actions or confirmed, clicked only without a valid view state)");
        assertTrue(entries.size() >= 20, () -> "too few form buttons found: " + entries);
        property("Faces forms", attacks.cases(), attacks::run);
    }

    @Test
    @Order(4)
    void everyPageAndDownloadAnswersEveryRole() {
        PageAttacks attacks = new PageAttacks(arena());
        property("pages and downloads", attacks.cases(), attacks::run);
    }

    @Test
    @Order(5)
    void storedMarkupAndFormulasComeBackInert() {
        StoredAttacks attacks = new StoredAttacks(arena());
        LEDGER.note(attacks.fields() + " text fields followed into " + attacks.outputs() + " pages, PDFs, exports and API answers");
        property("stored text followed", attacks.cases(), attacks::run);
    }

    @Test
    @Order(6)
    void theAttackRanEnoughCasesAndFoundNothingNew() {
        Arena a = arena();
        a.log.quiet();
        List<String> late = a.log.newTraces();
        if (!late.isEmpty()) {
            LEDGER.note("stack traces written after the last case: " + late);
        }
        finish();
        assertTrue(LEDGER.cases() >= MINIMUM_CASES, () -> "only " + LEDGER.cases() + " cases ran (at least " + MINIMUM_CASES + ")");
        assertEquals(List.of(), LEDGER.unexpected().stream().map(f -> f.outcome() + " " + f.target() + ": " + f.answer() + " — "
                + f.detail() + " — input: " + f.input()).toList(), "new failures (see target/attack/report.md)");
        assertEquals(List.of(), late, "stack traces in web.log after the attack");
    }

    private static <T> void property(String name, Gen<T> cases, Consumer<T> run) {
        LEDGER.startProperty(name);
        var theory = SEED == null ? qt() : qt().withFixedSeed(SEED);
        try {
            theory.withExamples(TRIES).withShrinkCycles(SHRINKS).withGenerateAttempts(10000).forAll(cases).checkAssert(run);
        } finally {
            arena.log.quiet();
            List<String> traces = arena.log.newTraces();
            if (!traces.isEmpty()) {
                LEDGER.note(name + ": stack traces written after its last case: " + traces);
            }
        }
    }

    private static void finish() {
        Path folder = Path.of(System.getProperty("quorum.test.target", "target"), "attack");
        LEDGER.write(folder);
        System.out.println();
        System.out.println(LEDGER.markdown());
        System.out.println("(written to " + folder.resolve("report.md") + " and report.json)");
    }

    @AfterAll
    static void writeTheReportAndCleanUp() {
        if (arena != null) {
            finish();
            Stage.cleanUp(db, arena.stage.meetingsBefore, arena.stage.accountsBefore);
            db.close();
        }
    }
}
