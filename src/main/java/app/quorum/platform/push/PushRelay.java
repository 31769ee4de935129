package app.quorum.platform.push;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.faces.push.Push;
import jakarta.faces.push.PushContext;
import jakarta.inject.Inject;

/**
 * Relays committed changes to the open pages over the Faces websocket. A page listens on the channel of its
 * concern and re-renders its own meeting's part; the message is only "meeting N changed", never data.
 * Sent after the commit, so a page that re-renders reads what was committed.
 */
@ApplicationScoped
public class PushRelay {

    @Inject
    @Push(channel = "attendance")
    PushContext attendance;

    @Inject
    @Push(channel = "proceedings")
    PushContext proceedings;

    @Inject
    @Push(channel = "turnout")
    PushContext turnout;

    void relay(@Observes(during = TransactionPhase.AFTER_SUCCESS) Changed changed) {
        PushContext channel = switch (changed.what()) {
            case ATTENDANCE -> attendance;
            case PROCEEDINGS -> proceedings;
            case TURNOUT -> turnout;
        };
        java.util.Set<java.util.concurrent.Future<Void>> sent = channel.send(Long.toString(changed.meetingId()));
        java.util.logging.Logger.getLogger(PushRelay.class.getName()).info(
                () -> "push " + changed.what() + " of meeting " + changed.meetingId() + " to " + sent.size() + " sockets");
    }
}
