/**
 * The receipt form of a tracker (election record specification §4): its first 80 bits, most significant first, as 16
 * symbols of Crockford's base 32 grouped 4-4-4-4 — the form the server's `app.quorum.ballot.entity.Receipts` gives, so
 * a delegate's receipt reads the same on the tablet, in the minutes and in the published list. The full tracker
 * (ElectionGuard 2.0's tracking code) is published alongside.
 *
 * @module quorum/crypto/receipt
 */

/** Crockford's base 32: digits, then letters without I, L, O and U (in ASCII order). */
export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

const TRACKER = /^[0-9a-f]{64}$/;

/**
 * `XXXX-XXXX-XXXX-XXXX` from a tracker.
 * @param {string} tracker 64 lower-case hex digits
 * @returns {string}
 */
export function receiptOf(tracker) {
    if (!TRACKER.test(tracker)) {
        throw new Error('a tracker is 64 lower-case hex digits');
    }
    const bits = BigInt('0x' + tracker.slice(0, 20)); // 20 hex digits = the first 80 bits
    let receipt = '';
    for (let symbol = 0; symbol < 16; symbol++) {
        if (symbol > 0 && symbol % 4 === 0) {
            receipt += '-';
        }
        receipt += ALPHABET[Number((bits >> BigInt(75 - 5 * symbol)) & 31n)];
    }
    return receipt;
}
