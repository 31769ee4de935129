// §5's proofs: complete (an honest proof verifies) and sound in the ways a test can see — random trials in which a
// proof of a false statement, a proof moved to another statement, or a changed proof (a challenge, a response or a
// published commitment) never verifies; and §5.4's batches, which accept exactly what one-by-one checks accept.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Batch } from '../../main/webapp/resources/quorum/crypto/batch.js';
import { G, O, mul, pointFromHex, pointToHex, precomputed, q, randomScalar, scalarToHex }
    from '../../main/webapp/resources/quorum/crypto/group.js';
import { addOneOf, proveOneOf, readOneOf, verifyOneOf } from '../../main/webapp/resources/quorum/crypto/one-of.js';
import { proveKnowledge, verifyKnowledge } from '../../main/webapp/resources/quorum/crypto/schnorr.js';
import { challenge } from '../../main/webapp/resources/quorum/crypto/transcript.js';

const TRIALS = 25;
const ceremonyContext = 'c0'.repeat(32);
const flip = (hex) => scalarToHex((BigInt('0x' + hex) + 1n) % q);

describe('§5.1 Schnorr proof of knowledge', () => {
    test('an honest proof verifies, for every tag', () => {
        for (const tag of ['device', 'commitment', 'share']) {
            const x = randomScalar();
            const proof = proveKnowledge({ tag, ceremonyContext, index: 2, x });
            assert.ok(verifyKnowledge({ tag, ceremonyContext, index: 2, X: mul(G, x), proof }));
        }
    });

    test('random trials: a proof with a wrong x, or for another statement, or changed, never verifies', () => {
        for (let trial = 0; trial < TRIALS; trial++) {
            const x = randomScalar();
            const X = mul(G, x);
            const statement = { tag: 'share', ceremonyContext, index: 1, X };
            const wrongX = proveKnowledge({ ...statement, x: randomScalar(), X });
            assert.equal(verifyKnowledge({ ...statement, proof: wrongX }), false, 'a wrong x');
            const proof = proveKnowledge({ ...statement, x });
            assert.equal(verifyKnowledge({ ...statement, tag: 'device', proof }), false, 'another tag');
            assert.equal(verifyKnowledge({ ...statement, index: 3, proof }), false, 'another trustee');
            assert.equal(verifyKnowledge({ ...statement, ceremonyContext: 'c1'.repeat(32), proof }), false, 'another ceremony');
            assert.equal(verifyKnowledge({ ...statement, X: X.add(G), proof }), false, 'another key');
            assert.equal(verifyKnowledge({ ...statement, proof: { ...proof, s: flip(proof.s) } }), false, 's changed');
            assert.equal(verifyKnowledge({ ...statement, proof: { ...proof, c: flip(proof.c) } }), false, 'c changed');
            const otherA = pointToHex(pointFromHex(proof.a).add(G));
            assert.equal(verifyKnowledge({ ...statement, proof: { ...proof, a: otherA } }), false, 'a changed');
        }
    });

    test('the commitment is published, and a proof whose recomputed commitment is O is refused', () => {
        const x = randomScalar();
        const X = mul(G, x);
        const proof = proveKnowledge({ tag: 'device', ceremonyContext, index: 1, x });
        assert.deepEqual(Object.keys(proof), ['a', 'c', 's']);
        // s = c·x: s·G − c·X = O, while the challenge is honestly the hash of the published A
        const A = mul(G, randomScalar());
        const c = challenge('quorum/v1/schnorr', 'device', ceremonyContext, 1, X, A);
        const zero = { a: pointToHex(A), c: scalarToHex(c), s: scalarToHex((c * x) % q) };
        assert.equal(verifyKnowledge({ tag: 'device', ceremonyContext, index: 1, X, proof: zero }), false);
    });

    test('non-canonical or missing scalars are refused', () => {
        const x = randomScalar();
        const proof = proveKnowledge({ tag: 'device', ceremonyContext, index: 1, x });
        const claim = { tag: 'device', ceremonyContext, index: 1, X: mul(G, x) };
        const sPlusQ = (BigInt('0x' + proof.s) + q).toString(16);
        for (const wrong of [{ ...proof, s: sPlusQ }, { ...proof, s: proof.s.toUpperCase() }, { c: proof.c }, {}]) {
            assert.equal(verifyKnowledge({ ...claim, proof: wrong }), false);
        }
        assert.throws(() => proveKnowledge({ ...claim, tag: 'other', x }));
    });
});

describe('§5.2 disjunctive Chaum–Pedersen proof', () => {
    const x = randomScalar();
    const PK = precomputed(mul(G, x));
    const encrypt = (m, r = randomScalar()) => ({ alpha: mul(G, r), beta: mul(PK, r).add(m === 0 ? O : mul(G, BigInt(m))), r });
    const prefix = ['quorum/v1/bit', 'b0'.repeat(32), 'ab'.repeat(16), 0];

    test('honest proofs verify: bits, and totals over several ranges', () => {
        for (const [values, m] of [[[0, 1], 0], [[0, 1], 1], [[1], 1], [[0, 1, 2], 2], [[2, 3, 4, 5], 3]]) {
            const { alpha, beta, r } = encrypt(m);
            const proof = proveOneOf({ prefix, alpha, beta, publicKey: PK, values, index: values.indexOf(m), r });
            assert.ok(verifyOneOf({ prefix, alpha, beta, publicKey: PK, values, proof }), `${m} in ${values}`);
        }
    });

    test('random trials: a ciphertext of a value outside the set never gets a verifying proof', () => {
        for (let trial = 0; trial < TRIALS; trial++) {
            const values = trial % 2 === 0 ? [0, 1] : [1];
            const outside = [2, 3, 5, 9][trial % 4];
            const { alpha, beta, r } = encrypt(outside);
            for (let index = 0; index < values.length; index++) {
                const proof = proveOneOf({ prefix, alpha, beta, publicKey: PK, values, index, r });
                assert.equal(verifyOneOf({ prefix, alpha, beta, publicKey: PK, values, proof }), false,
                    `${outside} proved as ${values[index]}`);
            }
        }
    });

    test('random trials: proving the wrong branch of a true statement never verifies', () => {
        for (let trial = 0; trial < TRIALS; trial++) {
            const m = trial % 2;
            const { alpha, beta, r } = encrypt(m);
            const proof = proveOneOf({ prefix, alpha, beta, publicKey: PK, values: [0, 1], index: 1 - m, r });
            assert.equal(verifyOneOf({ prefix, alpha, beta, publicKey: PK, values: [0, 1], proof }), false);
        }
    });

    test('random trials: a proof does not move to another ciphertext, prefix or key, and a changed proof fails', () => {
        for (let trial = 0; trial < TRIALS; trial++) {
            const m = trial % 2;
            const { alpha, beta, r } = encrypt(m);
            const claim = { prefix, alpha, beta, publicKey: PK, values: [0, 1] };
            const proof = proveOneOf({ ...claim, index: m, r });
            const other = encrypt(m);
            assert.equal(verifyOneOf({ ...claim, alpha: other.alpha, beta: other.beta, proof }), false, 'another ciphertext');
            assert.equal(verifyOneOf({ ...claim, beta: beta.add(G), proof }), false, 'β changed');
            assert.equal(verifyOneOf({ ...claim, prefix: [...prefix.slice(0, 3), 1], proof }), false, 'another option');
            assert.equal(verifyOneOf({ ...claim, publicKey: PK.add(G), proof }), false, 'another key');
            assert.equal(verifyOneOf({ ...claim, values: [1, 2], proof }), false, 'other values');
            const j = trial % 2;
            const c = [...proof.c];
            c[j] = flip(c[j]);
            assert.equal(verifyOneOf({ ...claim, proof: { ...proof, c } }), false, 'a c_j changed');
            const s = [...proof.s];
            s[j] = flip(s[j]);
            assert.equal(verifyOneOf({ ...claim, proof: { ...proof, s } }), false, 'an s_j changed');
            assert.equal(verifyOneOf({ ...claim, proof: { ...proof, c: [...proof.c].reverse(), s: [...proof.s].reverse() } }), false,
                'branches swapped');
            assert.equal(verifyOneOf({ ...claim, proof: { ...proof, c: proof.c.slice(0, 1), s: proof.s.slice(0, 1) } }),
                false, 'a branch missing');
            const a = [...proof.a];
            a[j] = pointToHex(pointFromHex(a[j]).add(G));
            assert.equal(verifyOneOf({ ...claim, proof: { ...proof, a } }), false, 'a commitment changed');
            assert.equal(verifyOneOf({ ...claim, proof: { ...proof, b: [...proof.b].reverse() } }), false,
                'commitments swapped');
        }
    });

    test('the proof publishes L commitments of each kind', () => {
        const { alpha, beta, r } = encrypt(2);
        const proof = proveOneOf({ prefix, alpha, beta, publicKey: PK, values: [1, 2, 3], index: 1, r });
        assert.deepEqual(Object.keys(proof), ['a', 'b', 'c', 's']);
        assert.ok(['a', 'b', 'c', 's'].every((key) => proof[key].length === 3));
    });
});

describe('§5.4 batches', () => {
    const PK = precomputed(mul(G, randomScalar()));
    const proofs = Array.from({ length: 12 }, (_, k) => {
        const r = randomScalar();
        const m = k % 2;
        const alpha = mul(G, r);
        const beta = mul(PK, r).add(m ? G : O);
        const claim = { prefix: ['quorum/v1/bit', 'b1'.repeat(32), 'cd'.repeat(16), k], alpha, beta, publicKey: PK,
            values: [0, 1] };
        return { ...claim, proof: proveOneOf({ ...claim, index: m, r }) };
    });
    const batchOf = (claims) => {
        const batch = new Batch(PK);
        for (const claim of claims) {
            const read = readOneOf(claim);
            if (read === null) {
                return false;
            }
            const { onAlpha, onBeta } = addOneOf(batch, read, claim.values);
            batch.term(claim.alpha, onAlpha);
            batch.term(claim.beta, onBeta);
        }
        return batch.holds();
    };

    test('good proofs pass in one batch; the weights are fresh 128-bit numbers', () => {
        assert.ok(batchOf(proofs));
        const batch = new Batch(PK);
        const weights = Array.from({ length: 50 }, () => batch.weight());
        assert.ok(weights.every((w) => w >= 0n && w < 2n ** 128n));
        assert.equal(new Set(weights).size, 50);
        assert.equal(batch.equations, 50);
    });

    test('random trials: one changed response — its challenge still holds — fails the batch, as it fails alone', () => {
        for (let trial = 0; trial < TRIALS; trial++) {
            const claims = structuredClone(proofs.map(({ proof }) => proof)).map((proof, k) => ({ ...proofs[k], proof }));
            const k = trial % claims.length;
            const j = trial % 2;
            claims[k].proof.s[j] = flip(claims[k].proof.s[j]);
            assert.notEqual(readOneOf(claims[k]), null, 'the challenge holds');
            assert.equal(verifyOneOf(claims[k]), false);
            assert.equal(batchOf(claims), false);
        }
    });
});
