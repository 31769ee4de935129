/*
 * Quorum — the delegate's tablet: sending a paper until its answer is known.
 *
 * The paper id (128 random bits) is drawn when the delegate confirms and kept on the device (papers.js) with the choice
 * until the server gives a definitive answer. A send that fails (network error, no answer within 5 s, a 5xx) is sent
 * again with the same paper, with growing pauses, for as long as the page lives, and again at once when the
 * connection is back: the server counts a paper once and answers a repeated one with the same receipt. After a
 * refusal the Faces state is refreshed; a recorded vote turns the box voted on the device. An end-to-end ballot's
 * paper (sealing.js) is sent the same way, its body always the same sealed paper, and its receipt is its tracker's,
 * which the delegate saw before casting.
 */
import {retryPause} from './api.js';
import {connectionBack, connectionLost, signedOut, whenBack} from './connection.js';
import {$, CHECK_OFFLINE_EVERY, box, call, papers, refreshFaces, state, texts} from './page.js';
import {announce, focusChip, show} from './render.js';
import {markVoted} from './face.js';
import {rendered} from './rendered.js';
import {castBody} from './sealing.js';

export function send(ballot) {
    const record = papers.load(ballot);
    if (!record || record.state !== 'pending' || state.inFlight[ballot] || state.signedOut) {
        return;
    }
    clearTimeout(state.retries[ballot]);
    delete state.retries[ballot];
    state.inFlight[ballot] = true;
    call('PUT', 'ballots/' + ballot + '/papers/' + record.paper, castBody(record)).then((answer) => {
        delete state.inFlight[ballot];
        if (answer.kind === 'json' && answer.status === 200 && answer.body.recorded) {
            const receipt = record.sealed ? record.receipt : answer.body.receipt;
            papers.save(ballot, {paper: record.paper, state: 'recorded', receipt, question: record.question});
            connectionBack(); // after the save: what it sends again (sendPending) is no longer this paper
            settled(ballot, true, null, receipt, record.question);
        } else if (answer.kind === 'json' && answer.status >= 400) {
            const already = answer.body.error === 'ballot.alreadyVoted';
            if (already) {
                papers.save(ballot, {state: 'elsewhere', question: record.question});
            } else {
                papers.forget(ballot);
            }
            connectionBack();
            settled(ballot, already, answer.body.message || texts.failed, null, record.question);
        } else if (answer.kind === 'signedOut') {
            signedOut();
        } else if (answer.kind === 'failed') {
            papers.forget(ballot);
            settled(ballot, false, texts.failed + ' (' + answer.status + ')', null, record.question);
        } else {
            state.attempts++;
            connectionLost();
            state.retries[ballot] = setTimeout(() => {
                send(ballot);
            }, retryPause(state.attempts));
            show();
        }
    });
}

/**
 * A definitive answer about a paper: show it. After a recorded vote the box becomes the voted face the server would
 * now render (face.js markVoted), so the tablet asks nothing more — a hall's 2,000 tablets do not ask for 2,000
 * renderings just after voting (issue 15); after a refusal the server renders the state that follows.
 */
function settled(ballot, recorded, message, receipt, question) {
    state.attempts = 0;
    const voting = ballot === state.ballot && state.view === 'open';
    if (ballot === state.ballot && state.view === 'open') {
        state.step = recorded ? 'recorded' : 'refused';
        state.refusal = message;
        state.chosen = [];
        state.blank = false;
        show();
        focusChip();
        announce(recorded ? texts.recorded + (receipt ? '. ' + texts.receipt + ' ' + receipt : '') : texts.notRecorded + ' ' + message);
    } else if (ballot === state.ballot) {
        const late = $('vote-late');
        if (late && !recorded) {
            late.textContent = texts.notRecorded + ' ' + message;
            late.hidden = false;
        }
    } else {
        const earlier = $('vote-earlier');
        earlier.textContent = (recorded ? texts.earlierRecorded : texts.earlierRefused)
                .replace('{0}', question || '').replace('{1}', recorded ? (receipt || '') : message);
        earlier.hidden = false;
    }
    const b = box();
    if (recorded && b && voting) {
        markVoted(b);
        rendered();
    } else {
        refreshFaces();
    }
}

/** The server says this delegate voted, the device has no receipt yet: ask with the device's paper. */
function lookUp(ballot) {
    const record = papers.load(ballot);
    if (!record || !record.paper || state.inFlight[ballot] || state.signedOut) {
        return;
    }
    state.inFlight[ballot] = true;
    call('GET', 'ballots/' + ballot + '/participation?paper=' + record.paper).then((answer) => {
        delete state.inFlight[ballot];
        if (answer.kind === 'json' && answer.status === 200) {
            connectionBack();
            if (answer.body.receipt) {
                papers.save(ballot, {paper: record.paper, state: 'recorded', receipt: answer.body.receipt, question: record.question});
            } else if (answer.body.voted) {
                papers.save(ballot, {state: 'elsewhere', question: record.question});
            }
            if (!answer.body.voted) {
                send(ballot); // not in the box after all: the paper is still to be sent
            }
            show();
        } else if (answer.kind === 'signedOut') {
            signedOut();
        } else if (answer.kind === 'retry') {
            connectionLost();
            state.retries[ballot] = setTimeout(() => {
                lookUp(ballot);
            }, CHECK_OFFLINE_EVERY);
        }
    });
}

/** Every paper still waiting for its answer: sent again, looked up, or dropped with a cancelled ballot. */
export function sendPending() {
    papers.pending().forEach((ballot) => {
        const b = box();
        if (ballot === state.ballot && b && b.dataset.voted === 'true') {
            lookUp(ballot);
        } else if (ballot === state.ballot && state.view === 'cancelled') {
            papers.forget(ballot);
        } else {
            send(ballot);
        }
    });
}

whenBack(sendPending);
