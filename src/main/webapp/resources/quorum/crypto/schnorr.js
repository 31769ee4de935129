/**
 * Schnorr's proof of knowledge of a discrete logarithm (Schnorr 1991), non-interactive by the strong Fiat–Shamir
 * transform, its commitment published as in Helios (election record specification §5.1): for `X = x·G`,
 *
 *     w random, A = w·G, c = H("quorum/v1/schnorr|" + tag + "|" + ceremonyContext + "|" + index + "|" + X + "|" + A),
 *     s = w + c·x mod q;            proof {a: A, c, s};
 *     verify: c == H(… | X | A) and s·G == A + c·X (the recomputed s·G − c·X is never O, since A is a point).
 *
 * Tags: `device` (a trustee's device key E_i), `commitment` (the constant term's commitment C_i0), `share` (the
 * verification key X_j).
 *
 * @module quorum/crypto/schnorr
 */
import { G, add, mul, mulPublic, pointFromHex, pointToHex, randomScalar, scalarFromHex, scalarToHex, times }
    from './group.js';
import { challenge } from './transcript.js';

/** The proof tags of §5.1. */
export const TAGS = Object.freeze(['device', 'commitment', 'share']);

function statement(tag, ceremonyContext, index, X, A) {
    if (!TAGS.includes(tag)) {
        throw new Error('unknown Schnorr tag ' + tag);
    }
    return challenge('quorum/v1/schnorr', tag, ceremonyContext, index, X, A);
}

/**
 * Proves knowledge of x.
 * @param {{tag: string, ceremonyContext: string, index: number, x: bigint, X?: import('./group.js').Point}} claim
 * @returns {{a: string, c: string, s: string}}
 */
export function proveKnowledge({ tag, ceremonyContext, index, x, X = mul(G, x) }) {
    const w = randomScalar(); // in [1, q-1]: A = w·G is never O
    const A = mul(G, w);
    const c = statement(tag, ceremonyContext, index, X, A);
    return { a: pointToHex(A), c: scalarToHex(c), s: scalarToHex(add(w, times(c, x))) };
}

/**
 * Checks a proof of knowledge of the discrete logarithm of X.
 * @param {{tag: string, ceremonyContext: string, index: number, X: import('./group.js').Point|string,
 *          proof: {a: string, c: string, s: string}}} claim
 * @returns {boolean}
 */
export function verifyKnowledge({ tag, ceremonyContext, index, X, proof }) {
    try {
        const point = typeof X === 'string' ? pointFromHex(X) : X;
        const A = pointFromHex(proof.a);
        const c = scalarFromHex(proof.c);
        const s = scalarFromHex(proof.s);
        const recomputed = mulPublic(G, s).subtract(mulPublic(point, c));
        return statement(tag, ceremonyContext, index, point, A) === c && !recomputed.is0() && recomputed.equals(A);
    } catch {
        return false;
    }
}
