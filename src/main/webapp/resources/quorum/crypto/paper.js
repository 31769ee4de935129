/**
 * The ballot paper, made on the delegate's tablet (election record specification §4): one exponential ElGamal
 * ciphertext per option (Cramer, Gennaro, Schoenmakers 1997), `α_o = r_o·G, β_o = m_o·G + r_o·PK` with m_o ∈ {0, 1};
 * for each a disjunctive proof that it encrypts 0 or 1, and for the sum `(Σα_o, Σβ_o)` one that the number of marks is
 * within [min, max] (Cramer–Damgård–Schoenmakers 1994, as in Helios, Adida 2008) — see one-of.js. Every paper of a
 * ballot has the same size. Its tracker (ElectionGuard 2.0's tracking code) hashes the ballot's context, the paper id
 * and every ciphertext; the delegate keeps its receipt form (receipt.js).
 *
 * @module quorum/crypto/paper
 */
import { randomBytes, bytesToHex } from '@noble/hashes/utils.js';
import { G, O, add, mul, pointFromHex, pointToHex, precomputed, randomScalar, scalarToHex } from './group.js';
import { ballotContext } from './contexts.js';
import { proveOneOf, verifyOneOf } from './one-of.js';
import { sha256hex, transcript } from './transcript.js';

const BITS = Object.freeze([0, 1]);
const PAPER_ID = /^[0-9a-f]{32}$/;

/**
 * A ballot ready for papers: its context recomputed from its public fields (§3) and its public key decoded once,
 * with the precomputed table that makes each paper fast.
 * @param {{meetingId: number, ballotId: number, kind: 'APPROVAL'|'ELECTION', question: string,
 *          options: {code: string, label: string}[], min: number, max: number, publicKey: string,
 *          ceremonyContext: string}} fields
 * @returns {{context: string, publicKey: import('./group.js').Point, publicKeyHex: string, min: number, max: number,
 *            options: number}}
 */
export function prepareBallot(fields) {
    return Object.freeze({
        context: ballotContext(fields),
        publicKey: precomputed(pointFromHex(fields.publicKey)),
        publicKeyHex: fields.publicKey,
        min: fields.min,
        max: fields.max,
        options: fields.options.length,
    });
}

/** The values a paper's total may take: min, …, max. */
export function totals(ballot) {
    return Array.from({ length: ballot.max - ballot.min + 1 }, (_, k) => ballot.min + k);
}

/** The bit proof's prefix for option o (§4). */
export const bitPrefix = (ballot, paperId, o) => ['quorum/v1/bit', ballot.context, paperId, o];
/** The total proof's prefix (§4). */
export const totalPrefix = (ballot, paperId) => ['quorum/v1/total', ballot.context, paperId, ballot.min, ballot.max];

/**
 * Encrypts the delegate's choices.
 * @param {ReturnType<typeof prepareBallot>} ballot
 * @param {number[]} choices one 0 or 1 per option, between min and max ones
 * @returns {{paper: {paperId: string, ciphertexts: {alpha: string, beta: string}[],
 *            bitProofs: {c: string[], s: string[]}[], totalProof: {c: string[], s: string[]}},
 *            revelation: {paperId: string, choices: number[], randomness: string[]}}}
 *          the paper to cast, and what the device reveals if the delegate audits it instead (audit.js)
 */
export function encryptPaper(ballot, choices) {
    const marks = choices.reduce((sum, m) => sum + m, 0);
    if (choices.length !== ballot.options || !choices.every((m) => m === 0 || m === 1)
            || marks < ballot.min || marks > ballot.max) {
        throw new Error('the choices do not fit the ballot');
    }
    const paperId = bytesToHex(randomBytes(16));
    const PK = ballot.publicKey;
    const r = choices.map(() => randomScalar());
    const alpha = r.map((ro) => mul(G, ro));
    const beta = r.map((ro, o) => mul(PK, ro).add(choices[o] === 1 ? G : O));
    const bitProofs = choices.map((m, o) => proveOneOf({ prefix: bitPrefix(ballot, paperId, o), alpha: alpha[o],
        beta: beta[o], publicKey: PK, values: BITS, index: m, r: r[o] }));
    const totalProof = proveOneOf({ prefix: totalPrefix(ballot, paperId), alpha: alpha.reduce((A, a) => A.add(a)),
        beta: beta.reduce((B, b) => B.add(b)), publicKey: PK, values: totals(ballot), index: marks - ballot.min,
        r: r.reduce(add, 0n) });
    const paper = {
        paperId,
        ciphertexts: alpha.map((a, o) => ({ alpha: pointToHex(a), beta: pointToHex(beta[o]) })),
        bitProofs,
        totalProof,
    };
    return { paper, revelation: { paperId, choices: [...choices], randomness: r.map(scalarToHex) } };
}

/**
 * The paper's tracker, `SHA256hex("quorum/v1/tracker|" + ballotContext + "|" + paperId + "|" + α_0 + "|" + β_0 …)`.
 * @param {string} context the ballot's context
 * @param {{paperId: string, ciphertexts: {alpha: string, beta: string}[]}} paper
 * @returns {string}
 */
export function trackerOf(context, paper) {
    return sha256hex(transcript('quorum/v1/tracker', context, paper.paperId,
        ...paper.ciphertexts.flatMap(({ alpha, beta }) => [alpha, beta])));
}

/**
 * Checks a paper as §4 says the server does, apart from what needs the ballot box (a new paper id, no α of another
 * paper): N ciphertexts of points other than O with N distinct α, N bit proofs, a total proof of max-min+1 branches,
 * all canonical and valid.
 * @param {ReturnType<typeof prepareBallot>} ballot
 * @param {object} paper
 * @returns {boolean}
 */
export function verifyPaper(ballot, paper) {
    try {
        const { paperId, ciphertexts, bitProofs, totalProof } = paper;
        if (!PAPER_ID.test(paperId) || ciphertexts.length !== ballot.options || bitProofs.length !== ballot.options
                || new Set(ciphertexts.map((ct) => ct.alpha)).size !== ciphertexts.length) {
            return false;
        }
        const alpha = ciphertexts.map((ct) => pointFromHex(ct.alpha));
        const beta = ciphertexts.map((ct) => pointFromHex(ct.beta));
        const PK = ballot.publicKey;
        return alpha.every((a, o) => verifyOneOf({ prefix: bitPrefix(ballot, paperId, o), alpha: a, beta: beta[o],
                publicKey: PK, values: BITS, proof: bitProofs[o] }))
            && verifyOneOf({ prefix: totalPrefix(ballot, paperId), alpha: alpha.reduce((A, a) => A.add(a)),
                beta: beta.reduce((B, b) => B.add(b)), publicKey: PK, values: totals(ballot), proof: totalProof });
    } catch {
        return false;
    }
}
