/**
 * Checks of the papers: the counted ones, the audited ones and the rejected ones (specification §4, §7).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { G, ZERO, hexOf, point, scalar, sha256Text, sha256hex, times } from './encoding.mjs';
import { examine, task } from './examine.mjs';
import { oneOf } from './proofs.mjs';
import { problems } from './report.mjs';

const short = (hex) => String(hex).slice(0, 12) + '…';

/** The reasons a paper is refused for (§4). */
const REASONS = ['shape', 'encoding', 'bit-proof', 'total-proof', 'duplicate-id', 'replay']
    .map((reason) => 'ballot.crypto.paper.' + reason);

/** The paper's tracker as §4 defines it, from its id and ciphertexts as written. */
export const trackerOf = (context, paper) => sha256hex('quorum/v1/tracker', context, paper.paperId,
    ...paper.ciphertexts.flatMap(({ alpha, beta }) => [alpha, beta]));

/** Decodes a paper, or throws saying what is malformed. */
function decode(paper, state) {
    if (typeof paper?.paperId !== 'string' || !/^[0-9a-f]{32}$/.test(paper.paperId)) {
        throw new Error('paperId is not 32 lower-case hex digits');
    }
    if (typeof paper.tracker !== 'string' || !/^[0-9a-f]{64}$/.test(paper.tracker)) {
        throw new Error('tracker is not 64 lower-case hex digits');
    }
    const { ciphertexts, bitProofs, totalProof } = paper;
    if (!Array.isArray(ciphertexts) || ciphertexts.length !== state.N
            || !Array.isArray(bitProofs) || bitProofs.length !== state.N) {
        throw new Error(`not ${state.N} ciphertexts and ${state.N} bit proofs`);
    }
    const shaped = (proof, length) => ['a', 'b', 'c', 's'].every((key) => Array.isArray(proof?.[key])
        && proof[key].length === length) && [...proof.a, ...proof.b].every((P) => /^0[23][0-9a-f]{64}$/.test(P))
        && [...proof.c, ...proof.s].every((value) => scalar(value) >= 0n);
    if (!bitProofs.every((proof) => shaped(proof, 2)) || !shaped(totalProof, state.totals.length)) {
        throw new Error(`the proofs are not 2 and ${state.totals.length} branches of commitments in compressed form and `
            + 'canonical scalars');
    }
    return { paper, alpha: ciphertexts.map((ct) => point(ct.alpha)), beta: ciphertexts.map((ct) => point(ct.beta)) };
}

/** Decodes every paper of a list; the malformed ones are reported and left out of what follows. */
export function checkEncodings(list, state, key) {
    if (!Array.isArray(list)) {
        throw new Error(`${key} is not a list`);
    }
    const wrong = [];
    state[key] = [];
    list.forEach((paper, position) => {
        try {
            state[key].push(decode(paper, state));
        } catch (error) {
            wrong.push(`#${position + 1} (${short(paper?.tracker)}): ${error.message}`);
        }
    });
    problems(wrong, list.length, 'papers are malformed');
    return `${list.length} papers, each with ${state.N} ciphertexts of valid points, ${state.N} bit proofs of 2 branches `
        + `and a total proof of ${state.totals.length}`;
}

export function checkTrackers(state) {
    const wrong = state.papers.filter(({ paper }) => trackerOf(state.ballotContext, paper) !== paper.tracker)
        .map(({ paper }) => `paper ${short(paper.tracker)}: the ciphertexts give tracker ${trackerOf(state.ballotContext, paper)}`);
    problems(wrong, state.papers.length, 'trackers do not match their papers');
    return `${state.papers.length} trackers recomputed from the ballot context, paper id and ciphertexts`;
}

export function checkOrder(state) {
    const trackers = state.papers.map(({ paper }) => paper.tracker);
    const at = trackers.findIndex((tracker, k) => k > 0 && !(trackers[k - 1] < tracker));
    if (at > 0) {
        throw new Error(`paper #${at + 1} (${short(trackers[at])}) is not after #${at} (${short(trackers[at - 1])})`);
    }
    return 'papers listed in strictly ascending tracker order';
}

export function checkUnique(state) {
    const ids = new Set();
    const alphas = new Map();
    const wrong = [];
    for (const { paper } of state.papers) {
        if (ids.has(paper.paperId)) {
            wrong.push(`paper id ${paper.paperId} listed twice`);
        }
        ids.add(paper.paperId);
        for (const { alpha } of paper.ciphertexts) {
            if (alphas.has(alpha)) {
                wrong.push(`paper ${short(paper.tracker)} repeats α ${short(alpha)} of paper ${short(alphas.get(alpha))}`);
            }
            alphas.set(alpha, paper.tracker);
        }
    }
    state.countedIds = ids;
    state.countedAlphas = alphas;
    problems(wrong, state.papers.length, 'copies');
    return `${ids.size} distinct paper ids, ${alphas.size} distinct α (no copied paper)`;
}

const bitPrefix = (state, paperId, o) => ['quorum/v1/bit', state.ballotContext, paperId, o];
const totalPrefix = (state, paperId) => ['quorum/v1/total', state.ballotContext, paperId, state.min, state.max];

/** The claims of a paper's bit proofs, and of its total proof on (Σ α_o, Σ β_o). */
const bitClaims = ({ paper, alpha, beta }, state) => alpha.map((a, o) => ({ prefix: bitPrefix(state, paper.paperId, o),
    alpha: a, beta: beta[o], publicKey: state.publicKey, values: [0, 1], proof: paper.bitProofs[o] }));
const totalClaim = ({ paper, alpha, beta }, state) => ({ prefix: totalPrefix(state, paper.paperId),
    alpha: alpha.reduce((A, a) => A.add(a), ZERO), beta: beta.reduce((B, b) => B.add(b), ZERO),
    publicKey: state.publicKey, values: state.totals, proof: paper.totalProof });

/** Below this many papers the proofs are examined in this thread; from there, in worker threads too. */
const WORKERS_FROM = 64;

/** Every paper's proofs examined once (examine.mjs), in slices over the cores, for the two checks below. */
async function examined(state) {
    if (!state.examined) {
        const tasks = state.papers.map(task);
        const ballot = { ballotContext: state.ballotContext, min: state.min, max: state.max, totals: state.totals,
            publicKey: hexOf(state.publicKey) };
        const threads = tasks.length < WORKERS_FROM ? 1 : Math.min(availableParallelism(), 8);
        if (threads === 1) {
            state.examined = examine(tasks, ballot);
        } else {
            const slices = Array.from({ length: threads }, (_, k) => tasks.slice(Math.floor(k * tasks.length / threads),
                Math.floor((k + 1) * tasks.length / threads)));
            const results = await Promise.all(slices.map((slice) => new Promise((resolve, reject) => {
                const worker = new Worker(new URL('./examine-worker.mjs', import.meta.url),
                    { workerData: { tasks: slice, ballot } });
                worker.once('message', resolve);
                worker.once('error', reject);
            })));
            let offset = 0;
            state.examined = { bits: [], totals: [] };
            results.forEach((result, k) => {
                state.examined.bits.push(...result.bits.map(({ paper, option }) => ({ paper: paper + offset, option })));
                state.examined.totals.push(...result.totals.map((paper) => paper + offset));
                offset += slices[k].length;
            });
        }
    }
    return state.examined;
}

export async function checkBitProofs(state) {
    const { bits } = await examined(state);
    problems(bits.map(({ paper, option }) => `paper ${short(state.papers[paper].paper.tracker)} option ${option}`),
        state.papers.length * state.N, 'bit proofs do not verify');
    return `${state.papers.length * state.N} proofs that a ciphertext encrypts 0 or 1 verify (every challenge hashed, `
        + 'the equations in one batch per thread)';
}

export async function checkTotalProofs(state) {
    const { totals } = await examined(state);
    problems(totals.map((paper) => `paper ${short(state.papers[paper].paper.tracker)}`), state.papers.length,
        'total proofs do not verify');
    return `${state.papers.length} proofs that a paper marks ${state.min}..${state.max} options verify (every challenge `
        + 'hashed, the equations in one batch per thread)';
}

/** Reads an audited entry: a paper id, a tracker, N ciphertexts of valid points, N choices and N random scalars. */
function decodeAudited(entry, state) {
    const { paperId, tracker, ciphertexts, choices, randomness } = entry ?? {};
    if (typeof paperId !== 'string' || !/^[0-9a-f]{32}$/.test(paperId) || typeof tracker !== 'string'
            || !/^[0-9a-f]{64}$/.test(tracker)) {
        throw new Error('no paperId of 32 or tracker of 64 lower-case hex digits');
    }
    if (![ciphertexts, choices, randomness].every((list) => Array.isArray(list) && list.length === state.N)) {
        throw new Error(`not ${state.N} ciphertexts, choices and randomness`);
    }
    if (!choices.every((m) => m === 0 || m === 1)) {
        throw new Error('a choice is not 0 or 1');
    }
    return { paper: entry, alpha: ciphertexts.map((ct) => point(ct.alpha)), beta: ciphertexts.map((ct) => point(ct.beta)),
        r: randomness.map(scalar) };
}

/**
 * The audited papers (Benaloh's challenge): each revelation opens every ciphertext (α_o = r_o·G, β_o = m_o·G + r_o·PK)
 * and gives the tracker; no audited paper id or α is among the counted papers; listed in tracker order. Whether an
 * audited paper's proofs hold and its marks are within the limits is reported, not required.
 */
export function checkAudited(record, state) {
    if (!Array.isArray(record.audited)) {
        throw new Error('audited is not a list');
    }
    const wrong = [];
    let proved = 0;
    let previous = '';
    for (const entry of record.audited) {
        const name = `audited ${short(entry?.tracker)}`;
        let decoded;
        try {
            decoded = decodeAudited(entry, state);
        } catch (error) {
            wrong.push(`${name}: ${error.message}`);
            continue;
        }
        const { alpha, beta, r } = decoded;
        const opens = r.every((ro, o) => times(G, ro).equals(alpha[o])
            && times(state.publicKey, ro).add(entry.choices[o] === 1 ? G : ZERO).equals(beta[o]));
        if (!opens) {
            wrong.push(`${name}: its choices and randomness do not give its ciphertexts`);
        } else if (trackerOf(state.ballotContext, entry) !== entry.tracker) {
            wrong.push(`${name}: its ciphertexts do not give its tracker`);
        } else if (state.countedIds.has(entry.paperId) || entry.ciphertexts.some((ct) => state.countedAlphas.has(ct.alpha))) {
            wrong.push(`${name}: it is among the counted papers`);
        } else if (!(previous < entry.tracker)) {
            wrong.push(`${name}: not in tracker order`);
        }
        previous = entry.tracker;
        const marks = entry.choices.reduce((sum, m) => sum + m, 0);
        try {
            decode(entry, state);
            if (marks >= state.min && marks <= state.max && bitClaims(decoded, state).every(oneOf)
                    && oneOf(totalClaim(decoded, state))) {
                proved++;
            }
        } catch {
            // reported below as not proved
        }
    }
    problems(wrong, record.audited.length, 'audited papers');
    return `${record.audited.length} audited papers open to their ciphertexts and trackers, none counted `
        + `(${proved} of them also valid papers with proofs)`;
}

/** §7: a rejected paper's tracker over its fields as sent when it has §4's shape, else null. */
function trackerAsSent(entry, state) {
    const shaped = typeof entry.paperId === 'string' && Array.isArray(entry.ciphertexts)
        && entry.ciphertexts.length === state.N
        && entry.ciphertexts.every((ct) => typeof ct?.alpha === 'string' && typeof ct.beta === 'string');
    return shaped ? sha256Text(['quorum/v1/tracker', state.ballotContext, entry.paperId,
        ...entry.ciphertexts.flatMap((ct) => [ct.alpha, ct.beta])].join('|')) : null;
}

/** The rejected papers: listed apart with a reason and their tracker as sent; no rejected tracker is a counted one. */
export function checkRejected(record, state) {
    const rejected = record.rejected;
    if (!Array.isArray(rejected)) {
        throw new Error('rejected is not a list');
    }
    const counted = new Set(state.papers.map(({ paper }) => paper.tracker));
    const wrong = [];
    for (const entry of rejected) {
        if (!REASONS.includes(entry?.reason)) {
            wrong.push(`an entry without one of §4's reasons: ${JSON.stringify(entry?.reason)?.slice(0, 60)}`);
            continue;
        }
        const expected = trackerAsSent(entry, state);
        if (entry.tracker !== expected) {
            wrong.push(`rejected ${short(entry.tracker)}: its tracker should be ${expected}`);
        } else if (expected !== null && counted.has(expected)) {
            wrong.push(`rejected ${short(entry.tracker)}: it is among the counted papers`);
        }
    }
    problems(wrong, rejected.length, 'rejected entries');
    return `${rejected.length} rejected papers listed apart with one of §4's reasons, none among the counted papers`;
}
