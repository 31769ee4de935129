/**
 * Schnorr's proof of knowledge of a discrete logarithm (Schnorr 1991), non-interactive by the strong Fiat–Shamir
 * transform (election record specification §5.1): for `X = x·G`,
 *
 *     w random, A = w·G, c = H("quorum/v1/schnorr|" + tag + "|" + ceremonyContext + "|" + index + "|" + X + "|" + A),
 *     s = w + c·x mod q;            proof {c, s};
 *     verify: A' = s·G − c·X, accept iff c == H(… | X | A').
 *
 * Tags: `device` (a trustee's device key E_i), `commitment` (the constant term's commitment C_i0), `share` (the
 * verification key X_j).
 *
 * @module quorum/crypto/schnorr
 */
import { G, add, mul, mulPublic, pointFromHex, randomScalar, scalarFromHex, scalarToHex, times } from './group.js';
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
 * @returns {{c: string, s: string}}
 */
export function proveKnowledge({ tag, ceremonyContext, index, x, X = mul(G, x) }) {
    const w = randomScalar();
    const c = statement(tag, ceremonyContext, index, X, mul(G, w));
    return { c: scalarToHex(c), s: scalarToHex(add(w, times(c, x))) };
}

/**
 * Checks a proof of knowledge of the discrete logarithm of X.
 * @param {{tag: string, ceremonyContext: string, index: number, X: import('./group.js').Point|string,
 *          proof: {c: string, s: string}}} claim
 * @returns {boolean}
 */
export function verifyKnowledge({ tag, ceremonyContext, index, X, proof }) {
    try {
        const point = typeof X === 'string' ? pointFromHex(X) : X;
        const c = scalarFromHex(proof.c);
        const s = scalarFromHex(proof.s);
        const A = mulPublic(G, s).subtract(mulPublic(point, c));
        return !A.is0() && statement(tag, ceremonyContext, index, point, A) === c;
    } catch {
        return false;
    }
}
