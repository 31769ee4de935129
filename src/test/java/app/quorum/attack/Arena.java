package app.quorum.attack;

import app.quorum.attack.Agent.Role;
import app.quorum.testing.TestEnvironment;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * Where the attack runs: the deployed application, the staged data, one signed-in agent per role, the database and the
 * server log. {@link #attempt} runs one case: it fingerprints the database, sends the request, fingerprints again,
 * reads the log, judges, counts — and fails the property on any failure, so that
 * QuickTheories shrinks it to the smallest input that still fails.
 */
final class Arena {

    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(200);
    /** -Dattack.survey=true: run every case and list every failure, instead of stopping at the first and shrinking it. */
    static final boolean SURVEY = Boolean.getBoolean("attack.survey");

    final URI base;
    final Stage stage;
    final Database db;
    final ServerLog log;
    final Ledger ledger;
    private final Map<Role, Agent> agents = new EnumMap<>(Role.class);
    private int nextDelegate;

    Arena(URI base, Stage stage, Database db, ServerLog log, Ledger ledger) {
        this.base = base;
        this.stage = stage;
        this.db = db;
        this.log = log;
        this.ledger = ledger;
    }

    /** The agent of a role, signed in once (a delegate of the approval meeting). */
    synchronized Agent agent(Role role) {
        return agents.computeIfAbsent(role, this::signedIn);
    }

    /** A new agent of the role with a session of its own (a delegate: the next delegate of the meeting). */
    Agent fresh(Role role) {
        return signedIn(role);
    }

    /** A delegate of a staged meeting, signed in with a card nobody else of the attack uses. */
    synchronized Agent delegate(Stage.StagedMeeting meeting) {
        int index = nextDelegate++ % (Stage.DELEGATES - 2);
        return new Agent(Role.DELEGATE, base, address()).signInCard(meeting.codes().get(index));
    }

    private Agent signedIn(Role role) {
        Agent agent = new Agent(role, base, address());
        return switch (role) {
            case ANONYMOUS -> agent;
            case DELEGATE -> delegate(stage.approval);
            case SECRETARY -> agent.signInStaff("thuky", TestEnvironment.password("thuky"));
            case CHAIR -> agent.signInStaff("chutri", TestEnvironment.password("chutri"));
            case ADMIN -> agent.signInStaff("admin", TestEnvironment.password("admin"));
        };
    }

    /** The next loopback address of the attack (127.0.0.200 … 127.0.0.250, then round again). */
    static InetAddress address() {
        int last = 200 + (NEXT_ADDRESS.getAndIncrement() - 200) % 51;
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, (byte) last});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * One case of the attack. {@code judge} gets the answer and the tables whose content changed.
     *
     * @throws AssertionError when the case fails (the property fails, and shrinks)
     */
    Verdict attempt(Kind kind, String target, String input, Supplier<Answer> request, BiFunction<Answer, Set<String>, Verdict> judge) {
        Map<String, String> before = db.fingerprint();
        Answer answer = request.get();
        Set<String> changed = Database.changed(before, db.fingerprint());
        Verdict verdict = judge.apply(answer, changed);
        if (!verdict.outcome().fine) {
            log.quiet(); // what the server logged about this request, before it is read
        }
        List<String> traces = log.newTraces();
        if (!traces.isEmpty() && verdict.outcome().fine) {
            verdict = Verdict.of(Outcome.STACK_TRACE, answer, String.join(" | ", traces));
        } else if (!traces.isEmpty()) {
            verdict = new Verdict(verdict.outcome(), verdict.answer(), verdict.detail() + "; in the log: " + String.join(" | ", traces));
        }
        Ledger.Finding unexpected = ledger.record(kind, verdict, target, input);
        if (unexpected != null && !SURVEY) {
            throw new AssertionError(unexpected.outcome() + " (" + kind + ") at " + target + ": " + verdict.answer() + " — "
                    + verdict.detail());
        }
        return verdict;
    }
}
