/**
 * A share sent from trustee i to trustee j, readable by j's device only (election record specification §2.1): ECIES
 * (SEC 1 v2.0 §5.1, with HKDF as its key derivation): an ephemeral Diffie–Hellman key against j's device key E_j,
 * HKDF-SHA-256 (RFC 5869; @noble/hashes) and AES-256-GCM (NIST SP 800-38D; @noble/ciphers, because a tablet reached
 * over plain http has no `crypto.subtle`).
 *
 *     info = "quorum/v1/share|" + ceremonyContext + "|" + i + "|" + j
 *     k random, K = k·G, S = k·E_j;  key = HKDF-SHA-256(IKM = compressed S, salt = empty, info, 32 bytes)
 *     AES-256-GCM(key, random 12-byte nonce, AAD = info, plaintext = the 32 bytes of s_ij)
 *     published {from: i, to: j, ephemeral: K, nonce, ciphertext (with its 16-byte tag)};  j recomputes S = e_j·K.
 *
 * The info string names the ceremony and both trustees and is both the HKDF info and the AAD, so a box cannot be
 * replayed to another trustee or ceremony.
 *
 * @module quorum/crypto/share-box
 */
import { gcm } from '@noble/ciphers/aes.js';
import { hkdf } from '@noble/hashes/hkdf.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { G, mul, pointFromHex, pointToHex, randomScalar, scalarFromHex, scalarToHex } from './group.js';
import { transcript } from './transcript.js';

const NONCE = /^[0-9a-f]{24}$/;
const CIPHERTEXT = /^[0-9a-f]{96}$/; // 32 bytes of share and 16 of tag

function keyAndInfo(S, ceremonyContext, from, to) {
    const info = utf8ToBytes(transcript('quorum/v1/share', ceremonyContext, from, to));
    return { key: hkdf(sha256, hexToBytes(pointToHex(S)), new Uint8Array(0), info, 32), info };
}

/**
 * Encrypts s_ij for trustee j.
 * @param {{ceremonyContext: string, from: number, to: number, recipientKey: import('./group.js').Point|string,
 *          share: bigint}} box
 * @returns {{from: number, to: number, ephemeral: string, nonce: string, ciphertext: string}}
 */
export function sealShare({ ceremonyContext, from, to, recipientKey, share }) {
    const E = typeof recipientKey === 'string' ? pointFromHex(recipientKey) : recipientKey;
    const k = randomScalar();
    const { key, info } = keyAndInfo(mul(E, k), ceremonyContext, from, to);
    const nonce = randomBytes(12);
    const ciphertext = gcm(key, nonce, info).encrypt(hexToBytes(scalarToHex(share)));
    return { from, to, ephemeral: pointToHex(mul(G, k)), nonce: bytesToHex(nonce), ciphertext: bytesToHex(ciphertext) };
}

/**
 * Decrypts a share sent to this device, or throws (wrong recipient, tampered box, or a value that is not a scalar).
 * @param {{ceremonyContext: string, to: number, deviceSecret: bigint,
 *          box: {from: number, to: number, ephemeral: string, nonce: string, ciphertext: string}}} opening
 * @returns {bigint} s_ij
 */
export function openShare({ ceremonyContext, to, deviceSecret, box }) {
    if (box.to !== to || !NONCE.test(box.nonce) || !CIPHERTEXT.test(box.ciphertext)) {
        throw new Error('not a share box for trustee ' + to);
    }
    const { key, info } = keyAndInfo(mul(pointFromHex(box.ephemeral), deviceSecret), ceremonyContext, box.from, to);
    const plain = gcm(key, hexToBytes(box.nonce), info).decrypt(hexToBytes(box.ciphertext));
    return scalarFromHex(bytesToHex(plain)); // refuses a value that is not below q
}
