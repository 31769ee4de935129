/**
 * The disjunctive Chaum–Pedersen proof that an exponential ElGamal ciphertext `(α, β)` under `PK` encrypts one of the
 * values `v_0 < … < v_L-1` (Cramer, Damgård, Schoenmakers 1994, "Proofs of partial knowledge"; Chaum–Pedersen 1992;
 * as in Helios, Adida 2008), non-interactive by the strong Fiat–Shamir transform (election record specification §5.2).
 *
 * Statement: ∃ j, r: α = r·G ∧ β − v_j·G = r·PK. The prover knows the true index j* and r:
 *
 *     j ≠ j*: c_j, s_j random; a_j = s_j·G − c_j·α, b_j = s_j·PK − c_j·(β − v_j·G)      (simulated)
 *     j = j*: w random; a_j* = w·G, b_j* = w·PK
 *     c = H(prefix | α | β | a_0 | b_0 | … | a_L-1 | b_L-1);  c_j* = c − Σ_{j≠j*} c_j;  s_j* = w + c_j*·r
 *     proof {c: [c_0 …], s: [s_0 …]};  verify: recompute every a_j, b_j; accept iff Σ c_j == H(…) (and no a_j, b_j is O).
 *
 * The prover computes the simulated commitments from what it knows, with the same values and fewer operations: as
 * α = r·G and β − v_j·G = r·PK + (m − v_j)·G (m = v_j*), a_j = u_j·G and b_j = u_j·PK + c_j·(v_j − m)·G with
 * u_j = s_j − c_j·r. So the tablet multiplies only G and PK, both with precomputed tables (group.precomputed), and
 * never an arbitrary point: with noble 2.4.0 a multiplication of a point without a table costs about five times one
 * with (measured in node), and a paper needs ten or more of them.
 *
 * @module quorum/crypto/one-of
 */
import { G, add, mul, mulPublic, randomScalar, reduce, scalarFromHex, scalarToHex, sub, times } from './group.js';
import { challenge } from './transcript.js';

/**
 * Proves that (α, β) = (r·G, v_j*·G + r·PK) encrypts one of the values.
 * @param {{prefix: Array<string|number>, alpha: import('./group.js').Point, beta: import('./group.js').Point,
 *          publicKey: import('./group.js').Point, values: number[], index: number, r: bigint}} claim
 *        index is j*, the position of the encrypted value in values
 * @returns {{c: string[], s: string[]}}
 */
export function proveOneOf({ prefix, alpha, beta, publicKey, values, index, r }) {
    const m = BigInt(values[index]);
    const c = new Array(values.length);
    const s = new Array(values.length);
    const commitments = [];
    let w = 0n;
    values.forEach((v, j) => {
        if (j === index) {
            w = randomScalar();
            commitments.push(mul(G, w), mul(publicKey, w));
        } else {
            c[j] = randomScalar();
            s[j] = randomScalar();
            const u = sub(s[j], times(c[j], r));
            commitments.push(mul(G, u), mul(publicKey, u).add(mul(G, times(c[j], reduce(BigInt(v) - m)))));
        }
    });
    const total = challenge(...prefix, alpha, beta, ...commitments);
    c[index] = c.reduce((rest, cj, j) => (j === index ? rest : sub(rest, cj)), total);
    s[index] = add(w, times(c[index], r));
    return { c: c.map(scalarToHex), s: s.map(scalarToHex) };
}

/**
 * Checks a disjunctive proof: recomputes a_j = s_j·G − c_j·α and b_j = s_j·PK − c_j·(β − v_j·G).
 * @param {{prefix: Array<string|number>, alpha: import('./group.js').Point, beta: import('./group.js').Point,
 *          publicKey: import('./group.js').Point, values: number[], proof: {c: string[], s: string[]}}} claim
 * @returns {boolean}
 */
export function verifyOneOf({ prefix, alpha, beta, publicKey, values, proof }) {
    try {
        if (!Array.isArray(proof.c) || !Array.isArray(proof.s)
                || proof.c.length !== values.length || proof.s.length !== values.length) {
            return false;
        }
        const c = proof.c.map(scalarFromHex);
        const s = proof.s.map(scalarFromHex);
        const commitments = [];
        for (let j = 0; j < values.length; j++) {
            const a = mulPublic(G, s[j]).subtract(mulPublic(alpha, c[j]));
            const b = mulPublic(publicKey, s[j]).subtract(mulPublic(beta.subtract(mulPublic(G, BigInt(values[j]))), c[j]));
            if (a.is0() || b.is0()) {
                return false;
            }
            commitments.push(a, b);
        }
        return c.reduce(add, 0n) === challenge(...prefix, alpha, beta, ...commitments);
    } catch {
        return false;
    }
}
