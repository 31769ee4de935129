/*
 * Quorum — the delegate's tablet: the receipt block of a recorded vote — the receipt the device kept, "looking for
 * it" while a sent paper waits for its answer, or "voted from another device" when the device has none.
 */
import {$, papers, state} from './page.js';

/** What the block shows for what the device kept of a ballot's paper (pure: node tests it). */
export function receiptView(record) {
    const receipt = record && record.state === 'recorded' ? record.receipt : null;
    const looking = !receipt && !!record && record.state === 'pending';
    return {receipt, looking, elsewhere: !receipt && !looking};
}

export function showReceipt() {
    const block = $('vote-receipt-block');
    if (!block) {
        return;
    }
    const view = receiptView(state.ballot ? papers.load(state.ballot) : null);
    block.hidden = !view.receipt;
    $('vote-receipt').firstElementChild.textContent = view.receipt || '';
    $('vote-receipt-looking').hidden = !view.looking;
    $('vote-receipt-elsewhere').hidden = !view.elsewhere;
}
