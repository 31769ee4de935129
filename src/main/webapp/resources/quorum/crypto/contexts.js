/**
 * The contexts every proof and tracker is bound to (election record specification §2 and §3): hashes of the
 * ceremony's and the ballot's public parameters, so a proof made for one ballot (or ceremony) never verifies for
 * another (the statement is hashed whole: Bernhard, Pereira, Warinschi 2012).
 *
 * @module quorum/crypto/contexts
 */
import { pointToHex } from './group.js';
import { sha256hex, transcript } from './transcript.js';

const CEREMONY_ID = /^[0-9a-f]{32}$/;

/** Whether a value is an id or an index of §1: an integer in [1, 2^53 − 1]. */
export const isId = (value) => Number.isSafeInteger(value) && value >= 1;

/** An approval ballot's answers, in this order (§3). */
export const APPROVAL_CODES = Object.freeze(['YES', 'NO', 'ABSTAIN']);

/**
 * `ceremonyContext = SHA256hex("quorum/v1/ceremony|" + meetingId + "|" + ceremonyId + "|" + n + "|" + t)` (§2).
 * @param {{meetingId: number, ceremonyId: string, n: number, t: number}} ceremony
 * @returns {string} 64 hex digits
 */
export function ceremonyContext({ meetingId, ceremonyId, n, t }) {
    if (!isId(meetingId)) {
        throw new Error('a meeting id is an integer in [1, 2^53 − 1]');
    }
    if (!CEREMONY_ID.test(ceremonyId)) {
        throw new Error('a ceremony id is 32 lower-case hex digits');
    }
    if (!(Number.isInteger(n) && Number.isInteger(t) && 1 <= t && t <= n && n <= 9)) {
        throw new Error('a ceremony has 1 ≤ t ≤ n ≤ 9');
    }
    return sha256hex(transcript('quorum/v1/ceremony', meetingId, ceremonyId, n, t));
}

/**
 * `ballotContext` (§3): SHA256hex of the meeting and ballot ids, the ballot's kind, its limits, the joint public key,
 * the ceremony's context, and the SHA256hex of the question and of every option's code and label, in ballot order.
 * Texts are hashed as they stand (no Unicode normalisation) and must be well-formed Unicode. Refuses a ballot of
 * another shape than §3's (an approval has YES, NO, ABSTAIN and marks 1..1; an election 1 ≤ max ≤ N).
 * @param {{meetingId: number, ballotId: number, kind: 'APPROVAL'|'ELECTION', options: {code: string, label: string}[],
 *          min: number, max: number, publicKey: import('./group.js').Point|string, ceremonyContext: string,
 *          question: string}} ballot
 * @returns {string} 64 hex digits
 */
export function ballotContext({ meetingId, ballotId, kind, options, min, max, publicKey, ceremonyContext, question }) {
    if (!isId(meetingId) || !isId(ballotId)) {
        throw new Error('meeting and ballot ids are integers in [1, 2^53 − 1]');
    }
    if (kind === 'APPROVAL') {
        if (options.length !== APPROVAL_CODES.length || options.some((option, o) => option.code !== APPROVAL_CODES[o])
                || min !== 1 || max !== 1) {
            throw new Error('an approval ballot has the answers YES, NO, ABSTAIN and min = max = 1');
        }
    } else if (kind !== 'ELECTION') {
        throw new Error('a ballot is APPROVAL or ELECTION');
    } else if (!(Number.isInteger(min) && Number.isInteger(max) && 0 <= min && min <= max && 1 <= max
            && max <= options.length)) {
        throw new Error('an election has 0 ≤ min ≤ max and 1 ≤ max ≤ N');
    }
    const texts = [question, ...options.flatMap(({ code, label }) => [code, label])];
    if (!texts.every((text) => typeof text === 'string' && text.isWellFormed())) {
        throw new Error('the question, codes and labels must be well-formed Unicode texts');
    }
    const pk = typeof publicKey === 'string' ? publicKey : pointToHex(publicKey);
    return sha256hex(transcript('quorum/v1/ballot', meetingId, ballotId, kind, options.length, min, max, pk,
        ceremonyContext, ...texts.map(sha256hex)));
}
