/**
 * The trustee's device in the key ceremony (delegate/trustee.xhtml; election record specification §2): the trustee
 * chooses a passphrase, then the device does round 1 (device key and commitments), waits for the others, round 2
 * (a share encrypted for every other trustee), round 3 (checks the shares it received with Feldman's check, forms its
 * key share and publishes the verification key — or complains, naming the trustee whose share is bad), keeps its
 * secrets in the browser's storage encrypted under the passphrase (vault.js) and offers the backup file. The page asks
 * the server every few seconds where the ceremony stands (no push); a restart by the secretary starts the device anew.
 * Nothing secret is ever sent: only what trustee.js marks as published.
 *
 * @module quorum/trustee/main
 */
import { beginCeremony, checkRound1, receiveShares, sendShares } from '../crypto/trustee.js';
import { backupFile, keep, kept, openSecrets, sealSecrets } from '../crypto/vault.js';
import { ceremonyContext } from '../crypto/contexts.js';
import { G, mul, pointToHex } from '../crypto/group.js';
import { proveKnowledge } from '../crypto/schnorr.js';
import { commitmentsOf } from '../crypto/sharing.js';
import { trusteeApi } from './api.js';
import { nextStep } from './flow.js';

const POLL_MS = 3000;
const texts = document.getElementById('trustee-texts').dataset;
const api = trusteeApi(texts.api);
const $ = (id) => document.getElementById(id);
const storage = window.localStorage;

let view = null;
/** The open secrets of the current ceremony: {ceremonyId, secrets, passphrase}; only in memory. */
let opened = null;
let busy = false;
let stopped = false;

const format = (text, ...values) => text.replace(/\{(\d)\}/g, (whole, i) => String(values[Number(i)]));

function say(text) {
    const step = $('trustee-step');
    if (step.textContent !== text) {
        step.textContent = text;
    }
}

function problem(text) {
    const error = $('trustee-error');
    error.textContent = text || '';
    error.hidden = !text;
}

function showOnly(formId) {
    for (const id of ['trustee-passphrase', 'trustee-unlock']) {
        const form = $(id);
        const show = id === formId;
        if (form.hidden === show) {
            form.hidden = !show;
            if (show) {
                form.querySelector('input').focus();
            }
        }
    }
}

function header() {
    return { meetingId: view.meetingId, ceremonyId: view.ceremonyId, index: view.index };
}

function keptBackup() {
    try {
        return kept(storage, header());
    } catch {
        return null;
    }
}

function roleOf(role) {
    return { CHAIR: texts.roleChair, SECRETARY: texts.roleSecretary,
        COUNTING_COMMITTEE: texts.roleCountingCommittee }[role] || role;
}

function nameOf(index) {
    const trustee = view.trustees.find((candidate) => candidate.index === index);
    return trustee ? trustee.name : String(index);
}

function render() {
    const body = $('trustee-progress').querySelector('tbody');
    body.replaceChildren(...view.trustees.map((trustee) => {
        const row = document.createElement('tr');
        const cell = (text, done) => {
            const td = document.createElement('td');
            td.textContent = text;
            if (done !== undefined) {
                td.className = 'q-round q-round-' + done;
            }
            return td;
        };
        const who = document.createElement('td');
        const name = document.createElement('strong');
        name.textContent = trustee.name + (trustee.index === view.index ? ' ' + texts.you : '');
        const role = document.createElement('span');
        role.className = 'q-muted';
        role.textContent = roleOf(trustee.role);
        who.append(name, document.createElement('br'), role);
        const third = trustee.complaint !== null ? texts.complained
            : trustee.verificationKey !== null ? texts.done : texts.notDone;
        row.append(cell(String(trustee.index)), who,
            cell(trustee.roundOne !== null ? texts.done : texts.notDone, trustee.roundOne !== null),
            cell(trustee.sharesSent ? texts.done : texts.notDone, trustee.sharesSent),
            cell(third, trustee.complaint !== null ? 'warn' : trustee.verificationKey !== null));
        return row;
    }));
    $('trustee-progress').hidden = false;
    const me = view.trustees.find((trustee) => trustee.index === view.index);
    $('trustee-backup').hidden = !(me.verificationKey !== null && keptBackup() !== null);
}

/** The round-1 publication again from the kept secrets (the answer to the first was lost). */
function roundOneOf(context, secrets) {
    const commitments = commitmentsOf(secrets.polynomial);
    const E = mul(G, secrets.deviceKey);
    return { index: view.index, deviceKey: pointToHex(E),
        deviceKeyProof: proveKnowledge({ tag: 'device', ceremonyContext: context, index: view.index, x: secrets.deviceKey, X: E }),
        commitments: commitments.map(pointToHex),
        commitmentProof: proveKnowledge({ tag: 'commitment', ceremonyContext: context, index: view.index,
            x: secrets.polynomial[0], X: commitments[0] }) };
}

function roundOnes() {
    return view.trustees.map((trustee) => trustee.roundOne);
}

async function act(next, context) {
    const me = view.trustees.find((trustee) => trustee.index === view.index);
    if (next.step !== 'choose') {
        showOnly(next.step === 'unlock' ? 'trustee-unlock' : null);
    }
    switch (next.step) {
    case 'failed': {
        const complainant = view.trustees.find((trustee) => trustee.complaint !== null);
        if (me.complaint !== null) {
            say(format(texts.badShare, nameOf(me.complaint.against), me.complaint.against));
            problem(texts.failed);
        } else if (complainant) {
            const against = complainant.complaint.against;
            say(format(texts.failedComplaint, complainant.name, nameOf(against), against));
        } else {
            say(texts.failed);
        }
        return;
    }
    case 'ready':
        say(texts.ready);
        return;
    case 'choose':
        say(texts.choose);
        showOnly('trustee-passphrase');
        return;
    case 'unlock':
        say(texts.unlock);
        return;
    case 'noSecrets':
        say(texts.noSecrets);
        return;
    case 'round1': {
        say(texts.round1);
        const published = roundOneOf(context, opened.secrets);
        view = await api.roundOne(view.ceremonyId, published);
        return;
    }
    case 'wait1':
    case 'wait2':
    case 'wait3':
        say(format(texts[next.step], next.done, next.of));
        return;
    case 'round2': {
        say(texts.round2);
        const bad = checkRound1({ ceremonyContext: context, n: view.n, t: view.t, trustees: roundOnes() });
        if (bad.length > 0) {
            say(format(texts.badRound1, bad.map(nameOf).join(', ')));
            return;
        }
        const shares = sendShares({ ceremonyContext: context, index: view.index, secrets: opened.secrets,
            trustees: roundOnes() });
        view = await api.shares(view.ceremonyId, shares);
        return;
    }
    case 'round3': {
        say(texts.round3);
        let published;
        if (opened.secrets.keyShare != null) { // formed and kept before; the answer to the publication was lost
            const x = opened.secrets.keyShare;
            const X = mul(G, x);
            published = { index: view.index, verificationKey: pointToHex(X),
                verificationKeyProof: proveKnowledge({ tag: 'share', ceremonyContext: context, index: view.index, x, X }) };
        } else {
            const result = receiveShares({ ceremonyContext: context, index: view.index, secrets: opened.secrets,
                trustees: roundOnes(), boxes: view.boxes });
            if (result.complaints.length > 0) {
                const against = result.complaints[0];
                say(format(texts.badShare, nameOf(against), against));
                view = await api.complaint(view.ceremonyId, against);
                return;
            }
            say(texts.sealing);
            const secrets = { deviceKey: opened.secrets.deviceKey, keyShare: result.keyShare, polynomial: null };
            keep(storage, await sealSecrets({ passphrase: opened.passphrase, ...header(), secrets }));
            opened.secrets = secrets;
            published = result.published;
        }
        view = await api.verificationKey(view.ceremonyId, published);
        render();
        return;
    }
    default:
        return;
    }
}

async function tick() {
    if (busy || stopped) {
        return;
    }
    busy = true;
    try {
        view = await api.ceremony();
        problem(null);
        const context = ceremonyContext({ meetingId: view.meetingId, ceremonyId: view.ceremonyId, n: view.n, t: view.t });
        if (context !== view.ceremonyContext) {
            say(texts.context);
            return;
        }
        if (opened !== null && opened.ceremonyId !== view.ceremonyId) {
            opened = null; // the secretary restarted the ceremony: a new id, everything begins again
        }
        render();
        const next = nextStep(view, { unlocked: opened !== null, kept: keptBackup() !== null,
            keyShare: opened !== null && opened.secrets.keyShare != null });
        await act(next, context);
        render();
    } catch (error) {
        failed(error);
    } finally {
        busy = false;
    }
}

function failed(error) {
    if (error.kind === 'signedOut') {
        stopped = true;
        problem(texts.signedOut);
    } else if (error.kind === 'offline') {
        problem(texts.offline);
    } else if (error.kind === 'refused') {
        problem(error.message);
    } else {
        problem(texts.failed + ' (' + error.message + ')');
    }
}

/** Runs a step the trustee started (a form), with the poll held back meanwhile. */
async function exclusive(work) {
    while (busy) {
        await new Promise((resolve) => setTimeout(resolve, 100));
    }
    busy = true;
    try {
        await work();
    } catch (error) {
        failed(error);
    } finally {
        busy = false;
    }
    await tick();
}

$('trustee-passphrase').addEventListener('submit', (event) => {
    event.preventDefault();
    const first = $('trustee-pass1').value;
    const second = $('trustee-pass2').value;
    if (first.length === 0) {
        problem(texts.empty);
        return;
    }
    if (first !== second) {
        problem(texts.mismatch);
        return;
    }
    problem(null);
    exclusive(async () => {
        const button = $('trustee-begin');
        button.disabled = true;
        try {
            const context = ceremonyContext({ meetingId: view.meetingId, ceremonyId: view.ceremonyId, n: view.n, t: view.t });
            say(texts.round1);
            const { secrets, published } = beginCeremony({ ceremonyContext: context, index: view.index, t: view.t });
            say(texts.sealing);
            keep(storage, await sealSecrets({ passphrase: first, ...header(), secrets }));
            opened = { ceremonyId: view.ceremonyId, secrets, passphrase: first };
            $('trustee-pass1').value = '';
            $('trustee-pass2').value = '';
            showOnly(null);
            say(texts.round1);
            view = await api.roundOne(view.ceremonyId, published);
        } finally {
            button.disabled = false;
        }
    });
});

$('trustee-unlock').addEventListener('submit', (event) => {
    event.preventDefault();
    const passphrase = $('trustee-unlock-pass').value;
    if (passphrase.length === 0) {
        problem(texts.empty);
        return;
    }
    exclusive(async () => {
        const backup = keptBackup();
        try {
            say(texts.sealing);
            const secrets = await openSecrets({ passphrase, backup });
            opened = { ceremonyId: backup.ceremonyId, secrets, passphrase };
            $('trustee-unlock-pass').value = '';
            showOnly(null);
            problem(null);
        } catch {
            say(texts.unlock);
            problem(texts.wrong);
        }
    });
});

$('trustee-download').addEventListener('click', () => {
    const file = backupFile(keptBackup());
    const link = document.createElement('a');
    link.href = URL.createObjectURL(new Blob([file.text], { type: 'application/json' }));
    link.download = file.name;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    $('trustee-downloaded').hidden = false;
});

tick();
setInterval(tick, POLL_MS);
