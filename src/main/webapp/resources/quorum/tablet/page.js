/*
 * Quorum — the delegate's tablet: what every part shares — the state between two renderings by the server, the page's
 * elements and words, the device's papers, and the call that lets the server render the page again.
 */
import {call as request} from './api.js';
import {KEY_PREFIX, createPapers} from './papers.js';

/** How often the light check asks the server, and how often while the connection is lost. */
export const CHECK_EVERY = 12000;
export const CHECK_OFFLINE_EVERY = 3000;
/** The Faces websocket's client id (f:websocket id="push" in the form "delegate"). */
export const PUSH = 'delegate:push';

export const state = {
    ballot: null, // the ballot in view
    view: null,
    step: null, // choose, confirm, sending, recorded, refused, none; end-to-end: sealing, check, auditing, audited
    e2e: null, // end-to-end: {labels (chosen), receipt (of the paper sealed), audit: {labels, verdict, receipt, listed, message}}
    chosen: [], // the chosen option codes (approval) or ids (election), in ballot order
    blank: false,
    refusal: null,
    attempts: 0,
    online: true,
    signedOut: false,
    pushClosed: false,
    inFlight: {},
    retries: {},
    probeTimer: null,
    focus: null,
    announced: null,
    now: null
};

/** The page's words (the data-* attributes of #vote-texts), set when the page starts. */
export let texts = {};

export function useTexts(words) {
    texts = words;
}

export function $(id) {
    return document.getElementById(id);
}

/** The ballot as the server rendered it (#vote-box and its data-* attributes), or null. */
export function box() {
    return $('vote-box');
}

/** The buttons of the ballot that match a selector. */
export function buttons(selector) {
    const b = box();
    return b ? Array.prototype.slice.call(b.querySelectorAll(selector)) : [];
}

export const papers = createPapers(() => window.sessionStorage, () => {
    const b = box();
    return KEY_PREFIX + (b ? b.dataset.participant : '') + '.';
});

/** One request to the casting API (see api.js). */
export function call(method, path, body) {
    return request(texts.api, method, path, body);
}

/** Lets the server render the delegate's part of the page again (p:remoteCommand refreshDelegate). */
export function refreshFaces() {
    if (typeof window.refreshDelegate === 'function' && !state.signedOut) {
        window.refreshDelegate();
    }
}
