/**
 * The disjunctive Chaum–Pedersen proof that an exponential ElGamal ciphertext `(α, β)` under `PK` encrypts one of the
 * values `v_0 < … < v_L-1` (Cramer, Damgård, Schoenmakers 1994, "Proofs of partial knowledge"; Chaum–Pedersen 1992;
 * as in Helios, Adida 2008), non-interactive by the strong Fiat–Shamir transform, its commitments published
 * (election record specification §5.2).
 *
 * Statement: ∃ j, r: α = r·G ∧ β − v_j·G = r·PK. The prover knows the true index j* and r:
 *
 *     j ≠ j*: c_j, s_j random; a_j = s_j·G − c_j·α, b_j = s_j·PK − c_j·(β − v_j·G)      (simulated)
 *     j = j*: w random; a_j* = w·G, b_j* = w·PK;  any a_j or b_j that is O: start again
 *     c = H(prefix | α | β | a_0 | b_0 | … | a_L-1 | b_L-1);  c_j* = c − Σ_{j≠j*} c_j;  s_j* = w + c_j*·r
 *     proof {a: [a_0 …], b: [b_0 …], c: [c_0 …], s: [s_0 …]}
 *     verify: Σ c_j == H(prefix | α | β | a_0 | b_0 | …) over the published commitments, and for every j
 *             s_j·G == a_j + c_j·α and s_j·PK == b_j + c_j·(β − v_j·G) — one by one (verifyOneOf) or in a batch
 *             with other proofs' (addOneOf, batch.js, §5.4).
 *
 * The prover computes the simulated commitments from what it knows, with the same values and fewer operations: as
 * α = r·G and β − v_j·G = r·PK + (m − v_j)·G (m = v_j*), a_j = u_j·G and b_j = u_j·PK + c_j·(v_j − m)·G with
 * u_j = s_j − c_j·r. So the tablet multiplies only G and PK, both with precomputed tables (group.precomputed), and
 * never an arbitrary point: with noble 2.4.0 a multiplication of a point without a table costs about five times one
 * with (measured in node), and a paper needs ten or more of them.
 *
 * @module quorum/crypto/one-of
 */
import { G, add, mul, mulPublic, pointFromHex, pointToHex, randomScalar, reduce, scalarFromHex, scalarToHex, sub, times }
    from './group.js';
import { challenge } from './transcript.js';

/**
 * Proves that (α, β) = (r·G, v_j*·G + r·PK) encrypts one of the values.
 * @param {{prefix: Array<string|number>, alpha: import('./group.js').Point, beta: import('./group.js').Point,
 *          publicKey: import('./group.js').Point, values: number[], index: number, r: bigint, alphaHex?: string,
 *          betaHex?: string}} claim
 *        index is j*, the position of the encrypted value in values; alphaHex and betaHex, α and β already encoded
 *        (only hashed, so the tablet encodes each point once)
 * @returns {{a: string[], b: string[], c: string[], s: string[]}}
 */
export function proveOneOf({ prefix, alpha, beta, publicKey, values, index, r, alphaHex = alpha, betaHex = beta }) {
    const m = BigInt(values[index]);
    for (;;) {
        const c = new Array(values.length);
        const s = new Array(values.length);
        const a = [];
        const b = [];
        const w = randomScalar();
        values.forEach((v, j) => {
            if (j === index) {
                a.push(mul(G, w));
                b.push(mul(publicKey, w));
            } else {
                c[j] = randomScalar();
                s[j] = randomScalar();
                const u = sub(s[j], times(c[j], r));
                a.push(mul(G, u));
                b.push(mul(publicKey, u).add(mul(G, times(c[j], reduce(BigInt(v) - m)))));
            }
        });
        if (a.some((point) => point.is0()) || b.some((point) => point.is0())) {
            continue; // probability about L/q: draw again (§5.2)
        }
        const aHex = a.map(pointToHex); // encoded once, for the hash and the proof
        const bHex = b.map(pointToHex);
        const total = challenge(...prefix, alphaHex, betaHex, ...aHex.flatMap((aj, j) => [aj, bHex[j]]));
        c[index] = c.reduce((rest, cj, j) => (j === index ? rest : sub(rest, cj)), total);
        s[index] = add(w, times(c[index], r));
        return { a: aHex, b: bHex, c: c.map(scalarToHex), s: s.map(scalarToHex) };
    }
}

/**
 * Reads a proof of L branches and checks its challenge: Σ c_j == H(prefix | α | β | a_0 | b_0 | …) over the published
 * commitments (hashed as written, which decoding proved canonical; so are α and β when alphaHex and betaHex give them
 * as written, which saves encoding them again).
 * @returns {{a: import('./group.js').Point[], b: import('./group.js').Point[], c: bigint[], s: bigint[]}|null}
 *          the proof decoded, or null when it is malformed or its challenge is wrong
 */
export function readOneOf({ prefix, alpha, beta, values, proof, alphaHex = alpha, betaHex = beta }) {
    try {
        const lists = ['a', 'b', 'c', 's'].map((key) => proof?.[key]);
        if (!lists.every((list) => Array.isArray(list) && list.length === values.length)) {
            return null;
        }
        const read = { a: proof.a.map(pointFromHex), b: proof.b.map(pointFromHex), c: proof.c.map(scalarFromHex),
            s: proof.s.map(scalarFromHex) };
        const hashed = challenge(...prefix, alphaHex, betaHex, ...proof.a.flatMap((aj, j) => [aj, proof.b[j]]));
        return read.c.reduce(add, 0n) === hashed ? read : null;
    } catch {
        return null;
    }
}

/**
 * Checks a disjunctive proof one by one: the challenge, then every equation (each commitment recomputed as
 * s_j·G − c_j·α or s_j·PK − c_j·(β − v_j·G), refused when O, compared with the published one).
 * @param {{prefix: Array<string|number>, alpha: import('./group.js').Point, beta: import('./group.js').Point,
 *          publicKey: import('./group.js').Point, values: number[], proof: {a: string[], b: string[], c: string[],
 *          s: string[]}}} claim
 * @returns {boolean}
 */
export function verifyOneOf(claim) {
    const p = readOneOf(claim);
    return p !== null && equationsHold(claim, p);
}

/** The 2L equations of a proof read by readOneOf, one by one. */
export function equationsHold({ alpha, beta, publicKey, values }, p) {
    return values.every((v, j) => {
        const a = mulPublic(G, p.s[j]).subtract(mulPublic(alpha, p.c[j]));
        const b = mulPublic(publicKey, p.s[j]).subtract(mulPublic(beta.subtract(mulPublic(G, BigInt(v))), p.c[j]));
        return !a.is0() && !b.is0() && a.equals(p.a[j]) && b.equals(p.b[j]);
    });
}

/**
 * Adds the 2L equations a_j + c_j·α − s_j·G == O and b_j + c_j·β − c_j·v_j·G − s_j·PK == O of a proof read by
 * readOneOf (so whose challenge holds) to the batch, whose public key is PK — all but their terms on α and β, whose
 * coefficients it returns for the caller to add (a paper adds those of one ciphertext's bit proof and of the total
 * proof before it adds the term).
 * @param {import('./batch.js').Batch} batch
 * @returns {{onAlpha: bigint, onBeta: bigint}}
 */
export function addOneOf(batch, p, values) {
    let onAlpha = 0n;
    let onBeta = 0n;
    values.forEach((v, j) => {
        const first = batch.weight();
        const second = batch.weight();
        batch.term(p.a[j], first);
        batch.term(p.b[j], second);
        onAlpha += first * p.c[j];
        onBeta += second * p.c[j];
        batch.addG(-(first * p.s[j] + second * p.c[j] * BigInt(v)));
        batch.addKey(-(second * p.s[j]));
    });
    return { onAlpha, onBeta };
}
