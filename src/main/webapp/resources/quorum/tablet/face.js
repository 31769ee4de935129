/*
 * Quorum — the delegate's tablet: an open ballot drawn from its face. The face (TabletFaces on the server: id, kind,
 * question, item, options, seats, min, blank, rollCall, and an end-to-end ballot's public fields) comes with the page
 * (#vote-box data-face) or with the push that opens the ballot (push.js); the markup is the page's template
 * (#vote-open-template, WEB-INF/includes/vote-open.xhtml), the same for every ballot. So a hall's tablets show a ballot
 * the moment its push arrives, without asking the server, and look exactly as after a rendering by the server.
 */
import {$, box, texts} from './page.js';

/** Which elements of the template stay, by their data-when. */
const WHEN = {
    rollCall: (face) => face.rollCall,
    secret: (face) => !face.rollCall && !face.fields,
    e2e: (face) => !!face.fields,
    approval: (face) => face.kind !== 'ELECTION',
    election: (face) => face.kind === 'ELECTION',
    exact: (face) => face.min === face.seats,
    range: (face) => face.min !== face.seats,
    blank: (face) => !!face.blank
};

/** The face the box carries, or null. */
export function faceOf(b) {
    if (!b || !b.dataset.face) {
        return null;
    }
    try {
        return JSON.parse(b.dataset.face);
    } catch (notJson) {
        return null;
    }
}

/** Whether the box shows an open ballot that is not drawn yet (the server rendered its face only). */
export function undrawn(b) {
    return !!b && b.dataset.view === 'open' && !b.querySelector('#vote-step-choose');
}

function option(choice) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'q-vote-option q-vote-' + choice.code;
    button.dataset.choice = choice.code;
    button.dataset.code = choice.code;
    button.dataset.label = choice.label;
    button.textContent = choice.label;
    return button;
}

function candidate(choice) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'q-vote-candidate';
    button.setAttribute('aria-pressed', 'false');
    button.dataset.choice = String(choice.id);
    button.dataset.code = choice.code;
    button.dataset.label = choice.label;
    const tick = document.createElement('span');
    tick.className = 'q-vote-tick';
    tick.setAttribute('aria-hidden', 'true');
    const name = document.createElement('span');
    name.className = 'q-vote-candidate-name';
    name.textContent = choice.label;
    button.appendChild(tick);
    button.appendChild(name);
    return button;
}

/** {seats} and {min} in the template's words become the ballot's numbers. */
function numbers(root, face) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (node.nodeValue.indexOf('{') >= 0) {
            node.nodeValue = node.nodeValue.split('{seats}').join(String(face.seats)).split('{min}').join(String(face.min));
        }
    }
}

/** The faces of the ballot (TabletState.view). */
const VIEWS = ['waiting', 'none', 'open', 'noVote', 'absent', 'voted', 'closed', 'published', 'cancelled'];

/** Sets the box's face class (q-vote-is-VIEW), as the server renders it. */
function faceClass(b, view) {
    VIEWS.forEach((other) => b.classList.remove('q-vote-is-' + other));
    b.classList.add('q-vote-is-' + view);
}

/**
 * The delegate's vote on the ballot in the box was recorded: the box becomes what the server would render now — the
 * voted face, its signature's last part "voted" — without asking it.
 */
export function markVoted(b) {
    faceClass(b, 'voted');
    b.dataset.view = 'voted';
    b.dataset.voted = 'true';
    b.dataset.signature = String(b.dataset.signature || '').replace(/:not-voted$/, ':voted');
    const chip = $('vote-chip-text');
    if (chip) { // the words the server writes on the voted face (vote.state.voted)
        chip.dataset.server = texts.chipRecorded;
        chip.textContent = texts.chipRecorded;
    }
}

/**
 * A push closed the ballot in the box, or published its result: the box becomes the closed (or published) face the
 * server would render — the question stays, a recorded vote's receipt too, the steps of choosing go — with the
 * signature the server would render now (the meeting's part from the push, the delegate's own as it was).
 */
export function closeFace(b, status, signature) {
    const view = status === 'PUBLISHED' ? 'published' : 'closed';
    Array.prototype.slice.call(b.querySelectorAll('.q-vote-step, .q-vote-notice, .q-vote-state')).forEach((element) => {
        if (element.id !== 'vote-step-recorded' || b.dataset.voted !== 'true') {
            element.remove();
        }
    });
    const closed = document.createElement('div');
    closed.className = 'q-vote-state q-vote-closed q-vote-closed-' + view;
    const words = document.createElement('p');
    words.textContent = view === 'published' ? texts.closedPublished : texts.closedClosed;
    closed.appendChild(words);
    const late = document.createElement('p');
    late.id = 'vote-late';
    late.className = 'q-vote-help-small q-vote-late';
    late.setAttribute('role', 'alert');
    late.hidden = true;
    b.appendChild(closed);
    b.appendChild(late);
    faceClass(b, view);
    b.dataset.view = view;
    b.dataset.step = b.dataset.voted === 'true' ? 'recorded' : 'none';
    b.dataset.signature = signature;
    delete b.dataset.face;
    const chip = $('vote-chip-text');
    if (chip) {
        chip.dataset.server = view === 'published' ? texts.statePublished : texts.stateClosed;
        chip.textContent = chip.dataset.server;
    }
    const parts = String(signature).split(':');
    const now = $('delegate:now');
    if (now && parts[2] === 'i-') { // no item is current and no ballot open: what comes next (TabletState.now 'waiting')
        now.textContent = '';
        const title = document.createElement('p');
        title.className = 'q-now-title';
        title.textContent = texts[WAITING[parts[1]]] || '';
        now.appendChild(title);
    }
}

/** The words of the meeting's status while nothing is current (delegate.waiting.STATUS, the vote-texts data). */
const WAITING = {DRAFT: 'waitingDraft', SCHEDULED: 'waitingScheduled', IN_SESSION: 'waitingInSession', CLOSED: 'waitingClosed'};

/** Draws the open ballot of the face into the box, and sets the box's facts the other parts read. */
export function draw(b, face) {
    const template = $('vote-open-template');
    if (!template) {
        return;
    }
    const content = template.content.cloneNode(true);
    content.querySelectorAll('[data-when]').forEach((element) => {
        const rule = WHEN[element.dataset.when];
        if (rule && rule(face)) {
            element.removeAttribute('data-when');
        } else {
            element.remove();
        }
    });
    numbers(content, face);
    const item = content.querySelector('.q-vote-item');
    if (face.item) {
        item.textContent = face.item;
    } else {
        item.remove();
    }
    content.querySelector('#vote-question').textContent = face.question;
    const election = face.kind === 'ELECTION';
    const group = content.querySelector(election ? '.q-vote-candidates' : '.q-vote-options');
    face.options.forEach((choice) => group.appendChild(election ? candidate(choice) : option(choice)));
    faceClass(b, 'open');
    Object.assign(b.dataset, {view: 'open', ballot: String(face.id), kind: face.kind, seats: String(face.seats),
        min: String(face.min), blank: String(!!face.blank), step: 'choose'});
    if (face.fields) {
        b.dataset.election = face.fields;
    } else {
        delete b.dataset.election;
    }
    b.textContent = '';
    b.appendChild(content);
}

/**
 * A push opened a ballot this delegate may vote on: the box becomes it, with the signature the server would render
 * now (the meeting's part from the push, the delegate's own: may vote, present, not voted yet).
 */
export function open(face, signature) {
    const b = box();
    b.dataset.face = JSON.stringify(face);
    b.dataset.signature = signature;
    b.dataset.voted = 'false';
    draw(b, face);
    const now = $('delegate:now');
    if (now && signature.split(':')[2] === 'i-') { // no item is current: the delegate is voting (TabletState.now)
        now.textContent = '';
        const label = document.createElement('p');
        label.className = 'q-now-label';
        label.textContent = texts.votingNow;
        const title = document.createElement('p');
        title.className = 'q-now-title';
        title.textContent = face.item || face.question;
        now.appendChild(label);
        now.appendChild(title);
    }
}
