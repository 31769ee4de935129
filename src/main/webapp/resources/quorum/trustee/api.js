/**
 * The ceremony's API for the trustee's device (app.quorum.ballot.boundary.TrusteeResource): the session cookie, JSON
 * in and out, and every failure as an Error with a `kind` — 'signedOut' (401), 'refused' (the server's translated
 * `message`), or 'offline' (no answer: the device tries again).
 *
 * @module quorum/trustee/api
 */

/**
 * @param {string} base the API's address ending in /api/delegate/trustee/
 * @param {typeof fetch} [fetcher] the page's fetch, looked up at each call when not given
 */
export function trusteeApi(base, fetcher = (...args) => globalThis.fetch(...args)) {
    async function call(method, path, body) {
        let response;
        try {
            response = await fetcher(base + path, {
                method, credentials: 'same-origin', cache: 'no-store',
                headers: body === undefined ? { Accept: 'application/json' }
                    : { Accept: 'application/json', 'Content-Type': 'application/json' },
                body: body === undefined ? undefined : JSON.stringify(body),
            });
        } catch (cause) {
            throw Object.assign(new Error('offline', { cause }), { kind: 'offline' });
        }
        if (response.status === 401) {
            throw Object.assign(new Error('signed out'), { kind: 'signedOut' });
        }
        let json = null;
        try {
            json = await response.json();
        } catch {
            json = null;
        }
        if (!response.ok) {
            if (json && typeof json.message === 'string' && response.status < 500) {
                throw Object.assign(new Error(json.message), { kind: 'refused', key: json.error });
            }
            throw Object.assign(new Error('HTTP ' + response.status), { kind: 'offline' });
        }
        return json;
    }
    return {
        ceremony: () => call('GET', 'ceremony'),
        roundOne: (ceremonyId, roundOne) => call('PUT', 'ceremony/round-one', { ceremonyId, roundOne }),
        shares: (ceremonyId, shares) => call('PUT', 'ceremony/shares', { ceremonyId, shares }),
        verificationKey: (ceremonyId, verificationKey) => call('PUT', 'ceremony/verification-key',
            { ceremonyId, verificationKey }),
        complaint: (ceremonyId, against) => call('PUT', 'ceremony/complaint', { ceremonyId, against }),
    };
}
