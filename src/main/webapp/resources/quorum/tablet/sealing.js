/*
 * Quorum — the delegate's tablet: the paper of an end-to-end ballot (election record §4), with no page (node tests it).
 *
 * When #vote-box carries data-election (the ballot's public fields), the device seals the choice itself: it recomputes
 * the ballot's context and refuses to go on if it differs from the one the server sent, encrypts the 0/1 vector of the
 * choice in the ballot's option order (crypto/paper.js) and shows the paper's receipt. Then Benaloh's cast or audit:
 *   cast   the paper alone (ciphertexts and proofs) is kept on the device until the server's answer, and sent as
 *          {"paper": …} by casting.js exactly as today's choice was; the randomness is spent first, the choice never kept;
 *   audit  the paper is revealed (crypto/audit.js), posted to the public audit list without the session, checked by the
 *          device itself, spent — never cast — and a fresh paper is sealed for the same choice.
 *
 * The crypto modules (and @noble/*, through the page's import map) are loaded only here and only when a paper is
 * sealed (loadCrypto): a legacy ballot costs the page nothing.
 */
import {call} from './api.js';

/** A refusal the delegate reads: key names the words (texts.e2eMismatch, texts.e2eCannotSeal). */
export class SealRefusal extends Error {
    constructor(key, cause) {
        super(key);
        this.key = key;
        this.cause = cause;
    }
}

let loading = null;

/** The crypto modules the paper needs, imported once, at the first paper. */
export function loadCrypto() {
    if (!loading) {
        loading = Promise.all([import('../crypto/paper.js'), import('../crypto/audit.js'), import('../crypto/receipt.js')])
                .then(([paper, audit, receipt]) => ({
                    prepareBallot: paper.prepareBallot, encryptPaper: paper.encryptPaper, trackerOf: paper.trackerOf,
                    reveal: audit.reveal, spend: audit.spend, checkRevelation: audit.checkRevelation,
                    receiptOf: receipt.receiptOf
                }));
        loading.catch(() => {
            loading = null; // a failed load (the network, say) is tried again at the next paper
        });
    }
    return loading;
}

/** The ballot's fields (data-election), or null when the ballot is not end-to-end or they cannot be read. */
export function fieldsOf(attribute) {
    if (!attribute) {
        return null;
    }
    try {
        const fields = JSON.parse(attribute);
        return fields && Array.isArray(fields.options) ? fields : null;
    } catch (e) {
        return null;
    }
}

/**
 * The choice as the paper encrypts it: one 0 or 1 per option of the ballot, in its order (options: [{code, label}]),
 * 1 for each chosen code. A code the ballot does not have is refused (the page and the fields disagree).
 */
export function choicesOf(options, codes) {
    const known = options.map((option) => option.code);
    codes.forEach((code) => {
        if (known.indexOf(code) < 0) {
            throw new SealRefusal('e2eMismatch');
        }
    });
    return known.map((code) => (codes.indexOf(code) >= 0 ? 1 : 0));
}

/** The labels of the options a paper marks (choices: its 0/1 vector), in ballot order. */
export function labelsOf(options, choices) {
    return options.filter((option, o) => choices[o] === 1).map((option) => option.label);
}

/**
 * The ballot ready for papers (crypto.prepareBallot), refused when the context the device recomputes from the public
 * fields is not the one the server sent (fields.context): a paper would then be bound to another ballot than shown.
 */
export function prepareChecked(crypto, fields) {
    let ballot;
    try {
        ballot = crypto.prepareBallot(fields);
    } catch (e) {
        throw new SealRefusal('e2eMismatch', e);
    }
    if (ballot.context !== fields.context) {
        throw new SealRefusal('e2eMismatch');
    }
    return ballot;
}

/**
 * A sealed paper, in the page's memory only: {prepared (paper and revelation), tracker, receipt, spent}. The
 * revelation (choices, randomness) never leaves it but through reveal(), and is wiped by cast or audit.
 */
export function seal(crypto, ballot, choices) {
    const prepared = crypto.encryptPaper(ballot, choices);
    const tracker = crypto.trackerOf(ballot.context, prepared.paper);
    return {prepared, paperId: prepared.paper.paperId, tracker, receipt: crypto.receiptOf(tracker), spent: false, revealed: false};
}

/**
 * Cast: what the device keeps until the server's answer — the paper's id, its ciphertexts and proofs (sealed), its
 * tracker and the tracker's receipt, the question; never the choice nor the randomness, which are spent here. A
 * revealed (or already cast) paper is refused.
 */
export function castRecord(crypto, sealed, question) {
    if (sealed.spent || sealed.revealed || !sealed.prepared) {
        throw new Error('a revealed or spent paper is never cast');
    }
    const {paperId, ciphertexts, bitProofs, totalProof} = sealed.prepared.paper;
    crypto.spend(sealed.prepared);
    sealed.prepared = null;
    sealed.spent = true;
    return {
        paper: paperId, state: 'pending', question: question || '', tracker: sealed.tracker, receipt: sealed.receipt,
        sealed: {paperId, ciphertexts, bitProofs, totalProof}
    };
}

/** What a pending paper is sent as: the sealed paper of an end-to-end ballot, or the choice of a legacy one. */
export function castBody(record) {
    return record.sealed ? {paper: record.sealed} : {choice: record.choice};
}

/**
 * Audit: the paper revealed (crypto.reveal: the paper, its tracker, choices and randomness), the device's own verdict
 * on it (crypto.checkRevelation), and the paper spent — it can never be cast after this.
 */
export function revealSealed(crypto, ballot, sealed) {
    if (sealed.spent || !sealed.prepared) {
        throw new Error('a spent paper cannot be revealed');
    }
    const entry = crypto.reveal(ballot, sealed.prepared);
    sealed.revealed = true;
    const verdict = crypto.checkRevelation(ballot, entry);
    crypto.spend(sealed.prepared);
    sealed.prepared = null;
    sealed.spent = true;
    return {entry, verdict};
}

/**
 * Posts a revealed paper to the ballot's audit list (base: the public API's address, ending in "/"), without the
 * delegate's session: resolves to {listed: true} or {listed: false, message} (the server's refusal, or null when no
 * answer came).
 */
export function postAudit(base, ballotId, entry, options = {}) {
    return call(base, 'POST', 'ballots/' + ballotId + '/audited', entry, Object.assign({}, options, {credentials: 'omit'}))
            .then((answer) => {
                if (answer.kind === 'json' && answer.status === 200 && answer.body.audited) {
                    return {listed: true};
                }
                return {listed: false, message: answer.kind === 'json' ? answer.body.message || null : null};
            });
}
