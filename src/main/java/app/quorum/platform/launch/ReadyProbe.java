package app.quorum.platform.launch;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * The launcher's one signal that Quorum is ready: {@code /health/ready} answers 200 and lists Quorum's own readiness
 * check ({@code app.quorum.platform.health.DatabaseReadiness}, named "database"). That check is UP only once the schema
 * is migrated and the web module has started — after the first accounts and the demo meeting, whose start-up
 * singletons Payara runs before it starts the web module — and the database answers.
 *
 * <p>Payara opens its HTTP port only after the deployment (deploy/payara/postdeploy-commands.txt), so until then the
 * connection is refused and the probe tries again. An answer that does not list Quorum's check comes from a Payara
 * without Quorum (the deployment failed, or "No Application deployed"): when it stays so for {@link #NOT_DEPLOYED_AFTER}
 * (10 s)
 * the probe gives up, as it does when Payara's process ends or the time is up. Payara's log only names the cause.
 */
final class ReadyProbe {

    enum Outcome { READY, NOT_DEPLOYED, EXITED, TIMED_OUT }

    static final Duration NOT_DEPLOYED_AFTER = Duration.ofSeconds(10);
    private static final Pattern QUORUM_CHECK = Pattern.compile("\"name\"\\s*:\\s*\"database\"");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final HttpRequest ready;
    private final Duration timeout;
    private final Duration pause;
    private final Duration notDeployedAfter;

    /** Asks {@code ready} every {@code pause} for at most {@code timeout}. */
    ReadyProbe(URI ready, Duration timeout, Duration pause) {
        this(ready, timeout, pause, NOT_DEPLOYED_AFTER);
    }

    ReadyProbe(URI ready, Duration timeout, Duration pause, Duration notDeployedAfter) {
        this.ready = HttpRequest.newBuilder(ready).header("Accept", "application/json").timeout(Duration.ofSeconds(5)).build();
        this.timeout = timeout;
        this.pause = pause;
        this.notDeployedAfter = notDeployedAfter;
    }

    /** Asks until Quorum is ready, or says why it will not be; alive tells whether Payara's process still runs. */
    Outcome await(BooleanSupplier alive) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long withoutQuorumSince = -1;
        while (System.nanoTime() - deadline < 0) {
            if (!alive.getAsBoolean()) {
                return Outcome.EXITED;
            }
            try {
                HttpResponse<String> response = http.send(ready, HttpResponse.BodyHandlers.ofString());
                boolean listed = listsQuorum(response.body());
                if (response.statusCode() == 200 && listed) {
                    return Outcome.READY;
                }
                if (listed) {
                    withoutQuorumSince = -1; // Quorum is there, not ready yet (its database, say)
                } else if (withoutQuorumSince < 0) {
                    withoutQuorumSince = System.nanoTime();
                } else if (System.nanoTime() - withoutQuorumSince >= notDeployedAfter.toNanos()) {
                    return Outcome.NOT_DEPLOYED;
                }
            } catch (IOException e) {
                // not listening yet (refused), or no answer in time: ask again
            }
            Thread.sleep(pause.toMillis());
        }
        return Outcome.TIMED_OUT;
    }

    /** Whether a /health/ready answer lists Quorum's own check (so it comes from a Payara with Quorum deployed). */
    static boolean listsQuorum(String body) {
        return body != null && QUORUM_CHECK.matcher(body).find();
    }
}
