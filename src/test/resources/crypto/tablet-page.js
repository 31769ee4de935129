// The bare test page of the secret ballot's browser modules (TabletCryptoIT, TabletCryptoBench): a tablet's and a
// trustee's work in a real browser, reached over plain http, with the modules loaded through the import map.
import { reveal, checkRevelation } from '/resources/quorum/crypto/audit.js';
import { ceremonyContext } from '/resources/quorum/crypto/contexts.js';
import { aggregateOf, decryptBox, verifyPartialDecryption } from '/resources/quorum/crypto/decryption.js';
import { pointFromHex, pointToHex } from '/resources/quorum/crypto/group.js';
import { checkPapers, encryptPaper, prepareBallot, trackerOf, verifyPaper } from '/resources/quorum/crypto/paper.js';
import { receiptOf } from '/resources/quorum/crypto/receipt.js';
import { jointPublicKey } from '/resources/quorum/crypto/sharing.js';
import { beginCeremony, checkRound1, receiveShares, sendShares } from '/resources/quorum/crypto/trustee.js';
import { openSecrets, sealSecrets } from '/resources/quorum/crypto/vault.js';

const meetingId = 1;
const context = ceremonyContext({ meetingId, ceremonyId: '00112233445566778899aabbccddeeff', n: 3, t: 2 });
const devices = [1, 2, 3].map((index) => beginCeremony({ ceremonyContext: context, index, t: 2 }));
const round1 = devices.map((device) => device.published);
const boxes = devices.flatMap((device, k) => sendShares({ ceremonyContext: context, index: k + 1, secrets: device.secrets,
    trustees: round1 }));
const round3 = devices.map((device, k) => receiveShares({ ceremonyContext: context, index: k + 1, secrets: device.secrets,
    trustees: round1, boxes: boxes.filter((box) => box.to === k + 1) }));
const publicKey = pointToHex(jointPublicKey(round1.map((published) => published.commitments.map(pointFromHex))));

const FIELDS = {
    approval: { meetingId, ballotId: 7, kind: 'APPROVAL', question: 'Đề nghị công nhận xã Đắk Gằn đạt chuẩn nông thôn mới?',
        options: [{ code: 'YES', label: 'Đồng ý' }, { code: 'NO', label: 'Không đồng ý' },
            { code: 'ABSTAIN', label: 'Không biểu quyết' }], min: 1, max: 1, publicKey, ceremonyContext: context },
    election: { meetingId, ballotId: 8, kind: 'ELECTION', question: 'Bầu 2 thành viên Ban kiểm phiếu',
        options: ['Phạm Văn Hùng', 'Lê Thị Mai', 'H\'Linh Niê', 'Đỗ Quang Vinh', 'Vũ Thị Thu Trang']
            .map((label, o) => ({ code: `C${o + 1}`, label })), min: 0, max: 2, publicKey, ceremonyContext: context },
};
const CHOICES = {
    approval: [[1, 0, 0], [0, 1, 0], [0, 0, 1]],
    election: [[1, 1, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 0, 0], [0, 1, 0, 0, 1], [0, 0, 0, 1, 0]],
};
const ballots = {};

window.tablet = {
    environment: () => ({ secureContext: window.isSecureContext, subtle: typeof globalThis.crypto?.subtle,
        getRandomValues: typeof globalThis.crypto?.getRandomValues, userAgent: navigator.userAgent }),

    /** Decodes the ballot's public key and computes its multiples' table; returns the milliseconds taken. */
    prepare(kind) {
        const started = performance.now();
        ballots[kind] = prepareBallot(FIELDS[kind]);
        return performance.now() - started;
    },

    /** Makes `count` papers one after the other: the milliseconds of each, from the choices to the receipt shown. */
    papers(kind, count) {
        const ballot = ballots[kind];
        const times = [];
        let last;
        for (let k = 0; k < count; k++) {
            const choices = CHOICES[kind][k % CHOICES[kind].length];
            const started = performance.now();
            const prepared = encryptPaper(ballot, choices);
            const receipt = receiptOf(trackerOf(ballot.context, prepared.paper));
            times.push(performance.now() - started);
            last = { prepared, receipt };
        }
        return { times, valid: verifyPaper(ballot, last.prepared.paper), size: JSON.stringify(last.prepared.paper).length };
    },

    /**
     * The whole round trip in the browser: ceremony, papers, an audit, the trustees' devices checking the list and
     * decrypting the aggregate they recompute (and refusing a tampered list or aggregate), the vault.
     */
    async selfTest() {
        const approval = prepareBallot(FIELDS.approval);
        const papers = CHOICES.approval.map((choices) => encryptPaper(approval, choices).paper)
            .map((paper) => ({ paperId: paper.paperId, tracker: trackerOf(approval.context, paper), ...paper }));
        const audited = reveal(approval, encryptPaper(approval, [0, 1, 0]));
        const aggregate = aggregateOf(papers);
        const decryptions = [1, 3].map((index) => decryptBox({ ballot: approval, papers, audited: [audited],
            turnout: papers.length, index, keyShare: round3[index - 1].keyShare, aggregate }).decryption);
        const refuses = (change) => {
            try {
                decryptBox({ ballot: approval, papers, turnout: papers.length, index: 2, keyShare: round3[1].keyShare,
                    ...change(structuredClone(papers)) });
                return false;
            } catch {
                return true;
            }
        };
        const tampered = [
            (list) => { list[1].bitProofs[0].s[1] = list[1].bitProofs[0].s[0]; return { papers: list }; },
            (list) => ({ papers: list.slice(1) }),
            () => ({ aggregate: [aggregate[1], aggregate[0], aggregate[2]] }),
        ].every(refuses) && !refuses((list) => ({ papers: list, aggregate }));
        const started = performance.now();
        const backup = await sealSecrets({ passphrase: 'mật khẩu của thư ký', meetingId, ceremonyId: '00112233445566778899aabbccddeeff',
            index: 2, secrets: { deviceKey: devices[1].secrets.deviceKey, keyShare: round3[1].keyShare } });
        const sealMs = performance.now() - started;
        const opened = await openSecrets({ passphrase: 'mật khẩu của thư ký'.normalize('NFD'), backup });
        return {
            round1: checkRound1({ ceremonyContext: context, n: 3, t: 2, trustees: round1 }).length === 0,
            complaints: round3.flatMap((r) => r.complaints).length,
            papers: papers.every((paper) => verifyPaper(approval, paper)) && checkPapers(approval, papers).length === 0,
            tampered,
            audit: checkRevelation(approval, audited),
            decryptions: decryptions.every((decryption) => verifyPartialDecryption({ ballotContext: approval.context,
                verificationKey: round3[decryption.index - 1].published.verificationKey, aggregate, decryption })),
            vault: opened.keyShare === round3[1].keyShare,
            vaultSealMs: Math.round(sealMs),
            receipt: receiptOf(trackerOf(approval.context, papers[0])),
        };
    },
};
document.getElementById('status').textContent = 'ready';
