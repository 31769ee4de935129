// §4: the tablet's paper — round trips, the same size for every paper, the choices it refuses, a paper that a
// changed field breaks, trackers; and cast-or-audit.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkRevelation, reveal, spend } from '../../main/webapp/resources/quorum/crypto/audit.js';
import { G, O, mul, pointFromHex, pointToHex, q, randomScalar, scalarToHex } from '../../main/webapp/resources/quorum/crypto/group.js';
import { proveOneOf, verifyOneOf } from '../../main/webapp/resources/quorum/crypto/one-of.js';
import { REASONS, bitPrefix, checkPapers, encryptPaper, prepareBallot, totalPrefix, trackerOf, verifyPaper }
    from '../../main/webapp/resources/quorum/crypto/paper.js';
import { receiptOf } from '../../main/webapp/resources/quorum/crypto/receipt.js';

const x = randomScalar();
const common = { meetingId: 3, ceremonyContext: 'ce'.repeat(32), publicKey: pointToHex(mul(G, x)) };
const approval = prepareBallot({ ...common, ballotId: 11, kind: 'APPROVAL', question: 'Thông qua báo cáo?', min: 1, max: 1,
    options: [{ code: 'YES', label: 'Đồng ý' }, { code: 'NO', label: 'Không đồng ý' }, { code: 'ABSTAIN', label: 'Không biểu quyết' }] });
const election = prepareBallot({ ...common, ballotId: 12, kind: 'ELECTION', question: 'Bầu 2 trong 5', min: 0, max: 2,
    options: ['A', 'B', 'C', 'D', 'E'].map((code) => ({ code, label: `Ứng cử viên ${code}` })) });

/** What the trustees' joint key would reveal of one paper, here with the whole key: m_o with β − x·α = m_o·G. */
const open = (paper) => paper.ciphertexts.map(({ alpha, beta }) => {
    const M = pointFromHex(beta).subtract(mul(pointFromHex(alpha), x));
    return M.is0() ? 0 : M.equals(G) ? 1 : NaN;
});

describe('§4 the paper', () => {
    test('approval: each answer encrypts, verifies and decrypts to itself', () => {
        for (const choices of [[1, 0, 0], [0, 1, 0], [0, 0, 1]]) {
            const { paper } = encryptPaper(approval, choices);
            assert.ok(verifyPaper(approval, paper));
            assert.deepEqual(open(paper), choices);
            assert.equal(paper.totalProof.c.length, 1);
        }
    });

    test('election: 0, 1 or 2 marks among 5 verify; the total proof has max-min+1 branches', () => {
        for (const choices of [[0, 0, 0, 0, 0], [0, 0, 1, 0, 0], [1, 0, 0, 0, 1]]) {
            const { paper } = encryptPaper(election, choices);
            assert.ok(verifyPaper(election, paper));
            assert.deepEqual(open(paper), choices);
            assert.equal(paper.totalProof.s.length, 3);
        }
    });

    test('every paper of a ballot has the same size', () => {
        const sizes = new Set([[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 0, 0]]
            .map((choices) => JSON.stringify(encryptPaper(approval, choices).paper).length));
        assert.equal(sizes.size, 1);
        const electionSizes = new Set([[0, 0, 0, 0, 0], [1, 1, 0, 0, 0], [0, 0, 0, 0, 1]]
            .map((choices) => JSON.stringify(encryptPaper(election, choices).paper).length));
        assert.equal(electionSizes.size, 1);
    });

    test('choices outside the ballot are refused on the tablet', () => {
        for (const choices of [[0, 0, 0], [1, 1, 0], [1, 0], [2, 0, 0], [1, 0, 0, 0]]) {
            assert.throws(() => encryptPaper(approval, choices), String(choices));
        }
        assert.throws(() => encryptPaper(election, [1, 1, 1, 0, 0]));
    });

    test('random trials: a changed ciphertext, proof or id breaks the paper', () => {
        for (let trial = 0; trial < 12; trial++) {
            const { paper } = encryptPaper(approval, [[1, 0, 0], [0, 1, 0], [0, 0, 1]][trial % 3]);
            const o = trial % 3;
            const changes = [
                (p) => { p.ciphertexts[o].beta = pointToHex(pointFromHex(p.ciphertexts[o].beta).add(G)); },
                (p) => { p.ciphertexts[o].alpha = pointToHex(pointFromHex(p.ciphertexts[o].alpha).add(G)); },
                (p) => { [p.ciphertexts[0], p.ciphertexts[1]] = [p.ciphertexts[1], p.ciphertexts[0]]; },
                (p) => { p.bitProofs[o].s[trial % 2] = scalarToHex(randomScalar()); },
                (p) => { p.totalProof.c[0] = scalarToHex(randomScalar()); },
                (p) => { p.paperId = 'ab'.repeat(16); },
                (p) => { p.bitProofs.pop(); },
            ];
            for (const change of changes) {
                const copy = structuredClone(paper);
                change(copy);
                assert.equal(verifyPaper(approval, copy), false, change.toString());
            }
            assert.equal(verifyPaper(election, paper), false, 'a paper of another ballot');
        }
    });

    test('a paper that marks two answers of an approval ballot gets valid bit proofs but no valid total proof', () => {
        const marks = [1, 1, 0];
        const paperId = 'fe'.repeat(16);
        const r = marks.map(() => randomScalar());
        const alpha = r.map((ro) => mul(G, ro));
        const beta = r.map((ro, o) => mul(approval.publicKey, ro).add(marks[o] ? G : O));
        const forged = {
            paperId,
            ciphertexts: alpha.map((a, o) => ({ alpha: pointToHex(a), beta: pointToHex(beta[o]) })),
            bitProofs: marks.map((m, o) => proveOneOf({ prefix: bitPrefix(approval, paperId, o), alpha: alpha[o],
                beta: beta[o], publicKey: approval.publicKey, values: [0, 1], index: m, r: r[o] })),
            totalProof: proveOneOf({ prefix: totalPrefix(approval, paperId), alpha: alpha.reduce((A, a) => A.add(a)),
                beta: beta.reduce((B, b) => B.add(b)), publicKey: approval.publicKey, values: [1], index: 0,
                r: r.reduce((sum, ro) => sum + ro) % q }),
        };
        assert.ok(forged.bitProofs.every((proof, o) => verifyOneOf({ prefix: bitPrefix(approval, paperId, o),
            alpha: alpha[o], beta: beta[o], publicKey: approval.publicKey, values: [0, 1], proof })));
        assert.equal(verifyPaper(approval, forged), false);
    });

    test('a paper whose options share one α is refused, though each of its proofs holds', () => {
        const marks = [1, 0, 0];
        const paperId = 'ad'.repeat(16);
        const r = randomScalar();
        const alpha = mul(G, r);
        const beta = marks.map((m) => mul(approval.publicKey, r).add(m ? G : O));
        const bitProofs = marks.map((m, o) => proveOneOf({ prefix: bitPrefix(approval, paperId, o), alpha,
            beta: beta[o], publicKey: approval.publicKey, values: [0, 1], index: m, r }));
        const totalProof = proveOneOf({ prefix: totalPrefix(approval, paperId), alpha: alpha.add(alpha).add(alpha),
            beta: beta.reduce((B, b) => B.add(b)), publicKey: approval.publicKey, values: [1], index: 0, r: (3n * r) % q });
        const paper = { paperId, ciphertexts: beta.map((b) => ({ alpha: pointToHex(alpha), beta: pointToHex(b) })),
            bitProofs, totalProof };
        assert.ok(verifyOneOf({ prefix: totalPrefix(approval, paperId), alpha: alpha.add(alpha).add(alpha),
            beta: beta.reduce((B, b) => B.add(b)), publicKey: approval.publicKey, values: [1], proof: totalProof }));
        assert.equal(verifyPaper(approval, paper), false);
    });

    test('the tracker hashes the ballot, the id and the ciphertexts; its receipt has 80 bits', () => {
        const { paper } = encryptPaper(approval, [1, 0, 0]);
        const tracker = trackerOf(approval.context, paper);
        assert.match(tracker, /^[0-9a-f]{64}$/);
        assert.equal(trackerOf(approval.context, structuredClone(paper)), tracker);
        assert.notEqual(trackerOf(election.context, paper), tracker);
        const moved = structuredClone(paper);
        moved.ciphertexts[2].beta = pointToHex(pointFromHex(moved.ciphertexts[2].beta).add(G));
        assert.notEqual(trackerOf(approval.context, moved), tracker);
        assert.match(receiptOf(tracker), /^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
    });

    test('a box checked in one batch names exactly the papers broken, with §4\'s reasons', () => {
        const box = Array.from({ length: 16 }, (_, k) => encryptPaper(election, [k % 2, 0, k % 3 === 0 ? 1 : 0, 0, 0]).paper);
        assert.deepEqual(checkPapers(election, box), []);
        for (let trial = 0; trial < 6; trial++) {
            const copy = structuredClone(box);
            const changes = {
                [trial]: (p) => { p.bitProofs[trial % 5].s[trial % 2] = scalarToHex(randomScalar()); }, // equation only
                [trial + 5]: (p) => { p.totalProof.b[trial % 3] = pointToHex(pointFromHex(p.totalProof.b[trial % 3]).add(G)); },
                [trial + 9]: (p) => { p.totalProof.s[0] = scalarToHex(randomScalar()); },
                [15]: (p) => { p.ciphertexts[0].alpha = p.ciphertexts[0].alpha.toUpperCase(); },
            };
            Object.entries(changes).forEach(([k, change]) => change(copy[k]));
            assert.deepEqual(checkPapers(election, copy), [
                { index: trial, reason: REASONS.bitProof },
                { index: trial + 5, reason: REASONS.totalProof },
                { index: trial + 9, reason: REASONS.totalProof },
                { index: 15, reason: REASONS.encoding },
            ]);
        }
        const shapes = [{ ...box[0], bitProofs: box[0].bitProofs.slice(1) }, { ...box[1], paperId: 7 }, null];
        assert.deepEqual(checkPapers(election, shapes).map((r) => r.reason), [REASONS.shape, REASONS.shape, REASONS.shape]);
    });

    test('no two papers share an id or an α', () => {
        const papers = Array.from({ length: 20 }, () => encryptPaper(approval, [0, 0, 1]).paper);
        assert.equal(new Set(papers.map((p) => p.paperId)).size, 20);
        assert.equal(new Set(papers.flatMap((p) => p.ciphertexts.map((ct) => ct.alpha))).size, 60);
    });
});

describe('§4 cast or audit (Benaloh)', () => {
    test('a revealed paper checks, and shows what it encrypted', () => {
        const prepared = encryptPaper(election, [0, 1, 0, 0, 1]);
        const audited = reveal(election, prepared);
        assert.ok(checkRevelation(election, audited));
        assert.deepEqual(audited.choices, open(prepared.paper));
        assert.equal(audited.tracker, trackerOf(election.context, prepared.paper));
    });

    test('a device that encrypted something else than it reveals is caught', () => {
        const prepared = encryptPaper(approval, [1, 0, 0]);
        const audited = reveal(approval, prepared);
        const lie = { ...audited, choices: [0, 1, 0] };
        assert.equal(checkRevelation(approval, lie), false, 'other choices');
        const wrongRandomness = { ...audited, randomness: [scalarToHex(randomScalar()), ...audited.randomness.slice(1)] };
        assert.equal(checkRevelation(approval, wrongRandomness), false, 'other randomness');
        assert.equal(checkRevelation(approval, { ...audited, tracker: 'ab'.repeat(32) }), false, 'another tracker');
        const other = reveal(approval, encryptPaper(approval, [1, 0, 0]));
        assert.equal(checkRevelation(approval, { ...audited, randomness: other.randomness }), false);
        assert.equal(checkRevelation(election, audited), false, 'another ballot');
    });

    test('a spent paper keeps nothing that opens it', () => {
        const prepared = encryptPaper(approval, [0, 0, 1]);
        spend(prepared);
        assert.ok(prepared.revelation.randomness.every((r) => r === ''));
        assert.ok(prepared.revelation.choices.every((m) => m === -1));
    });
});
