/**
 * Verifiable secret sharing for the trustees' joint key (election record specification §2 and §6): Shamir's
 * polynomial shares (Shamir 1979) with Feldman's commitments (Feldman 1987, "A practical scheme for non-interactive
 * verifiable secret sharing"), summed over all trustees as in the joint-Feldman key generation of Pedersen 1991
 * (analysed by Gennaro, Jarecki, Krawczyk, Rabin 1999) and Belenios's threshold mode (Cortier, Gaudry, Glondu 2019).
 *
 * - trustee i's polynomial f_i(x) = a_i0 + a_i1·x + … + a_i,t-1·x^(t-1), commitments C_ik = a_ik·G;
 * - the share for j is s_ij = f_i(j) mod q, checked by Feldman: s_ij·G == Σ_k (j^k mod q)·C_ik;
 * - j's key share x_j = Σ_i s_ij; its verification key X_j = Σ_i Σ_k (j^k mod q)·C_ik; the joint key PK = Σ_i C_i0;
 * - any t key shares give x = Σ_i a_i0 by Lagrange interpolation at 0, λ_j = Π_{m≠j} m·(m − j)⁻¹ mod q.
 *
 * @module quorum/crypto/sharing
 */
import { G, O, add, inverse, mul, mulPublic, randomScalar, reduce, times } from './group.js';

/**
 * A random polynomial of degree t-1: its t coefficients a_0 … a_t-1.
 * @param {number} t the threshold
 * @returns {bigint[]}
 */
export function randomPolynomial(t) {
    return Array.from({ length: t }, () => randomScalar());
}

/**
 * The commitments C_k = a_k·G.
 * @param {bigint[]} coefficients
 * @returns {import('./group.js').Point[]}
 */
export function commitmentsOf(coefficients) {
    return coefficients.map((a) => mul(G, a));
}

/**
 * f(j) mod q, by Horner's rule.
 * @param {bigint[]} coefficients
 * @param {number} j a trustee index
 * @returns {bigint}
 */
export function evaluate(coefficients, j) {
    const x = BigInt(j);
    return coefficients.reduceRight((value, a) => add(times(value, x), a), 0n);
}

/**
 * Σ_k (j^k mod q)·C_k: the point f(j)·G that a trustee's commitments determine for index j.
 * @param {import('./group.js').Point[]} commitments C_0 … C_t-1
 * @param {number} j
 * @returns {import('./group.js').Point}
 */
export function committedValue(commitments, j) {
    let power = 1n;
    let sum = O;
    for (const C of commitments) {
        sum = sum.add(mulPublic(C, power));
        power = times(power, BigInt(j));
    }
    return sum;
}

/**
 * Feldman's check of a share s received from a trustee with these commitments.
 * @param {bigint} share
 * @param {import('./group.js').Point[]} commitments
 * @param {number} j the receiver's index
 * @returns {boolean}
 */
export function feldmanCheck(share, commitments, j) {
    return mulPublic(G, share).equals(committedValue(commitments, j));
}

/**
 * X_j = Σ_i Σ_k (j^k mod q)·C_ik, the verification key the public commitments determine for trustee j.
 * @param {import('./group.js').Point[][]} allCommitments every trustee's commitments, in index order
 * @param {number} j
 * @returns {import('./group.js').Point}
 */
export function verificationKey(allCommitments, j) {
    return allCommitments.reduce((sum, commitments) => sum.add(committedValue(commitments, j)), O);
}

/**
 * PK = Σ_i C_i0.
 * @param {import('./group.js').Point[][]} allCommitments
 * @returns {import('./group.js').Point}
 */
export function jointPublicKey(allCommitments) {
    return allCommitments.reduce((sum, commitments) => sum.add(commitments[0]), O);
}

/**
 * The Lagrange coefficient at 0 of index j among the set S: λ_j = Π_{m∈S, m≠j} m·(m − j)⁻¹ mod q.
 * @param {number[]} set distinct trustee indices
 * @param {number} j a member of the set
 * @returns {bigint}
 */
export function lagrangeAtZero(set, j) {
    return set.filter((m) => m !== j)
        .reduce((lambda, m) => times(lambda, times(BigInt(m), inverse(reduce(BigInt(m) - BigInt(j))))), 1n);
}
