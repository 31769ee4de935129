/**
 * Checks of the count (specification §6, §7): the aggregate, the trustees' partial decryptions, the counts they give,
 * and the record's fingerprint.
 */
import { G, ZERO, id, integer, invert, mod, point, sha256hex, times } from './encoding.mjs';
import { decryption } from './proofs.mjs';
import { problems } from './report.mjs';

export function checkAggregate(record, state) {
    if (state.papers.length !== record.papers.length) {
        throw new Error('not every listed paper could be read');
    }
    if (record.papers.length === 0) {
        if (record.aggregate !== null) {
            throw new Error('no paper was counted, so the aggregate must be null');
        }
        state.aggregate = null;
        return 'null: no paper, no count to decrypt';
    }
    if (!Array.isArray(record.aggregate) || record.aggregate.length !== state.N) {
        throw new Error(`the aggregate is not ${state.N} ciphertexts`);
    }
    state.aggregate = record.aggregate.map(({ alpha, beta }, o) => {
        const sums = state.papers.reduce((sum, paper) => ({ alpha: sum.alpha.add(paper.alpha[o]),
            beta: sum.beta.add(paper.beta[o]) }), { alpha: ZERO, beta: ZERO });
        const A = point(alpha);
        const B = point(beta);
        if (!A.equals(sums.alpha) || !B.equals(sums.beta)) {
            throw new Error(`option ${o}: the aggregate is not the sum of the ${state.papers.length} listed papers`);
        }
        return { A, B };
    });
    return `${state.N} sums (Σα, Σβ) over the ${state.papers.length} listed papers`;
}

export function checkDecryptions(record, state) {
    const decryptions = record.decryptions;
    if (!Array.isArray(decryptions)) {
        throw new Error('decryptions is not a list');
    }
    if (state.aggregate === null) {
        if (decryptions.length > 0) {
            throw new Error('decryptions are listed for an empty box');
        }
        state.shares = new Map();
        return 'none needed';
    }
    const wrong = [];
    state.shares = new Map();
    let previous = 0;
    for (const { index, shares } of decryptions) {
        const trustee = state.trustees[index - 1];
        if (!Number.isSafeInteger(index) || index < 1 || !trustee || index <= previous) {
            wrong.push(`index ${JSON.stringify(index)} is not a trustee's, or not after ${previous} (one per trustee, ascending)`);
            continue;
        }
        previous = index;
        if (!Array.isArray(shares) || shares.length !== state.N) {
            wrong.push(`trustee ${index}: not ${state.N} shares`);
            continue;
        }
        const D = [];
        shares.forEach((share, o) => {
            try {
                D.push(point(share.d));
            } catch {
                D.push(null);
            }
            if (D[o] === null || !decryption({ ballotContext: state.ballotContext, index, option: o, X: trustee.X,
                A: state.aggregate[o].A, D: D[o], proof: share.proof })) {
                wrong.push(`trustee ${index} option ${o}`);
            }
        });
        state.shares.set(index, D);
    }
    problems(wrong, decryptions.length * state.N, 'partial decryptions do not verify');
    return `${decryptions.length * state.N} partial decryptions verify against their trustees' verification keys`;
}

export function checkThreshold(record, state) {
    const taking = [...state.shares.keys()].sort((a, b) => a - b);
    const used = record.result?.trustees;
    if (state.aggregate === null) {
        if (!Array.isArray(used) || used.length > 0) {
            throw new Error('result.trustees must be empty when no decryption is needed');
        }
        return 'no decryption needed';
    }
    if (taking.length < state.t) {
        throw new Error(`${taking.length} trustees decrypted, ${state.t} are needed`);
    }
    const expected = taking.slice(0, state.t);
    if (!Array.isArray(used) || !used.every((index) => Number.isSafeInteger(index) && index >= 1)
            || used.join(',') !== expected.join(',')) {
        throw new Error(`result.trustees is ${JSON.stringify(used)}, the first ${state.t} by index are ${JSON.stringify(expected)}`);
    }
    return `${taking.length} distinct trustees (${taking.join(', ')}) decrypted; ${state.t} needed; combined: ${expected.join(', ')}`;
}

/** §6: W_o = Σ λ_j·D_jo, T_o = B_o − W_o, and the count c_o with T_o = c_o·G in [0, papers]. */
export function checkCounts(record, state) {
    const { counts, papers } = record.result ?? {};
    if (integer(papers) !== record.papers.length) {
        throw new Error(`result.papers is ${papers}, ${record.papers.length} papers are listed`);
    }
    if (!Array.isArray(counts) || counts.length !== state.N || !counts.every((c) => Number.isSafeInteger(c) && c >= 0)) {
        throw new Error(`result.counts is not ${state.N} counts`);
    }
    const found = state.aggregate === null ? counts.map(() => 0) : discreteLogs(record.result.trustees, state, papers);
    const wrong = found.map((c, o) => (c === counts[o] ? null : `option ${o}: listed ${counts[o]}, the shares give ${c}`))
        .filter(Boolean);
    problems(wrong, state.N, 'counts are wrong');
    return `[${counts.join(', ')}] of ${papers} papers, as the partial decryptions give`;
}

function discreteLogs(set, state, papers) {
    const lambdas = set.map((j) => set.filter((m) => m !== j)
        .reduce((lambda, m) => mod(lambda * BigInt(m) * invert(BigInt(m - j))), 1n));
    return state.aggregate.map(({ B }, o) => {
        const W = set.reduce((sum, j, k) => sum.add(times(state.shares.get(j)[o], lambdas[k])), ZERO);
        const T = B.subtract(W);
        let walk = ZERO;
        for (let c = 0; c <= papers; c++) {
            if (walk.equals(T)) {
                return c;
            }
            walk = walk.add(G);
        }
        return `none in 0..${papers}`;
    });
}

/**
 * §7: SHA256hex of the context, the counted trackers, "audited" and the audited trackers, "rejected" and the rejected
 * trackers ("null" for none), the aggregate (or "null"), each listed decryption's index and D's, and the counts — all
 * as the record writes them (the other checks say whether they are right).
 */
export function checkFingerprint(record, state) {
    const trackers = (list) => (Array.isArray(list) ? list : []).map((paper) => paper?.tracker ?? 'null');
    const aggregate = record.aggregate === null ? ['null']
        : record.aggregate.flatMap(({ alpha, beta }) => [alpha, beta]);
    const decryptions = record.decryptions.flatMap(({ index, shares }) => [id(index), ...shares.map((share) => share.d)]);
    const recomputed = sha256hex('quorum/v1/record', state.ballotContext, ...trackers(record.papers),
        'audited', ...trackers(record.audited), 'rejected', ...trackers(record.rejected), ...aggregate, ...decryptions,
        ...record.result.counts.map(integer));
    if (recomputed !== record.fingerprint) {
        throw new Error(`the record says ${record.fingerprint}; its counted, audited and rejected trackers, aggregate, `
            + `decryptions and counts give ${recomputed}`);
    }
    return record.fingerprint;
}
