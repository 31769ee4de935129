package app.quorum.platform.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The launcher's readiness loop against a small HTTP server standing in for Payara's {@code /health/ready}: a closed
 * port, then answers without Quorum's check, DOWN, and UP, as Payara gives them while it starts.
 */
class ReadyProbeTest {

    private static final String UP = """
            {"status":"UP","checks":[{"name":"database","status":"UP","data":{"schema":"10"}}]}""";
    private static final String STARTING = """
            {"status":"DOWN","checks":[{"name":"database","status":"DOWN","data":{"schema":"-","starting":true}}]}""";
    /** Payara's readiness with no application deployed: no check, so UP. */
    private static final String NOTHING_DEPLOYED = "{\"status\":\"UP\",\"checks\":[]}";

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    /** Answers the n-th request (from 1) with what {@code answer} gives: {status, body}. */
    private int serve(int port, IntFunction<Object[]> answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 8);
        AtomicInteger requests = new AtomicInteger();
        server.createContext("/health/ready", exchange -> {
            try (exchange) {
                Object[] reply = answer.apply(requests.incrementAndGet());
                byte[] body = ((String) reply[1]).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders((Integer) reply[0], body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        });
        server.start();
        return server.getAddress().getPort();
    }

    private static ReadyProbe probe(int port, Duration timeout, Duration notDeployedAfter) {
        return new ReadyProbe(URI.create("http://127.0.0.1:" + port + "/health/ready"), timeout, Duration.ofMillis(50), notDeployedAfter);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void readyOnlyWhenQuorumsOwnCheckIsUpAfterARefusedPortAndAStartingApplication() throws Exception {
        int port = freePort();
        AtomicInteger asked = new AtomicInteger();
        Thread opensLater = new Thread(() -> {
            try {
                Thread.sleep(400); // the port is closed meanwhile: connections refused
                serve(port, n -> {
                    asked.set(n);
                    return n <= 3 ? new Object[] {503, STARTING} : new Object[] {200, UP};
                });
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        opensLater.start();
        long began = System.nanoTime();
        assertEquals(ReadyProbe.Outcome.READY, probe(port, Duration.ofSeconds(30), Duration.ofSeconds(10)).await(() -> true));
        opensLater.join();
        assertEquals(4, asked.get(), "ready at the first UP, after three DOWN answers");
        assertTrue(System.nanoTime() - began >= Duration.ofMillis(400).toNanos());
    }

    @Test
    void aPayaraAnsweringWithoutQuorumIsNotDeployed() throws Exception {
        int port = serve(0, n -> new Object[] {200, NOTHING_DEPLOYED});
        long began = System.nanoTime();
        assertEquals(ReadyProbe.Outcome.NOT_DEPLOYED, probe(port, Duration.ofSeconds(30), Duration.ofMillis(500)).await(() -> true));
        assertTrue(System.nanoTime() - began >= Duration.ofMillis(500).toNanos(), "given the grace period first");
    }

    @Test
    void aPageInsteadOfTheHealthAnswerIsNotQuorumEither() throws Exception {
        int port = serve(0, n -> new Object[] {404, "<html><body>No Application deployed</body></html>"});
        assertEquals(ReadyProbe.Outcome.NOT_DEPLOYED, probe(port, Duration.ofSeconds(30), Duration.ofMillis(300)).await(() -> true));
    }

    @Test
    void quorumDownForLongerThanTheGraceIsStillWaitedFor() throws Exception {
        int port = serve(0, n -> n <= 12 ? new Object[] {503, STARTING} : new Object[] {200, UP});
        assertEquals(ReadyProbe.Outcome.READY, probe(port, Duration.ofSeconds(30), Duration.ofMillis(100)).await(() -> true));
    }

    @Test
    void anEndedProcessEndsTheWait() throws Exception {
        int port = freePort();
        AtomicInteger checks = new AtomicInteger();
        assertEquals(ReadyProbe.Outcome.EXITED, probe(port, Duration.ofSeconds(30), Duration.ofSeconds(10))
                .await(() -> checks.incrementAndGet() < 3));
        assertEquals(3, checks.get());
    }

    @Test
    void neverReadyTimesOut() throws Exception {
        int port = serve(0, n -> new Object[] {503, STARTING});
        long began = System.nanoTime();
        assertEquals(ReadyProbe.Outcome.TIMED_OUT, probe(port, Duration.ofMillis(700), Duration.ofSeconds(10)).await(() -> true));
        assertTrue(System.nanoTime() - began >= Duration.ofMillis(700).toNanos());
    }

    @Test
    void quorumsCheckIsFoundWhateverTheSpacing() {
        assertTrue(ReadyProbe.listsQuorum(UP));
        assertTrue(ReadyProbe.listsQuorum("{\n  \"status\" : \"UP\",\n  \"checks\" : [ {\n    \"name\" : \"database\" } ]\n}"));
        assertFalse(ReadyProbe.listsQuorum(NOTHING_DEPLOYED));
        assertFalse(ReadyProbe.listsQuorum(null));
    }
}
