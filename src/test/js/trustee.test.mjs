// §2: the ceremony between trustees' devices, share encryption (§2.1), Feldman's check, the key shares and the joint
// key; §5.3 and §6: partial decryptions and their combination by any t of n.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ceremonyContext } from '../../main/webapp/resources/quorum/crypto/contexts.js';
import { aggregateOf, decryptBox, partialDecryption, verifyPartialDecryption }
    from '../../main/webapp/resources/quorum/crypto/decryption.js';
import { G, add, mul, pointFromHex, pointToHex, randomScalar, scalarToHex, times }
    from '../../main/webapp/resources/quorum/crypto/group.js';
import { encryptPaper, prepareBallot, trackerOf } from '../../main/webapp/resources/quorum/crypto/paper.js';
import { reveal } from '../../main/webapp/resources/quorum/crypto/audit.js';
import { openShare, sealShare } from '../../main/webapp/resources/quorum/crypto/share-box.js';
import { evaluate, jointPublicKey, lagrangeAtZero, verificationKey }
    from '../../main/webapp/resources/quorum/crypto/sharing.js';
import { beginCeremony, checkRound1, receiveShares, sendShares } from '../../main/webapp/resources/quorum/crypto/trustee.js';
import { combine } from './stand-in-server.mjs';

function ceremony(n, t, tamper = () => {}) {
    const context = ceremonyContext({ meetingId: 5, ceremonyId: '5e'.repeat(16), n, t });
    const devices = Array.from({ length: n }, (_, k) => beginCeremony({ ceremonyContext: context, index: k + 1, t }));
    const round1 = devices.map((device) => device.published);
    assert.deepEqual(checkRound1({ ceremonyContext: context, n, t, trustees: round1 }), []);
    const boxes = devices.flatMap((device, k) => sendShares({ ceremonyContext: context, index: k + 1,
        secrets: device.secrets, trustees: round1 }));
    tamper(boxes, devices, context);
    const round3 = devices.map((device, k) => receiveShares({ ceremonyContext: context, index: k + 1,
        secrets: device.secrets, trustees: round1, boxes: boxes.filter((box) => box.to === k + 1) }));
    return { context, devices, round1, round3, boxes };
}

const subsets = (list, size) => (size === 0 ? [[]] : list.flatMap((first, k) => subsets(list.slice(k + 1), size - 1)
    .map((rest) => [first, ...rest])));

describe('§2 the key ceremony', () => {
    for (const [n, t] of [[3, 2], [1, 1], [5, 3], [3, 3]]) {
        test(`${t} of ${n}: every t key shares interpolate to the joint key's secret; verification keys match`, () => {
            const { devices, round1, round3 } = ceremony(n, t);
            assert.ok(round3.every((r) => r.complaints.length === 0));
            const commitments = round1.map((published) => published.commitments.map(pointFromHex));
            const PK = jointPublicKey(commitments);
            const x = devices.reduce((sum, device) => add(sum, device.secrets.polynomial[0]), 0n);
            assert.ok(mul(G, x).equals(PK));
            round3.forEach((r, k) => assert.equal(r.published.verificationKey, pointToHex(verificationKey(commitments, k + 1))));
            for (const set of subsets(Array.from({ length: n }, (_, k) => k + 1), t)) {
                const interpolated = set.reduce((sum, j) => add(sum, times(lagrangeAtZero(set, j), round3[j - 1].keyShare)), 0n);
                assert.equal(interpolated, x, `set ${set}`);
            }
            if (t > 1) {
                const fewer = Array.from({ length: t - 1 }, (_, k) => k + 1);
                const guess = fewer.reduce((sum, j) => add(sum, times(lagrangeAtZero(fewer, j), round3[j - 1].keyShare)), 0n);
                assert.notEqual(guess, x, 't − 1 shares do not interpolate to the secret');
            }
        });
    }

    test('a wrong proof in round 1 is found and named', () => {
        const context = ceremonyContext({ meetingId: 5, ceremonyId: '5e'.repeat(16), n: 3, t: 2 });
        const round1 = [1, 2, 3].map((index) => beginCeremony({ ceremonyContext: context, index, t: 2 }).published);
        round1[1].commitments[0] = pointToHex(pointFromHex(round1[1].commitments[0]).add(G));
        round1[2].deviceKeyProof = round1[0].deviceKeyProof;
        assert.deepEqual(checkRound1({ ceremonyContext: context, n: 3, t: 2, trustees: round1 }), [2, 3]);
    });

    test('a share that fails Feldman\'s check is a complaint naming its sender, and no key is formed', () => {
        const { round3 } = ceremony(3, 2, (boxes, devices, context) => {
            const box = boxes.findIndex((b) => b.from === 1 && b.to === 3);
            boxes[box] = sealShare({ ceremonyContext: context, from: 1, to: 3, recipientKey: pointToHex(mul(G, devices[2].secrets.deviceKey)),
                share: add(evaluate(devices[0].secrets.polynomial, 3), 1n) });
        });
        assert.deepEqual(round3[2].complaints, [1]);
        assert.equal(round3[2].keyShare, undefined);
        assert.deepEqual(round3[1].complaints, []);
    });

    test('a changed or missing box is a complaint', () => {
        const { round3 } = ceremony(3, 2, (boxes) => {
            const box = boxes.find((b) => b.from === 2 && b.to === 1);
            box.ciphertext = box.ciphertext.slice(0, -2) + (box.ciphertext.endsWith('00') ? '01' : '00');
            boxes.splice(boxes.findIndex((b) => b.from === 3 && b.to === 1), 1);
        });
        assert.deepEqual(round3[0].complaints, [2, 3]);
    });
});

describe('§2.1 share boxes', () => {
    const context = 'a1'.repeat(32);
    const e = randomScalar();
    const share = randomScalar();
    const box = sealShare({ ceremonyContext: context, from: 1, to: 2, recipientKey: mul(G, e), share });

    test('the recipient opens it; the box has the published shape', () => {
        assert.equal(openShare({ ceremonyContext: context, to: 2, deviceSecret: e, box }), share);
        assert.deepEqual(Object.keys(box), ['from', 'to', 'ephemeral', 'nonce', 'ciphertext']);
        assert.match(box.nonce, /^[0-9a-f]{24}$/);
        assert.equal(box.ciphertext.length, 96);
        assert.notEqual(box.ciphertext.slice(0, 64), scalarToHex(share));
    });

    test('another key, trustee, sender or ceremony cannot open it', () => {
        assert.throws(() => openShare({ ceremonyContext: context, to: 2, deviceSecret: randomScalar(), box }));
        assert.throws(() => openShare({ ceremonyContext: context, to: 3, deviceSecret: e, box }));
        assert.throws(() => openShare({ ceremonyContext: context, to: 2, deviceSecret: e, box: { ...box, from: 3 } }));
        assert.throws(() => openShare({ ceremonyContext: 'a2'.repeat(32), to: 2, deviceSecret: e, box }));
        assert.throws(() => openShare({ ceremonyContext: context, to: 2, deviceSecret: e,
            box: { ...box, ephemeral: pointToHex(pointFromHex(box.ephemeral).add(G)) } }));
    });
});

describe('§5.3 and §6: partial decryptions, and the count from any t of n', () => {
    const { context, round1, round3 } = ceremony(3, 2);
    const PK = jointPublicKey(round1.map((published) => published.commitments.map(pointFromHex)));
    const ballot = prepareBallot({ meetingId: 5, ballotId: 1, kind: 'APPROVAL', question: 'Q', min: 1, max: 1,
        options: [{ code: 'YES', label: 'Đồng ý' }, { code: 'NO', label: 'Không đồng ý' }, { code: 'ABSTAIN', label: 'Không biểu quyết' }],
        publicKey: pointToHex(PK), ceremonyContext: context });
    const votes = [[1, 0, 0], [1, 0, 0], [0, 0, 1], [1, 0, 0], [0, 1, 0]];
    const listed = votes.map((choices) => encryptPaper(ballot, choices).paper)
        .map((paper) => ({ paperId: paper.paperId, tracker: trackerOf(ballot.context, paper), ...paper }));
    const aggregate = aggregateOf(listed);
    const decryptions = [1, 2, 3].map((index) => partialDecryption({ ballotContext: ballot.context, index,
        keyShare: round3[index - 1].keyShare, aggregate }));

    test('every partial decryption verifies against its trustee\'s verification key', () => {
        decryptions.forEach((decryption, k) => assert.ok(verifyPartialDecryption({ ballotContext: ballot.context,
            verificationKey: round3[k].published.verificationKey, aggregate, decryption })));
    });

    test('any 2 of the 3 trustees give the count [3, 1, 1]', () => {
        for (const set of [[1, 2], [1, 3], [2, 3]]) {
            const { counts, trustees } = combine({ aggregate, decryptions: decryptions.filter((d) => set.includes(d.index)),
                t: 2, papers: votes.length });
            assert.deepEqual(counts, [3, 1, 1]);
            assert.deepEqual(trustees, set);
        }
    });

    test('§6: the device decrypts the aggregate it recomputes from the list it checked', () => {
        const audited = [reveal(ballot, encryptPaper(ballot, [0, 1, 0]))];
        const { aggregate: own, papers, decryption } = decryptBox({ ballot, papers: listed, audited, turnout: 5,
            index: 2, keyShare: round3[1].keyShare, aggregate });
        assert.deepEqual(own, aggregate);
        assert.equal(papers, 5);
        assert.ok(verifyPartialDecryption({ ballotContext: ballot.context,
            verificationKey: round3[1].published.verificationKey, aggregate, decryption }));
        const { counts } = combine({ aggregate, decryptions: [decryptions[0], decryption], t: 2, papers: 5 });
        assert.deepEqual(counts, [3, 1, 1]);
    });

    test('§6: the device refuses a tampered list, a list that is not the turnout, and an aggregate it did not compute', () => {
        const job = { ballot, papers: listed, turnout: 5, index: 1, keyShare: round3[0].keyShare };
        const refuses = (change, message) => {
            const tampered = structuredClone(job.papers);
            const changed = change(tampered) ?? {};
            assert.throws(() => decryptBox({ ...job, papers: tampered, ...changed }), message);
        };
        refuses((p) => { p[2].bitProofs[1].s[0] = scalarToHex(randomScalar()); }, /paper 3 is not a valid paper .*bit-proof/);
        refuses((p) => { p[4].totalProof.c[0] = scalarToHex(randomScalar()); }, /paper 5 .*total-proof/);
        refuses((p) => { p[1].ciphertexts[0].beta = pointToHex(pointFromHex(p[1].ciphertexts[0].beta).add(G)); },
            /paper 2 is not a valid paper/);
        refuses((p) => { p[0].tracker = 'ab'.repeat(32); }, /paper 1: its tracker/);
        refuses((p) => { p[3] = structuredClone(p[1]); }, /paper 4 repeats/);
        refuses((p) => ({ papers: p.slice(0, 4) }), /4 papers are listed for a turnout of 5/);
        refuses((p) => ({ papers: [p[0]], turnout: 1, audited: [p[0]] }), /paper 1 repeats/);
        refuses(() => ({ turnout: 6 }), /turnout of 6/);
        refuses(() => ({ turnout: 4 }), /turnout of 4/);
        refuses(() => ({ aggregate: [...aggregate.slice(1), aggregate[0]] }), /the aggregate the server shows/);
        refuses(() => ({ aggregate: aggregateOf(listed.slice(0, 1)) }), /the aggregate the server shows/);
        refuses(() => ({ index: 0 }), /index/);
        const otherBallot = prepareBallot({ meetingId: 5, ballotId: 2, kind: 'APPROVAL', question: 'Q', min: 1, max: 1,
            options: [{ code: 'YES', label: 'Đồng ý' }, { code: 'NO', label: 'Không đồng ý' }, { code: 'ABSTAIN', label: 'Không biểu quyết' }],
            publicKey: pointToHex(PK), ceremonyContext: context });
        refuses(() => ({ ballot: otherBallot }), /paper 1 is not a valid paper/);
    });

    test('random trials: a share with a wrong key, a changed D or proof, or for another trustee never verifies', () => {
        for (let trial = 0; trial < 10; trial++) {
            const j = 1 + (trial % 3);
            const claim = { ballotContext: ballot.context, verificationKey: round3[j - 1].published.verificationKey, aggregate };
            const wrongKey = partialDecryption({ ballotContext: ballot.context, index: j, keyShare: randomScalar(), aggregate });
            assert.equal(verifyPartialDecryption({ ...claim, decryption: wrongKey }), false, 'a wrong key share');
            const changed = structuredClone(decryptions[j - 1]);
            const o = trial % 3;
            changed.shares[o].d = pointToHex(pointFromHex(changed.shares[o].d).add(G));
            assert.equal(verifyPartialDecryption({ ...claim, decryption: changed }), false, 'D changed');
            const proofChanged = structuredClone(decryptions[j - 1]);
            proofChanged.shares[o].proof.s = scalarToHex(randomScalar());
            assert.equal(verifyPartialDecryption({ ...claim, decryption: proofChanged }), false, 'proof changed');
            const commitmentChanged = structuredClone(decryptions[j - 1]);
            commitmentChanged.shares[o].proof.b = pointToHex(pointFromHex(commitmentChanged.shares[o].proof.b).add(G));
            assert.equal(verifyPartialDecryption({ ...claim, decryption: commitmentChanged }), false, 'commitment changed');
            const other = decryptions[j % 3];
            assert.equal(verifyPartialDecryption({ ...claim, decryption: { ...other, index: j } }), false, 'another trustee');
            assert.equal(verifyPartialDecryption({ ...claim, ballotContext: 'ff'.repeat(32), decryption: decryptions[j - 1] }),
                false, 'another ballot');
        }
    });
});
