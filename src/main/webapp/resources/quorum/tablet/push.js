/*
 * Quorum — the delegate's tablet: what the Faces websocket and the ajax requests of the page report. The push is the
 * meeting's news (TabletPush on the server: the meeting's part of every tablet's signature, an open ballot's face, and
 * a spread in milliseconds). A tablet whose signature already has that meeting part has nothing to do; one that may
 * vote draws a newly opened ballot from its face at once (face.js), and a tablet showing the ballot that closed (or
 * whose result was published) draws its closed face, when nothing else changed; for any other change the server renders the page
 * again, at a moment drawn within the spread, so a hall's tablets do not all ask in the same instant. A socket in
 * trouble, a closed socket or a failed ajax request calls the light check at once; the check's answer carries the
 * news too, so a tablet whose check comes first draws it the same way (checked).
 */
import {check, connectionBack, connectionLost} from './connection.js';
import {closeFace, open} from './face.js';
import {box, refreshFaces, state} from './page.js';
import {rendered} from './rendered.js';

/** The parts of a tablet's signature (TabletState.signature): five of the meeting's, then the delegate's three. */
const MEETING_PARTS = 5;

let later = null;

function news(message) {
    if (typeof message !== 'string') {
        return message;
    }
    try {
        return JSON.parse(message);
    } catch (notNews) {
        return null;
    }
}

/**
 * What a tablet does with the news: 'nothing', 'open' (draw the face), 'close' (the ballot in view closed or its result
 * published, nothing else changed: draw the closed face) or 'render' (ask the server).
 */
export function reaction(signature, ballot, view, pushed) {
    const own = String(signature || '').split(':');
    if (own.slice(0, MEETING_PARTS).join(':') === pushed.signature) {
        return 'nothing';
    }
    const mine = own.slice(MEETING_PARTS);
    if (pushed.face && mine[0] === 'v' && mine[1] === 'p' && String(pushed.face.id) !== String(ballot || '')) {
        return 'open';
    }
    const now = String(pushed.signature || '').split(':');
    const was = own.slice(0, MEETING_PARTS);
    const closing = (now[4] === 'CLOSED' && (view === 'open' || view === 'voted'))
        || (now[4] === 'PUBLISHED' && (view === 'open' || view === 'voted' || view === 'closed'));
    if (mine.length === 3 && closing && now.slice(0, 4).join(':') === was.slice(0, 4).join(':') && now[3] === 'b' + ballot) {
        return 'close';
    }
    return 'render';
}

export function pushed(message) {
    const b = box();
    const pushedNews = news(message);
    connectionBack();
    if (!b || !pushedNews || String(pushedNews.meeting) !== b.dataset.meeting) {
        return;
    }
    const what = reaction(b.dataset.signature, b.dataset.ballot, b.dataset.view, pushedNews);
    if (draw(b, pushedNews, what, null)) {
        return;
    }
    if (what === 'render' && later === null) {
        later = setTimeout(() => {
            later = null;
            refreshFaces();
        }, Math.random() * Math.max(0, Number(pushedNews.spread) || 0));
    }
}

/**
 * The light check's answer when its signature is not the page's (connection.js): the news it carries, if any, drawn
 * as the push would have it drawn when that makes the page the server's signature; else the page rendered again.
 */
export function checked(answer) {
    const b = box();
    const carried = answer && answer.news;
    if (b && carried && String(carried.meeting) === b.dataset.meeting
            && draw(b, carried, reaction(b.dataset.signature, b.dataset.ballot, b.dataset.view, carried), answer.signature)) {
        return;
    }
    refreshFaces();
}

/**
 * Draws what the news brings ('open': the ballot's face; 'close': the closed face) and answers true; answers false
 * for any other reaction, or when the drawn page's signature would not be the expected one (when one is given).
 */
function draw(b, carried, what, expected) {
    if (what !== 'open' && what !== 'close') {
        return false;
    }
    const next = carried.signature + ':' + (what === 'open' ? 'v:p:not-voted'
        : String(b.dataset.signature).split(':').slice(MEETING_PARTS).join(':'));
    if (expected && expected !== next) {
        return false;
    }
    clearTimeout(later);
    later = null;
    if (what === 'open') {
        open(carried.face, next);
    } else {
        closeFace(b, carried.signature.split(':')[4], next);
    }
    rendered();
    return true;
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
