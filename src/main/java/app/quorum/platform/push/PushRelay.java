package app.quorum.platform.push;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Relays committed changes to the open pages over the Faces websocket. A page listens on the channel of its
 * concern with its meeting's id as the websocket's user ({@code <f:websocket user="#{…meeting.id}">}), so a change
 * reaches the sockets of its own meeting only, and re-renders its own meeting's part; the message is only "meeting N
 * changed", never data. Sent after the commit, so a page that re-renders reads what was committed. The tablets have
 * their own channel and news ({@code TabletPush}).
 *
 * <p>Turnout is coalesced per meeting: the first vote after a push schedules one push {@value #TURNOUT_EVERY_MILLIS}
 * ms later, and the votes committed meanwhile ride on it, so a hall of 2,000 voting within a second makes the chair's
 * console and the projector re-render a few times a second, not 2,000 times. Every committed vote is still followed
 * by a push sent after its commit (the meeting leaves the pending set before the push goes out).
 */
@ApplicationScoped
public class PushRelay {

    private static final Logger LOG = Logger.getLogger(PushRelay.class.getName());

    /** At most one turnout push per meeting in this many milliseconds. */
    static final long TURNOUT_EVERY_MILLIS = 250;

    @Inject
    @Push(channel = "attendance")
    PushContext attendance;

    @Inject
    @Push(channel = "proceedings")
    PushContext proceedings;

    @Inject
    @Push(channel = "turnout")
    PushContext turnout;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Set<Long> turnoutPending = ConcurrentHashMap.newKeySet();

    void relay(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed changed) {
        switch (changed.what()) {
            case ATTENDANCE -> send(attendance, changed);
            case PROCEEDINGS -> send(proceedings, changed);
            case TURNOUT -> {
                if (turnoutPending.add(changed.meetingId())) {
                    try {
                        scheduler.schedule(() -> {
                            turnoutPending.remove(changed.meetingId());
                            send(turnout, changed);
                        }, TURNOUT_EVERY_MILLIS, TimeUnit.MILLISECONDS);
                    } catch (RuntimeException refused) { // the server is stopping: say it now
                        turnoutPending.remove(changed.meetingId());
                        send(turnout, changed);
                    }
                }
            }
        }
    }

    private static void send(PushContext channel, Changed changed) {
        java.util.Set<java.util.concurrent.Future<Void>> sent = channel.send(Long.toString(changed.meetingId()), Long.valueOf(changed.meetingId()));
        LOG.log(Level.FINE, () -> "push " + changed.what() + " of meeting " + changed.meetingId() + " to " + sent.size() + " sockets");
    }
}
