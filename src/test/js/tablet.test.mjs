// The delegate's tablet (resources/quorum/tablet): the rules of a choice, the papers the device keeps, what an answer
// of the casting API means and the pauses between sends, the receipt block — the modules that need no page.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LONGEST_PAUSE, TIMEOUT, call, classify, retryPause } from '../../main/webapp/resources/quorum/tablet/api.js';
import { KEY_PREFIX, createPapers, newPaper } from '../../main/webapp/resources/quorum/tablet/papers.js';
import { receiptView } from '../../main/webapp/resources/quorum/tablet/receipt.js';
import { chipWords, countOf, cutPattern, full, inRange, paperChoice, rangeNote, stepAfterRender, toggled }
    from '../../main/webapp/resources/quorum/tablet/selection.js';

/** A stand-in for sessionStorage (the Storage interface: length, key, getItem, setItem, removeItem). */
class Kept {
    constructor() { this.items = new Map(); }
    get length() { return this.items.size; }
    key(i) { return [...this.items.keys()][i] ?? null; }
    getItem(key) { return this.items.has(key) ? this.items.get(key) : null; }
    setItem(key, value) { this.items.set(key, String(value)); }
    removeItem(key) { this.items.delete(key); }
}

/** A stand-in for a fetch Response. */
const response = (status, { type = 'basic', contentType = 'application/json', body = {}, json } = {}) => ({
    status, type, ok: status >= 200 && status < 300,
    headers: { get: (name) => (name === 'Content-Type' ? contentType : null) },
    json: json ?? (() => Promise.resolve(body))
});

describe('the choice', () => {
    const order = ['7', '3', '9', '5'];

    test('a candidate goes in and out, and the list stays in ballot order', () => {
        let chosen = [];
        for (const id of ['9', '7', '5']) {
            chosen = toggled(chosen, id, 3, order).chosen;
        }
        assert.deepEqual(chosen, ['7', '9', '5']);
        assert.deepEqual(toggled(chosen, '9', 3, order), { chosen: ['7', '5'], tooMany: false });
    });

    test('a full list refuses one more and stays as it was; one seat swaps the candidate', () => {
        const chosen = ['7', '3'];
        const refused = toggled(chosen, '9', 2, order);
        assert.equal(refused.tooMany, true);
        assert.deepEqual(refused.chosen, ['7', '3']);
        assert.deepEqual(chosen, ['7', '3'], 'the list given is not changed');
        assert.deepEqual(toggled(['7'], '3', 1, order).chosen, ['3']);
    });

    test('the count in range, the note out of range, the full mark', () => {
        assert.equal(inRange(2, 1, 3), true);
        assert.equal(inRange(0, 1, 3), false);
        assert.equal(inRange(4, 1, 3), false);
        assert.equal(rangeNote(4, 3), 'tooMany');
        assert.equal(rangeNote(0, 3), 'tooFew');
        assert.equal(full(['7', '3'], '9', 2), true);
        assert.equal(full(['7', '3'], '7', 2), false, 'a chosen one is never out of reach');
        assert.equal(full(['7'], '9', 1), false, 'one seat swaps: nothing is out of reach');
        assert.equal(countOf('3'), 3);
        assert.equal(countOf(''), 1);
        assert.equal(countOf(undefined), 1);
    });

    test("a paper's choice: the answer, the ids joined, or a blank paper", () => {
        assert.equal(paperChoice(false, false, ['YES']), 'YES');
        assert.equal(paperChoice(true, false, ['7', '9']), '7,9');
        assert.equal(paperChoice(true, true, ['7']), '-');
    });

    test('the step after a rendering: what the device kept decides, then the delegate', () => {
        assert.equal(stepAfterRender('open', { state: 'pending' }, false, 'confirm'), 'sending');
        assert.equal(stepAfterRender('open', { state: 'recorded' }, true, null), 'recorded');
        assert.equal(stepAfterRender('open', { state: 'elsewhere' }, true, 'choose'), 'recorded');
        assert.equal(stepAfterRender('open', null, false, 'confirm'), 'confirm');
        assert.equal(stepAfterRender('open', null, false, 'refused'), 'refused');
        assert.equal(stepAfterRender('open', null, false, 'sending'), 'choose');
        assert.equal(stepAfterRender('open', null, false, null), 'choose');
        assert.equal(stepAfterRender('cancelled', { state: 'pending' }, true, 'sending'), 'none');
        assert.equal(stepAfterRender('closed', null, true, 'choose'), 'recorded');
        assert.equal(stepAfterRender('published', null, false, 'choose'), 'none');
    });

    test("the chip's words, and the server's outside an open ballot", () => {
        const texts = { chipConfirm: 'c', chipSending: 's', chipRetrying: 'r', chipRecorded: 'v', chipRefused: 'x' };
        assert.equal(chipWords('sending', 'open', false, texts), 's');
        assert.equal(chipWords('sending', 'open', true, texts), 'r');
        assert.equal(chipWords('confirm', 'open', false, texts), 'c');
        assert.equal(chipWords('refused', 'open', false, texts), 'x');
        assert.equal(chipWords('choose', 'open', false, texts), null);
        assert.equal(chipWords('recorded', 'closed', false, texts), null);
    });

    test('a pattern cut around its value', () => {
        assert.deepEqual(cutPattern('Bạn chọn: {0} — xác nhận?'), ['Bạn chọn: ', ' — xác nhận?']);
        assert.deepEqual(cutPattern('{0}'), ['', '']);
        assert.deepEqual(cutPattern('Không có giá trị'), ['Không có giá trị']);
    });
});

describe("the device's papers", () => {
    const prefix = () => KEY_PREFIX + '12.';

    test('kept per delegate and ballot, found while pending, forgotten', () => {
        const kept = new Kept();
        kept.setItem('quorum.vote.99.5', JSON.stringify({ paper: 'b', state: 'pending' })); // another delegate's
        const papers = createPapers(() => kept, prefix);
        papers.save('5', { paper: 'a'.repeat(32), state: 'pending', choice: 'YES', question: 'Thông qua?' });
        papers.save('6', { paper: 'c'.repeat(32), state: 'recorded', receipt: 'R-1' });
        assert.deepEqual(papers.load('5'), { paper: 'a'.repeat(32), state: 'pending', choice: 'YES', question: 'Thông qua?' });
        assert.equal(kept.getItem('quorum.vote.12.5'), JSON.stringify(papers.load('5')));
        assert.deepEqual(papers.pending(), ['5']);
        papers.forget('5');
        assert.equal(papers.load('5'), null);
        assert.deepEqual(papers.pending(), []);
    });

    test('a broken record reads as none', () => {
        const kept = new Kept();
        kept.setItem('quorum.vote.12.5', '{not json');
        assert.equal(createPapers(() => kept, prefix).load('5'), null);
    });

    test('without sessionStorage (private mode) the memory keeps them', () => {
        const papers = createPapers(() => { throw new Error('SecurityError'); }, prefix);
        papers.save('5', { paper: 'a', state: 'pending' });
        assert.deepEqual(papers.load('5'), { paper: 'a', state: 'pending' });
        assert.deepEqual(papers.pending(), ['5']);
        papers.clearAll();
        assert.equal(papers.load('5'), null);
    });

    test("signing out leaves nothing of any delegate's papers, and the rest of the storage as it was", () => {
        const kept = new Kept();
        kept.setItem('quorum.vote.99.5', '{}');
        kept.setItem('other', 'x');
        const papers = createPapers(() => kept, prefix);
        papers.save('5', { paper: 'a', state: 'pending' });
        papers.clearAll();
        assert.deepEqual([...kept.items.keys()], ['other']);
        assert.deepEqual(papers.pending(), []);
    });

    test('a paper id is 128 random bits in hex', () => {
        const ids = new Set(Array.from({ length: 200 }, () => newPaper()));
        assert.equal(ids.size, 200);
        for (const id of ids) {
            assert.match(id, /^[0-9a-f]{32}$/);
        }
        assert.equal(newPaper({ getRandomValues: (bytes) => bytes.fill(10) }), '0a'.repeat(16));
    });
});

describe('what an answer means', () => {
    test('JSON answers carry their status and body', async () => {
        assert.deepEqual(await classify(response(200, { body: { recorded: true, receipt: 'R' } })),
            { kind: 'json', status: 200, body: { recorded: true, receipt: 'R' } });
        assert.deepEqual(await classify(response(409, { contentType: 'application/json;charset=UTF-8', body: { error: 'ballot.alreadyVoted' } })),
            { kind: 'json', status: 409, body: { error: 'ballot.alreadyVoted' } });
        assert.deepEqual(await classify(response(200, { body: null })), { kind: 'json', status: 200, body: {} });
    });

    test('signed out: 401, 403, a redirect, or a page instead of JSON', async () => {
        for (const answer of [response(401), response(403), response(0, { type: 'opaqueredirect' }),
            response(200, { contentType: 'text/html' })]) {
            assert.deepEqual(await classify(answer), { kind: 'signedOut' });
        }
    });

    test('no usable answer is tried again: 5xx, 408, 429, unreadable JSON', async () => {
        assert.deepEqual(await classify(response(503)), { kind: 'retry', status: 503 });
        assert.deepEqual(await classify(response(408)), { kind: 'retry', status: 408 });
        assert.deepEqual(await classify(response(429)), { kind: 'retry', status: 429 });
        assert.deepEqual(await classify(response(200, { json: () => Promise.reject(new SyntaxError('x')) })), { kind: 'retry' });
    });

    test('any other page is a failure with its status', async () => {
        assert.deepEqual(await classify(response(404, { contentType: 'text/html' })), { kind: 'failed', status: 404 });
    });

    test('a request: the address, the method, JSON both ways, no redirect followed', async () => {
        let seen;
        const fetch = (url, init) => {
            seen = { url, init };
            return Promise.resolve(response(200, { body: { recorded: true } }));
        };
        const answer = await call('/api/delegate/', 'PUT', 'ballots/5/papers/ab', { choice: 'YES' }, { fetch });
        assert.deepEqual(answer, { kind: 'json', status: 200, body: { recorded: true } });
        assert.equal(seen.url, '/api/delegate/ballots/5/papers/ab');
        assert.equal(seen.init.method, 'PUT');
        assert.equal(seen.init.redirect, 'manual');
        assert.equal(seen.init.credentials, 'same-origin');
        assert.equal(seen.init.body, '{"choice":"YES"}');
        assert.equal(seen.init.headers['Content-Type'], 'application/json');
        await call('/api/delegate/', 'GET', 'tablet', undefined, { fetch });
        assert.equal(seen.init.body, undefined);
        assert.equal(seen.init.headers['Content-Type'], undefined);
    });

    test('a network failure, or no answer within the timeout, is tried again', async () => {
        assert.deepEqual(await call('/api/', 'GET', 'tablet', undefined, { fetch: () => Promise.reject(new TypeError('offline')) }),
            { kind: 'retry' });
        const never = (url, init) => new Promise((resolve, reject) => {
            init.signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
        });
        const started = Date.now();
        assert.deepEqual(await call('/api/', 'GET', 'tablet', undefined, { fetch: never, timeout: 50 }), { kind: 'retry' });
        assert.ok(Date.now() - started < 2000);
        assert.equal(TIMEOUT, 5000);
    });

    test('the pauses between sends grow to 15 s', () => {
        assert.deepEqual([1, 2, 3, 4, 5, 6, 50].map(retryPause), [1000, 2000, 4000, 8000, 15000, 15000, 15000]);
        assert.equal(LONGEST_PAUSE, 15000);
    });
});

describe('the receipt block', () => {
    test('the receipt kept, looking for it while pending, or voted elsewhere', () => {
        assert.deepEqual(receiptView({ state: 'recorded', receipt: 'K7-XQ' }), { receipt: 'K7-XQ', looking: false, elsewhere: false });
        assert.deepEqual(receiptView({ state: 'pending', paper: 'a' }), { receipt: null, looking: true, elsewhere: false });
        assert.deepEqual(receiptView({ state: 'elsewhere' }), { receipt: null, looking: false, elsewhere: true });
        assert.deepEqual(receiptView(null), { receipt: null, looking: false, elsewhere: true });
    });
});
