// The group arithmetic and §1's encodings, against published vectors (src/test/resources/crypto/p256-vectors.json:
// SEC 2, RFC 6979 A.2.5, Project Wycheproof's ECDH secp256r1 ecpoint vectors) and FIPS 180-2's SHA digests.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { G, O, Point, mul, mulPublic, pointFromHex, pointToHex, precomputed, q, randomScalar, scalarFromHex, scalarToHex }
    from '../../main/webapp/resources/quorum/crypto/group.js';
import { challenge, hashToScalar, sha256hex, transcript } from '../../main/webapp/resources/quorum/crypto/transcript.js';
import { receiptOf } from '../../main/webapp/resources/quorum/crypto/receipt.js';

const vectors = JSON.parse(readFileSync(new URL('../resources/crypto/p256-vectors.json', import.meta.url), 'utf8'));
const big = (hex) => BigInt('0x' + hex);
const x = (P) => P.toAffine().x.toString(16).padStart(64, '0');

describe('P-256 as SEC 2 and FIPS 186-5 give it', () => {
    test('order, field and generator', () => {
        assert.equal(q, big(vectors.curve.order));
        assert.equal(Point.Fp.ORDER, big(vectors.curve.p));
        assert.equal(pointToHex(G), vectors.curve.generatorCompressed);
        assert.ok(Point.fromHex(vectors.curve.generatorUncompressed).equals(G));
        assert.ok(mulPublic(G, q - 1n).equals(G.negate()), '(q-1)·G = −G');
        assert.ok(mulPublic(G, q - 1n).add(G).is0(), 'q·G = O');
    });

    test('k·G (point-at-infinity.org nisttv, as the Java side) and RFC 6979 A.2.5: U = x·G', () => {
        assert.equal(vectors.baseMultiplication.tests.length, 8);
        for (const { scalar, x: ux, y: uy, from } of vectors.baseMultiplication.tests) {
            for (const U of [mul(G, big(scalar)), mulPublic(G, big(scalar)), mul(precomputed(mul(G, 1n).add(O)), big(scalar))]) {
                assert.equal(U.toAffine().x, big(ux), from);
                assert.equal(U.toAffine().y, big(uy), from);
            }
            assert.equal(pointToHex(mul(G, big(scalar))), (big(uy) % 2n ? '03' : '02') + ux, from);
        }
    });

    test(`Wycheproof ECDH: ${vectors.ecdh.numberOfTests} vectors, valid ones multiply, invalid points are refused`, () => {
        let valid = 0;
        let refused = 0;
        for (const t of vectors.ecdh.tests) {
            const compressed = t.flags.includes('CompressedPoint');
            if (t.result === 'invalid') {
                assert.throws(() => (compressed ? pointFromHex(t.public) : Point.fromHex(t.public)), `tcId ${t.tcId}`);
                refused++;
                continue;
            }
            const P = compressed ? pointFromHex(t.public) : pointFromHex(pointToHex(Point.fromHex(t.public)));
            assert.equal(x(mul(P, big(t.private) % q)), t.shared, `tcId ${t.tcId} (constant time)`);
            assert.equal(x(mulPublic(P, big(t.private) % q)), t.shared, `tcId ${t.tcId} (variable time)`);
            valid++;
        }
        assert.equal(valid + refused, vectors.ecdh.numberOfTests);
        assert.ok(refused >= 20 && valid >= 300);
    });
});

describe('§1 encodings are strict', () => {
    const P = mul(G, randomScalar());
    const hex = pointToHex(P);

    test('a point reads back as itself; other spellings are refused', () => {
        assert.ok(pointFromHex(hex).equals(P));
        for (const wrong of [hex.toUpperCase(), hex.slice(0, 65), hex + '00', '04' + hex.slice(2), '00',
            '02' + 'f'.repeat(64), '02' + vectors.curve.p, null, 7]) {
            assert.throws(() => pointFromHex(wrong), String(wrong));
        }
        assert.throws(() => pointToHex(O), 'O has no encoding');
        assert.throws(() => pointFromHex(Point.fromHex(vectors.curve.generatorUncompressed).toHex(false)));
    });

    test('a compressed x with no point on the curve is refused (Wycheproof InvalidCompressedPublic)', () => {
        const t = vectors.ecdh.tests.find((v) => v.flags.includes('InvalidCompressedPublic'));
        assert.throws(() => pointFromHex(t.public));
    });

    test('scalars: 64 lower-case digits below q', () => {
        assert.equal(scalarFromHex(scalarToHex(q - 1n)), q - 1n);
        assert.equal(scalarToHex(1n), '0'.repeat(63) + '1');
        for (const wrong of [q.toString(16), 'f'.repeat(64), scalarToHex(5n).toUpperCase().replace(/^0+/, '0'),
            scalarToHex(5n).slice(1), 'A'.repeat(64), '']) {
            assert.throws(() => scalarFromHex(wrong), wrong);
        }
        assert.throws(() => scalarToHex(q));
        assert.throws(() => scalarToHex(-1n));
    });

    test('random scalars are in [1, q-1] and differ', () => {
        const drawn = new Set(Array.from({ length: 64 }, () => randomScalar()));
        assert.equal(drawn.size, 64);
        for (const k of drawn) {
            assert.ok(k >= 1n && k < q);
        }
    });
});

describe('§1 transcripts and hashes', () => {
    test('SHA256hex and H against FIPS 180-2 ("abc")', () => {
        assert.equal(sha256hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
        const sha512abc = 'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a'
            + '2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f';
        assert.equal(hashToScalar('abc'), big(sha512abc) % q);
    });

    test('UTF-8 of Vietnamese text is hashed as it stands', () => {
        assert.equal(sha256hex('Đồng ý'), sha256hex('\u0110\u1ed3ng \u00fd'));
        assert.notEqual(sha256hex('Đồng ý'), sha256hex('Đồng ý'.normalize('NFD')));
    });

    test('fields are joined with | and must not contain it', () => {
        assert.equal(transcript('quorum/v1/x', 0, 12, pointToHex(G), G), `quorum/v1/x|0|12|${pointToHex(G)}|${pointToHex(G)}`);
        assert.equal(challenge('a', 1), hashToScalar('a|1'));
        for (const wrong of ['a|b', -1, 1.5, Number.MAX_SAFE_INTEGER + 1, null, 3n]) {
            assert.throws(() => transcript(wrong), String(wrong));
        }
    });
});

describe('§4 receipt form of a tracker, as Receipts.java gives it', () => {
    // the vectors of src/test/java/app/quorum/ballot/entity/ReceiptsTest.java (only the first 80 bits count)
    for (const [id, receipt] of [['00000000000000000000000000000000', '0000-0000-0000-0000'],
        ['ffffffffffffffffffffffffffffffff', 'ZZZZ-ZZZZ-ZZZZ-ZZZZ'], ['000102030405060708090a0b0c0d0e0f', '000G-40R4-0M30-E209'],
        ['f81d4fae7dec11d0a76500a0c91e6bf6', 'Z0EM-ZBKX-XG8X-19V5'], ['deadbeefcafebabe0123456789abcdef', 'VTPV-XVYA-ZTXB-W093']]) {
        test(`${id} → ${receipt}`, () => {
            assert.equal(receiptOf(id + '0'.repeat(32)), receipt);
            assert.equal(receiptOf(id + 'f'.repeat(32)), receipt);
        });
    }
    test('a tracker is 64 lower-case hex digits', () => {
        assert.throws(() => receiptOf('ab'));
        assert.throws(() => receiptOf('A'.repeat(64)));
    });
});
