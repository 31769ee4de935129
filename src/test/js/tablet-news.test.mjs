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
        assert.equal(reaction(MEETING_OPEN + ':v:p:not-voted', '12', { signature: MEETING_OPEN, face: FACE }), 'nothing');
        assert.equal(reaction(MEETING_WAITING + ':nv:np:not-voted', '', { signature: MEETING_WAITING, face: null }), 'nothing');
    });

    test('a delegate who may vote sees a newly opened ballot drawn from its face', () => {
        assert.equal(reaction(MEETING_WAITING + ':v:p:not-voted', '', { signature: MEETING_OPEN, face: FACE }), 'open');
        // having voted on the ballot before does not matter for the next one
        assert.equal(reaction('m7:IN_SESSION:i-:b11:PUBLISHED:v:p:voted', '11', { signature: MEETING_OPEN, face: FACE }), 'open');
    });

    test('a delegate without a vote, or not checked in, is rendered by the server', () => {
        assert.equal(reaction(MEETING_WAITING + ':nv:p:not-voted', '', { signature: MEETING_OPEN, face: FACE }), 'render');
        assert.equal(reaction(MEETING_WAITING + ':v:np:not-voted', '', { signature: MEETING_OPEN, face: FACE }), 'render');
    });

    test('another change of the same ballot, a close, or a tablet without a signature is rendered by the server', () => {
        assert.equal(reaction(MEETING_OPEN + ':v:p:voted', '12', { signature: 'm7:IN_SESSION:i3:b12:OPEN', face: FACE }), 'render');
        assert.equal(reaction(MEETING_OPEN + ':v:p:voted', '12', { signature: 'm7:IN_SESSION:i-:b12:CLOSED', face: null }), 'render');
        assert.equal(reaction('', '', { signature: MEETING_OPEN, face: FACE }), 'render');
    });
});
