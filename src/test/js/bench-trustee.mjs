/**
 * A figure for CryptoBench, not a test: a trustee's device (decryption.js, in node here) checking a closed box's list
 * of papers and decrypting the aggregate it recomputes (§6) — every paper's proofs in one batch, trackers, ids and α,
 * then N partial decryptions with their proofs. The key share is a random one: its correctness is not what is timed.
 *
 *     node --import ./register.mjs bench-trustee.mjs record.json      (from src/test/js)
 */
import { readFileSync } from 'node:fs';
import { decryptBox } from '../../main/webapp/resources/quorum/crypto/decryption.js';
import { randomScalar } from '../../main/webapp/resources/quorum/crypto/group.js';
import { prepareBallot } from '../../main/webapp/resources/quorum/crypto/paper.js';

const record = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const { ballot, ceremony, meeting } = record;
const started = performance.now();
const prepared = prepareBallot({ meetingId: meeting.id, ballotId: ballot.id, kind: ballot.kind, question: ballot.question,
    options: ballot.options, min: ballot.min, max: ballot.max, publicKey: ceremony.publicKey,
    ceremonyContext: ceremony.context });
const { papers } = decryptBox({ ballot: prepared, papers: record.papers, audited: record.audited,
    turnout: record.papers.length, index: 1, keyShare: randomScalar(), aggregate: record.aggregate });
const cpu = process.cpuUsage();
console.log(`a trustee's device checked ${papers} papers and decrypted their aggregate in `
    + `${Math.round(performance.now() - started)} ms, ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s of CPU (node ${process.version})`);
