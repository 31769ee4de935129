package app.quorum.bench;

import app.quorum.ballot.drill.QuorumServer;
import app.quorum.bench.ServerProbe.Cpu;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Where the floor is (issue 15: "show the profile that proves where the floor is"): after the hall's ballots, the
 * same tablets and HTTP clients send, as fast as a fixed number in flight allows, requests lighter than a vote — so
 * a vote can never be answered faster than these on this machine, with this server and this load client sharing its
 * cores:
 * <ol>
 * <li>{@code GET /health/live}: Payara Micro's own health endpoint (no application filter, no session, no database);</li>
 * <li>{@code GET /resources/quorum/quorum.css}: a static file through the application's filter chain and Jakarta
 * Security's authentication bridge, no session;</li>
 * <li>{@code GET /api/delegate/tablet}: a signed-in tablet's light check (the session check, JAX-RS, one small query) —
 * the lightest request that carries a delegate's session, as every vote does.</li>
 * </ol>
 * Each for a few seconds; requests per second, the server's and the client's CPU time per request, and errors.
 */
final class Floor {

    /** One kind of request's rate. */
    record Rate(String what, double perSecond, double serverCpuMsPerRequest, double databaseCpuMsPerRequest, double clientCpuMsPerRequest,
            int errors) {
    }

    private Floor() {
    }

    static List<Rate> measure(QuorumServer server, List<HallTablet> tablets, int inFlight, Duration during)
            throws InterruptedException {
        List<Rate> rates = new ArrayList<>();
        rates.add(rate(server, "GET /health/live (Payara's own, no application code)", tablets, inFlight, during,
                tablet -> tablet.browser.request("health/live").GET().build()));
        rates.add(rate(server, "GET /resources/quorum/quorum.css (the application's filters and Jakarta Security, no session)", tablets,
                inFlight, during, tablet -> tablet.browser.request("resources/quorum/quorum.css").GET().build()));
        rates.add(rate(server, "GET /api/delegate/tablet (a delegate's session, JAX-RS, one query)", tablets, inFlight, during,
                tablet -> tablet.browser.request("api/delegate/tablet").header("Accept", "application/json").GET().build()));
        return rates;
    }

    /** One vote per tablet on the open ballot, {@code inFlight} at a time, each a new paper choosing YES: answered 200 with a receipt, or an error. */
    static Rate casts(QuorumServer server, List<HallTablet> tablets, String ballotId, int inFlight) throws InterruptedException {
        java.security.SecureRandom random = new java.security.SecureRandom();
        return send(server, "PUT /api/delegate/ballots/{id}/papers/{paper} (the vote alone, an open ballot every tablet shows)", inFlight,
                i -> i < tablets.size() ? tablets.get(i) : null, tablet -> {
                    byte[] paper = new byte[16];
                    random.nextBytes(paper);
                    return tablet.browser.request("api/delegate/ballots/" + ballotId + "/papers/" + java.util.HexFormat.of().formatHex(paper))
                            .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString("{\"choice\":\"YES\"}")).build();
                }, (tablet, answer) -> {
                    boolean recorded = answer.statusCode() == 200 && answer.body().contains("\"recorded\":true");
                    if (recorded) {
                        tablet.voted(); // as the tablet page does on the answer: no rendering asked after it
                    }
                    return recorded;
                });
    }

    private static Rate rate(QuorumServer server, String what, List<HallTablet> tablets, int inFlight, Duration during,
            Function<HallTablet, HttpRequest> request) throws InterruptedException {
        long stop = System.nanoTime() + during.toNanos();
        return send(server, what, inFlight, i -> System.nanoTime() < stop ? tablets.get(Math.floorMod(i, tablets.size())) : null, request,
                (tablet, answer) -> answer.statusCode() == 200);
    }

    /**
     * {@code inFlight} senders, each sending the request of the next tablet ({@code tablets} of the request's number,
     * null: no more) until there is none; the rate of answers {@code answered} accepts, and the CPU a request.
     */
    private static Rate send(QuorumServer server, String what, int inFlight, java.util.function.IntFunction<HallTablet> tablets,
            Function<HallTablet, HttpRequest> request, java.util.function.BiPredicate<HallTablet, HttpResponse<String>> answered)
            throws InterruptedException {
        AtomicLong good = new AtomicLong();
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        Cpu before = Cpu.now(server);
        List<Future<?>> senders = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < inFlight; i++) {
                senders.add(pool.submit(() -> {
                    for (HallTablet tablet = tablets.apply(next.getAndIncrement()); tablet != null; tablet = tablets.apply(next.getAndIncrement())) {
                        try {
                            if (answered.test(tablet, tablet.browser.send(request.apply(tablet)))) {
                                good.incrementAndGet();
                            } else {
                                errors.incrementAndGet();
                            }
                        } catch (IOException e) {
                            errors.incrementAndGet();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                }));
            }
            for (Future<?> sender : senders) {
                try {
                    sender.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    errors.incrementAndGet();
                }
            }
        }
        Cpu after = Cpu.now(server);
        double seconds = (after.at() - before.at()) / 1e9;
        long n = Math.max(1, good.get());
        return new Rate(what, good.get() / seconds, (after.server() - before.server()) * 1000 / n,
                (after.database() - before.database()) * 1000 / n, (after.client() - before.client()) * 1000 / n, errors.get());
    }
}
