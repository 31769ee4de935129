#!/usr/bin/env node
/**
 * Quorum's second, independent verifier of a secret ballot's public election record (src/site/election-record.md §7).
 *
 *     node verify.mjs record.json
 *
 * It reads only the record, checks everything §7 lists — the group; the ceremony (every Schnorr proof, every
 * verification key against the commitments, the public key as the sum of the C_i0); the ballot context; every paper
 * (encodings, proofs — every challenge, then the equations in batches on worker threads —, tracker, no copied id or
 * α); every audited paper's revelation; the rejected papers kept out of the count; the aggregate; every partial
 * decryption's proof; the threshold; the counts; the fingerprint — and prints one line per check, and at the end the
 * time and CPU it took. Exit code 0 when every check passes, 1 when one fails (the last line names the failed checks),
 * 2 when the file cannot be read as JSON.
 *
 * Written apart from Quorum's server and tablet code (it imports none of it); it uses @noble/curves and @noble/hashes
 * 2.4.0 only (see noble.mjs).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkBallotContext, checkCeremonyContext, checkCeremonyProofs, checkGroup, checkPublicKey, checkTrustees,
    checkVerificationKeys } from './ceremony.mjs';
import { checkAggregate, checkCounts, checkDecryptions, checkFingerprint, checkThreshold } from './count.mjs';
import { firstWrongNumber } from './encoding.mjs';
import { source } from './noble.mjs';
import { checkAudited, checkBitProofs, checkEncodings, checkOrder, checkRejected, checkTotalProofs, checkTrackers,
    checkUnique } from './papers.mjs';
import { Report } from './report.mjs';

/**
 * Runs every check on a parsed record.
 * @param {object} record
 * @param {(line: string) => void} print
 * @param {string} [text] the record's JSON text, whose numbers are checked as §1 writes them
 * @returns {Promise<string[]>} the names of the failed checks (empty: the record verifies)
 */
export async function verifyRecord(record, print = console.log, text = JSON.stringify(record)) {
    const started = performance.now();
    const report = new Report(print);
    const state = {};
    const ceremony = ['format', 'group', 'ceremony.context', 'ceremony.trustees'];
    const ballot = [...ceremony, 'ceremony.publicKey', 'ballot.context'];
    const papers = [...ballot, 'papers.encoding'];
    await report.check('format', () => {
        if (record?.format !== 'quorum-election-record/1') {
            throw new Error(`format is ${JSON.stringify(record?.format)}, not quorum-election-record/1`);
        }
        const wrong = firstWrongNumber(text);
        if (wrong !== null) {
            throw new Error(`the number ${wrong} is not an integer written as digits only, at most 2^53 - 1 (§1)`);
        }
        return 'quorum-election-record/1, every number an integer as §1 writes it';
    });
    await report.check('group', () => checkGroup(record), ['format']);
    await report.check('ceremony.context', () => checkCeremonyContext(record, state), ['format']);
    await report.check('ceremony.trustees', () => checkTrustees(record, state), ['ceremony.context']);
    await report.check('ceremony.proofs', () => checkCeremonyProofs(record, state), ceremony);
    await report.check('ceremony.verificationKeys', () => checkVerificationKeys(record, state), ceremony);
    await report.check('ceremony.publicKey', () => checkPublicKey(record, state), ceremony);
    await report.check('ballot.context', () => checkBallotContext(record, state), [...ceremony, 'ceremony.publicKey']);
    await report.check('papers.encoding', () => checkEncodings(record.papers, state, 'papers'), ballot);
    await report.check('papers.tracker', () => checkTrackers(state), papers);
    await report.check('papers.order', () => checkOrder(state), papers);
    await report.check('papers.unique', () => checkUnique(state), papers);
    await report.check('papers.bitProofs', () => checkBitProofs(state), papers);
    await report.check('papers.totalProofs', () => checkTotalProofs(state), papers);
    await report.check('audited', () => checkAudited(record, state), [...papers, 'papers.unique']);
    await report.check('rejected', () => checkRejected(record, state), [...papers, 'papers.unique']);
    await report.check('aggregate', () => checkAggregate(record, state), papers);
    await report.check('decryptions.proofs', () => checkDecryptions(record, state), [...papers, 'aggregate',
        'ceremony.verificationKeys']);
    await report.check('decryptions.threshold', () => checkThreshold(record, state), ['decryptions.proofs']);
    await report.check('result.counts', () => checkCounts(record, state), ['decryptions.proofs', 'decryptions.threshold']);
    await report.check('fingerprint', () => checkFingerprint(record, state), ['ballot.context']);
    const failures = report.failures;
    const cpu = process.cpuUsage();
    const took = `(${Math.round(performance.now() - started)} ms, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU)`;
    print(failures.length === 0 ? `VERIFIED: all ${report.results.length} checks passed ${took}`
        : `NOT VERIFIED: failed ${failures.join(', ')} ${took}`);
    return failures;
}

async function main(args) {
    if (args.length !== 1) {
        console.error('usage: node verify.mjs <election-record.json>');
        return 2;
    }
    let record;
    let text;
    try {
        text = readFileSync(args[0], 'utf8');
        record = JSON.parse(text);
    } catch (error) {
        console.error(`cannot read ${args[0]} as JSON: ${error.message}`);
        return 2;
    }
    console.log(`Quorum election record verifier (JavaScript), P-256 from ${source}`);
    console.log(`record: ${args[0]}`);
    return (await verifyRecord(record, console.log, text)).length === 0 ? 0 : 1;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
    process.exitCode = await main(process.argv.slice(2));
}
