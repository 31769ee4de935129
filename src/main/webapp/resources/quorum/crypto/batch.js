/**
 * Batch verification (election record specification §5.4): the small-exponents test of Bellare, Garay and Rabin
 * (1998, "Fast batch verification for modular exponentiation and digital signatures", §3.3). Each verification
 * equation `Σ_k x_k·P_k == O` of many proofs is multiplied by its own random 128-bit weight and all are added up: they
 * all hold (but with probability at most 2⁻¹²⁸) iff the sum is O. The terms on G and on the ballot's key PK collapse
 * into one scalar each, and the rest is one multi-scalar multiplication, noble's Pippenger (`pippenger` of
 * @noble/curves/abstract/curve.js). P-256 has prime order and cofactor 1 and every point here was decoded onto the
 * curve, so no small-subgroup component can hide a false equation. The hashes (the challenges) are never batched:
 * each proof's challenge is checked against its published commitments before its equations are added.
 *
 * @module quorum/crypto/batch
 */
import { pippenger } from '@noble/curves/abstract/curve.js';
import { bytesToHex, randomBytes } from '@noble/hashes/utils.js';
import { G, Point, reduce } from './group.js';

/** A batch of equations; `publicKey` is the point whose terms collapse besides G (a ballot's PK), or none. */
export class Batch {
    /** @param {Point} [publicKey] */
    constructor(publicKey) {
        this.publicKey = publicKey;
        this.points = [];
        this.scalars = [];
        this.onG = 0n;
        this.onKey = 0n;
        this.equations = 0;
    }

    /** A fresh weight for one more equation, uniform in [0, 2^128), from `crypto.getRandomValues`. */
    weight() {
        this.equations++;
        return BigInt('0x' + bytesToHex(randomBytes(16)));
    }

    /** Adds k·P. */
    term(point, k) {
        this.points.push(point);
        this.scalars.push(reduce(k));
    }

    /** Adds k·G. */
    addG(k) {
        this.onG += k;
    }

    /** Adds k·PK. */
    addKey(k) {
        if (!this.publicKey) {
            throw new Error('this batch has no public key');
        }
        this.onKey += k;
    }

    /** Whether every equation added holds (but with probability at most 2⁻¹²⁸ when one does not). */
    holds() {
        const points = [...this.points, G];
        const scalars = [...this.scalars, reduce(this.onG)];
        if (this.publicKey) {
            points.push(this.publicKey);
            scalars.push(reduce(this.onKey));
        }
        return pippenger(Point, points, scalars).is0();
    }
}
