/**
 * A trustee's partial decryption of the ballot box, on their own device (election record specification §5.3 and §6):
 * for every option's aggregate `(A_o, B_o)`, `D_jo = x_j·A_o` with a Chaum–Pedersen proof (Chaum, Pedersen 1992,
 * "Wallet databases with observers") that log_G X_j = log_{A_o} D_jo, non-interactive by the strong Fiat–Shamir
 * transform:
 *
 *     w random; a = w·G, b = w·A;  c = H("quorum/v1/decrypt|" + ballotContext + "|" + j + "|" + o + "|" + X_j + "|" + A
 *     + "|" + D + "|" + a + "|" + b);  s = w + c·x_j;  proof {c, s};  verify: a = s·G − c·X_j, b = s·A − c·D.
 *
 * The device should decrypt only an aggregate it has recomputed from the published papers ({@link aggregateOf}): a
 * server that passed off one paper's ciphertexts as the box's would otherwise learn that paper's choice.
 *
 * @module quorum/crypto/decryption
 */
import { G, O, add, mul, mulPublic, pointFromHex, pointToHex, randomScalar, scalarFromHex, scalarToHex, times }
    from './group.js';
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
 * Trustee j's partial decryption of every option's aggregate, with its proofs.
 * @param {{ballotContext: string, index: number, keyShare: bigint, aggregate: {alpha: string, beta: string}[]}} job
 * @returns {{index: number, shares: {d: string, proof: {c: string, s: string}}[]}}
 */
export function partialDecryption({ ballotContext, index, keyShare, aggregate }) {
    const X = mul(G, keyShare);
    return {
        index,
        shares: aggregate.map(({ alpha }, o) => {
            const A = pointFromHex(alpha);
            const D = mul(A, keyShare);
            const w = randomScalar();
            const c = statement(ballotContext, index, o, X, A, D, mul(G, w), mul(A, w));
            return { d: pointToHex(D), proof: { c: scalarToHex(c), s: scalarToHex(add(w, times(c, keyShare))) } };
        }),
    };
}

/**
 * Checks trustee j's partial decryption against their verification key X_j.
 * @param {{ballotContext: string, verificationKey: string, aggregate: {alpha: string, beta: string}[],
 *          decryption: {index: number, shares: {d: string, proof: {c: string, s: string}}[]}}} claim
 * @returns {boolean}
 */
export function verifyPartialDecryption({ ballotContext, verificationKey, aggregate, decryption }) {
    try {
        const X = pointFromHex(verificationKey);
        return decryption.shares.length === aggregate.length && decryption.shares.every(({ d, proof }, o) => {
            const A = pointFromHex(aggregate[o].alpha);
            const D = pointFromHex(d);
            const c = scalarFromHex(proof.c);
            const s = scalarFromHex(proof.s);
            const a = mulPublic(G, s).subtract(mulPublic(X, c));
            const b = mulPublic(A, s).subtract(mulPublic(D, c));
            return !a.is0() && !b.is0() && statement(ballotContext, decryption.index, o, X, A, D, a, b) === c;
        });
    } catch {
        return false;
    }
}
