/**
 * The trustee's part of the count, on their own device (election record specification §6). For a closed end-to-end
 * ballot the device fetches the published box — every accepted and audited paper, the ballot's public fields and the
 * turnout —, recomputes the ballot's context, checks every paper (shape, encodings, tracker, every proof in one batch,
 * no repeated paper id or α) and that there are exactly as many papers as participations, computes the sums itself,
 * and only then decrypts those sums with its key share, each with a Chaum–Pedersen proof (crypto/decryption.js
 * decryptBox). The key share is opened from the backup kept in this browser (or a backup file the trustee chooses)
 * with the trustee's passphrase; it never leaves the device. The server checks the proofs and counts once t trustees
 * have answered.
 *
 * @module quorum/trustee/count
 */
import { prepareBallot } from '../crypto/paper.js';
import { decryptBox } from '../crypto/decryption.js';
import { kept, openSecrets } from '../crypto/vault.js';

const root = document.getElementById('trustee-count');
const words = root.dataset;
const $ = (id) => document.getElementById(id);
const POLL = 5000;
let chosen = null; // the ballot the trustee asked to decrypt
let busy = false;

/** One call to the count API: the JSON answer, or an Error with the server's translated message. */
async function call(method, path, body) {
    const response = await fetch(words.api + path, {
        method, credentials: 'same-origin', cache: 'no-store',
        headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 401) {
        throw new Error(words.signedOut);
    }
    const json = await response.json().catch(() => null);
    if (!response.ok) {
        throw new Error(json && typeof json.message === 'string' ? json.message : words.offline);
    }
    return json;
}

function say(text) {
    $('count-status').textContent = text;
}

function fail(text) {
    const error = $('count-error');
    error.textContent = text;
    error.hidden = !text;
}

function stateText(ballot) {
    const progress = words.progress.replace('{0}', ballot.decryptions).replace('{1}', ballot.threshold);
    return (words['state' + ballot.state.charAt(0) + ballot.state.slice(1).toLowerCase()] || ballot.state) + ' · ' + progress;
}

/** The list of closed ballots of the meeting, each with what this trustee can do. */
async function list() {
    let ballots;
    try {
        ballots = await call('GET', 'ballots');
    } catch (error) {
        fail(error.message);
        return;
    }
    const items = $('count-list');
    items.replaceChildren(...ballots.map((ballot) => {
        const item = document.createElement('li');
        item.className = 'q-count-ballot q-count-' + ballot.state.toLowerCase();
        item.dataset.ballot = ballot.ballotId;
        const question = document.createElement('p');
        question.className = 'q-count-question';
        question.textContent = ballot.question;
        const state = document.createElement('p');
        state.className = 'q-help q-count-state';
        state.textContent = stateText(ballot) + ' · ' + words.turnout.replace('{0}', ballot.turnout);
        item.append(question, state);
        if (ballot.state === 'AWAITING') {
            const button = document.createElement('button');
            button.type = 'button';
            button.className = 'q-trustee-button q-trustee-primary q-count-decrypt';
            button.textContent = words.decrypt;
            button.addEventListener('click', () => choose(ballot));
            item.append(button);
        }
        return item;
    }));
    $('count-empty').hidden = ballots.length > 0;
}

function choose(ballot) {
    chosen = ballot;
    fail('');
    $('count-chosen').textContent = ballot.question;
    $('count-unlock').hidden = false;
    $('count-pass').focus();
}

/** The trustee's backup: the one this browser keeps for the ceremony, or the file chosen. */
async function backupFor(header) {
    const file = $('count-file').files[0];
    if (file) {
        return JSON.parse(await file.text());
    }
    return kept(window.localStorage, header);
}

async function decrypt(event) {
    event.preventDefault();
    if (!chosen || busy) {
        return;
    }
    busy = true;
    fail('');
    try {
        say(words.fetching);
        const box = await call('GET', 'ballots/' + chosen.ballotId + '/box');
        const header = { meetingId: box.ballot.meetingId, ceremonyId: box.ceremonyId, index: box.index };
        const backup = await backupFor(header);
        if (!backup) {
            throw new Error(words.noBackup);
        }
        if (backup.meetingId !== header.meetingId || backup.ceremonyId !== header.ceremonyId || backup.index !== header.index) {
            throw new Error(words.otherBackup);
        }
        say(words.opening);
        let secrets;
        try {
            secrets = await openSecrets({ passphrase: $('count-pass').value, backup });
        } catch {
            throw new Error(words.wrongPassphrase);
        }
        if (secrets.keyShare === null) {
            throw new Error(words.noKeyShare);
        }
        const ballot = prepareBallot(box.ballot);
        if (ballot.context !== box.ballot.context) {
            throw new Error(words.context);
        }
        say(words.checking.replace('{0}', box.papers.length));
        await new Promise((resolve) => setTimeout(resolve, 30)); // let the page say so before the work
        const started = performance.now();
        const done = decryptBox({ ballot, papers: box.papers, audited: box.audited, turnout: box.turnout, index: box.index,
            keyShare: secrets.keyShare, aggregate: box.aggregate ?? undefined });
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        const answer = await call('PUT', 'ballots/' + chosen.ballotId + '/decryption', done.decryption);
        say((answer.counted ? words.counted : words.accepted).replace('{0}', done.papers).replace('{1}', seconds));
        $('count-unlock').hidden = true;
        $('count-pass').value = '';
        chosen = null;
    } catch (error) {
        say('');
        fail(error.message);
    } finally {
        busy = false;
        list();
    }
}

$('count-unlock').addEventListener('submit', decrypt);
list();
setInterval(() => {
    if (!busy) {
        list();
    }
}, POLL);
