// The delegate's tablet page loads as the browser loads it: main.js first, nothing of the tablet imported before it (a
// test file that imports push.js first would hide an import cycle that breaks the page).
// Run: cd src/test/js && node --import ./register.mjs --test tablet-modules.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';

test('the tablet’s modules load from main.js and set the page’s hooks: no import cycle runs a module’s code before the module is ready', async () => {
    const started = [];
    globalThis.window = globalThis;
    globalThis.document = { readyState: 'loading', addEventListener: (what) => started.push(what), getElementById: () => null };
    await import('../../main/webapp/resources/quorum/tablet/main.js');
    assert.deepEqual(Object.keys(globalThis.window.QuorumVote).sort(),
        ['ajaxFailed', 'beforeRender', 'connectionTrouble', 'pushClosed', 'pushed', 'rendered']);
    assert.deepEqual(started, ['DOMContentLoaded'], 'the page starts once it is parsed');
});
