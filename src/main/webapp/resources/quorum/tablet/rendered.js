/*
 * Quorum — the delegate's tablet: after every rendering by the server (the page's first, and each refreshDelegate)
 * and after a push drew an open ballot (push.js): an open ballot drawn from its face (face.js),
 * the device's step for the ballot now in view, the papers still to send, the focus kept where it was, and what changed
 * read out to a screen reader.
 */
import {sendPending} from './casting.js';
import {discard, sealedInView} from './e2e.js';
import {draw, faceOf, undrawn} from './face.js';
import {$, box, buttons, papers, state} from './page.js';
import {announce, focusChip, show} from './render.js';
import {stepAfterRender} from './selection.js';

/** Before the server renders: which control of the ballot has the focus. */
export function beforeRender() {
    const active = document.activeElement;
    const b = box();
    state.focus = active && b && b.contains(active) ? {id: active.id, choice: active.dataset ? active.dataset.choice : null} : null;
}

export function rendered() {
    const b = box();
    if (!b) {
        return;
    }
    if (faceOf(b) && undrawn(b)) {
        draw(b, faceOf(b)); // an open ballot as the server rendered it: its face only
    }
    const ballot = b.dataset.ballot || null;
    const view = b.dataset.view;
    if (ballot !== state.ballot) {
        discard(); // a paper sealed for another ballot is dropped, its randomness wiped
        state.e2e = null;
        state.ballot = ballot;
        state.chosen = [];
        state.blank = false;
        state.step = null;
        state.refusal = null;
    }
    const changed = view !== state.view;
    state.view = view;
    const record = ballot ? papers.load(ballot) : null;
    if (view === 'cancelled' && record) {
        papers.forget(ballot);
    }
    state.step = stepAfterRender(view, record, b.dataset.voted === 'true', state.step);
    if (view !== 'open' || ((state.step === 'check') && !sealedInView())) {
        discard();
        if (state.step === 'check') {
            state.step = 'choose';
        }
    }
    show();
    sendPending();
    restoreFocus(changed);
    const active = document.activeElement;
    if (changed && view === 'open' && (!active || active === document.body)) {
        const heading = $('vote-question'); // a ballot just opened: keyboard and screen reader start at its question
        if (heading) {
            heading.focus();
        }
    }
    if (changed && state.announced !== null) {
        const question = $('vote-question');
        announce($('vote-chip-text').textContent + (view === 'open' && question ? '. ' + question.textContent : ''));
    }
    state.announced = view;
    const now = document.querySelector('.q-now');
    if (now) {
        const text = now.textContent.replace(/\s+/g, ' ').trim();
        if (state.now !== null && text !== state.now && !changed) {
            announce(text);
        }
        state.now = text;
    }
}

function restoreFocus(changed) {
    const was = state.focus;
    state.focus = null;
    if (!was) {
        return;
    }
    let target = was.id ? $(was.id) : null;
    if (!target && was.choice) {
        target = buttons('[data-choice="' + was.choice + '"]')[0];
    }
    if (target && target.offsetParent !== null && !changed) {
        target.focus();
    } else {
        focusChip();
    }
}
