/**
 * FOR TESTS ONLY: a stand-in for Quorum's server, so the browser modules can be run end to end in node and give a
 * complete election record (§7) — the ceremony between three devices, tablets casting and auditing papers, the
 * server's acceptance checks, the aggregate, the trustees' partial decryptions, the combination (§6) and the
 * fingerprint. The real server is Java (package app.quorum.ballot.crypto); this file never ships.
 */
import { randomBytes, bytesToHex } from '@noble/hashes/utils.js';
import { reveal } from '../../main/webapp/resources/quorum/crypto/audit.js';
import { ceremonyContext } from '../../main/webapp/resources/quorum/crypto/contexts.js';
import { aggregateOf, decryptBox, verifyPartialDecryption } from '../../main/webapp/resources/quorum/crypto/decryption.js';
import { G, O, mulPublic, pointFromHex, pointToHex, q } from '../../main/webapp/resources/quorum/crypto/group.js';
import { REASONS, checkPapers, encryptPaper, prepareBallot, trackerOf }
    from '../../main/webapp/resources/quorum/crypto/paper.js';
import { jointPublicKey, lagrangeAtZero } from '../../main/webapp/resources/quorum/crypto/sharing.js';
import { sha256hex, transcript } from '../../main/webapp/resources/quorum/crypto/transcript.js';
import { beginCeremony, checkRound1, receiveShares, sendShares } from '../../main/webapp/resources/quorum/crypto/trustee.js';

const ROLES = ['CHAIR', 'SECRETARY', 'COUNTING_COMMITTEE'];

/**
 * Runs the three rounds of §2 between n simulated devices.
 * @returns {{ceremony: object, keyShares: bigint[]}} the record's ceremony part, and each trustee's key share
 */
export function runCeremony({ meetingId, n = 3, t = 2, names = [] }) {
    const id = bytesToHex(randomBytes(16));
    const context = ceremonyContext({ meetingId, ceremonyId: id, n, t });
    const devices = Array.from({ length: n }, (_, k) => beginCeremony({ ceremonyContext: context, index: k + 1, t }));
    const round1 = devices.map((device) => device.published);
    if (checkRound1({ ceremonyContext: context, n, t, trustees: round1 }).length > 0) {
        throw new Error('round 1 does not check');
    }
    const boxes = devices.flatMap((device, k) => sendShares({ ceremonyContext: context, index: k + 1,
        secrets: device.secrets, trustees: round1 }));
    const round3 = devices.map((device, k) => receiveShares({ ceremonyContext: context, index: k + 1,
        secrets: device.secrets, trustees: round1, boxes: boxes.filter((box) => box.to === k + 1) }));
    const trustees = round1.map((published, k) => ({
        index: published.index, role: ROLES[k] ?? 'MEMBER', name: names[k] ?? `Trustee ${k + 1}`,
        deviceKey: published.deviceKey, deviceKeyProof: published.deviceKeyProof,
        commitments: published.commitments, commitmentProof: published.commitmentProof,
        verificationKey: round3[k].published.verificationKey,
        verificationKeyProof: round3[k].published.verificationKeyProof,
    }));
    const publicKey = pointToHex(jointPublicKey(round1.map((published) => published.commitments.map(pointFromHex))));
    return { ceremony: { id, context, n, threshold: t, trustees, publicKey }, keyShares: round3.map((r) => r.keyShare) };
}

/**
 * The server's §6 combination: λ over the first t answering trustees, T_o = B_o − Σ λ_j·D_jo, and the count c_o
 * with T_o = c_o·G found by walking 0, G, 2G, …
 */
export function combine({ aggregate, decryptions, t, papers }) {
    const set = decryptions.map((decryption) => decryption.index).sort((a, b) => a - b).slice(0, t);
    const counts = aggregate.map(({ beta }, o) => {
        const W = set.reduce((sum, j) => sum.add(mulPublic(pointFromHex(decryptions.find((d) => d.index === j)
            .shares[o].d), lagrangeAtZero(set, j))), O);
        const T = pointFromHex(beta).subtract(W);
        let walk = O;
        for (let c = 0; c <= papers; c++, walk = walk.add(G)) {
            if (walk.equals(T)) {
                return c;
            }
        }
        throw new Error('no count found');
    });
    return { counts, trustees: set };
}

/**
 * A whole record: the ceremony, the tablets' papers (one per entry of votes), audited papers, rejected papers
 * (an exact resubmission and one with a broken proof), the close with the given trustees, and the fingerprint.
 */
export function electionRecord({ meeting, ballot, votes, audits = [], decryptingTrustees, n = 3, t = 2,
    trusteeNames = [] }) {
    const { ceremony, keyShares } = runCeremony({ meetingId: meeting.id, n, t, names: trusteeNames });
    const fields = { meetingId: meeting.id, ballotId: ballot.id, kind: ballot.kind, question: ballot.question,
        options: ballot.options, min: ballot.min, max: ballot.max, publicKey: ceremony.publicKey,
        ceremonyContext: ceremony.context };
    const prepared = prepareBallot(fields);
    const accepted = new Map();
    const alphas = new Set();
    const rejected = [];
    const audited = audits.map((choices) => reveal(prepared, encryptPaper(prepared, choices)))
        .sort((a, b) => (a.tracker < b.tracker ? -1 : 1));
    audited.forEach((paper) => paper.ciphertexts.forEach((ct) => alphas.add(ct.alpha)));
    /** §4's acceptance: a valid paper, a new id, no α seen in an accepted or audited paper; an exact resend is a no-op. */
    const auditedIds = new Set(audited.map((paper) => paper.paperId));
    const accept = (paper) => {
        const tracker = trackerOf(prepared.context, paper);
        if (accepted.get(paper.paperId)?.tracker === tracker) {
            return 'already accepted';
        }
        const alphasOfPaper = paper.ciphertexts.map((ct) => ct.alpha);
        const reason = checkPapers(prepared, [paper])[0]?.reason
            ?? (accepted.has(paper.paperId) || auditedIds.has(paper.paperId) ? REASONS.duplicateId
                : alphasOfPaper.some((alpha) => alphas.has(alpha)) ? REASONS.replay : null);
        if (reason) {
            rejected.push({ paperId: paper.paperId, tracker, reason, ...paper });
            return 'rejected';
        }
        accepted.set(paper.paperId, { paperId: paper.paperId, tracker, ...paper });
        alphasOfPaper.forEach((alpha) => alphas.add(alpha));
        return 'accepted';
    };
    for (const choices of votes) {
        accept(encryptPaper(prepared, choices).paper);
    }
    if (votes.length > 0) {
        const first = [...accepted.values()][0];
        const { tracker: _listed, ...resent } = structuredClone(first); // a tablet sending the same paper again: no change
        if (accept(resent) !== 'already accepted') {
            throw new Error('an exact resend must be answered as accepted');
        }
        accept({ ...structuredClone(resent), paperId: bytesToHex(randomBytes(16)) }); // a copy under a new id
        const broken = encryptPaper(prepared, votes[0]).paper; // a paper whose total proof was changed
        broken.totalProof.s[0] = broken.totalProof.s[0] === '0'.repeat(64) ? '1'.padStart(64, '0') : '0'.repeat(64);
        accept(broken);
    }
    const papers = [...accepted.values()].sort((a, b) => (a.tracker < b.tracker ? -1 : 1))
        .map(({ paperId, tracker, ciphertexts, bitProofs, totalProof }) => ({ paperId, tracker, ciphertexts, bitProofs,
            totalProof }));
    const aggregate = aggregateOf(papers);
    let decryptions = [];
    let result = { counts: ballot.options.map(() => 0), papers: 0, trustees: [] };
    if (aggregate !== null) {
        // each trustee's device checks the list and decrypts the aggregate it recomputes (§6), the turnout being one
        // participation per accepted paper
        decryptions = [...decryptingTrustees].sort((a, b) => a - b).map((j) => decryptBox({ ballot: prepared, papers,
            audited, turnout: papers.length, index: j, keyShare: keyShares[j - 1], aggregate }).decryption);
        if (!decryptions.every((decryption) => verifyPartialDecryption({ ballotContext: prepared.context,
            verificationKey: ceremony.trustees[decryption.index - 1].verificationKey, aggregate, decryption }))) {
            throw new Error('a partial decryption does not verify');
        }
        const { counts, trustees } = combine({ aggregate, decryptions, t, papers: papers.length });
        result = { counts, papers: papers.length, trustees };
    }
    const fingerprint = sha256hex(transcript('quorum/v1/record', prepared.context, ...papers.map((p) => p.tracker),
        'audited', ...audited.map((p) => p.tracker), 'rejected', ...rejected.map((p) => p.tracker ?? 'null'),
        ...(aggregate === null ? ['null'] : aggregate.flatMap(({ alpha, beta }) => [alpha, beta])),
        ...decryptions.flatMap(({ index, shares }) => [index, ...shares.map((share) => share.d)]), ...result.counts));
    return {
        format: 'quorum-election-record/1',
        group: { curve: 'P-256', order: q.toString(16), generator: pointToHex(G) },
        meeting,
        ceremony,
        ballot: { ...ballot, context: prepared.context },
        papers,
        rejected,
        audited,
        aggregate,
        decryptions,
        result,
        fingerprint,
    };
}
