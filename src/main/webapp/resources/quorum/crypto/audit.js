/**
 * Cast or audit (Benaloh 2006, "Simple verifiable elections"; Benaloh 2007, "Ballot casting assurance via
 * voter-initiated poll station auditing"), as the election record specification §4 has it: the device shows the
 * prepared paper's tracker; a delegate who asks to check it gets the revelation `{paperId, choices, randomness}`,
 * which the device sends with the paper to the ballot's audit list (never counted, never linked to a voter) before
 * making a new paper with fresh randomness. Anyone checks an audited paper by recomputing `α_o = r_o·G`,
 * `β_o = m_o·G + r_o·PK` and its tracker — a device that encrypted something else than it showed is caught.
 *
 * A revealed paper is spent: the device must never cast it (its choices are public); {@link spend} makes sure.
 *
 * @module quorum/crypto/audit
 */
import { G, O, mul, mulPublic, pointToHex, scalarFromHex } from './group.js';
import { trackerOf, verifyPaper } from './paper.js';

/**
 * The entry for the audit list: the paper, its tracker and its revelation (§7 `audited`).
 * @param {ReturnType<import('./paper.js').prepareBallot>} ballot
 * @param {ReturnType<import('./paper.js').encryptPaper>} prepared the paper and its revelation, from encryptPaper
 * @returns {object}
 */
export function reveal(ballot, prepared) {
    const { paper, revelation } = prepared;
    if (revelation.paperId !== paper.paperId) {
        throw new Error('this revelation is not of this paper');
    }
    return { ...paper, tracker: trackerOf(ballot.context, paper), choices: [...revelation.choices],
        randomness: [...revelation.randomness] };
}

/**
 * Forgets a prepared paper's randomness once it is cast (so the device keeps nothing that opens it) or revealed.
 * @param {ReturnType<import('./paper.js').encryptPaper>} prepared
 */
export function spend(prepared) {
    prepared.revelation.randomness.fill('');
    prepared.revelation.choices.fill(-1);
}

/**
 * Checks an audited paper: every ciphertext recomputed from its choice and randomness, the tracker recomputed, the
 * choices 0 or 1 within the ballot's limits, and (as the paper would have been cast) its proofs.
 * @param {ReturnType<import('./paper.js').prepareBallot>} ballot
 * @param {object} audited an entry of the audit list
 * @returns {boolean}
 */
export function checkRevelation(ballot, audited) {
    try {
        const { ciphertexts, choices, randomness } = audited;
        if (choices.length !== ballot.options || randomness.length !== ballot.options
                || ciphertexts.length !== ballot.options) {
            return false;
        }
        const marks = choices.reduce((sum, m) => sum + m, 0);
        const opens = ciphertexts.every(({ alpha, beta }, o) => {
            const r = scalarFromHex(randomness[o]);
            const m = choices[o];
            return (m === 0 || m === 1) && r !== 0n && pointToHex(mul(G, r)) === alpha
                && pointToHex(mulPublic(ballot.publicKey, r).add(m === 1 ? G : O)) === beta;
        });
        return opens && marks >= ballot.min && marks <= ballot.max
            && trackerOf(ballot.context, audited) === audited.tracker && verifyPaper(ballot, audited);
    } catch {
        return false;
    }
}
