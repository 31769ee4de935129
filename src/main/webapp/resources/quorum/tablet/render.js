/*
 * Quorum — the delegate's tablet: what the page shows of the device's state — the step (data-step on #vote-box, which
 * the style sheet turns into the visible step), the chip, the chosen candidates, the confirmation, the sending and
 * refusal texts, the receipt — and the words read out to a screen reader.
 */
import {$, box, buttons, state, texts} from './page.js';
import {showReceipt} from './receipt.js';
import {chipWords, countOf, cutPattern, full, inRange} from './selection.js';

export function seats() {
    return countOf(box().dataset.seats);
}

export function fewest() {
    return countOf(box().dataset.min);
}

/** Whether the chosen candidates may be sent. */
export function chosenInRange() {
    return inRange(state.chosen.length, fewest(), seats());
}

/** Whether a paper already went out once without an answer, or the connection is lost. */
function retrying() {
    return state.attempts > 0 || !state.online;
}

/** Writes a pattern ("You chose: {0} — confirm?") into an element, the value in bold. */
export function fill(element, patternId, value) {
    const parts = cutPattern(($(patternId) || {textContent: '{0}'}).textContent);
    element.textContent = '';
    element.appendChild(document.createTextNode(parts[0]));
    if (parts.length > 1) {
        const strong = document.createElement('strong');
        strong.textContent = value;
        element.appendChild(strong);
        element.appendChild(document.createTextNode(parts[1]));
    }
}

function labelsOfChosen() {
    return buttons('[data-choice]').filter((button) => state.chosen.indexOf(button.dataset.choice) >= 0)
            .map((button) => button.dataset.label);
}

export function show() {
    const b = box();
    if (!b) {
        return;
    }
    const step = state.step || 'none';
    b.dataset.step = step;
    b.classList.toggle('q-vote-offline', !state.online);
    b.classList.toggle('q-vote-retrying', step === 'sending' && retrying());
    const chip = $('vote-chip-text');
    if (chip) {
        if (chip.dataset.server === undefined) {
            chip.dataset.server = chip.textContent;
        }
        const words = chipWords(step, state.view, retrying(), texts);
        chip.textContent = words === null ? chip.dataset.server : words;
    }
    buttons('.q-vote-candidate').forEach((button) => {
        const chosen = state.chosen.indexOf(button.dataset.choice) >= 0;
        button.setAttribute('aria-pressed', chosen ? 'true' : 'false');
        button.classList.toggle('q-chosen', chosen);
        const unreachable = full(state.chosen, button.dataset.choice, seats());
        button.classList.toggle('q-vote-full', unreachable);
        if (unreachable) {
            button.setAttribute('aria-disabled', 'true');
        } else {
            button.removeAttribute('aria-disabled');
        }
    });
    const counter = $('vote-counter');
    if (counter) {
        fill(counter, 'vote-pattern-counter', String(state.chosen.length));
        counter.classList.toggle('q-vote-counter-ok', chosenInRange());
    }
    const next = $('vote-next');
    if (next) {
        next.setAttribute('aria-disabled', chosenInRange() ? 'false' : 'true');
    }
    if (step === 'confirm') {
        showChoice();
    }
    const sending = $('vote-sending-text');
    if (sending) {
        sending.textContent = retrying() ? texts.retrying : texts.sending;
    }
    const refusal = $('vote-refusal');
    if (refusal) {
        refusal.textContent = state.refusal || '';
    }
    const again = $('vote-again');
    if (again) {
        again.hidden = state.view !== 'open';
    }
    if (step === 'recorded') {
        showReceipt();
    }
    if (step === 'check' || step === 'auditing' || step === 'audited') {
        showPaper();
    }
}

/** An end-to-end ballot's paper: the sealed one's choice and receipt, or the audited one opened (state.e2e). */
function showPaper() {
    const e2e = state.e2e || {labels: [], receipt: null, audit: null};
    const choice = $('vote-e2e-choice');
    if (choice) {
        fill(choice, 'vote-e2e-pattern-sealed-for', e2e.labels.length ? e2e.labels.join(', ') : texts.e2eBlank);
    }
    const receipt = $('vote-e2e-receipt');
    if (receipt) {
        receipt.firstElementChild.textContent = e2e.receipt || '';
    }
    const audit = e2e.audit;
    const opened = $('vote-e2e-opened');
    if (!opened || !audit) {
        return;
    }
    $('vote-e2e-opened-receipt').firstElementChild.textContent = audit.receipt || '';
    const list = $('vote-e2e-opened-list');
    list.textContent = '';
    (audit.labels.length ? audit.labels : [texts.e2eAuditedNothing]).forEach((label) => {
        const item = document.createElement('li');
        item.textContent = label;
        list.appendChild(item);
    });
    const verdict = $('vote-e2e-verdict');
    verdict.textContent = audit.verdict ? texts.e2eAuditedGood : texts.e2eAuditedBad;
    verdict.classList.toggle('q-vote-e2e-good', !!audit.verdict);
    verdict.classList.toggle('q-vote-e2e-bad', !audit.verdict);
    $('vote-e2e-listed').textContent = audit.listed ? texts.e2eAuditedListed
        : texts.e2eAuditedNotListed + ' ' + (audit.message || texts.e2eAuditedUnreached);
}

function showChoice() {
    const text = $('vote-confirm-text');
    const list = $('vote-chosen-list');
    const labels = labelsOfChosen();
    list.textContent = '';
    list.hidden = true;
    if (box().dataset.kind !== 'ELECTION') {
        fill(text, 'vote-pattern-confirm', labels[0] || '');
    } else if (state.blank) {
        text.textContent = $('vote-pattern-confirm-blank').textContent;
    } else {
        fill(text, 'vote-pattern-confirm-election', String(labels.length));
        labels.forEach((label) => {
            const item = document.createElement('li');
            item.textContent = label;
            list.appendChild(item);
        });
        list.hidden = false;
    }
}

/** Says something to a screen reader (the polite live region #vote-live). */
export function announce(text) {
    const live = $('vote-live');
    if (live && text) {
        live.textContent = '';
        window.setTimeout(() => {
            live.textContent = text;
        }, 50);
    }
}

export function focusChip() {
    const chip = $('vote-chip');
    if (chip) {
        chip.focus();
    }
}

/** The note under the candidates ("choose at most …"), or none. */
export function note(text) {
    const element = $('vote-range-note');
    if (element) {
        element.textContent = text || '';
        element.hidden = !text;
    }
}
