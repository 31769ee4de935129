/**
 * The papers' proofs (specification §4, §5.2, §5.4), examined in batches — in this thread, or in worker threads, one
 * slice of the papers each (examine-worker.mjs), as a paper's work needs nothing of the others'. Every bit proof's
 * challenge, then all the bit proofs' equations in one small-exponents batch; the same for the total proofs; a batch
 * that fails is checked again one proof at a time to name the bad ones.
 */
import { Point, ZERO } from './encoding.mjs';
import { Batch, oneOfHolds, readOneOf } from './proofs.mjs';

/**
 * What a worker needs of a decoded paper, as structured clone carries it: the ciphertexts' affine coordinates (so
 * the worker need not take square roots again) and hex, and the proofs as written.
 */
export function task({ paper, alpha, beta }) {
    return { paperId: paper.paperId, alpha: alpha.map((P) => P.toAffine()), beta: beta.map((P) => P.toAffine()),
        ciphertexts: paper.ciphertexts, bitProofs: paper.bitProofs, totalProof: paper.totalProof };
}

/** §5.4 over claims: the names (their positions) of those whose challenge or equations fail. */
function failures(claims, publicKey) {
    const batch = new Batch(publicKey);
    const wrong = [];
    const read = [];
    claims.forEach((claim, position) => {
        const proof = readOneOf(claim);
        if (proof === null) {
            wrong.push(position);
            return;
        }
        const { onAlpha, onBeta } = batch.addOneOf(proof, claim.values);
        batch.add(claim.alpha, onAlpha);
        batch.add(claim.beta, onBeta);
        read.push({ position, claim, proof });
    });
    if (read.length > 0 && !batch.holds()) {
        wrong.push(...read.filter(({ claim, proof }) => !oneOfHolds(claim, proof)).map(({ position }) => position));
    }
    return wrong.sort((x, y) => x - y);
}

/**
 * Examines the papers' proofs.
 * @param {ReturnType<typeof task>[]} tasks
 * @param {{ballotContext: string, min: number, max: number, totals: number[], publicKey: string}} ballot
 * @returns {{bits: {paper: number, option: number}[], totals: number[]}} the failing bit proofs and total proofs, by
 *          their paper's position in tasks
 */
export function examine(tasks, ballot) {
    const publicKey = Point.fromHex(ballot.publicKey).precompute(8, false);
    const bits = [];
    const totals = [];
    for (const [k, paper] of tasks.entries()) {
        const alpha = paper.alpha.map((P) => Point.fromAffine(P));
        const beta = paper.beta.map((P) => Point.fromAffine(P));
        alpha.forEach((a, o) => bits.push({ at: { paper: k, option: o }, claim: { alpha: a, beta: beta[o],
            alphaHex: paper.ciphertexts[o].alpha, betaHex: paper.ciphertexts[o].beta, publicKey, values: [0, 1],
            prefix: ['quorum/v1/bit', ballot.ballotContext, paper.paperId, o], proof: paper.bitProofs[o] } }));
        totals.push({ at: k, claim: { alpha: alpha.reduce((A, a) => A.add(a), ZERO),
            beta: beta.reduce((B, b) => B.add(b), ZERO), publicKey, values: ballot.totals, proof: paper.totalProof,
            prefix: ['quorum/v1/total', ballot.ballotContext, paper.paperId, ballot.min, ballot.max] } });
    }
    return { bits: failures(bits.map(({ claim }) => claim), publicKey).map((position) => bits[position].at),
        totals: failures(totals.map(({ claim }) => claim), publicKey).map((position) => totals[position].at) };
}
