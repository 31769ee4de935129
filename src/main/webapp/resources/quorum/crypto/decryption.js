/**
 * A trustee's partial decryption of the ballot box, on their own device (election record specification §5.3 and §6):
 * for every option's aggregate `(A_o, B_o)`, `D_jo = x_j·A_o` with a Chaum–Pedersen proof (Chaum, Pedersen 1992,
 * "Wallet databases with observers") that log_G X_j = log_{A_o} D_jo, non-interactive by the strong Fiat–Shamir
 * transform, its commitments published:
 *
 *     w random; a = w·G, b = w·A;  c = H("quorum/v1/decrypt|" + ballotContext + "|" + j + "|" + o + "|" + X_j + "|" + A
 *     + "|" + D + "|" + a + "|" + b);  s = w + c·x_j;  proof {a, b, c, s};
 *     verify: c == H(…) and s·G == a + c·X_j, s·A == b + c·D.
 *
 * The device decrypts only an aggregate it recomputed itself from the published papers, never one handed to it
 * ({@link decryptBox}): a server that passed off one paper's ciphertexts, or a few chosen papers' sum, as the box's
 * would otherwise learn their choices.
 *
 * @module quorum/crypto/decryption
 */
import { isId } from './contexts.js';
import { G, O, add, mul, mulPublic, pointFromHex, pointToHex, randomScalar, scalarFromHex, scalarToHex, times }
    from './group.js';
import { checkPapers, trackerOf } from './paper.js';
import { challenge } from './transcript.js';

const statement = (ballotContext, j, o, X, A, D, a, b) => challenge('quorum/v1/decrypt', ballotContext, j, o, X, A, D, a, b);

/**
 * The aggregate of §6: per option, the sums of the papers' α and β (null for no paper).
 * @param {{ciphertexts: {alpha: string, beta: string}[]}[]} papers the accepted papers
 * @returns {{alpha: string, beta: string}[]|null}
 */
export function aggregateOf(papers) {
    if (papers.length === 0) {
        return null;
    }
    const sums = papers[0].ciphertexts.map(() => ({ alpha: O, beta: O }));
    for (const paper of papers) {
        paper.ciphertexts.forEach(({ alpha, beta }, o) => {
            sums[o].alpha = sums[o].alpha.add(pointFromHex(alpha));
            sums[o].beta = sums[o].beta.add(pointFromHex(beta));
        });
    }
    return sums.map(({ alpha, beta }) => ({ alpha: pointToHex(alpha), beta: pointToHex(beta) }));
}

/**
 * Trustee j's partial decryption of every option's aggregate, with its proofs. Only for an aggregate the device
 * computed itself: {@link decryptBox} is what a trustee's page calls.
 * @param {{ballotContext: string, index: number, keyShare: bigint, aggregate: {alpha: string, beta: string}[]}} job
 * @returns {{index: number, shares: {d: string, proof: {a: string, b: string, c: string, s: string}}[]}}
 */
export function partialDecryption({ ballotContext, index, keyShare, aggregate }) {
    const X = mul(G, keyShare);
    return {
        index,
        shares: aggregate.map(({ alpha }, o) => {
            const A = pointFromHex(alpha);
            const D = mul(A, keyShare);
            const w = randomScalar(); // in [1, q-1] and A ≠ O: neither commitment is O
            const a = mul(G, w);
            const b = mul(A, w);
            const c = statement(ballotContext, index, o, X, A, D, a, b);
            return { d: pointToHex(D), proof: { a: pointToHex(a), b: pointToHex(b), c: scalarToHex(c),
                s: scalarToHex(add(w, times(c, keyShare))) } };
        }),
    };
}

/**
 * §6: the trustee's device checks the published list of accepted papers and decrypts the aggregate it computes from
 * it. It refuses (throws, saying why) unless the list has exactly as many papers as the turnout the server states
 * (more would be stuffed papers, fewer a subset whose decryption reveals its papers' choices), every paper is a valid
 * paper of this ballot (checkPapers: shapes, encodings, every proof in one batch) with its tracker, no paperId or α
 * repeats (nor an audited paper's α), and an aggregate the server shows, if any, is the one it computes.
 * @param {{ballot: ReturnType<import('./paper.js').prepareBallot>, papers: object[], audited?: object[],
 *          turnout: number, index: number, keyShare: bigint, aggregate?: {alpha: string, beta: string}[]}} job
 *        ballot: prepared by the device from the ballot's public fields (its context recomputed); papers: the listed
 *        papers, each with its tracker; aggregate: what the server shows, only compared
 * @returns {{aggregate: {alpha: string, beta: string}[], papers: number, decryption: {index: number,
 *            shares: {d: string, proof: {a: string, b: string, c: string, s: string}}[]}}}
 */
export function decryptBox({ ballot, papers, audited = [], turnout, index, keyShare, aggregate: shown }) {
    if (!isId(index)) {
        throw new Error('a trustee index is an integer in [1, 2^53 − 1]');
    }
    if (!isId(turnout) || !Array.isArray(papers) || papers.length !== turnout) {
        throw new Error(`${papers?.length} papers are listed for a turnout of ${turnout}: the device decrypts a box `
            + 'of exactly one paper per participation');
    }
    const refused = checkPapers(ballot, papers);
    if (refused.length > 0) {
        throw new Error(`paper ${refused[0].index + 1} is not a valid paper of this ballot (${refused[0].reason})`
            + (refused.length > 1 ? ` and ${refused.length - 1} more` : ''));
    }
    const ids = new Set();
    const alphas = new Set(audited.flatMap((paper) => paper.ciphertexts.map((ct) => ct.alpha)));
    papers.forEach((paper, k) => {
        if (paper.tracker !== trackerOf(ballot.context, paper)) {
            throw new Error(`paper ${k + 1}: its tracker is not its ciphertexts'`);
        }
        if (ids.has(paper.paperId) || paper.ciphertexts.some((ct) => alphas.has(ct.alpha))) {
            throw new Error(`paper ${k + 1} repeats a paper id or an α of another listed or audited paper`);
        }
        ids.add(paper.paperId);
        paper.ciphertexts.forEach((ct) => alphas.add(ct.alpha));
    });
    const aggregate = aggregateOf(papers);
    if (shown !== undefined && !(Array.isArray(shown) && shown.length === aggregate.length
            && shown.every((sum, o) => sum?.alpha === aggregate[o].alpha && sum?.beta === aggregate[o].beta))) {
        throw new Error('the aggregate the server shows is not the sum of the listed papers');
    }
    return { aggregate, papers: papers.length,
        decryption: partialDecryption({ ballotContext: ballot.context, index, keyShare, aggregate }) };
}

/**
 * Checks trustee j's partial decryption against their verification key X_j.
 * @param {{ballotContext: string, verificationKey: string, aggregate: {alpha: string, beta: string}[],
 *          decryption: {index: number, shares: {d: string, proof: {a: string, b: string, c: string, s: string}}[]}}}
 *        claim
 * @returns {boolean}
 */
export function verifyPartialDecryption({ ballotContext, verificationKey, aggregate, decryption }) {
    try {
        const X = pointFromHex(verificationKey);
        return decryption.shares.length === aggregate.length && decryption.shares.every(({ d, proof }, o) => {
            const A = pointFromHex(aggregate[o].alpha);
            const D = pointFromHex(d);
            const a = pointFromHex(proof.a);
            const b = pointFromHex(proof.b);
            const c = scalarFromHex(proof.c);
            const s = scalarFromHex(proof.s);
            const first = mulPublic(G, s).subtract(mulPublic(X, c));
            const second = mulPublic(A, s).subtract(mulPublic(D, c));
            return statement(ballotContext, decryption.index, o, X, A, D, a, b) === c && !first.is0() && !second.is0()
                && first.equals(a) && second.equals(b);
        });
    } catch {
        return false;
    }
}
