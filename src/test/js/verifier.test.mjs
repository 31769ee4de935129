// The JavaScript verifier (src/verifier/js/verify.mjs) as an auditor runs it: on the JavaScript side's fixtures and
// fresh records it passes; on a record with one thing changed it fails, at the check that names that thing; and on
// the Java side's fixtures (src/test/resources/crypto/java-*.json, when present) it passes too.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { pippenger } from '@noble/curves/abstract/curve.js';
import { G, Point, mul, pointFromHex, pointToHex, scalarToHex, randomScalar } from '../../main/webapp/resources/quorum/crypto/group.js';
import { msm } from '../../verifier/js/proofs.mjs';
import { approvalRecord } from './generate-fixtures.mjs';
import { electionRecord } from './stand-in-server.mjs';

const VERIFIER = fileURLToPath(new URL('../../verifier/js/verify.mjs', import.meta.url));
const FIXTURES = new URL('../resources/crypto/', import.meta.url);
const scratch = mkdtempSync(join(tmpdir(), 'quorum-verifier-'));

/** Runs the verifier on a record; returns its exit code, its failed checks (in order) and its output. */
function verify(record, name = 'record.json') {
    const file = join(scratch, name);
    writeFileSync(file, typeof record === 'string' ? record : JSON.stringify(record));
    const run = spawnSync(process.execPath, [VERIFIER, file], { encoding: 'utf8' });
    const failed = run.stdout.split('\n').filter((line) => line.startsWith('FAIL')).map((line) => line.split(/\s+/)[1]);
    return { status: run.status, failed, output: run.stdout + run.stderr };
}

const fixture = (name) => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));
const plusG = (hex) => pointToHex(pointFromHex(hex).add(G));
const otherScalar = (hex) => { let s; do { s = scalarToHex(randomScalar()); } while (s === hex); return s; };

/** One change each, and the check that must fail first (and, for some, others that must fail with it). */
const TAMPERINGS = {
    'one ciphertext': [(r) => { r.papers[3].ciphertexts[1].beta = plusG(r.papers[3].ciphertexts[1].beta); },
        'papers.tracker', ['papers.bitProofs', 'aggregate']],
    'one bit proof': [(r) => { r.papers[2].bitProofs[0].s[1] = otherScalar(r.papers[2].bitProofs[0].s[1]); },
        'papers.bitProofs'],
    'one total proof': [(r) => { r.papers[5].totalProof.c[0] = otherScalar(r.papers[5].totalProof.c[0]); },
        'papers.totalProofs'],
    'one partial decryption': [(r) => { r.decryptions[1].shares[0].d = plusG(r.decryptions[1].shares[0].d); },
        'decryptions.proofs'],
    'one partial decryption\'s proof': [(r) => { r.decryptions[0].shares[2].proof.s = otherScalar(r.decryptions[0].shares[2].proof.s); },
        'decryptions.proofs'],
    'one count': [(r) => { r.result.counts[0] += 1; r.result.counts[1] -= r.result.counts[1] > 0 ? 1 : 0; },
        'result.counts', ['fingerprint']],
    'the fingerprint': [(r) => { r.fingerprint = 'ab'.repeat(32); }, 'fingerprint'],
    'the question': [(r) => { r.ballot.question += ' '; }, 'ballot.context'],
    'an option code': [(r) => { [r.ballot.options[0].code, r.ballot.options[1].code] = [r.ballot.options[1].code, r.ballot.options[0].code]; },
        'ballot.context'],
    'a verification key proof': [(r) => { r.ceremony.trustees[1].verificationKeyProof.c = otherScalar(r.ceremony.trustees[1].verificationKeyProof.c); },
        'ceremony.proofs'],
    'a commitment': [(r) => { r.ceremony.trustees[0].commitments[1] = plusG(r.ceremony.trustees[0].commitments[1]); },
        'ceremony.verificationKeys'],
    'the public key': [(r) => { r.ceremony.publicKey = plusG(r.ceremony.publicKey); }, 'ceremony.publicKey'],
    'the ceremony context': [(r) => { r.ceremony.n += 1; }, 'ceremony.context'],
    'the order of the papers': [(r) => { [r.papers[0], r.papers[1]] = [r.papers[1], r.papers[0]]; }, 'papers.order'],
    'a paper listed twice': [(r) => { r.papers.splice(1, 0, structuredClone(r.papers[1])); r.result.papers += 1; },
        'papers.order', ['papers.unique']],
    'a paper left out': [(r) => { r.papers.splice(4, 1); }, 'aggregate'],
    'an audited paper\'s choices': [(r) => { r.audited[0].choices = [...r.audited[0].choices.slice(1), r.audited[0].choices[0]]; }, 'audited'],
    'an audited paper counted': [(r) => {
        const [audited] = r.audited;
        r.papers.push({ paperId: audited.paperId, tracker: 'f'.repeat(64), ciphertexts: audited.ciphertexts,
            bitProofs: audited.bitProofs, totalProof: audited.totalProof });
    }, 'papers.tracker', ['audited']],
    'a rejected paper counted': [(r) => { Object.assign(r.rejected[0], structuredClone(r.papers[0])); }, 'rejected'],
    'the trustees combined': [(r) => { r.result.trustees = [r.result.trustees[1], r.result.trustees[0]]; },
        'decryptions.threshold'],
    'too few trustees': [(r) => { r.decryptions.splice(1); }, 'decryptions.threshold'],
    'a point in upper case': [(r) => { r.papers[0].ciphertexts[0].alpha = r.papers[0].ciphertexts[0].alpha.toUpperCase(); },
        'papers.encoding'],
    'a bit proof\'s commitment': [(r) => { r.papers[1].bitProofs[2].a[1] = plusG(r.papers[1].bitProofs[2].a[1]); },
        'papers.bitProofs'],
    'a total proof\'s commitment': [(r) => { r.papers[6].totalProof.b[0] = plusG(r.papers[6].totalProof.b[0]); },
        'papers.totalProofs'],
    'a Schnorr proof\'s commitment': [(r) => { r.ceremony.trustees[2].deviceKeyProof.a = plusG(r.ceremony.trustees[2].deviceKeyProof.a); },
        'ceremony.proofs'],
    'a partial decryption\'s commitment': [(r) => { r.decryptions[1].shares[1].proof.a = plusG(r.decryptions[1].shares[1].proof.a); },
        'decryptions.proofs'],
    'a meeting id of 0': [(r) => { r.meeting.id = 0; }, 'ceremony.context'],
    'a ballot id of 2^53': [(r) => { r.ballot.id = 2 ** 53; }, 'format'],
    'an approval\'s answers reordered': [(r) => { r.ballot.options.reverse(); }, 'ballot.context'],
    'a rejected paper\'s reason': [(r) => { r.rejected[0].reason = 'ballot.paper.invalid'; }, 'rejected'],
    'an audited paper left out': [(r) => { r.audited.pop(); }, 'fingerprint'],
    'a rejected paper left out': [(r) => { r.rejected.pop(); }, 'fingerprint'],
};

describe('the JavaScript verifier', () => {
    for (const name of ['js-approval-9.json', 'js-election.json']) {
        test(`passes on ${name}`, () => {
            const { status, output } = verify(fixture(name));
            assert.equal(status, 0, output);
            assert.match(output, /VERIFIED: all 21 checks passed/);
        });
    }

    test('passes on a fresh record, and on an empty box', () => {
        assert.equal(verify(approvalRecord()).status, 0);
        const empty = electionRecord({ meeting: { id: 2, title: 'Trống' }, votes: [], decryptingTrustees: [1, 2],
            ballot: { id: 1, question: 'Q', kind: 'APPROVAL', min: 1, max: 1, openedAt: 'a', closedAt: 'b',
                options: [{ code: 'YES', label: 'Đồng ý' }, { code: 'NO', label: 'Không' }, { code: 'ABSTAIN', label: '—' }] } });
        assert.equal(empty.aggregate, null);
        const { status, output } = verify(empty);
        assert.equal(status, 0, output);
        assert.match(output, /aggregate +null/);
    });

    for (const [what, [change, first, alsoFailing = []]] of Object.entries(TAMPERINGS)) {
        test(`fails, at ${first}, when ${what} is changed`, () => {
            const record = fixture('js-approval-9.json');
            change(record);
            const { status, failed, output } = verify(record);
            assert.equal(status, 1, output);
            assert.equal(failed[0], first, output);
            for (const check of alsoFailing) {
                assert.ok(failed.includes(check), `${check} should fail too:\n${output}`);
            }
            assert.match(output, new RegExp(`NOT VERIFIED: failed ${first.replace('.', '\\.')}`));
        });
    }

    test('a decryption left out of a record with three fails at the fingerprint, which pins every decryption', () => {
        const record = fixture('js-election.json');
        assert.equal(record.decryptions.length, 3);
        record.decryptions.pop();
        const { status, failed, output } = verify(record);
        assert.equal(status, 1, output);
        assert.deepEqual(failed, ['fingerprint'], output);
    });

    for (const [as, written] of [['"threshold": 2,', '"threshold": 2.0,'], ['"n": 3,', '"n": 3e0,'], ['"min": 1,', '"min": -0,'],
        ['"min": 1,', '"min": 01,']]) {
        test(`a number written ${written} fails at format`, () => {
            const text = readFileSync(new URL('js-approval-9.json', FIXTURES), 'utf8');
            assert.ok(text.includes(as));
            const { status, failed, output } = verify(text.replace(as, written));
            if (written.includes('01')) {
                assert.equal(status, 2, 'not JSON at all');
                return;
            }
            assert.equal(status, 1, output);
            assert.equal(failed[0], 'format', output);
            assert.match(output, new RegExp(`the number ${written.split(': ')[1].replace(',', '').replace('.', '\\.')} is not`));
        });
    }

    test('its multi-scalar multiplication agrees with noble\'s Pippenger', () => {
        for (const n of [1, 2, 7, 40, 300]) {
            const points = Array.from({ length: n }, (_, k) => (k % 5 === 4 ? mul(G, 3n).negate() : mul(G, randomScalar())));
            const scalars = points.map((_, k) => [0n, 1n, randomScalar(), randomScalar() % 2n ** 128n][k % 4]);
            assert.ok(msm(points, scalars).equals(pippenger(Point, points, scalars)), `${n} points`);
        }
        assert.ok(msm([], []).is0());
    });

    test('a file that is not JSON ends with exit code 2; a record of another format fails at format', () => {
        assert.equal(verify('{ not json').status, 2);
        const { status, failed } = verify({ ...fixture('js-approval-9.json'), format: 'helios/1' });
        assert.equal(status, 1);
        assert.equal(failed[0], 'format');
    });

    test('imports nothing of Quorum\'s own code, only node and @noble', () => {
        const folder = new URL('../../verifier/js/', import.meta.url);
        for (const file of readdirSync(folder).filter((f) => f.endsWith('.mjs'))) {
            const source = readFileSync(new URL(file, folder), 'utf8');
            for (const [, specifier] of source.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
                assert.match(specifier, /^(node:|\.\/[a-z-]+\.mjs$|@noble\/(curves|hashes)\/)/, `${file} imports ${specifier}`);
            }
        }
    });
});

describe('the JavaScript verifier on the Java side\'s records', () => {
    for (const name of ['java-approval-9.json', 'java-election.json']) {
        const present = existsSync(new URL(name, FIXTURES));
        test(`passes on ${name}`, { skip: present ? false : `${name} is not here yet (branch crypto-java)` }, () => {
            const { status, output } = verify(fixture(name));
            assert.equal(status, 0, output);
        });
        test(`fails at the named check on tampered copies of ${name}`, { skip: present ? false : 'no Java fixture' }, () => {
            for (const what of ['one ciphertext', 'one bit proof', 'one partial decryption', 'one count']) {
                const [change, first] = TAMPERINGS[what];
                const record = fixture(name);
                change(record);
                const { status, failed, output } = verify(record);
                assert.equal(status, 1, `${what}: ${output}`);
                assert.equal(failed[0], first, `${what}: ${output}`);
            }
        });
    }
});
