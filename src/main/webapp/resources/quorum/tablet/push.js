/*
 * Quorum — the delegate's tablet: what the Faces websocket and the ajax requests of the page report. A push names a
 * meeting: the delegate's own means something changed there, so the server renders the page again. A socket in
 * trouble, a closed socket or a failed ajax request calls the light check at once.
 */
import {check, connectionBack, connectionLost} from './connection.js';
import {box, refreshFaces, state} from './page.js';

export function pushed(meetingId) {
    const b = box();
    connectionBack();
    if (b && String(meetingId) === b.dataset.meeting) {
        refreshFaces();
    }
}

export function connectionTrouble() {
    check(0);
}

export function pushClosed() {
    state.pushClosed = true;
    check(0);
}

/** A refreshDelegate that failed: no answer at all means the connection is lost, anything else is checked. */
export function ajaxFailed(xhr) {
    if (!xhr || xhr.status === 0) {
        connectionLost();
    } else {
        check(0);
    }
}
