/**
 * The record's encodings and hashes, read as the specification's §1 writes them (src/site/election-record.md).
 * Every reader here throws on anything that is not exactly the canonical form.
 */
import { p256, sha256, sha512 } from './noble.mjs';

export const Point = p256.Point;
export const G = Point.BASE;
export const ZERO = Point.ZERO;
export const q = Point.Fn.ORDER;
export const GROUP = Object.freeze({
    curve: 'P-256',
    order: 'ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551',
    generator: '036b17d1f2e12c4247f8bce6e563a440f277037d812deb33a0f4a13945d898c296',
});

const hex = (bytes) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const utf8 = (text) => new TextEncoder().encode(text);

/** A point: 66 lower-case hex digits, 02/03 and x, on the curve (so never the identity, which has no such form). */
export function point(text) {
    if (typeof text !== 'string' || !/^0[23][0-9a-f]{64}$/.test(text)) {
        throw new Error(`not a compressed point: ${JSON.stringify(text)?.slice(0, 80)}`);
    }
    return Point.fromHex(text);
}

/** A scalar: 64 lower-case hex digits, below q. */
export function scalar(text) {
    if (typeof text !== 'string' || !/^[0-9a-f]{64}$/.test(text)) {
        throw new Error(`not a scalar: ${JSON.stringify(text)?.slice(0, 80)}`);
    }
    const value = BigInt('0x' + text);
    if (value >= q) {
        throw new Error('scalar not below q');
    }
    return value;
}

/** A count or size (§1): an integer in [0, 2^53 − 1] (and as a transcript writes it, in decimal). */
export function integer(value) {
    if (!Number.isSafeInteger(value) || value < 0) {
        throw new Error(`not an integer in [0, 2^53 - 1]: ${JSON.stringify(value)}`);
    }
    return value;
}

/** An id or index (§1): an integer in [1, 2^53 − 1]. */
export function id(value) {
    if (!Number.isSafeInteger(value) || value < 1) {
        throw new Error(`not an integer in [1, 2^53 - 1]: ${JSON.stringify(value)}`);
    }
    return value;
}

/**
 * §1's rule for every number of the record, on its text (JSON.parse no longer shows how a number was written, and
 * reads 2.0 and 2e0 as 2): digits only — no sign, fraction, exponent or leading zero — and at most 2^53 − 1.
 * @param {string} text the record's JSON text
 * @returns {string|null} the first number written otherwise, or null
 */
export function firstWrongNumber(text) {
    for (let k = 0; k < text.length; k++) {
        const ch = text[k];
        if (ch === '"') {
            for (k++; k < text.length && text[k] !== '"'; k++) {
                if (text[k] === '\\') {
                    k++;
                }
            }
        } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
            const [written] = /^-?[0-9.eE+-]*/.exec(text.slice(k, k + 40));
            if (!/^(0|[1-9][0-9]{0,15})$/.test(written) || Number(written) > Number.MAX_SAFE_INTEGER) {
                return written;
            }
            k += written.length - 1;
        }
    }
    return null;
}

/** The compressed hex of a point that is not the identity. */
export function hexOf(P) {
    if (P.is0()) {
        throw new Error('the identity has no encoding');
    }
    return P.toHex(true);
}

function joined(fields) {
    return fields.map((field) => {
        const text = field instanceof Point ? hexOf(field) : typeof field === 'number' ? String(integer(field)) : field;
        if (typeof text !== 'string' || text.includes('|')) {
            throw new Error('not a transcript field');
        }
        return text;
    }).join('|');
}

/** SHA256hex of the fields joined with `|`. */
export const sha256hex = (...fields) => hex(sha256(utf8(joined(fields))));

/** SHA256hex of one string as it is (a question, a code, a label, a rejected paper's fields: may contain `|`). */
export const sha256Text = (text) => hex(sha256(utf8(text)));

/** H of the fields joined with `|`: SHA-512, big-endian, mod q. */
export const H = (...fields) => BigInt('0x' + hex(sha512(utf8(joined(fields))))) % q;

/** a + b, a·b, a − b mod q; the inverse of a mod q. */
export const mod = (a) => ((a % q) + q) % q;
export const invert = (a) => Point.Fn.inv(mod(a));

/** k·P for a public k in [0, q-1]. */
export const times = (P, k) => P.multiplyUnsafe(k);

/** A fresh weight for the batches of §5.4: uniform in [0, 2^128), from the platform's cryptographic generator. */
export function weight() {
    return BigInt('0x' + hex(crypto.getRandomValues(new Uint8Array(16))));
}
