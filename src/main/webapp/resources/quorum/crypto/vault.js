/**
 * The trustee's secrets on their own device (election record specification §2.2): the device key e_j, the key share
 * x_j (and, between rounds 1 and 3 of the ceremony, the polynomial), encrypted under a key derived from the trustee's
 * passphrase — PBKDF2-HMAC-SHA-256 (RFC 8018 §5.2; 600,000 iterations as OWASP's password storage guidance says for
 * SHA-256; @noble/hashes) and AES-256-GCM (NIST SP 800-38D; @noble/ciphers: a tablet on plain http has no
 * `crypto.subtle`). The same JSON is kept in the browser's storage and is the backup the trustee downloads or prints:
 *
 *     {"format": "quorum-trustee-backup/1", "meetingId", "ceremonyId", "index",
 *      "kdf": {"name": "PBKDF2-SHA256", "iterations": 600000, "salt": hex}, "nonce": hex, "ciphertext": hex}
 *
 * As §2.2 specifies:
 * - the passphrase is normalised to Unicode NFC before its UTF-8 bytes enter PBKDF2, so a Vietnamese passphrase typed
 *   on another keyboard (composed or decomposed diacritics) still opens the backup;
 * - the AAD is `"quorum/v1/backup|" + meetingId + "|" + ceremonyId + "|" + index`, binding the clear header;
 * - the plaintext is the UTF-8 JSON `{"format": "quorum-trustee-secrets/1", "meetingId", "ceremonyId", "index",
 *   "deviceKey": scalar, "keyShare": scalar or null, "polynomial": [scalars] or null}` (the polynomial only while the
 *   ceremony runs, the key share once it is done).
 *
 * The private values never reach the server: nothing here sends anything.
 *
 * @module quorum/crypto/vault
 */
import { gcm } from '@noble/ciphers/aes.js';
import { pbkdf2Async } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes, randomBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { isId } from './contexts.js';
import { scalarFromHex, scalarToHex } from './group.js';
import { transcript } from './transcript.js';

export const FORMAT = 'quorum-trustee-backup/1';
const SECRETS = 'quorum-trustee-secrets/1';
const KDF = 'PBKDF2-SHA256';
/** PBKDF2's iterations; a backup asking for fewer is refused (a downgraded copy would be cheaper to guess). */
export const ITERATIONS = 600000;
const MOST_ITERATIONS = 10000000;

async function keyOf(passphrase, salt, iterations) {
    if (typeof passphrase !== 'string' || passphrase.length === 0) {
        throw new Error('a passphrase is needed');
    }
    return pbkdf2Async(sha256, utf8ToBytes(passphrase.normalize('NFC')), salt, { c: iterations, dkLen: 32, asyncTick: 20 });
}

const aad = ({ meetingId, ceremonyId, index }) => utf8ToBytes(transcript('quorum/v1/backup', meetingId, ceremonyId, index));

/**
 * Encrypts the trustee's secrets under their passphrase (takes about a second: 600,000 iterations).
 * @param {{passphrase: string, meetingId: number, ceremonyId: string, index: number,
 *          secrets: {deviceKey: bigint, keyShare?: bigint|null, polynomial?: bigint[]|null}}} sealing
 * @returns {Promise<object>} the backup JSON
 */
export async function sealSecrets({ passphrase, meetingId, ceremonyId, index, secrets }) {
    if (!isId(meetingId) || !isId(index) || !/^[0-9a-f]{32}$/.test(ceremonyId)) {
        throw new Error('a backup names its meeting and trustee by ids in [1, 2^53 − 1] and its ceremony by 32 hex digits');
    }
    const header = { meetingId, ceremonyId, index };
    const salt = randomBytes(16);
    const nonce = randomBytes(12);
    const plain = {
        format: SECRETS, ...header,
        deviceKey: scalarToHex(secrets.deviceKey),
        keyShare: secrets.keyShare == null ? null : scalarToHex(secrets.keyShare),
        polynomial: secrets.polynomial == null ? null : secrets.polynomial.map(scalarToHex),
    };
    const key = await keyOf(passphrase, salt, ITERATIONS);
    const ciphertext = gcm(key, nonce, aad(header)).encrypt(utf8ToBytes(JSON.stringify(plain)));
    return { format: FORMAT, ...header, kdf: { name: KDF, iterations: ITERATIONS, salt: bytesToHex(salt) },
        nonce: bytesToHex(nonce), ciphertext: bytesToHex(ciphertext) };
}

/**
 * Decrypts a backup, or throws (wrong passphrase, changed file, or not a backup of this format).
 * @param {{passphrase: string, backup: object}} opening
 * @returns {Promise<{deviceKey: bigint, keyShare: bigint|null, polynomial: bigint[]|null}>}
 */
export async function openSecrets({ passphrase, backup }) {
    const { format, kdf, nonce, ciphertext } = backup;
    if (format !== FORMAT || kdf?.name !== KDF || !Number.isInteger(kdf.iterations)
            || kdf.iterations < ITERATIONS || kdf.iterations > MOST_ITERATIONS || !/^[0-9a-f]{32}$/.test(kdf.salt)
            || !/^[0-9a-f]{24}$/.test(nonce) || !/^([0-9a-f]{2})+$/.test(ciphertext)) {
        throw new Error('not a Quorum trustee backup');
    }
    const key = await keyOf(passphrase, hexToBytes(kdf.salt), kdf.iterations);
    let plain;
    try {
        plain = JSON.parse(new TextDecoder().decode(gcm(key, hexToBytes(nonce), aad(backup)).decrypt(hexToBytes(ciphertext))));
    } catch {
        throw new Error('wrong passphrase, or the backup was changed');
    }
    if (plain.format !== SECRETS || plain.meetingId !== backup.meetingId || plain.ceremonyId !== backup.ceremonyId
            || plain.index !== backup.index || !('keyShare' in plain) || !('polynomial' in plain)
            || !(plain.polynomial === null || Array.isArray(plain.polynomial))) {
        throw new Error('the backup does not hold this trustee\'s secrets');
    }
    return {
        deviceKey: scalarFromHex(plain.deviceKey),
        keyShare: plain.keyShare === null ? null : scalarFromHex(plain.keyShare),
        polynomial: plain.polynomial === null ? null : plain.polynomial.map(scalarFromHex),
    };
}

/** The browser-storage key of a trustee's backup. */
export const storageKey = ({ meetingId, ceremonyId, index }) => `quorum/trustee/${meetingId}/${ceremonyId}/${index}`;

/**
 * Keeps the backup in the browser's storage (e.g. `localStorage`), replacing an earlier one of the same trustee.
 * @param {Storage} storage
 * @param {object} backup
 */
export function keep(storage, backup) {
    storage.setItem(storageKey(backup), JSON.stringify(backup));
}

/**
 * The backup kept for this trustee, or null.
 * @param {Storage} storage
 * @param {{meetingId: number, ceremonyId: string, index: number}} trustee
 * @returns {object|null}
 */
export function kept(storage, trustee) {
    const text = storage.getItem(storageKey(trustee));
    return text === null ? null : JSON.parse(text);
}

/**
 * The backup as a file to download or print: a name and the JSON text.
 * @param {object} backup
 * @returns {{name: string, text: string}}
 */
export function backupFile(backup) {
    return { name: `quorum-trustee-${backup.meetingId}-${backup.ceremonyId.slice(0, 8)}-${backup.index}.json`,
        text: JSON.stringify(backup, null, 2) + '\n' };
}
