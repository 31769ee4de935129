/**
 * What the trustee's device does next in the key ceremony (election record specification §2), decided from what the
 * server shows (GET /api/delegate/trustee/ceremony) and what the device holds. Pure: no DOM, no network, no crypto.
 *
 * @module quorum/trustee/flow
 */

/**
 * @param {object} view the server's ceremony view: {status, n, index, trustees: [{index, roundOne, sharesSent,
 *        verificationKey, complaint}], boxes}
 * @param {{unlocked: boolean, kept: boolean, keyShare: boolean}} device unlocked: the secrets are open in memory;
 *        kept: an encrypted backup of this ceremony is in the browser's storage; keyShare: the open secrets hold x_j
 * @returns {{step: string, done: number, of: number}} step: failed | ready | choose | unlock | noSecrets | round1 |
 *          wait1 | round2 | wait2 | round3 | wait3; done/of: how many trustees finished the round being waited for
 */
export function nextStep(view, device) {
    const n = view.n;
    const me = view.trustees.find((trustee) => trustee.index === view.index);
    const count = (test) => view.trustees.filter(test).length;
    const at = (step, done = 0) => ({ step, done, of: n });
    if (view.status === 'FAILED') {
        return at('failed');
    }
    if (view.status === 'READY') {
        return at('ready', n);
    }
    if (!device.unlocked) {
        if (device.kept) {
            return at('unlock');
        }
        return me.roundOne === null ? at('choose') : at('noSecrets');
    }
    if (me.roundOne === null) {
        return at('round1');
    }
    const roundOnes = count((trustee) => trustee.roundOne !== null);
    if (roundOnes < n) {
        return at('wait1', roundOnes);
    }
    if (!me.sharesSent) {
        return at('round2', roundOnes);
    }
    const sent = count((trustee) => trustee.sharesSent);
    if (sent < n || view.boxes.length < n - 1) {
        return at('wait2', sent);
    }
    if (me.verificationKey === null && me.complaint === null) {
        return at('round3', sent);
    }
    return at('wait3', count((trustee) => trustee.verificationKey !== null));
}
