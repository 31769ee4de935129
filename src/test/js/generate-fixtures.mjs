/**
 * Writes the JavaScript side's fixture records, for the Java verifier to be checked against (and for this side's
 * tests): src/test/resources/crypto/js-approval-9.json (an approval ballot, 9 papers, closed by trustees 1 and 3 of 3)
 * and js-election.json (an election of 2 among 5 candidates, blank papers allowed, all 3 trustees answering).
 *
 *     node --import ./register.mjs generate-fixtures.mjs      (from src/test/js)
 *
 * Every run draws new keys and randomness: the records differ each time and each one verifies.
 */
import { writeFileSync } from 'node:fs';
import { electionRecord } from './stand-in-server.mjs';

const FOLDER = new URL('../resources/crypto/', import.meta.url);
const TRUSTEES = ['Nguyễn Văn Thắng', 'Trần Thị Hồng Nhung', 'Y Khuê Niê'];
const meeting = { id: 1, title: 'Hội nghị tổng kết Chương trình MTQG xây dựng nông thôn mới năm 2023' };

export function approvalRecord() {
    const yes = [1, 0, 0];
    const no = [0, 1, 0];
    const abstain = [0, 0, 1];
    return electionRecord({
        meeting,
        ballot: { id: 7, question: 'Đề nghị công nhận xã Đắk Gằn đạt chuẩn nông thôn mới năm 2023?', kind: 'APPROVAL',
            options: [{ code: 'YES', label: 'Đồng ý' }, { code: 'NO', label: 'Không đồng ý' },
                { code: 'ABSTAIN', label: 'Không biểu quyết' }],
            min: 1, max: 1, openedAt: '2024-01-19T08:30:00Z', closedAt: '2024-01-19T08:45:00Z' },
        votes: [yes, yes, yes, no, yes, abstain, yes, yes, yes],
        audits: [yes, no],
        decryptingTrustees: [1, 3],
        trusteeNames: TRUSTEES,
    });
}

export function electionRecordOfFive() {
    const candidates = ['Phạm Văn Hùng', 'Lê Thị Mai', 'H\'Linh Niê', 'Đỗ Quang Vinh', 'Vũ Thị Thu Trang'];
    const marks = (...chosen) => candidates.map((_, o) => (chosen.includes(o) ? 1 : 0));
    return electionRecord({
        meeting,
        ballot: { id: 8, question: 'Bầu 2 thành viên Ban kiểm phiếu', kind: 'ELECTION',
            options: candidates.map((label, o) => ({ code: `C${o + 1}`, label })),
            min: 0, max: 2, openedAt: '2024-01-19T09:00:00Z', closedAt: '2024-01-19T09:20:00Z' },
        votes: [marks(0, 1), marks(0, 3), marks(1), marks(), marks(0, 4), marks(2, 3)],
        audits: [marks(1, 2)],
        decryptingTrustees: [3, 1, 2],
        trusteeNames: TRUSTEES,
    });
}

if (import.meta.url === `file://${process.argv[1]}`) {
    for (const [name, record] of [['js-approval-9.json', approvalRecord()], ['js-election.json', electionRecordOfFive()]]) {
        writeFileSync(new URL(name, FOLDER), JSON.stringify(record, null, 2) + '\n');
        console.log(`wrote ${new URL(name, FOLDER).pathname}: counts ${record.result.counts.join(', ')}`);
    }
}
