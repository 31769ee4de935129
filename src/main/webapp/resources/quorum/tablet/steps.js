/*
 * Quorum — the delegate's tablet: the delegate's own steps inside an open ballot, choose → confirm → sending, and
 * back (change the choice, vote again after a refusal). An end-to-end ballot seals its paper after the confirmation
 * and asks "cast this paper, or check it first?" (e2e.js) before sending.
 */
import {send} from './casting.js';
import {discard, endToEnd, sealPaper} from './e2e.js';
import {$, box, buttons, papers, state, texts} from './page.js';
import {newPaper} from './papers.js';
import {announce, chosenInRange, focusChip, note, seats, show} from './render.js';
import {paperChoice, rangeNote, toggled} from './selection.js';

function toConfirm() {
    state.step = 'confirm';
    show();
    $('vote-confirm-text').focus();
}

/** An approval answer pressed: it is the choice, to confirm. */
export function choose(button) {
    state.chosen = [button.dataset.choice];
    state.blank = false;
    toConfirm();
}

/** A candidate pressed: in or out of the list, unless the list is full. */
export function toggle(button) {
    const order = buttons('.q-vote-candidate').map((b) => b.dataset.choice);
    const result = toggled(state.chosen, button.dataset.choice, seats(), order);
    if (result.tooMany) {
        note($('vote-pattern-too-many').textContent);
        return;
    }
    state.chosen = result.chosen;
    note(null);
    show();
}

/** "Next" under the candidates: to the confirmation, if the count is right. */
export function next() {
    if (!chosenInRange()) {
        note($(rangeNote(state.chosen.length, seats()) === 'tooMany' ? 'vote-pattern-too-many' : 'vote-pattern-too-few').textContent);
        return;
    }
    note(null);
    state.blank = false;
    toConfirm();
}

/** A blank paper (where the election allows one). */
export function blank() {
    state.blank = true;
    state.step = 'confirm';
    note(null);
    show();
    $('vote-confirm-text').focus();
}

/** Confirmed: the paper is drawn and kept (unless one is already waiting), then sent. */
export function confirm() {
    const b = box();
    const ballot = state.ballot;
    if (!ballot || state.view !== 'open') {
        return;
    }
    const record = papers.load(ballot);
    if (!record || record.state !== 'pending') {
        const election = b.dataset.kind === 'ELECTION';
        if (election && !state.blank && !chosenInRange()) {
            state.step = 'choose';
            show();
            return;
        }
        if (!election && state.chosen.length !== 1) {
            return;
        }
        if (endToEnd()) {
            sealPaper();
            return;
        }
        const question = $('vote-question');
        papers.save(ballot, {
            paper: newPaper(), state: 'pending', question: question ? question.textContent : '',
            choice: paperChoice(election, state.blank, state.chosen)
        });
    }
    state.attempts = 0;
    state.step = 'sending';
    show();
    focusChip();
    announce(texts.sending);
    send(ballot);
}

/** Back from the confirmation to the choice, as it was. */
export function change() {
    discard();
    state.e2e = null;
    state.step = 'choose';
    state.blank = false;
    show();
    const first = buttons('.q-chosen, .q-vote-option, .q-vote-candidate')[0];
    if (first) {
        first.focus();
    }
}

/** After a refusal: choose again from nothing. */
export function again() {
    state.step = 'choose';
    state.refusal = null;
    state.chosen = [];
    show();
    const first = buttons('.q-vote-option, .q-vote-candidate')[0];
    if (first) {
        first.focus();
    }
}
