// The delegate's tablet and the meeting's news (resources/quorum/tablet/push.js, TabletPush on the server): a tablet
// that already shows the pushed state does nothing; one whose delegate may vote draws a newly opened ballot from the
// pushed face; anything else is rendered by the server. Signatures as TabletState.signature writes them.
// Run: cd src/test/js && node --import ./register.mjs --test tablet-news.test.mjs
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { reaction } from '../../main/webapp/resources/quorum/tablet/push.js';

const MEETING_WAITING = 'm7:IN_SESSION:i-:b-:null';
const MEETING_OPEN = 'm7:IN_SESSION:i-:b12:OPEN';
const FACE = { id: 12, kind: 'APPROVAL', question: 'Q', options: [] };

describe('the news of a meeting', () => {
    test('a tablet that shows the pushed state does nothing', () => {
        assert.equal(reaction(MEETING_OPEN + ':v:p:not-voted', '12', 'open', { signature: MEETING_OPEN, face: FACE }), 'nothing');
        assert.equal(reaction(MEETING_WAITING + ':nv:np:not-voted', '', 'open', { signature: MEETING_WAITING, face: null }), 'nothing');
    });

    test('a delegate who may vote sees a newly opened ballot drawn from its face', () => {
        assert.equal(reaction(MEETING_WAITING + ':v:p:not-voted', '', 'open', { signature: MEETING_OPEN, face: FACE }), 'open');
        // having voted on the ballot before does not matter for the next one
        assert.equal(reaction('m7:IN_SESSION:i-:b11:PUBLISHED:v:p:voted', '11', 'open', { signature: MEETING_OPEN, face: FACE }), 'open');
    });

    test('a delegate without a vote, or not checked in, is rendered by the server', () => {
        assert.equal(reaction(MEETING_WAITING + ':nv:p:not-voted', '', 'open', { signature: MEETING_OPEN, face: FACE }), 'render');
        assert.equal(reaction(MEETING_WAITING + ':v:np:not-voted', '', 'open', { signature: MEETING_OPEN, face: FACE }), 'render');
    });

    test('another change of the same ballot, a close, or a tablet without a signature is rendered by the server', () => {
        assert.equal(reaction(MEETING_OPEN + ':v:p:voted', '12', 'open', { signature: 'm7:IN_SESSION:i3:b12:OPEN', face: FACE }), 'render');
        assert.equal(reaction(MEETING_OPEN + ':v:p:voted', '12', 'open', { signature: 'm7:IN_SESSION:i3:b12:CLOSED', face: null }), 'render',
            'closed, and another item current: the server renders');
        assert.equal(reaction('', '', 'open', { signature: MEETING_OPEN, face: FACE }), 'render');
    });

    test('the ballot in view closed, or its result published, and nothing else: the tablet draws the closed face', () => {
        const closed = { signature: 'm7:IN_SESSION:i-:b12:CLOSED', face: null };
        const published = { signature: 'm7:IN_SESSION:i-:b12:PUBLISHED', face: null };
        assert.equal(reaction(MEETING_OPEN + ':v:p:voted', '12', 'voted', closed), 'close');
        assert.equal(reaction(MEETING_OPEN + ':v:p:not-voted', '12', 'open', closed), 'close');
        assert.equal(reaction('m7:IN_SESSION:i-:b12:CLOSED:v:p:voted', '12', 'closed', published), 'close');
        assert.equal(reaction(MEETING_OPEN + ':nv:p:not-voted', '12', 'noVote', closed), 'render', 'a delegate without a vote: the server');
        assert.equal(reaction('m7:IN_SESSION:i-:b11:OPEN:v:p:voted', '11', 'voted', closed), 'render', 'another ballot closed');
        assert.equal(reaction(MEETING_OPEN + ':v:p:voted', '12', 'voted', { signature: 'm7:CLOSED:i-:b12:CLOSED', face: null }), 'render',
            'the meeting closed too');
        assert.equal(reaction(MEETING_OPEN + ':v:p:voted', '12', 'voted', { signature: 'm7:IN_SESSION:i-:b12:CANCELLED', face: null }),
            'render', 'a cancelled ballot has its reason: the server');
    });
});
