// The trustee page's steps (resources/quorum/trustee/flow.js): what the device does next in the ceremony (§2), from
// what the server shows and what the device holds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextStep } from '../../main/webapp/resources/quorum/trustee/flow.js';

const R1 = { index: 1 };
const KEY = { key: 'X', proof: {} };
function view({ status = 'COLLECTING', roundOnes = [false, false, false], sent = [false, false, false],
    keys = [false, false, false], complaint = null, boxes = 0 } = {}) {
    return { status, n: 3, t: 2, index: 1, boxes: Array.from({ length: boxes }, () => ({})),
        trustees: [0, 1, 2].map((i) => ({ index: i + 1, roundOne: roundOnes[i] ? R1 : null, sharesSent: sent[i],
            verificationKey: keys[i] ? KEY : null, complaint: i === 0 ? complaint : null })) };
}
const open = { unlocked: true, kept: true, keyShare: false };
const all = [true, true, true];

test('a new trustee chooses a passphrase; a device with a kept backup asks for it; another device cannot go on', () => {
    assert.equal(nextStep(view(), { unlocked: false, kept: false, keyShare: false }).step, 'choose');
    assert.equal(nextStep(view(), { unlocked: false, kept: true, keyShare: false }).step, 'unlock');
    assert.equal(nextStep(view({ roundOnes: [true, false, false] }), { unlocked: false, kept: false }).step, 'noSecrets');
});

test('the rounds go in order, each waiting for all the others', () => {
    assert.equal(nextStep(view(), open).step, 'round1');
    assert.deepEqual(nextStep(view({ roundOnes: [true, true, false] }), open), { step: 'wait1', done: 2, of: 3 });
    assert.equal(nextStep(view({ roundOnes: all }), open).step, 'round2');
    assert.deepEqual(nextStep(view({ roundOnes: all, sent: [true, false, false] }), open), { step: 'wait2', done: 1, of: 3 });
    assert.equal(nextStep(view({ roundOnes: all, sent: all, boxes: 1 }), open).step, 'wait2', 'a box still missing');
    assert.equal(nextStep(view({ roundOnes: all, sent: all, boxes: 2 }), open).step, 'round3');
    assert.deepEqual(nextStep(view({ roundOnes: all, sent: all, boxes: 2, keys: [true, true, false] }), open),
        { step: 'wait3', done: 2, of: 3 });
    assert.equal(nextStep(view({ roundOnes: all, sent: all, boxes: 2, complaint: { against: 2 } }), open).step, 'wait3',
        'after a complaint the device does not form a key');
});

test('a failed or finished ceremony says so, whatever the device holds', () => {
    for (const device of [open, { unlocked: false, kept: false, keyShare: false }]) {
        assert.equal(nextStep(view({ status: 'FAILED' }), device).step, 'failed');
        assert.equal(nextStep(view({ status: 'READY', roundOnes: all, sent: all, keys: all }), device).step, 'ready');
    }
});
