// §2.2: the trustee's secrets under their passphrase (PBKDF2-SHA-256, 600,000 iterations; AES-256-GCM), in the
// browser's storage and as the backup file.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { randomScalar } from '../../main/webapp/resources/quorum/crypto/group.js';
import { ITERATIONS, backupFile, keep, kept, openSecrets, sealSecrets, storageKey }
    from '../../main/webapp/resources/quorum/crypto/vault.js';

const passphrase = 'Lúa về trên đồng Đắk Gằn';
const trustee = { meetingId: 1, ceremonyId: '0123456789abcdef0123456789abcdef', index: 2 };
const secrets = { deviceKey: randomScalar(), keyShare: randomScalar() };
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
