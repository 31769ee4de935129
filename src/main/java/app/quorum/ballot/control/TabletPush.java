package app.quorum.ballot.control;

import app.quorum.meeting.control.MeetingDeleted;
import app.quorum.platform.Jsons;
import app.quorum.platform.push.Changed;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells a meeting's tablets, and only its own, what changed in its proceedings: the delegate page listens on the
 * {@code tablet} channel with its meeting and group as its websocket's user ({@link #user}), and the message is
 * the meeting's news ({@link TabletFaces#news}): the meeting's part of every tablet's signature and, while a ballot is
 * open, its face. A tablet whose signature's meeting part is the pushed one has nothing to do; one that may vote draws
 * an open ballot from its face without a request; any other change it renders again from the server, at a moment
 * drawn within the message's {@code spread} (milliseconds, larger for a larger hall), so 2,000 tablets do not ask in
 * the same instant.
 *
 * <p>Read and sent after the commit, on a managed thread (the chair's request does not wait for a hall's sockets),
 * one meeting at a time, so news sent later is never older than news sent before it.
 */
@ApplicationScoped
public class TabletPush {

    private static final Logger LOG = Logger.getLogger(TabletPush.class.getName());

    /** The tablets' renderings after a change without a face are spread over one millisecond per this many sockets. */
    static final int SOCKETS_PER_MILLISECOND = 1;
    /** ... and never over more than this. */
    static final int SPREAD_MAX_MILLIS = 3000;

    /** The groups a meeting's tablets are sent to side by side (by participant id). */
    static final int GROUPS = 8;

    @Inject
    @Push(channel = "tablet")
    PushContext tablets;

    @Inject
    TabletFaces faces;

    @Resource
    ManagedExecutorService executor;

    private final Map<Long, Object> locks = new ConcurrentHashMap<>();
    private final Map<Long, Integer> sockets = new ConcurrentHashMap<>();
    /** The news last sent to each meeting's tablets, for their light check ({@link #latest}). */
    private final Map<Long, JsonObject> latest = new ConcurrentHashMap<>();

    void relay(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed changed) {
        if (changed.what() != Changed.What.PROCEEDINGS) {
            return;
        }
        try {
            executor.execute(() -> send(changed.meetingId()));
        } catch (RejectedExecutionException stopping) {
            send(changed.meetingId());
        }
    }

    void send(long meetingId) {
        synchronized (locks.computeIfAbsent(meetingId, id -> new Object())) {
            try {
                long began = System.nanoTime();
                faces.news(meetingId).ifPresent(news -> {
                    int spread = Math.min(SPREAD_MAX_MILLIS, sockets.getOrDefault(meetingId, 0) / SOCKETS_PER_MILLISECOND);
                    JsonObject spreadNews = Jsons.JSON.createObjectBuilder(news).add("spread", spread).build();
                    latest.put(meetingId, spreadNews);
                    String message = spreadNews.toString();
                    long read = System.nanoTime();
                    int sent = sendToGroups(meetingId, message);
                    sockets.put(meetingId, sent);
                    // one line per change of the proceedings (no choice, no one's name): how long a hall waits for its news
                    LOG.log(Level.INFO, () -> String.format(java.util.Locale.ROOT, "tablet news of meeting %d to %d sockets: read in %.1f ms, "
                            + "sent in %.1f ms", meetingId, sent, (read - began) / 1e6, (System.nanoTime() - read) / 1e6));
                });
            } catch (RuntimeException failed) { // the tablets' light check catches up within seconds
                LOG.log(Level.WARNING, "tablet news of meeting " + meetingId + " not sent: " + failed);
            }
        }
    }

    /**
     * The news last sent to the meeting's tablets, if its signature is the given meeting part of a tablet's signature:
     * a tablet whose light check ({@code GET /api/delegate/tablet}) notices a change before its push arrives draws it
     * from this news as the push would have it drawn, instead of asking for the page (issue 15: in a hall's open,
     * about 150 of 2,000 tablets' checks came first, and their renderings made the slowest tenth of the open).
     */
    public Optional<JsonObject> latest(long meetingId, String meetingSignature) {
        JsonObject news = latest.get(meetingId);
        return news != null && meetingSignature.equals(news.getString("signature", null)) ? Optional.of(news) : Optional.empty();
    }

    /** Forgets a deleted meeting's news. */
    void forget(@Observes(during = TransactionPhase.AFTER_SUCCESS) MeetingDeleted deleted) {
        latest.remove(deleted.meetingId());
        sockets.remove(deleted.meetingId());
    }

    /**
     * The news to every group of the meeting's tablets, the groups side by side: a hall's sockets are written while
     * its first votes arrive, and one sending thread among the busy request threads got a small share of the cores
     * (issue 15: 2,000 sockets took 0.8–2.8 s). Answers how many sockets were sent to.
     */
    private int sendToGroups(long meetingId, String message) {
        List<Future<Integer>> groups = new ArrayList<>(GROUPS);
        for (int group = 1; group < GROUPS; group++) {
            String user = user(meetingId, group);
            try {
                groups.add(executor.submit(() -> tablets.send(message, user).size()));
            } catch (RejectedExecutionException stopping) {
                groups.add(java.util.concurrent.CompletableFuture.completedFuture(tablets.send(message, user).size()));
            }
        }
        int sent = tablets.send(message, user(meetingId, 0)).size();
        for (Future<Integer> group : groups) {
            try {
                sent += group.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return sent;
            } catch (ExecutionException failed) {
                LOG.log(Level.WARNING, "tablet news of meeting " + meetingId + " not sent to a group: " + failed.getCause());
            }
        }
        return sent;
    }

    /**
     * The websocket user of a tablet ({@code <f:websocket user>} on the delegate page): its meeting and its group, so a
     * meeting's news reaches its own tablets only, and its groups can be sent to side by side.
     */
    public static String user(long meetingId, long participantId) {
        return meetingId + ":" + Math.floorMod(participantId, GROUPS);
    }
}
