/**
 * The group of Quorum's secret ballot (election record specification, src/site/election-record.md, §1): NIST P-256
 * (SEC 2 v2.0 §2.4.2, FIPS 186-5 §3.2.1.3) from @noble/curves, its points written as SEC 1 v2.0 §2.3.3 compressed
 * encodings in lower-case hex, its scalars as 64 lower-case hex digits.
 *
 * Readers are strict on purpose: a point must be exactly 66 lower-case hex digits with prefix 02 or 03 and lie on the
 * curve (noble's SEC 1 §2.3.4 decoder checks x < p and the square root), and the identity O, which has no compressed
 * encoding, can never be read; a scalar must be exactly 64 lower-case hex digits and below q. So every value has one
 * written form, and what a transcript hashes is what the record shows.
 *
 * Scalar multiplication: {@link mul} uses noble's constant-time `multiply` (secret scalars: randomness, keys);
 * {@link mulPublic} its faster variable-time `multiplyUnsafe` (public scalars only: challenges, responses, counts).
 *
 * @module quorum/crypto/group
 */
import { p256 } from '@noble/curves/nist.js';
import { bytesToHex } from '@noble/hashes/utils.js';

/** Points of P-256 (noble's projective Point class). */
export const Point = p256.Point;
/** The scalar field: integers mod q. */
export const Fn = Point.Fn;
/** The prime order q of P-256. */
export const q = Fn.ORDER;
/** The standard generator G. */
export const G = Point.BASE;
/** The identity O (never written, §1). */
export const O = Point.ZERO;

const POINT = /^0[23][0-9a-f]{64}$/;
const SCALAR = /^[0-9a-f]{64}$/;

/**
 * The compressed encoding of a point, 66 lower-case hex digits.
 * @param {Point} point a point other than O
 * @returns {string}
 * @throws {Error} for O, which has no encoding
 */
export function pointToHex(point) {
    if (point.is0()) {
        throw new Error('the identity O has no encoding');
    }
    return point.toHex(true);
}

/**
 * Reads a point written as §1 says, or throws.
 * @param {string} hex 66 lower-case hex digits, 02 or 03 then x
 * @returns {Point} a point of the curve, never O
 */
export function pointFromHex(hex) {
    if (typeof hex !== 'string' || !POINT.test(hex)) {
        throw new Error('not a compressed point in lower-case hex: ' + String(hex).slice(0, 80));
    }
    return Point.fromHex(hex);
}

/**
 * A scalar in [0, q-1] as 64 lower-case hex digits, big-endian, zero-padded.
 * @param {bigint} k
 * @returns {string}
 */
export function scalarToHex(k) {
    if (typeof k !== 'bigint' || k < 0n || k >= q) {
        throw new Error('not a scalar in [0, q-1]');
    }
    return k.toString(16).padStart(64, '0');
}

/**
 * Reads a scalar written as §1 says (64 lower-case hex digits, below q), or throws.
 * @param {string} hex
 * @returns {bigint}
 */
export function scalarFromHex(hex) {
    if (typeof hex !== 'string' || !SCALAR.test(hex)) {
        throw new Error('not a scalar of 64 lower-case hex digits: ' + String(hex).slice(0, 80));
    }
    const k = BigInt('0x' + hex);
    if (k >= q) {
        throw new Error('scalar not below q');
    }
    return k;
}

/**
 * A uniformly random scalar in [1, q-1] (§1): noble's `randomSecretKey`, which reduces 48 bytes of
 * `crypto.getRandomValues` mod q-1 and adds 1 (FIPS 186-5 §A.2.1). `crypto.getRandomValues` works in a page that is
 * not a secure context (a tablet on http://192.168.x.x), unlike `crypto.subtle`.
 * @returns {bigint}
 */
export function randomScalar() {
    return BigInt('0x' + bytesToHex(p256.utils.randomSecretKey()));
}

/**
 * k·P for a secret k, in constant time (noble's `multiply`); k = 0 gives O.
 * @param {Point} point
 * @param {bigint} k in [0, q-1]
 * @returns {Point}
 */
export function mul(point, k) {
    return k === 0n ? O : point.multiply(k);
}

/**
 * k·P for a public k (noble's variable-time `multiplyUnsafe`); k = 0 gives O.
 * @param {Point} point
 * @param {bigint} k in [0, q-1]
 * @returns {Point}
 */
export function mulPublic(point, k) {
    return point.multiplyUnsafe(k);
}

/**
 * A point prepared for many multiplications: noble keeps a table of its multiples (fixed-window wNAF, window 8) after
 * the first use, so each later k·P costs a few dozen additions and no doublings. Used for the ballot's public key,
 * which the tablet multiplies about ten times per paper.
 * @param {Point} point
 * @returns {Point} the same point (tables are kept by noble per instance: keep using this one)
 */
export function precomputed(point) {
    return point.precompute(8, false);
}

/** a + b mod q. */
export const add = (a, b) => Fn.add(a, b);
/** a − b mod q. */
export const sub = (a, b) => Fn.sub(a, b);
/** a·b mod q. */
export const times = (a, b) => Fn.mul(a, b);
/** a⁻¹ mod q (a ≠ 0). */
export const inverse = (a) => Fn.inv(a);
/** Any integer reduced into [0, q-1]. */
export const reduce = (a) => Fn.create(a);
