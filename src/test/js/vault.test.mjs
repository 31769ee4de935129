// §2.2: the trustee's secrets under their passphrase (PBKDF2-SHA-256, 600,000 iterations; AES-256-GCM), in the
// browser's storage and as the backup file — and the backup opened by hand as the specification writes it (NFC
// passphrase, the AAD string, the plaintext's fields), with noble's primitives directly.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { gcm } from '@noble/ciphers/aes.js';
import { pbkdf2Async } from '@noble/hashes/pbkdf2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { hexToBytes, randomBytes, utf8ToBytes, bytesToHex } from '@noble/hashes/utils.js';
import { randomScalar, scalarToHex } from '../../main/webapp/resources/quorum/crypto/group.js';
import { ITERATIONS, backupFile, keep, kept, openSecrets, sealSecrets, storageKey }
    from '../../main/webapp/resources/quorum/crypto/vault.js';

const passphrase = 'Lúa về trên đồng Đắk Gằn';
const trustee = { meetingId: 1, ceremonyId: '0123456789abcdef0123456789abcdef', index: 2 };
const secrets = { deviceKey: randomScalar(), keyShare: randomScalar(), polynomial: null };
const backup = await sealSecrets({ passphrase, ...trustee, secrets });

describe('§2.2 the trustee\'s vault', () => {
    test('the backup has the published shape and opens with the passphrase', async () => {
        assert.deepEqual(Object.keys(backup), ['format', 'meetingId', 'ceremonyId', 'index', 'kdf', 'nonce', 'ciphertext']);
        assert.equal(backup.format, 'quorum-trustee-backup/1');
        assert.deepEqual({ ...backup.kdf, salt: undefined }, { name: 'PBKDF2-SHA256', iterations: 600000, salt: undefined });
        assert.equal(ITERATIONS, 600000);
        assert.match(backup.kdf.salt, /^[0-9a-f]{32}$/);
        assert.match(backup.nonce, /^[0-9a-f]{24}$/);
        assert.deepEqual(await openSecrets({ passphrase, backup }), secrets);
        assert.ok(!JSON.stringify(backup).includes(secrets.keyShare.toString(16)), 'no secret in the clear');
    });

    test('the passphrase opens it whether typed with composed or decomposed diacritics', async () => {
        assert.deepEqual(await openSecrets({ passphrase: passphrase.normalize('NFD'), backup }), secrets);
    });

    test('a wrong passphrase, a changed header or ciphertext, or a downgraded KDF is refused', async () => {
        await assert.rejects(openSecrets({ passphrase: passphrase + '!', backup }), /wrong passphrase/);
        await assert.rejects(openSecrets({ passphrase, backup: { ...backup, index: 3 } }), /wrong passphrase/);
        const flipped = backup.ciphertext.slice(0, -1) + (backup.ciphertext.endsWith('0') ? '1' : '0');
        await assert.rejects(openSecrets({ passphrase, backup: { ...backup, ciphertext: flipped } }), /wrong passphrase/);
        await assert.rejects(openSecrets({ passphrase, backup: { ...backup, kdf: { ...backup.kdf, iterations: 1000 } } }),
            /not a Quorum trustee backup/);
        await assert.rejects(openSecrets({ passphrase: '', backup }), /passphrase/);
    });

    test('the polynomial is kept while the ceremony runs', async () => {
        const during = { deviceKey: randomScalar(), keyShare: null, polynomial: [randomScalar(), randomScalar()] };
        const sealed = await sealSecrets({ passphrase, ...trustee, secrets: during });
        assert.deepEqual(await openSecrets({ passphrase, backup: sealed }), during);
    });

    test('the backup opens by §2.2 alone: PBKDF2 of the NFC passphrase, AES-GCM with the specified AAD, the plaintext\'s '
        + 'seven fields', async () => {
        const decomposed = passphrase.normalize('NFD');
        assert.notEqual(decomposed, passphrase);
        const key = await pbkdf2Async(sha256, utf8ToBytes(decomposed.normalize('NFC')), hexToBytes(backup.kdf.salt),
            { c: 600000, dkLen: 32 });
        const aad = utf8ToBytes(`quorum/v1/backup|${trustee.meetingId}|${trustee.ceremonyId}|${trustee.index}`);
        const plain = JSON.parse(new TextDecoder().decode(gcm(key, hexToBytes(backup.nonce), aad)
            .decrypt(hexToBytes(backup.ciphertext))));
        assert.deepEqual(plain, { format: 'quorum-trustee-secrets/1', ...trustee, deviceKey: scalarToHex(secrets.deviceKey),
            keyShare: scalarToHex(secrets.keyShare), polynomial: null });
        assert.throws(() => gcm(key, hexToBytes(backup.nonce), utf8ToBytes(`quorum/v1/backup|1|${trustee.ceremonyId}|3`))
            .decrypt(hexToBytes(backup.ciphertext)), 'another index in the AAD');
    });

    test('a plaintext without its seven fields is refused, and so are ids out of range', async () => {
        const salt = randomBytes(16);
        const nonce = randomBytes(12);
        const key = await pbkdf2Async(sha256, utf8ToBytes(passphrase), salt, { c: 600000, dkLen: 32 });
        const aad = utf8ToBytes(`quorum/v1/backup|${trustee.meetingId}|${trustee.ceremonyId}|${trustee.index}`);
        const plain = { format: 'quorum-trustee-secrets/1', ...trustee, deviceKey: scalarToHex(secrets.deviceKey),
            keyShare: scalarToHex(secrets.keyShare) }; // no polynomial
        const sealed = { format: 'quorum-trustee-backup/1', ...trustee, kdf: { name: 'PBKDF2-SHA256', iterations: 600000,
            salt: bytesToHex(salt) }, nonce: bytesToHex(nonce),
            ciphertext: bytesToHex(gcm(key, nonce, aad).encrypt(utf8ToBytes(JSON.stringify(plain)))) };
        await assert.rejects(openSecrets({ passphrase, backup: sealed }), /does not hold this trustee/);
        await assert.rejects(sealSecrets({ passphrase, ...trustee, index: 0, secrets }), /ids/);
        await assert.rejects(sealSecrets({ passphrase, ...trustee, meetingId: 2 ** 53, secrets }), /ids/);
    });

    test('kept in the browser\'s storage under the trustee\'s key, and as a file', () => {
        const store = new Map();
        const storage = { setItem: (k, v) => store.set(k, v), getItem: (k) => (store.has(k) ? store.get(k) : null) };
        assert.equal(kept(storage, trustee), null);
        keep(storage, backup);
        assert.deepEqual(kept(storage, trustee), backup);
        assert.equal(storageKey(trustee), 'quorum/trustee/1/0123456789abcdef0123456789abcdef/2');
        const file = backupFile(backup);
        assert.equal(file.name, 'quorum-trustee-1-01234567-2.json');
        assert.deepEqual(JSON.parse(file.text), backup);
    });
});
