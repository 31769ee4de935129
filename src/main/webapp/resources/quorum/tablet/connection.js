/*
 * Quorum — the delegate's tablet: the connection, watched through the Faces websocket (push.js), the browser's
 * online/offline events, failed requests and a light check every 12 s (every 3 s while it is lost), whose answer
 * carries the meeting's news: a changed signature is drawn from it as from a push (push.js checked). When it comes
 * back, the papers still waiting are sent (whenBack) and the page is rendered again from the server, so it shows the
 * true state whatever happened meanwhile. A 401 (or 403, or a page instead of JSON) means the session is over: nothing
 * more is sent until the delegate has signed in again.
 */
import {$, CHECK_EVERY, CHECK_OFFLINE_EVERY, PUSH, box, call, refreshFaces, state, texts} from './page.js';
import {announce, show} from './render.js';

const back = [];

/** What a light check whose signature is not the page's does (push.js checked, set by main.js: not imported, as push.js imports this). */
let differs = () => refreshFaces();

export function whenCheckDiffers(action) {
    differs = action;
}

/** Something to do first when the connection is back (before the page is rendered again). */
export function whenBack(action) {
    back.push(action);
}

export function connectionLost() {
    if (!state.online) {
        return;
    }
    state.online = false;
    document.body.classList.add('q-conn-lost');
    $('vote-connection-text').textContent = texts.offline;
    $('vote-connection').hidden = false;
    show();
    check(CHECK_OFFLINE_EVERY);
}

export function connectionBack() {
    if (state.online) {
        return;
    }
    state.online = true;
    document.body.classList.remove('q-conn-lost');
    $('vote-connection').hidden = true;
    announce(texts.back);
    if (state.pushClosed && window.faces && window.faces.push) {
        state.pushClosed = false;
        window.faces.push.open(PUSH);
    }
    back.forEach((action) => action());
    refreshFaces(); // whatever happened meanwhile, show the server's state
    show();
    check(CHECK_EVERY);
}

export function signedOut() {
    state.signedOut = true;
    clearTimeout(state.probeTimer);
    Object.keys(state.retries).forEach((ballot) => {
        clearTimeout(state.retries[ballot]);
    });
    document.body.classList.add('q-is-signed-out');
    $('vote-connection').hidden = true;
    $('vote-signed-out').hidden = false;
}

/** The light check, after so many milliseconds: is the server there, and does the page still show its state? */
export function check(after) {
    clearTimeout(state.probeTimer);
    if (state.signedOut) {
        return;
    }
    state.probeTimer = setTimeout(() => {
        call('GET', 'tablet').then((answer) => {
            const b = box();
            if (answer.kind === 'json' && answer.status === 200) {
                if (!state.online) {
                    connectionBack();
                } else if (b && answer.body.signature !== b.dataset.signature) {
                    differs(answer.body);
                }
                check(CHECK_EVERY);
            } else if (answer.kind === 'signedOut') {
                signedOut();
            } else {
                connectionLost();
                check(CHECK_OFFLINE_EVERY);
            }
        });
    }, after);
}
