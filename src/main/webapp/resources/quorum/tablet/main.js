/*
 * Quorum — the delegate's tablet: choosing, confirming and sending a vote over flaky Wi-Fi. Loaded by
 * delegate/index.xhtml as a module (no build step; every browser a tablet runs since 2018 loads modules).
 *
 * The server renders which face of the ballot the tablet shows (#vote-box data-view: waiting, none, open, noVote,
 * absent, voted, closed, published, cancelled). Inside an open ballot the device moves between the steps
 * choose → confirm → sending → recorded (or refused) and sends the vote through the casting API. The parts:
 *
 *   selection.js   the rules of a choice                 papers.js      the papers the device keeps
 *   api.js         one request and what it means         page.js        the shared state, elements and words
 *   render.js      what the page shows                   receipt.js     the receipt block
 *   steps.js       the delegate's steps                  casting.js     sending a paper until its answer is known
 *   connection.js  lost, back, signed out, the check     push.js        what the websocket and ajax report
 *   rendered.js    after every rendering by the server   main.js        this: start, and the page's hooks
 *   sealing.js     an end-to-end ballot's paper           e2e.js         its steps: seal, cast or check first
 *
 * An end-to-end ballot (data-election) adds sealing → check (cast, or audit → audited → sealing) before sending.
 *
 * selection.js, papers.js, api.js, sealing.js and receiptView (receipt.js) touch no page: node tests them (src/test/js/tablet.test.mjs).
 *
 * The page's inline handlers (f:websocket, p:remoteCommand) call window.QuorumVote.
 */
import {check, connectionLost, whenCheckDiffers} from './connection.js';
import {CHECK_EVERY, box, papers, useTexts, $} from './page.js';
import {ajaxFailed, checked, connectionTrouble, pushClosed, pushed} from './push.js';
import {beforeRender, rendered} from './rendered.js';
import {auditPaper, castPaper, sealPaper} from './e2e.js';
import {again, blank, change, choose, confirm, next, toggle} from './steps.js';

const BUTTONS = {'vote-next': next, 'vote-blank': blank, 'vote-confirm': confirm, 'vote-change': change, 'vote-again': again,
    'vote-e2e-cast': castPaper, 'vote-e2e-audit': auditPaper, 'vote-e2e-reseal': sealPaper, 'vote-e2e-change': change};

function clicked(event) {
    const button = event.target.closest ? event.target.closest('button') : null;
    const b = box();
    if (!button || !b || !b.contains(button)) {
        return;
    }
    if (button.classList.contains('q-vote-option')) {
        choose(button);
    } else if (button.classList.contains('q-vote-candidate')) {
        toggle(button);
    } else if (Object.prototype.hasOwnProperty.call(BUTTONS, button.id)) {
        BUTTONS[button.id]();
    }
}

function start() {
    const holder = $('vote-texts');
    if (!holder || !box()) {
        return;
    }
    useTexts(holder.dataset);
    whenCheckDiffers(checked);
    document.addEventListener('click', clicked);
    window.addEventListener('offline', connectionLost);
    window.addEventListener('online', () => check(0));
    document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') {
            check(0);
        }
    });
    const signOut = document.querySelector('form.q-sign-out');
    if (signOut) {
        signOut.addEventListener('submit', () => papers.clearAll());
    }
    rendered();
    if (window.navigator.onLine === false) {
        connectionLost();
    } else {
        check(CHECK_EVERY);
    }
}

window.QuorumVote = {pushed, connectionTrouble, pushClosed, beforeRender, rendered, ajaxFailed};

if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
} else {
    start();
}
