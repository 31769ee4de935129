/*
 * Quorum — the delegate's tablet: the steps of an end-to-end ballot (#vote-box data-election), between the
 * confirmation and the sending — sealing → check (cast this paper, or check it first) → sending; or check →
 * auditing → audited (the paper shown opened, never counted) → sealing a new paper for the same choice → check.
 *
 * The sealed paper lives in this module's memory only (a reloaded page starts again from the choice); what the
 * device keeps of it once cast is casting.js's pending record: the paper, never the choice or the randomness.
 * The rules are in sealing.js, which node tests.
 */
import {send} from './casting.js';
import {$, box, buttons, papers, state, texts} from './page.js';
import {announce, focusChip, show} from './render.js';
import {SealRefusal, castRecord, choicesOf, fieldsOf, labelsOf, loadCrypto, postAudit, prepareChecked, revealSealed, seal}
    from './sealing.js';

/** The paper sealed for the ballot in view: {ballot, fields, crypto, prepared (the ballot), sealed}, or null. */
let current = null;
/** The last ballot prepared, by its fields' text: its context and precomputed key are made once per ballot. */
let preparedFor = {json: null, ballot: null};

/** Whether the ballot in view is end-to-end. */
export function endToEnd() {
    const b = box();
    return !!(b && b.dataset.election);
}

/** The codes (data-code) of the chosen buttons, in ballot order; none for a blank paper. */
function chosenCodes() {
    if (state.blank) {
        return [];
    }
    return buttons('[data-choice]').filter((button) => state.chosen.indexOf(button.dataset.choice) >= 0)
            .map((button) => button.dataset.code);
}

function chosenLabels() {
    return buttons('[data-choice]').filter((button) => state.chosen.indexOf(button.dataset.choice) >= 0)
            .map((button) => button.dataset.label);
}

function refuse(key) {
    discard();
    state.step = 'refused';
    state.refusal = texts[key] || texts.e2eCannotSeal;
    show();
    focusChip();
    announce(texts.notRecorded + ' ' + state.refusal);
}

/** Lets the page paint the "sealing" state before the encryption holds the main thread. */
function pause() {
    return new Promise((resolve) => {
        setTimeout(resolve, 30);
    });
}

function now() {
    return typeof performance !== 'undefined' ? performance.now() : Date.now();
}

/** Seals a paper for the delegate's choice (after the confirmation, and again after an audit). */
export function sealPaper() {
    const b = box();
    const ballot = state.ballot;
    discard();
    const json = b.dataset.election;
    const fields = fieldsOf(json);
    if (!fields) {
        refuse('e2eMismatch');
        return Promise.resolve();
    }
    let choices;
    try {
        choices = choicesOf(fields.options, chosenCodes());
    } catch (e) {
        refuse('e2eMismatch');
        return Promise.resolve();
    }
    state.step = 'sealing';
    state.e2e = {labels: chosenLabels(), receipt: null, audit: null};
    show();
    focusChip();
    announce(texts.e2eSealing);
    return loadCrypto().then((crypto) => pause().then(() => crypto)).then((crypto) => {
        if (state.ballot !== ballot || state.view !== 'open' || state.step !== 'sealing') {
            return; // the ballot moved on meanwhile
        }
        const started = now();
        if (preparedFor.json !== json) {
            preparedFor = {json, ballot: prepareChecked(crypto, fields)};
        }
        const sealed = seal(crypto, preparedFor.ballot, choices);
        const took = Math.round(now() - started);
        const box2 = box();
        if (box2) {
            box2.dataset.sealMillis = String(took); // read by the browser check (BallotFlowIT's screenshots)
        }
        current = {ballot, fields, crypto, prepared: preparedFor.ballot, sealed};
        state.e2e.receipt = sealed.receipt;
        state.step = 'check';
        show();
        const title = $('vote-e2e-check-title');
        if (title) {
            title.focus();
        }
        announce(texts.e2eSealed + ' ' + texts.e2eReceipt + ' ' + sealed.receipt);
    }).catch((error) => {
        refuse(error instanceof SealRefusal ? error.key : 'e2eCannotSeal');
    });
}

/** Cast this paper: kept (the paper only) and sent until its answer is known. Never a revealed paper. */
export function castPaper() {
    const ballot = state.ballot;
    if (!current || current.ballot !== ballot || state.view !== 'open' || current.sealed.revealed) {
        return;
    }
    const kept = papers.load(ballot);
    if (!kept || kept.state !== 'pending') {
        const question = $('vote-question');
        papers.save(ballot, castRecord(current.crypto, current.sealed, question ? question.textContent : ''));
    }
    current = null;
    state.e2e = null;
    state.attempts = 0;
    state.step = 'sending';
    show();
    focusChip();
    announce(texts.sending);
    send(ballot);
}

/** Check this paper first (Benaloh): revealed, posted to the audit list, checked here, spent — never cast. */
export function auditPaper() {
    if (!current || current.ballot !== state.ballot) {
        return Promise.resolve();
    }
    const {ballot, fields, crypto, prepared, sealed} = current;
    current = null;
    const {entry, verdict} = revealSealed(crypto, prepared, sealed);
    const audit = {labels: labelsOf(fields.options, entry.choices), verdict, receipt: sealed.receipt, listed: null, message: null};
    state.e2e = {labels: state.e2e ? state.e2e.labels : [], receipt: null, audit};
    state.step = 'auditing';
    show();
    announce(texts.e2eAuditing);
    return postAudit(texts.publicApi, ballot, entry).then((answer) => {
        audit.listed = answer.listed;
        audit.message = answer.message;
        if (state.e2e && state.e2e.audit === audit && state.step === 'auditing') {
            state.step = 'audited';
            show();
            const title = $('vote-e2e-audited-title');
            if (title) {
                title.focus();
            }
            announce(texts.e2eAuditedTitle + '. ' + (audit.verdict ? texts.e2eAuditedGood : texts.e2eAuditedBad));
        }
    });
}

/** Drops the sealed paper (the choice changed, the ballot moved on): its randomness wiped, nothing sent. */
export function discard() {
    if (current && current.sealed && !current.sealed.spent && current.sealed.prepared) {
        current.crypto.spend(current.sealed.prepared);
        current.sealed.prepared = null;
        current.sealed.spent = true;
    }
    current = null;
}

/** Whether a sealed paper waits for the delegate's cast or check (for the rendering). */
export function sealedInView() {
    return !!current && current.ballot === state.ballot;
}
