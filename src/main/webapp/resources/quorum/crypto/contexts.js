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

/**
 * `ceremonyContext = SHA256hex("quorum/v1/ceremony|" + meetingId + "|" + ceremonyId + "|" + n + "|" + t)` (§2).
 * @param {{meetingId: number, ceremonyId: string, n: number, t: number}} ceremony
 * @returns {string} 64 hex digits
 */
export function ceremonyContext({ meetingId, ceremonyId, n, t }) {
    if (!CEREMONY_ID.test(ceremonyId)) {
        throw new Error('a ceremony id is 32 lower-case hex digits');
    }
    if (!(Number.isInteger(n) && Number.isInteger(t) && 1 <= t && t <= n && n <= 9)) {
        throw new Error('a ceremony has 1 ≤ t ≤ n ≤ 9');
    }
    return sha256hex(transcript('quorum/v1/ceremony', meetingId, ceremonyId, n, t));
}

/**
 * `ballotContext` (§3, as amended on branch crypto-java): SHA256hex of the ballot's kind, its limits, the joint public
 * key, the ceremony's context, and the SHA256hex of the question and of every option's code and label, in ballot
 * order. Texts are hashed as they stand (no Unicode normalisation) and must be well-formed Unicode.
 * @param {{meetingId: number, ballotId: number, kind: 'APPROVAL'|'ELECTION', options: {code: string, label: string}[],
 *          min: number, max: number, publicKey: import('./group.js').Point|string, ceremonyContext: string,
 *          question: string}} ballot
 * @returns {string} 64 hex digits
 */
export function ballotContext({ meetingId, ballotId, kind, options, min, max, publicKey, ceremonyContext, question }) {
    if (kind !== 'APPROVAL' && kind !== 'ELECTION') {
        throw new Error('a ballot is APPROVAL or ELECTION');
    }
    if (!(Number.isInteger(min) && Number.isInteger(max) && 0 <= min && min <= max && max <= options.length)) {
        throw new Error('a ballot has 0 ≤ min ≤ max ≤ N');
    }
    const texts = [question, ...options.flatMap(({ code, label }) => [code, label])];
    if (!texts.every((text) => typeof text === 'string' && text.isWellFormed())) {
        throw new Error('the question, codes and labels must be well-formed Unicode texts');
    }
    const pk = typeof publicKey === 'string' ? publicKey : pointToHex(publicKey);
    return sha256hex(transcript('quorum/v1/ballot', meetingId, ballotId, kind, options.length, min, max, pk,
        ceremonyContext, ...texts.map(sha256hex)));
}
