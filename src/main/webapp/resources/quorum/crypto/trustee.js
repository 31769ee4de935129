/**
 * A trustee's part of the key ceremony, on their own device (election record specification §2): the joint-Feldman
 * distributed key generation (Pedersen 1991; Gennaro, Jarecki, Krawczyk, Rabin 1999) as Belenios's threshold mode
 * runs it (Cortier, Gaudry, Glondu 2019), with Schnorr proofs of knowledge (schnorr.js) against rogue keys, shares sent
 * encrypted to each trustee's device key (share-box.js) and checked with Feldman's commitments (sharing.js).
 *
 * - round 1: a device key e_i (E_i = e_i·G, proof `device`), a random polynomial of degree t-1 and its commitments
 *   C_ik (proof of a_i0 for C_i0, `commitment`);
 * - round 2, once all n have published round 1 and their proofs hold: s_ij = f_i(j) encrypted for every other j;
 * - round 3: every received share decrypted and checked; any bad one is a complaint naming its sender and no key is
 *   formed; else the key share x_j = Σ_i s_ij and X_j = x_j·G with its proof (`share`), which must equal the
 *   verification key the commitments determine.
 *
 * What the device must keep between rounds (e_i, the polynomial) and after (e_i, x_j) goes to vault.js; the
 * polynomial is dropped once round 3 is done.
 *
 * @module quorum/crypto/trustee
 */
import { G, add, mul, pointFromHex, pointToHex, randomScalar } from './group.js';
import { proveKnowledge, verifyKnowledge } from './schnorr.js';
import { openShare, sealShare } from './share-box.js';
import { commitmentsOf, evaluate, feldmanCheck, randomPolynomial, verificationKey } from './sharing.js';

/**
 * Round 1: draws the device key and the polynomial, and what to publish.
 * @param {{ceremonyContext: string, index: number, t: number}} ceremony
 * @returns {{secrets: {deviceKey: bigint, polynomial: bigint[]}, published: {index: number, deviceKey: string,
 *            deviceKeyProof: {c: string, s: string}, commitments: string[], commitmentProof: {c: string, s: string}}}}
 */
export function beginCeremony({ ceremonyContext, index, t }) {
    const deviceKey = randomScalar();
    const polynomial = randomPolynomial(t);
    const commitments = commitmentsOf(polynomial);
    const E = mul(G, deviceKey);
    return {
        secrets: { deviceKey, polynomial },
        published: {
            index,
            deviceKey: pointToHex(E),
            deviceKeyProof: proveKnowledge({ tag: 'device', ceremonyContext, index, x: deviceKey, X: E }),
            commitments: commitments.map(pointToHex),
            commitmentProof: proveKnowledge({ tag: 'commitment', ceremonyContext, index, x: polynomial[0],
                X: commitments[0] }),
        },
    };
}

/**
 * Checks every trustee's round-1 publication: indices 1..n in order, t commitments, points that decode, both proofs.
 * @param {{ceremonyContext: string, n: number, t: number, trustees: object[]}} round1
 * @returns {number[]} the indices of the trustees whose publication is wrong (empty when all are right)
 */
export function checkRound1({ ceremonyContext, n, t, trustees }) {
    if (trustees.length !== n) {
        throw new Error(`the ceremony has ${n} trustees, ${trustees.length} published`);
    }
    return trustees.filter((trustee, position) => {
        try {
            return trustee.index !== position + 1 || trustee.commitments.length !== t
                || !trustee.commitments.every((C) => pointFromHex(C))
                || !verifyKnowledge({ tag: 'device', ceremonyContext, index: trustee.index, X: trustee.deviceKey,
                    proof: trustee.deviceKeyProof })
                || !verifyKnowledge({ tag: 'commitment', ceremonyContext, index: trustee.index,
                    X: trustee.commitments[0], proof: trustee.commitmentProof });
        } catch {
            return true;
        }
    }).map((trustee) => trustee.index);
}

/**
 * Round 2: the shares s_ij = f_i(j) for every other trustee j, each encrypted for j's device key.
 * @param {{ceremonyContext: string, index: number, secrets: {polynomial: bigint[]}, trustees: object[]}} round2
 *        trustees: every trustee's round-1 publication, checked by checkRound1
 * @returns {{from: number, to: number, ephemeral: string, nonce: string, ciphertext: string}[]}
 */
export function sendShares({ ceremonyContext, index, secrets, trustees }) {
    return trustees.filter((trustee) => trustee.index !== index).map((trustee) => sealShare({ ceremonyContext,
        from: index, to: trustee.index, recipientKey: trustee.deviceKey,
        share: evaluate(secrets.polynomial, trustee.index) }));
}

/**
 * Round 3: opens and checks the shares sent to this trustee and, if all are right, forms the key share.
 * @param {{ceremonyContext: string, index: number, secrets: {deviceKey: bigint, polynomial: bigint[]},
 *          trustees: object[], boxes: object[]}} round3 boxes: the shares sent to this trustee, one from each other
 * @returns {{complaints: number[], keyShare?: bigint, published?: {index: number, verificationKey: string,
 *            verificationKeyProof: {c: string, s: string}}}}
 *          complaints: the senders whose share is missing, unreadable or fails Feldman's check (then no key share)
 */
export function receiveShares({ ceremonyContext, index, secrets, trustees, boxes }) {
    const complaints = [];
    let keyShare = evaluate(secrets.polynomial, index);
    for (const sender of trustees.filter((trustee) => trustee.index !== index)) {
        const box = boxes.find((candidate) => candidate.from === sender.index && candidate.to === index);
        try {
            const share = openShare({ ceremonyContext, to: index, deviceSecret: secrets.deviceKey, box });
            if (!feldmanCheck(share, sender.commitments.map(pointFromHex), index)) {
                throw new Error('Feldman');
            }
            keyShare = add(keyShare, share);
        } catch {
            complaints.push(sender.index);
        }
    }
    if (complaints.length > 0) {
        return { complaints };
    }
    const X = mul(G, keyShare);
    if (!X.equals(verificationKey(trustees.map((trustee) => trustee.commitments.map(pointFromHex)), index))) {
        throw new Error('the key share does not match the commitments');
    }
    return {
        complaints,
        keyShare,
        published: { index, verificationKey: pointToHex(X),
            verificationKeyProof: proveKnowledge({ tag: 'share', ceremonyContext, index, x: keyShare, X }) },
    };
}
