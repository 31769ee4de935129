/*
 * Quorum — the delegate's tablet: choosing, confirming and sending a vote over flaky Wi-Fi.
 *
 * The server renders which face of the ballot the tablet shows (#vote-box data-view: waiting, none, open, noVote, absent,
 * voted, closed, published, cancelled). Inside an open ballot this script moves between the steps choose → confirm →
 * sending → recorded (or refused) on the device, and sends the vote through the casting API:
 *
 *   PUT  {api}ballots/{ballot}/papers/{paper}   {"choice": "YES"}  → 200 {"receipt": …}, or 409 / 400 {"error", "message"}
 *   GET  {api}ballots/{ballot}/participation?paper={paper}        → {"voted": bool, "receipt": … or null}
 *   GET  {api}tablet                                              → {"signature": …}  (the light periodic check)
 *   any of them, signed out → 401 {"error": "api.signedOut", …}; the database away → 503 with Retry-After
 *
 * The paper id (128 random bits from crypto.getRandomValues) is drawn when the delegate confirms and kept in
 * sessionStorage with the choice until the server gives a definitive answer. A send that fails (network error, no
 * answer within 5 s, a 5xx) is sent again with the same paper, with growing pauses, for as long as the page lives,
 * and again at once when the connection is back: the server counts a paper once and answers a repeated one with the
 * same receipt. A reloaded page picks up where it was. A 401 (or 403) means the session is over, and so does a
 * redirect or a page instead of JSON (a proxy's sign-in, say): the paper waits until the delegate has signed in again.
 *
 * The connection is watched through the Faces websocket, the browser's online/offline events, failed requests and
 * a light check every 12 s (every 3 s while it is lost); when it comes back the page is re-rendered from the server,
 * so it shows the true state whatever happened meanwhile. After each definitive answer the Faces state is refreshed.
 */
(function (window, document) {
    'use strict';

    var TIMEOUT = 5000;
    var CHECK_EVERY = 12000;
    var CHECK_OFFLINE_EVERY = 3000;
    var LONGEST_PAUSE = 15000;
    var PUSH = 'delegate:push';
    var memory = {}; // when sessionStorage is not available

    var texts = {};
    var state = {
        ballot: null, // the ballot in view
        view: null,
        step: null, // choose, confirm, sending, recorded, refused, none
        chosen: [], // the chosen option codes (approval) or ids (election), in ballot order
        blank: false,
        refusal: null,
        attempts: 0,
        online: true,
        signedOut: false,
        pushClosed: false,
        inFlight: {},
        retries: {},
        probeTimer: null,
        focus: null,
        announced: null,
        now: null
    };

    function $(id) {
        return document.getElementById(id);
    }

    function box() {
        return $('vote-box');
    }

    // ------------------------------------------------------------------ the device's papers, per delegate and ballot

    function prefix() {
        var b = box();
        return 'quorum.vote.' + (b ? b.dataset.participant : '') + '.';
    }

    function load(ballot) {
        var raw = null;
        try {
            raw = window.sessionStorage.getItem(prefix() + ballot);
        } catch (e) {
            raw = memory[prefix() + ballot] || null;
        }
        try {
            return raw ? JSON.parse(raw) : null;
        } catch (e) {
            return null;
        }
    }

    function save(ballot, record) {
        memory[prefix() + ballot] = JSON.stringify(record);
        try {
            window.sessionStorage.setItem(prefix() + ballot, memory[prefix() + ballot]);
        } catch (e) {
            // private mode: the page's memory keeps it while it lives
        }
    }

    function forget(ballot) {
        delete memory[prefix() + ballot];
        try {
            window.sessionStorage.removeItem(prefix() + ballot);
        } catch (e) {
            // nothing kept
        }
    }

    /** The ballots with a paper waiting for its answer. */
    function pendingBallots() {
        var found = [];
        var keys = Object.keys(memory);
        try {
            for (var i = 0; i < window.sessionStorage.length; i++) {
                keys.push(window.sessionStorage.key(i));
            }
        } catch (e) {
            // memory only
        }
        keys.forEach(function (key) {
            if (key.indexOf(prefix()) === 0) {
                var ballot = key.substring(prefix().length);
                var record = load(ballot);
                if (record && record.state === 'pending' && found.indexOf(ballot) < 0) {
                    found.push(ballot);
                }
            }
        });
        return found;
    }

    function newPaper() {
        var bytes = new Uint8Array(16);
        window.crypto.getRandomValues(bytes);
        return Array.prototype.map.call(bytes, function (b) {
            return (b < 16 ? '0' : '') + b.toString(16);
        }).join('');
    }

    // ------------------------------------------------------------------ talking to the server

    /**
     * One request to the API: resolves to {kind: 'json', status, body}, {kind: 'signedOut'} (401 or 403, or a
     * redirect or a page instead of JSON), {kind: 'retry'} (no answer: network, timeout, 5xx such as the 503 of a
     * database away) or {kind: 'failed', status}.
     */
    function call(method, path, body) {
        var controller = window.AbortController ? new AbortController() : null;
        var timer = setTimeout(function () {
            if (controller) {
                controller.abort();
            }
        }, TIMEOUT);
        var init = {
            method: method, credentials: 'same-origin', redirect: 'manual', cache: 'no-store',
            headers: {'Accept': 'application/json'}, signal: controller ? controller.signal : undefined
        };
        if (body !== undefined) {
            init.headers['Content-Type'] = 'application/json';
            init.body = JSON.stringify(body);
        }
        return window.fetch(texts.api + path, init).then(function (response) {
            var type = response.headers.get('Content-Type') || '';
            if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403) {
                return {kind: 'signedOut'};
            }
            if (response.status >= 500 || response.status === 408 || response.status === 429) {
                return {kind: 'retry', status: response.status};
            }
            if (type.indexOf('application/json') === 0) {
                return response.json().then(function (json) {
                    return {kind: 'json', status: response.status, body: json || {}};
                }, function () {
                    return {kind: 'retry'};
                });
            }
            return response.ok ? {kind: 'signedOut'} : {kind: 'failed', status: response.status};
        }, function () {
            return {kind: 'retry'};
        }).then(function (answer) {
            clearTimeout(timer);
            return answer;
        });
    }

    function refreshFaces() {
        if (typeof window.refreshDelegate === 'function' && !state.signedOut) {
            window.refreshDelegate();
        }
    }

    // ------------------------------------------------------------------ sending a paper until its answer is known

    function send(ballot) {
        var record = load(ballot);
        if (!record || record.state !== 'pending' || state.inFlight[ballot] || state.signedOut) {
            return;
        }
        clearTimeout(state.retries[ballot]);
        delete state.retries[ballot];
        state.inFlight[ballot] = true;
        call('PUT', 'ballots/' + ballot + '/papers/' + record.paper, {choice: record.choice}).then(function (answer) {
            delete state.inFlight[ballot];
            if (answer.kind === 'json' && answer.status === 200 && answer.body.recorded) {
                connectionBack();
                save(ballot, {paper: record.paper, state: 'recorded', receipt: answer.body.receipt, question: record.question});
                settled(ballot, true, null, answer.body.receipt, record.question);
            } else if (answer.kind === 'json' && answer.status >= 400) {
                connectionBack();
                var already = answer.body.error === 'ballot.alreadyVoted';
                if (already) {
                    save(ballot, {state: 'elsewhere', question: record.question});
                } else {
                    forget(ballot);
                }
                settled(ballot, already, answer.body.message || texts.failed, null, record.question);
            } else if (answer.kind === 'signedOut') {
                signedOut();
            } else if (answer.kind === 'failed') {
                forget(ballot);
                settled(ballot, false, texts.failed + ' (' + answer.status + ')', null, record.question);
            } else {
                state.attempts++;
                connectionLost();
                var pause = Math.min(LONGEST_PAUSE, 1000 * Math.pow(2, Math.min(state.attempts - 1, 4)));
                state.retries[ballot] = setTimeout(function () {
                    send(ballot);
                }, pause);
                show();
            }
        });
    }

    /** A definitive answer about a paper: show it, and let the server render the state that follows. */
    function settled(ballot, recorded, message, receipt, question) {
        state.attempts = 0;
        if (ballot === state.ballot && state.view === 'open') {
            state.step = recorded ? 'recorded' : 'refused';
            state.refusal = message;
            state.chosen = [];
            state.blank = false;
            show();
            focusChip();
            announce(recorded ? texts.recorded + (receipt ? '. ' + texts.receipt + ' ' + receipt : '') : texts.notRecorded + ' ' + message);
        } else if (ballot === state.ballot) {
            var late = $('vote-late');
            if (late && !recorded) {
                late.textContent = texts.notRecorded + ' ' + message;
                late.hidden = false;
            }
        } else {
            var earlier = $('vote-earlier');
            earlier.textContent = (recorded ? texts.earlierRecorded : texts.earlierRefused)
                    .replace('{0}', question || '').replace('{1}', recorded ? (receipt || '') : message);
            earlier.hidden = false;
        }
        refreshFaces();
    }

    /** The server says this delegate voted, the device has no receipt yet: ask with the device's paper. */
    function lookUp(ballot) {
        var record = load(ballot);
        if (!record || !record.paper || state.inFlight[ballot] || state.signedOut) {
            return;
        }
        state.inFlight[ballot] = true;
        call('GET', 'ballots/' + ballot + '/participation?paper=' + record.paper).then(function (answer) {
            delete state.inFlight[ballot];
            if (answer.kind === 'json' && answer.status === 200) {
                connectionBack();
                if (answer.body.receipt) {
                    save(ballot, {paper: record.paper, state: 'recorded', receipt: answer.body.receipt, question: record.question});
                } else if (answer.body.voted) {
                    save(ballot, {state: 'elsewhere', question: record.question});
                }
                if (!answer.body.voted) {
                    send(ballot); // not in the box after all: the paper is still to be sent
                }
                show();
            } else if (answer.kind === 'signedOut') {
                signedOut();
            } else if (answer.kind === 'retry') {
                connectionLost();
                state.retries[ballot] = setTimeout(function () {
                    lookUp(ballot);
                }, CHECK_OFFLINE_EVERY);
            }
        });
    }

    function sendPending() {
        pendingBallots().forEach(function (ballot) {
            var b = box();
            if (ballot === state.ballot && b && b.dataset.voted === 'true') {
                lookUp(ballot);
            } else if (ballot === state.ballot && state.view === 'cancelled') {
                forget(ballot);
            } else {
                send(ballot);
            }
        });
    }

    // ------------------------------------------------------------------ the connection

    function connectionLost() {
        if (!state.online) {
            return;
        }
        state.online = false;
        document.body.classList.add('q-conn-lost');
        $('vote-connection-text').textContent = texts.offline;
        $('vote-connection').hidden = false;
        show();
        check(CHECK_OFFLINE_EVERY);
    }

    function connectionBack() {
        if (state.online) {
            return;
        }
        state.online = true;
        document.body.classList.remove('q-conn-lost');
        $('vote-connection').hidden = true;
        announce(texts.back);
        if (state.pushClosed && window.faces && window.faces.push) {
            state.pushClosed = false;
            window.faces.push.open(PUSH);
        }
        sendPending();
        refreshFaces(); // whatever happened meanwhile, show the server's state
        show();
        check(CHECK_EVERY);
    }

    function signedOut() {
        state.signedOut = true;
        clearTimeout(state.probeTimer);
        Object.keys(state.retries).forEach(function (ballot) {
            clearTimeout(state.retries[ballot]);
        });
        document.body.classList.add('q-is-signed-out');
        $('vote-connection').hidden = true;
        $('vote-signed-out').hidden = false;
    }

    /** The light check: is the server there, and does the page still show its state? */
    function check(after) {
        clearTimeout(state.probeTimer);
        if (state.signedOut) {
            return;
        }
        state.probeTimer = setTimeout(function () {
            call('GET', 'tablet').then(function (answer) {
                var b = box();
                if (answer.kind === 'json' && answer.status === 200) {
                    if (!state.online) {
                        connectionBack();
                    } else if (b && answer.body.signature !== b.dataset.signature) {
                        refreshFaces();
                    }
                    check(CHECK_EVERY);
                } else if (answer.kind === 'signedOut') {
                    signedOut();
                } else {
                    connectionLost();
                    check(CHECK_OFFLINE_EVERY);
                }
            });
        }, after);
    }

    // ------------------------------------------------------------------ what the page shows

    function chipText(step, view) {
        var chip = $('vote-chip-text');
        if (view !== 'open') {
            return chip.dataset.server;
        }
        switch (step) {
            case 'confirm': return texts.chipConfirm;
            case 'sending': return state.attempts > 0 || !state.online ? texts.chipRetrying : texts.chipSending;
            case 'recorded': return texts.chipRecorded;
            case 'refused': return texts.chipRefused;
            default: return chip.dataset.server;
        }
    }

    /** Writes a pattern ("You chose: {0} — confirm?") into an element, the value in bold. */
    function fill(element, patternId, value) {
        var pattern = ($(patternId) || {textContent: '{0}'}).textContent;
        var at = pattern.indexOf('{0}');
        element.textContent = '';
        element.appendChild(document.createTextNode(at < 0 ? pattern : pattern.substring(0, at)));
        if (at >= 0) {
            var strong = document.createElement('strong');
            strong.textContent = value;
            element.appendChild(strong);
            element.appendChild(document.createTextNode(pattern.substring(at + 3)));
        }
    }

    function buttons(selector) {
        var b = box();
        return b ? Array.prototype.slice.call(b.querySelectorAll(selector)) : [];
    }

    function labelsOfChosen() {
        return buttons('[data-choice]').filter(function (button) {
            return state.chosen.indexOf(button.dataset.choice) >= 0;
        }).map(function (button) {
            return button.dataset.label;
        });
    }

    function seats() {
        return parseInt(box().dataset.seats, 10) || 1;
    }

    function fewest() {
        return parseInt(box().dataset.min, 10) || 1;
    }

    function inRange() {
        return state.chosen.length >= fewest() && state.chosen.length <= seats();
    }

    function show() {
        var b = box();
        if (!b) {
            return;
        }
        var step = state.step || 'none';
        b.dataset.step = step;
        b.classList.toggle('q-vote-offline', !state.online);
        b.classList.toggle('q-vote-retrying', step === 'sending' && (state.attempts > 0 || !state.online));
        var chip = $('vote-chip-text');
        if (chip) {
            if (chip.dataset.server === undefined) {
                chip.dataset.server = chip.textContent;
            }
            chip.textContent = chipText(step, state.view);
        }
        buttons('.q-vote-candidate').forEach(function (button) {
            var chosen = state.chosen.indexOf(button.dataset.choice) >= 0;
            button.setAttribute('aria-pressed', chosen ? 'true' : 'false');
            button.classList.toggle('q-chosen', chosen);
            var full = !chosen && seats() > 1 && state.chosen.length >= seats();
            button.classList.toggle('q-vote-full', full);
            if (full) {
                button.setAttribute('aria-disabled', 'true');
            } else {
                button.removeAttribute('aria-disabled');
            }
        });
        var counter = $('vote-counter');
        if (counter) {
            fill(counter, 'vote-pattern-counter', String(state.chosen.length));
            counter.classList.toggle('q-vote-counter-ok', inRange());
        }
        var next = $('vote-next');
        if (next) {
            next.setAttribute('aria-disabled', inRange() ? 'false' : 'true');
        }
        if (step === 'confirm') {
            showChoice();
        }
        var sending = $('vote-sending-text');
        if (sending) {
            sending.textContent = state.attempts > 0 || !state.online ? texts.retrying : texts.sending;
        }
        var refusal = $('vote-refusal');
        if (refusal) {
            refusal.textContent = state.refusal || '';
        }
        var again = $('vote-again');
        if (again) {
            again.hidden = state.view !== 'open';
        }
        if (step === 'recorded') {
            showReceipt();
        }
    }

    function showChoice() {
        var text = $('vote-confirm-text');
        var list = $('vote-chosen-list');
        var labels = labelsOfChosen();
        list.textContent = '';
        list.hidden = true;
        if (box().dataset.kind !== 'ELECTION') {
            fill(text, 'vote-pattern-confirm', labels[0] || '');
        } else if (state.blank) {
            text.textContent = $('vote-pattern-confirm-blank').textContent;
        } else {
            fill(text, 'vote-pattern-confirm-election', String(labels.length));
            labels.forEach(function (label) {
                var item = document.createElement('li');
                item.textContent = label;
                list.appendChild(item);
            });
            list.hidden = false;
        }
    }

    function showReceipt() {
        var record = state.ballot ? load(state.ballot) : null;
        var block = $('vote-receipt-block');
        if (!block) {
            return;
        }
        var receipt = record && record.state === 'recorded' ? record.receipt : null;
        var looking = !receipt && record && record.state === 'pending';
        block.hidden = !receipt;
        $('vote-receipt').firstElementChild.textContent = receipt || '';
        $('vote-receipt-looking').hidden = !looking;
        $('vote-receipt-elsewhere').hidden = !!receipt || looking;
    }

    function announce(text) {
        var live = $('vote-live');
        if (live && text) {
            live.textContent = '';
            window.setTimeout(function () {
                live.textContent = text;
            }, 50);
        }
    }

    function focusChip() {
        var chip = $('vote-chip');
        if (chip) {
            chip.focus();
        }
    }

    function note(text) {
        var element = $('vote-range-note');
        if (element) {
            element.textContent = text || '';
            element.hidden = !text;
        }
    }

    // ------------------------------------------------------------------ the delegate's actions

    function choose(button) {
        state.chosen = [button.dataset.choice];
        state.blank = false;
        state.step = 'confirm';
        show();
        $('vote-confirm-text').focus();
    }

    function toggle(button) {
        var choice = button.dataset.choice;
        var at = state.chosen.indexOf(choice);
        if (at >= 0) {
            state.chosen.splice(at, 1);
        } else if (seats() === 1) {
            state.chosen = [choice];
        } else if (state.chosen.length >= seats()) {
            note($('vote-pattern-too-many').textContent);
            return;
        } else {
            state.chosen.push(choice);
        }
        var order = buttons('.q-vote-candidate').map(function (b) {
            return b.dataset.choice;
        });
        state.chosen.sort(function (x, y) {
            return order.indexOf(x) - order.indexOf(y);
        });
        note(null);
        show();
    }

    function next() {
        if (!inRange()) {
            note(state.chosen.length > seats() ? $('vote-pattern-too-many').textContent : $('vote-pattern-too-few').textContent);
            return;
        }
        note(null);
        state.blank = false;
        state.step = 'confirm';
        show();
        $('vote-confirm-text').focus();
    }

    function blank() {
        state.blank = true;
        state.step = 'confirm';
        note(null);
        show();
        $('vote-confirm-text').focus();
    }

    function confirm() {
        var b = box();
        var ballot = state.ballot;
        if (!ballot || state.view !== 'open') {
            return;
        }
        var record = load(ballot);
        if (!record || record.state !== 'pending') {
            var election = b.dataset.kind === 'ELECTION';
            if (election && !state.blank && !inRange()) {
                state.step = 'choose';
                show();
                return;
            }
            if (!election && state.chosen.length !== 1) {
                return;
            }
            var question = $('vote-question');
            save(ballot, {
                paper: newPaper(), state: 'pending', question: question ? question.textContent : '',
                choice: election ? (state.blank ? '-' : state.chosen.join(',')) : state.chosen[0]
            });
        }
        state.attempts = 0;
        state.step = 'sending';
        show();
        focusChip();
        announce(texts.sending);
        send(ballot);
    }

    function change() {
        state.step = 'choose';
        state.blank = false;
        show();
        var first = buttons('.q-chosen, .q-vote-option, .q-vote-candidate')[0];
        if (first) {
            first.focus();
        }
    }

    function again() {
        state.step = 'choose';
        state.refusal = null;
        state.chosen = [];
        show();
        var first = buttons('.q-vote-option, .q-vote-candidate')[0];
        if (first) {
            first.focus();
        }
    }

    // ------------------------------------------------------------------ after every rendering by the server

    function beforeRender() {
        var active = document.activeElement;
        var b = box();
        state.focus = active && b && b.contains(active) ? {id: active.id, choice: active.dataset ? active.dataset.choice : null} : null;
    }

    function rendered() {
        var b = box();
        if (!b) {
            return;
        }
        var ballot = b.dataset.ballot || null;
        var view = b.dataset.view;
        if (ballot !== state.ballot) {
            state.ballot = ballot;
            state.chosen = [];
            state.blank = false;
            state.step = null;
            state.refusal = null;
        }
        var changed = view !== state.view;
        state.view = view;
        var record = ballot ? load(ballot) : null;
        if (view === 'open') {
            if (record && record.state === 'pending') {
                state.step = 'sending';
            } else if (record && (record.state === 'recorded' || record.state === 'elsewhere')) {
                state.step = 'recorded';
            } else if (state.step !== 'confirm' && state.step !== 'refused') {
                state.step = 'choose';
            }
        } else if (view === 'cancelled') {
            if (record) {
                forget(ballot);
            }
            state.step = 'none';
        } else {
            state.step = b.dataset.voted === 'true' ? 'recorded' : 'none';
        }
        show();
        sendPending();
        restoreFocus(changed);
        var active = document.activeElement;
        if (changed && view === 'open' && (!active || active === document.body)) {
            var heading = $('vote-question'); // a ballot just opened: keyboard and screen reader start at its question
            if (heading) {
                heading.focus();
            }
        }
        if (changed && state.announced !== null) {
            var question = $('vote-question');
            announce($('vote-chip-text').textContent + (view === 'open' && question ? '. ' + question.textContent : ''));
        }
        state.announced = view;
        var now = document.querySelector('.q-now');
        if (now) {
            var text = now.textContent.replace(/\s+/g, ' ').trim();
            if (state.now !== null && text !== state.now && !changed) {
                announce(text);
            }
            state.now = text;
        }
    }

    function restoreFocus(changed) {
        var was = state.focus;
        state.focus = null;
        if (!was) {
            return;
        }
        var target = was.id ? $(was.id) : null;
        if (!target && was.choice) {
            target = buttons('[data-choice="' + was.choice + '"]')[0];
        }
        if (target && target.offsetParent !== null && !changed) {
            target.focus();
        } else {
            focusChip();
        }
    }

    function ajaxFailed(xhr) {
        if (!xhr || xhr.status === 0) {
            connectionLost();
        } else {
            check(0);
        }
    }

    // ------------------------------------------------------------------ the Faces websocket

    function pushed(meetingId) {
        var b = box();
        connectionBack();
        if (b && String(meetingId) === b.dataset.meeting) {
            refreshFaces();
        }
    }

    function connectionTrouble() {
        check(0);
    }

    function pushClosed() {
        state.pushClosed = true;
        check(0);
    }

    // ------------------------------------------------------------------ start

    function start() {
        var holder = $('vote-texts');
        if (!holder || !box()) {
            return;
        }
        texts = holder.dataset;
        document.addEventListener('click', function (event) {
            var button = event.target.closest ? event.target.closest('button') : null;
            var b = box();
            if (!button || !b || !b.contains(button)) {
                return;
            }
            if (button.classList.contains('q-vote-option')) {
                choose(button);
            } else if (button.classList.contains('q-vote-candidate')) {
                toggle(button);
            } else if (button.id === 'vote-next') {
                next();
            } else if (button.id === 'vote-blank') {
                blank();
            } else if (button.id === 'vote-confirm') {
                confirm();
            } else if (button.id === 'vote-change') {
                change();
            } else if (button.id === 'vote-again') {
                again();
            }
        });
        window.addEventListener('offline', connectionLost);
        window.addEventListener('online', function () {
            check(0);
        });
        document.addEventListener('visibilitychange', function () {
            if (document.visibilityState === 'visible') {
                check(0);
            }
        });
        var signOut = document.querySelector('form.q-sign-out');
        if (signOut) {
            signOut.addEventListener('submit', function () {
                Object.keys(memory).forEach(function (key) {
                    delete memory[key];
                });
                try {
                    for (var i = window.sessionStorage.length - 1; i >= 0; i--) {
                        var key = window.sessionStorage.key(i);
                        if (key && key.indexOf('quorum.vote.') === 0) {
                            window.sessionStorage.removeItem(key);
                        }
                    }
                } catch (e) {
                    // nothing kept
                }
            });
        }
        rendered();
        if (window.navigator.onLine === false) {
            connectionLost();
        } else {
            check(CHECK_EVERY);
        }
    }

    window.QuorumVote = {
        pushed: pushed,
        connectionTrouble: connectionTrouble,
        pushClosed: pushClosed,
        beforeRender: beforeRender,
        rendered: rendered,
        ajaxFailed: ajaxFailed
    };

    if (document.readyState === 'loading') {
        document.addEventListener('DOMContentLoaded', start);
    } else {
        start();
    }
}(window, document));
