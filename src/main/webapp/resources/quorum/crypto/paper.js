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
import { Batch } from './batch.js';
import { G, O, add, mul, pointFromHex, pointToHex, precomputed, randomScalar, scalarToHex } from './group.js';
import { ballotContext } from './contexts.js';
import { addOneOf, equationsHold, proveOneOf, readOneOf } from './one-of.js';
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
    const ciphertexts = alpha.map((a, o) => ({ alpha: pointToHex(a), beta: pointToHex(beta[o]) }));
    const bitProofs = choices.map((m, o) => proveOneOf({ prefix: bitPrefix(ballot, paperId, o), alpha: alpha[o],
        beta: beta[o], alphaHex: ciphertexts[o].alpha, betaHex: ciphertexts[o].beta, publicKey: PK, values: BITS,
        index: m, r: r[o] }));
    const totalProof = proveOneOf({ prefix: totalPrefix(ballot, paperId), alpha: alpha.reduce((A, a) => A.add(a)),
        beta: beta.reduce((B, b) => B.add(b)), publicKey: PK, values: totals(ballot), index: marks - ballot.min,
        r: r.reduce(add, 0n) });
    const paper = {
        paperId,
        ciphertexts,
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

/** The reasons a paper is refused for (§4). */
export const REASONS = Object.freeze({ shape: 'ballot.crypto.paper.shape', encoding: 'ballot.crypto.paper.encoding',
    bitProof: 'ballot.crypto.paper.bit-proof', totalProof: 'ballot.crypto.paper.total-proof',
    duplicateId: 'ballot.crypto.paper.duplicate-id', replay: 'ballot.crypto.paper.replay' });

/**
 * Reads a paper and checks what needs no multiplication: the shape, the encodings, N distinct α, every challenge.
 * @returns {{reason: string}|{alpha, beta, A, B, bits, total}} a refusal, or the paper decoded with its proofs
 */
function readPaper(ballot, paper) {
    const { paperId, ciphertexts, bitProofs, totalProof } = paper ?? {};
    const branches = (proof, length) => ['a', 'b', 'c', 's'].every((key) => Array.isArray(proof?.[key])
        && proof[key].length === length);
    if (typeof paperId !== 'string' || !PAPER_ID.test(paperId) || !Array.isArray(ciphertexts)
            || ciphertexts.length !== ballot.options || !Array.isArray(bitProofs) || bitProofs.length !== ballot.options
            || !bitProofs.every((proof) => branches(proof, 2)) || !branches(totalProof, ballot.max - ballot.min + 1)) {
        return { reason: REASONS.shape };
    }
    let alpha;
    let beta;
    try {
        alpha = ciphertexts.map((ct) => pointFromHex(ct.alpha));
        beta = ciphertexts.map((ct) => pointFromHex(ct.beta));
    } catch {
        return { reason: REASONS.encoding };
    }
    if (new Set(ciphertexts.map((ct) => ct.alpha)).size !== ciphertexts.length) {
        return { reason: REASONS.replay };
    }
    const bits = alpha.map((a, o) => readOneOf({ prefix: bitPrefix(ballot, paperId, o), alpha: a, beta: beta[o],
        alphaHex: ciphertexts[o].alpha, betaHex: ciphertexts[o].beta, values: BITS, proof: bitProofs[o] }));
    if (bits.includes(null)) {
        return { reason: REASONS.bitProof };
    }
    const A = alpha.reduce((sum, a) => sum.add(a));
    const B = beta.reduce((sum, b) => sum.add(b));
    const total = readOneOf({ prefix: totalPrefix(ballot, paperId), alpha: A, beta: B, values: totals(ballot),
        proof: totalProof });
    return total === null ? { reason: REASONS.totalProof } : { alpha, beta, A, B, bits, total };
}

/** The paper's equations, each bit proof's on its ciphertext, the total's on (ΣA, ΣB) given to every α_o and β_o. */
function addPaper(batch, ballot, read) {
    const total = addOneOf(batch, read.total, totals(ballot));
    read.alpha.forEach((a, o) => {
        const bit = addOneOf(batch, read.bits[o], BITS);
        batch.term(a, bit.onAlpha + total.onAlpha);
        batch.term(read.beta[o], bit.onBeta + total.onBeta);
    });
}

/** The reason a paper read whole fails, checking each equation on its own, or null. */
function oneByOne(ballot, read) {
    const PK = ballot.publicKey;
    if (!read.bits.every((bit, o) => equationsHold({ alpha: read.alpha[o], beta: read.beta[o], publicKey: PK,
        values: BITS }, bit))) {
        return REASONS.bitProof;
    }
    return equationsHold({ alpha: read.A, beta: read.B, publicKey: PK, values: totals(ballot) }, read.total) ? null
        : REASONS.totalProof;
}

/**
 * Checks papers as §4 says the server does, apart from what needs the ballot box (a new paper id, no α of another
 * paper): N ciphertexts of points other than O with N distinct α, N bit proofs, a total proof of max-min+1 branches,
 * all canonical, and every proof — every challenge hashed, then all the papers' equations in one batch (§5.4), and
 * each paper on its own only when the batch fails, to name the bad ones.
 * @param {ReturnType<typeof prepareBallot>} ballot
 * @param {object[]} papers
 * @returns {{index: number, reason: string}[]} the refused papers (their position in the list and §4's reason), in
 *          order; empty when every paper is good
 */
export function checkPapers(ballot, papers) {
    const refused = [];
    const batch = new Batch(ballot.publicKey);
    const batched = [];
    papers.forEach((paper, index) => {
        const read = readPaper(ballot, paper);
        if (read.reason) {
            refused.push({ index, reason: read.reason });
        } else {
            addPaper(batch, ballot, read);
            batched.push({ index, read });
        }
    });
    if (batched.length > 0 && !batch.holds()) {
        for (const { index, read } of batched) {
            const reason = oneByOne(ballot, read);
            if (reason) {
                refused.push({ index, reason });
            }
        }
        refused.sort((x, y) => x.index - y.index);
    }
    return refused;
}

/**
 * Checks one paper (checkPapers on a list of one: its equations in a batch of their own, cheaper than one by one).
 * @param {ReturnType<typeof prepareBallot>} ballot
 * @param {object} paper
 * @returns {boolean}
 */
export function verifyPaper(ballot, paper) {
    return checkPapers(ballot, [paper]).length === 0;
}
