/**
 * Transcripts and the hashes over them (election record specification §1).
 *
 * A transcript is fields joined with `|`: ASCII tags, decimal integers (no sign, no leading zeros), points (compressed
 * hex), scalars (64 hex digits) and hex digests — none contains `|`, so the string is unambiguous. The Fiat–Shamir
 * challenges hash the whole statement in it (Bernhard, Pereira, Warinschi 2012, "How not to prove yourself").
 *
 * - `H(s)`: SHA-512 of the UTF-8 bytes of s, read big-endian, reduced mod q (bias below 2⁻²⁵⁶).
 * - `SHA256hex(s)`: lower-case hex SHA-256 of the UTF-8 bytes of s.
 *
 * @module quorum/crypto/transcript
 */
import { sha256, sha512 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { Point, pointToHex, reduce } from './group.js';

/**
 * One field of a transcript as written: an integer in decimal, a point in compressed hex, a string as it is.
 * @param {number|string|Point} value
 * @returns {string}
 */
function field(value) {
    if (typeof value === 'number') {
        if (!Number.isSafeInteger(value) || value < 0) {
            throw new Error('a transcript integer is a non-negative safe integer, got ' + value);
        }
        return String(value);
    }
    if (value instanceof Point) {
        return pointToHex(value);
    }
    if (typeof value === 'string' && !value.includes('|')) {
        return value;
    }
    throw new Error('not a transcript field: ' + String(value).slice(0, 80));
}

/**
 * The fields joined with `|`.
 * @param {...(number|string|Point)} fields
 * @returns {string}
 */
export function transcript(...fields) {
    return fields.map(field).join('|');
}

/**
 * `H(s)`, the hash to a scalar.
 * @param {string} s
 * @returns {bigint} in [0, q-1]
 */
export function hashToScalar(s) {
    return reduce(BigInt('0x' + bytesToHex(sha512(utf8ToBytes(s)))));
}

/**
 * `SHA256hex(s)`.
 * @param {string} s
 * @returns {string} 64 lower-case hex digits
 */
export function sha256hex(s) {
    return bytesToHex(sha256(utf8ToBytes(s)));
}

/**
 * `H` of the fields' transcript: the Fiat–Shamir challenge of a statement.
 * @param {...(number|string|Point)} fields
 * @returns {bigint}
 */
export function challenge(...fields) {
    return hashToScalar(transcript(...fields));
}
