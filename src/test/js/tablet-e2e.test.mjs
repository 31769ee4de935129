// The delegate's tablet on an end-to-end ballot (resources/quorum/tablet/sealing.js and e2e.js, election record §4):
// the choice as the 0/1 vector of the ballot's options, the paper sealed on the device and sent alone, nothing of the
// choice or the randomness kept, a resend the very same body, Benaloh's audit posted without the session and never
// cast, a fresh paper after it, and a ballot whose context does not recompute refused. The page is a stand-in (a few
// elements, sessionStorage, fetch), driven through the same functions the page's buttons call.
// Run: cd src/test/js && node --import ./register.mjs --test tablet-e2e.test.mjs
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { G, mul, pointFromHex, pointToHex, randomScalar } from '../../main/webapp/resources/quorum/crypto/group.js';
import { ballotContext } from '../../main/webapp/resources/quorum/crypto/contexts.js';
import { checkRevelation } from '../../main/webapp/resources/quorum/crypto/audit.js';
import { prepareBallot, trackerOf, verifyPaper } from '../../main/webapp/resources/quorum/crypto/paper.js';
import { receiptOf } from '../../main/webapp/resources/quorum/crypto/receipt.js';
import { castBody, castRecord, choicesOf, fieldsOf, labelsOf, loadCrypto, prepareChecked, revealSealed, seal }
    from '../../main/webapp/resources/quorum/tablet/sealing.js';

// ---- the stand-in page -------------------------------------------------------------------------------------------

class ClassList {
    constructor() { this.names = new Set(); }
    add(name) { this.names.add(name); }
    remove(name) { this.names.delete(name); }
    contains(name) { return this.names.has(name); }
    toggle(name, on) { if (on ?? !this.names.has(name)) { this.names.add(name); } else { this.names.delete(name); } }
}

class Element {
    constructor(id = '', { className = '', dataset = {} } = {}) {
        this.id = id;
        this.dataset = { ...dataset };
        this.classList = new ClassList();
        className.split(/\s+/).filter(Boolean).forEach((name) => this.classList.add(name));
        this.children = [];
        this.hidden = false;
        this.attributes = {};
        this.text = '';
        this.offsetParent = null;
    }
    get textContent() { return this.text + this.children.map((child) => child.textContent).join(''); }
    set textContent(value) { this.text = String(value); this.children = []; }
    get firstElementChild() { return this.first ??= new Element(); }
    appendChild(child) { this.children.push(child); return child; }
    setAttribute(name, value) { this.attributes[name] = String(value); }
    removeAttribute(name) { delete this.attributes[name]; }
    focus() { globalThis.document.activeElement = this; }
    contains() { return true; }
}

class Kept {
    constructor() { this.items = new Map(); }
    get length() { return this.items.size; }
    key(i) { return [...this.items.keys()][i] ?? null; }
    getItem(key) { return this.items.has(key) ? this.items.get(key) : null; }
    setItem(key, value) { this.items.set(key, String(value)); }
    removeItem(key) { this.items.delete(key); }
    clear() { this.items.clear(); }
}

const storage = new Kept();
const elements = new Map();
let voteBox = null;
let optionButtons = [];

/** A very small querySelectorAll: selectors joined by commas, each a class or [data-choice]. */
function matches(button, selector) {
    return selector.split(',').map((part) => part.trim()).some((part) => (part === '[data-choice]'
        ? button.dataset.choice !== undefined : part.startsWith('.') && button.classList.contains(part.slice(1))));
}

globalThis.window = { sessionStorage: storage, setTimeout: (...args) => setTimeout(...args), navigator: {} };
globalThis.document = {
    activeElement: null,
    body: new Element('body'),
    getElementById: (id) => (id === 'vote-box' ? voteBox : (elements.get(id) ?? elements.set(id, new Element(id)).get(id))),
    createElement: () => new Element(),
    createTextNode: (text) => ({ textContent: text }),
    querySelector: () => null,
};

const TEXTS = {
    api: '/api/delegate/', publicApi: '/api/', sending: 'Đang gửi phiếu…', retrying: 'r', offline: 'o', back: 'b',
    failed: 'Máy chủ không nhận phiếu.', recorded: 'Phiếu của bạn đã được ghi nhận', receipt: 'Mã biên nhận:',
    notRecorded: 'Phiếu của bạn không được ghi nhận:', chipConfirm: 'c', chipSending: 's', chipRetrying: 'r',
    chipRecorded: 'v', chipRefused: 'x', e2eSealing: 'Đang niêm phong phiếu của bạn…', e2eSealed: 'Đã niêm phong',
    e2eReceipt: 'Mã của phiếu này:', e2eBlank: 'phiếu trắng', e2eChipCheck: 'k', e2eChipAudited: 'a',
    e2eAuditing: 'Đang mở phiếu…', e2eAuditedTitle: 'Phiếu đã mở', e2eAuditedNothing: 'không chọn ai',
    e2eAuditedGood: 'khớp', e2eAuditedBad: 'KHÔNG khớp', e2eAuditedListed: 'đã vào danh sách',
    e2eAuditedNotListed: 'chưa vào danh sách:', e2eAuditedUnreached: 'không liên lạc được',
    e2eMismatch: 'Máy không niêm phong phiếu: ngữ cảnh khác nhau.', e2eCannotSeal: 'Không tải được phần mã hóa.',
};

// the tablet's modules, after the stand-ins are in place
const page = await import('../../main/webapp/resources/quorum/tablet/page.js');
const steps = await import('../../main/webapp/resources/quorum/tablet/steps.js');
const e2e = await import('../../main/webapp/resources/quorum/tablet/e2e.js');
const { rendered } = await import('../../main/webapp/resources/quorum/tablet/rendered.js');
const { chipWords, stepAfterRender } = await import('../../main/webapp/resources/quorum/tablet/selection.js');
const { state, papers } = page;
page.useTexts(TEXTS);

// ---- the ballots -----------------------------------------------------------------------------------------------

const x = randomScalar(); // the trustees' joint secret, whole, so the test can open a paper
const common = { meetingId: 3, ceremonyContext: 'ce'.repeat(32), publicKey: pointToHex(mul(G, x)) };
const withContext = (fields) => ({ ...fields, context: ballotContext(fields) });
const APPROVAL = withContext({ ...common, ballotId: 11, kind: 'APPROVAL', question: 'Thông qua báo cáo?', min: 1, max: 1,
    options: [{ code: 'YES', label: 'Đồng ý' }, { code: 'NO', label: 'Không đồng ý' },
        { code: 'ABSTAIN', label: 'Không biểu quyết' }] });
const ELECTION = withContext({ ...common, ballotId: 12, kind: 'ELECTION', question: 'Bầu 2 trong 4', min: 1, max: 2,
    options: ['C1', 'C2', 'C3', 'C4'].map((code, o) => ({ code, label: `Ứng cử viên ${o + 1}` })) });
const BLANK_ALLOWED = withContext({ ...ELECTION, ballotId: 13, min: 0, context: undefined });

/** Opens the paper with the whole secret: m_o with β − x·α = m_o·G. */
const open = (paper) => paper.ciphertexts.map(({ alpha, beta }) => {
    const M = pointFromHex(beta).subtract(mul(pointFromHex(alpha), x));
    return M.is0() ? 0 : M.equals(G) ? 1 : NaN;
});

/** The page of an open ballot: #vote-box with its data-*, and its buttons (data-choice, data-code, data-label). */
function showBallot(fields, { election = fields?.kind === 'ELECTION', attribute } = {}) {
    const ballotId = String(fields.ballotId);
    voteBox = new Element('vote-box', { dataset: {
        ballot: ballotId, view: 'open', participant: '12', kind: election ? 'ELECTION' : 'APPROVAL',
        seats: String(fields.max), min: String(fields.min), blank: String(fields.min === 0),
        ...(attribute === null ? {} : { election: attribute ?? JSON.stringify(fields) }) } });
    optionButtons = fields.options.map((option, o) => new Element('', {
        className: election ? 'q-vote-candidate' : 'q-vote-option q-vote-' + option.code,
        dataset: { choice: election ? String(70 + o) : option.code, code: option.code, label: option.label } }));
    voteBox.querySelectorAll = (selector) => optionButtons.filter((button) => matches(button, selector));
    elements.set('vote-question', Object.assign(new Element('vote-question'), { text: fields.question }));
    state.ballot = ballotId;
    state.view = 'open';
}

const button = (code) => optionButtons.find((b) => b.dataset.code === code);

// ---- the network -----------------------------------------------------------------------------------------------

let calls = [];
let answer = () => ({ status: 200, body: {} });

const json = (status, body) => ({
    status, type: 'basic', ok: status >= 200 && status < 300,
    headers: { get: (name) => (name === 'Content-Type' ? 'application/json' : null) },
    json: () => Promise.resolve(body),
});

globalThis.fetch = (url, init) => {
    calls.push({ url, init, body: init.body === undefined ? undefined : JSON.parse(init.body) });
    if (url.endsWith('/tablet')) {
        return Promise.resolve(json(200, { signature: 'same' }));
    }
    const reply = answer(url, init, calls.filter((call) => !call.url.endsWith('/tablet')).length);
    return reply instanceof Error ? Promise.reject(reply) : Promise.resolve(json(reply.status, reply.body));
};

const puts = () => calls.filter((call) => call.init.method === 'PUT');
const posts = () => calls.filter((call) => call.init.method === 'POST');

/** Waits until a condition holds (the sealing and the answers are asynchronous). */
async function until(condition, what, timeout = 20000) {
    const started = Date.now();
    while (!condition()) {
        if (Date.now() - started > timeout) {
            assert.fail('timed out waiting for ' + what + ' (step ' + state.step + ')');
        }
        await new Promise((resolve) => { setTimeout(resolve, 10); });
    }
}

/** The server's answer to a good paper: recorded, its receipt the tracker's. */
const recorded = (fields) => (url, init) => {
    const { paper } = JSON.parse(init.body);
    const tracker = trackerOf(fields.context, paper);
    return { status: 200, body: { ballotId: fields.ballotId, receipt: receiptOf(tracker), tracker, recorded: true } };
};

/** Confirms the choice and waits for the sealed paper's cast-or-check step. */
async function confirmAndSeal() {
    steps.confirm();
    await until(() => state.step === 'check' || state.step === 'refused', 'the sealed paper');
    assert.equal(state.step, 'check', state.refusal ?? '');
}

beforeEach(() => {
    calls = [];
    storage.clear();
    papers.clearAll();
    elements.clear();
    e2e.discard();
    Object.assign(state, { ballot: null, view: null, step: null, e2e: null, chosen: [], blank: false, refusal: null,
        attempts: 0, online: true, signedOut: false, inFlight: {}, retries: {} });
});

afterEach(() => {
    state.signedOut = true; // nothing more is sent after a test
    clearTimeout(state.probeTimer);
    Object.values(state.retries).forEach(clearTimeout);
});

// ---- the tests -------------------------------------------------------------------------------------------------

describe('the choice as the paper encrypts it', () => {
    test('approval: the answer code marks its place among YES, NO, ABSTAIN', () => {
        assert.deepEqual(choicesOf(APPROVAL.options, ['YES']), [1, 0, 0]);
        assert.deepEqual(choicesOf(APPROVAL.options, ['NO']), [0, 1, 0]);
        assert.deepEqual(choicesOf(APPROVAL.options, ['ABSTAIN']), [0, 0, 1]);
    });

    test('election: the chosen codes in ballot order whatever the order chosen; none for a blank paper', () => {
        assert.deepEqual(choicesOf(ELECTION.options, ['C3', 'C1']), [1, 0, 1, 0]);
        assert.deepEqual(choicesOf(ELECTION.options, ['C4']), [0, 0, 0, 1]);
        assert.deepEqual(choicesOf(ELECTION.options, []), [0, 0, 0, 0]);
        assert.deepEqual(labelsOf(ELECTION.options, [1, 0, 1, 0]), ['Ứng cử viên 1', 'Ứng cử viên 3']);
    });

    test('a code the ballot does not have is refused', () => {
        assert.throws(() => choicesOf(ELECTION.options, ['C9']), { key: 'e2eMismatch' });
    });

    test('the fields read from data-election, or none', () => {
        assert.equal(fieldsOf(undefined), null);
        assert.equal(fieldsOf(''), null);
        assert.equal(fieldsOf('{not json'), null);
        assert.deepEqual(fieldsOf(JSON.stringify(APPROVAL)), APPROVAL);
    });

    test('on the page: an election of 1 to 2 among 4, candidates pressed C3 then C1, seals [1, 0, 1, 0]', async () => {
        showBallot(ELECTION);
        steps.toggle(button('C3'));
        steps.toggle(button('C1'));
        steps.next();
        assert.equal(state.step, 'confirm');
        await confirmAndSeal();
        answer = recorded(ELECTION);
        e2e.castPaper();
        await until(() => state.step === 'recorded', 'the answer');
        const { paper } = puts()[0].body;
        assert.ok(verifyPaper(prepareBallot(ELECTION), paper), 'the paper verifies as the server checks it');
        assert.deepEqual(open(paper), [1, 0, 1, 0]);
        assert.equal(paper.totalProof.c.length, 2, 'max - min + 1 branches');
    });

    test('on the page: a blank paper where the election allows one seals only zeros', async () => {
        showBallot(BLANK_ALLOWED);
        steps.blank();
        await confirmAndSeal();
        answer = recorded(BLANK_ALLOWED);
        e2e.castPaper();
        await until(() => state.step === 'recorded', 'the answer');
        assert.deepEqual(open(puts()[0].body.paper), [0, 0, 0, 0]);
    });
});

describe('cast: the paper alone, kept until the answer, sent again the same', () => {
    test('the body is only {"paper": …}, its paperId the one of the path; the receipt is the tracker\'s', async () => {
        showBallot(APPROVAL);
        steps.choose(button('NO'));
        await confirmAndSeal();
        const shown = state.e2e.receipt;
        assert.match(shown, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
        assert.equal(elements.get('vote-e2e-receipt').firstElementChild.textContent, shown, 'shown before casting');
        answer = recorded(APPROVAL);
        e2e.castPaper();
        await until(() => state.step === 'recorded', 'the answer');
        assert.equal(puts().length, 1);
        const [put] = puts();
        assert.deepEqual(Object.keys(put.body), ['paper']);
        assert.deepEqual(Object.keys(put.body.paper).sort(), ['bitProofs', 'ciphertexts', 'paperId', 'totalProof']);
        assert.equal(put.url, '/api/delegate/ballots/11/papers/' + put.body.paper.paperId);
        assert.match(put.body.paper.paperId, /^[0-9a-f]{32}$/);
        assert.equal(put.init.credentials, 'same-origin');
        assert.deepEqual(open(put.body.paper), [0, 1, 0]);
        assert.equal(receiptOf(trackerOf(APPROVAL.context, put.body.paper)), shown);
        assert.deepEqual(papers.load('11'), { paper: put.body.paper.paperId, state: 'recorded', receipt: shown,
            question: APPROVAL.question }, 'once recorded the device keeps only the receipt');
    });

    test('while it waits, the device keeps the paper and nothing of the choice or the randomness', async () => {
        showBallot(APPROVAL);
        steps.choose(button('YES'));
        await confirmAndSeal();
        answer = () => new Error('offline');
        e2e.castPaper();
        const kept = [...storage.items.values()].join('\n');
        assert.ok(kept.length > 0, 'the paper is kept');
        for (const word of ['randomness', 'choices', '"choice"', 'YES', 'Đồng ý']) {
            assert.ok(!kept.includes(word), 'the device keeps no ' + word + ': ' + kept.slice(0, 200));
        }
        const record = papers.load('11');
        assert.deepEqual(Object.keys(record).sort(), ['paper', 'question', 'receipt', 'sealed', 'state', 'tracker']);
        assert.deepEqual(Object.keys(record.sealed).sort(), ['bitProofs', 'ciphertexts', 'paperId', 'totalProof']);
        assert.equal(record.state, 'pending');
        assert.equal(record.sealed.paperId, record.paper);
        await until(() => puts().length >= 1, 'the first send');
    });

    test('a send without an answer is sent again: the same paper, byte for byte', async () => {
        showBallot(APPROVAL);
        steps.choose(button('ABSTAIN'));
        await confirmAndSeal();
        answer = (url, init, n) => (n === 1 ? new Error('offline') : recorded(APPROVAL)(url, init));
        e2e.castPaper();
        await until(() => state.step === 'recorded', 'the answer after the resend', 10000);
        assert.equal(puts().length, 2);
        assert.equal(puts()[1].url, puts()[0].url);
        assert.equal(puts()[1].init.body, puts()[0].init.body);
    });

    test('the pure parts: a cast record spends the randomness and refuses a second cast', async () => {
        const crypto = await loadCrypto();
        const ballot = prepareChecked(crypto, APPROVAL);
        const sealed = seal(crypto, ballot, [1, 0, 0]);
        const revelation = sealed.prepared.revelation;
        const record = castRecord(crypto, sealed, 'Thông qua?');
        assert.ok(revelation.randomness.every((r) => r === ''), 'the randomness is wiped');
        assert.ok(revelation.choices.every((m) => m === -1), 'the choices are wiped');
        assert.deepEqual(castBody(record), { paper: record.sealed });
        assert.deepEqual(castBody({ choice: 'YES' }), { choice: 'YES' }, 'a legacy paper is sent as before');
        assert.throws(() => castRecord(crypto, sealed, 'Thông qua?'));
    });

    test('the pure parts: a revealed paper is spent and can never be cast', async () => {
        const crypto = await loadCrypto();
        const ballot = prepareChecked(crypto, APPROVAL);
        const sealed = seal(crypto, ballot, [0, 0, 1]);
        const { entry, verdict } = revealSealed(crypto, ballot, sealed);
        assert.equal(verdict, true);
        assert.deepEqual(entry.choices, [0, 0, 1], 'the revelation keeps its copy');
        assert.equal(sealed.prepared, null);
        assert.throws(() => castRecord(crypto, sealed, 'Thông qua?'), /never cast/);
        assert.throws(() => revealSealed(crypto, ballot, sealed));
    });
});

describe('audit (Benaloh): checked, shown opened, never cast; a fresh paper after it', () => {
    test('the revelation is posted without the session, checked here, and the next paper is new', async () => {
        showBallot(APPROVAL);
        steps.choose(button('YES'));
        await confirmAndSeal();
        const firstReceipt = state.e2e.receipt;
        answer = (url, init) => (init.method === 'POST' ? { status: 200, body: { audited: true, tracker: 'x' } }
            : recorded(APPROVAL)(url, init));
        await e2e.auditPaper();
        assert.equal(state.step, 'audited');
        assert.equal(posts().length, 1);
        const [post] = posts();
        assert.equal(post.url, '/api/ballots/11/audited');
        assert.equal(post.init.credentials, 'omit');
        assert.deepEqual(Object.keys(post.body).sort(),
            ['bitProofs', 'choices', 'ciphertexts', 'paperId', 'randomness', 'totalProof', 'tracker']);
        assert.deepEqual(post.body.choices, [1, 0, 0]);
        assert.equal(receiptOf(post.body.tracker), firstReceipt);
        assert.ok(checkRevelation(prepareBallot(APPROVAL), post.body), 'what was posted opens');
        assert.deepEqual(state.e2e.audit.labels, ['Đồng ý']);
        assert.equal(state.e2e.audit.verdict, true);
        assert.deepEqual(elements.get('vote-e2e-opened-list').children.map((item) => item.textContent), ['Đồng ý']);
        assert.equal(elements.get('vote-e2e-verdict').textContent, TEXTS.e2eAuditedGood);
        assert.equal(elements.get('vote-e2e-listed').textContent, TEXTS.e2eAuditedListed);
        assert.equal(papers.load('11'), null, 'nothing of an audited paper is kept');

        e2e.castPaper(); // the revealed paper: never cast
        assert.equal(puts().length, 0);

        await e2e.sealPaper(); // "seal a new paper", for the same choice
        assert.equal(state.step, 'check');
        assert.notEqual(state.e2e.receipt, firstReceipt);
        e2e.castPaper();
        await until(() => state.step === 'recorded', 'the answer');
        const { paper } = puts()[0].body;
        assert.notEqual(paper.paperId, post.body.paperId, 'a fresh paper id');
        const audited = new Set(post.body.ciphertexts.map((ct) => ct.alpha));
        assert.ok(paper.ciphertexts.every((ct) => !audited.has(ct.alpha)), 'fresh randomness: no α of the audited paper');
        assert.deepEqual(open(paper), [1, 0, 0], 'the same choice');
    });

    test('an audit the server does not list still shows the paper opened, with the reason', async () => {
        showBallot(APPROVAL);
        steps.choose(button('NO'));
        await confirmAndSeal();
        answer = () => ({ status: 409, body: { error: 'ballot.notOpenForVotes', message: 'Biểu quyết đã kết thúc.' } });
        await e2e.auditPaper();
        assert.equal(state.step, 'audited');
        assert.equal(state.e2e.audit.verdict, true);
        assert.equal(elements.get('vote-e2e-listed').textContent, TEXTS.e2eAuditedNotListed + ' Biểu quyết đã kết thúc.');
        answer = () => new Error('offline');
        await e2e.sealPaper();
        await e2e.auditPaper();
        assert.equal(elements.get('vote-e2e-listed').textContent, TEXTS.e2eAuditedNotListed + ' ' + TEXTS.e2eAuditedUnreached);
        assert.equal(puts().length, 0);
    });
});

describe('the server renders the page again meanwhile', () => {
    test('the steps of a sealed paper stay through a rendering; a paper waiting for its answer goes to sending', () => {
        for (const step of ['sealing', 'check', 'auditing', 'audited']) {
            assert.equal(stepAfterRender('open', null, false, step), step);
            assert.equal(stepAfterRender('closed', null, false, step), 'none');
        }
        assert.equal(stepAfterRender('open', { state: 'pending', sealed: {} }, false, 'check'), 'sending');
        const texts = { e2eSealing: 'n', e2eChipCheck: 'k', e2eChipAudited: 'a' };
        assert.deepEqual(['sealing', 'check', 'auditing', 'audited'].map((step) => chipWords(step, 'open', false, texts)),
            ['n', 'k', 'a', 'a']);
    });

    test('a rendering of the same ballot keeps the sealed paper castable; another ballot drops it', async () => {
        showBallot(APPROVAL);
        steps.choose(button('YES'));
        await confirmAndSeal();
        const receipt = state.e2e.receipt;
        rendered();
        assert.equal(state.step, 'check');
        assert.equal(elements.get('vote-e2e-receipt').firstElementChild.textContent, receipt, 'shown again');
        answer = recorded(APPROVAL);
        e2e.castPaper();
        await until(() => state.step === 'recorded', 'the answer');
        assert.equal(puts().length, 1);

        showBallot({ ...ELECTION });
        state.ballot = '12';
        steps.toggle(button('C2'));
        steps.next();
        await confirmAndSeal();
        voteBox.dataset.ballot = '99'; // the chair moved on to another ballot
        rendered();
        assert.equal(state.step, 'choose');
        e2e.castPaper();
        assert.equal(puts().length, 1, 'the dropped paper is never sent');
    });
});

describe('a ballot the device cannot vouch for is refused', () => {
    test('a context that does not recompute: no paper, a translated refusal, nothing sent or kept', async () => {
        const wrong = { ...APPROVAL, context: 'ab'.repeat(32) };
        showBallot(wrong);
        steps.choose(button('YES'));
        steps.confirm();
        await until(() => state.step === 'refused', 'the refusal');
        assert.equal(state.refusal, TEXTS.e2eMismatch);
        assert.equal(calls.length, 0);
        assert.equal(storage.length, 0);
    });

    test('a question changed after the context was computed is refused too', async () => {
        showBallot({ ...APPROVAL, question: 'Thông qua báo cáo khác?' });
        steps.choose(button('YES'));
        steps.confirm();
        await until(() => state.step === 'refused', 'the refusal');
        assert.equal(state.refusal, TEXTS.e2eMismatch);
    });

    test('unreadable fields are refused, never sent as a legacy choice', async () => {
        showBallot(APPROVAL, { attribute: '{broken' });
        steps.choose(button('YES'));
        steps.confirm();
        await until(() => state.step === 'refused', 'the refusal');
        assert.equal(calls.length, 0);
    });

    test('without data-election the ballot is legacy: {"choice"} as before', async () => {
        showBallot(APPROVAL, { attribute: null });
        steps.choose(button('YES'));
        answer = () => ({ status: 200, body: { recorded: true, receipt: 'AAAA-BBBB-CCCC-DDDD' } });
        steps.confirm();
        await until(() => state.step === 'recorded', 'the answer');
        assert.deepEqual(puts()[0].body, { choice: 'YES' });
        assert.equal(papers.load('11').receipt, 'AAAA-BBBB-CCCC-DDDD');
    });
});
