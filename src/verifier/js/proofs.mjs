/**
 * The three proof checks of the specification's §5. Each takes decoded points, returns true or false, and never
 * throws on a wrong proof (a malformed scalar is a wrong proof).
 */
import { G, H, mod, scalar, times } from './encoding.mjs';

/** s·P − c·Q, and false when that is the identity (which a transcript cannot hold). */
function commitment(s, P, c, Q) {
    const R = times(P, s).subtract(times(Q, c));
    return R.is0() ? null : R;
}

function scalars(list, length) {
    if (!Array.isArray(list) || list.length !== length) {
        return null;
    }
    try {
        return list.map(scalar);
    } catch {
        return null;
    }
}

/**
 * §5.1 Schnorr (1991): X = x·G. A' = s·G − c·X; c == H("quorum/v1/schnorr" | tag | ceremonyContext | index | X | A').
 */
export function schnorr({ tag, ceremonyContext, index, X, proof }) {
    const [c, s] = scalars([proof?.c, proof?.s], 2) ?? [];
    if (c === undefined) {
        return false;
    }
    const A = commitment(s, G, c, X);
    return A !== null && H('quorum/v1/schnorr', tag, ceremonyContext, index, X, A) === c;
}

/**
 * §5.2 Cramer–Damgård–Schoenmakers (1994) disjunction of Chaum–Pedersen proofs: (α, β) encrypts one of the values.
 * For each j: a_j = s_j·G − c_j·α, b_j = s_j·PK − c_j·(β − v_j·G); Σ c_j == H(prefix | α | β | a_0 | b_0 | …).
 */
export function oneOf({ prefix, alpha, beta, publicKey, values, proof }) {
    const c = scalars(proof?.c, values.length);
    const s = scalars(proof?.s, values.length);
    if (c === null || s === null) {
        return false;
    }
    const fields = [];
    for (let j = 0; j < values.length; j++) {
        const a = commitment(s[j], G, c[j], alpha);
        const b = commitment(s[j], publicKey, c[j], beta.subtract(times(G, BigInt(values[j]))));
        if (a === null || b === null) {
            return false;
        }
        fields.push(a, b);
    }
    return mod(c.reduce((sum, cj) => sum + cj, 0n)) === H(...prefix, alpha, beta, ...fields);
}

/**
 * §5.3 Chaum–Pedersen (1992): D = x_j·A with X_j = x_j·G. a = s·G − c·X_j, b = s·A − c·D;
 * c == H("quorum/v1/decrypt" | ballotContext | j | o | X_j | A | D | a | b).
 */
export function decryption({ ballotContext, index, option, X, A, D, proof }) {
    const [c, s] = scalars([proof?.c, proof?.s], 2) ?? [];
    if (c === undefined) {
        return false;
    }
    const a = commitment(s, G, c, X);
    const b = commitment(s, A, c, D);
    return a !== null && b !== null && H('quorum/v1/decrypt', ballotContext, index, option, X, A, D, a, b) === c;
}
