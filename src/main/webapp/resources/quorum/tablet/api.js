/*
 * Quorum — the delegate's tablet: one request to the casting API, and what its answer means for the device.
 *
 *   PUT  {api}ballots/{ballot}/papers/{paper}   {"choice": "YES"}  → 200 {"receipt": …}, or 409 / 400 {"error", "message"}
 *   GET  {api}ballots/{ballot}/participation?paper={paper}        → {"voted": bool, "receipt": … or null}
 *   GET  {api}tablet                                              → {"signature": …}  (the light periodic check)
 *   an end-to-end ballot's paper instead of the choice: PUT … {"paper": {paperId, ciphertexts, bitProofs, totalProof}};
 *   its audit (sealing.js): POST {public api}ballots/{ballot}/audited without the session (credentials 'omit')
 *   any of them, signed out → 401 {"error": "api.signedOut", …}; the database away → 503 with Retry-After
 *
 * No page needed: node tests it with a stand-in fetch.
 */

/** No answer within this long counts as no answer. */
export const TIMEOUT = 5000;
/** The longest pause between two sends of the same paper. */
export const LONGEST_PAUSE = 15000;

/**
 * What an answer means: {kind: 'json', status, body}, {kind: 'signedOut'} (401 or 403, or a redirect or a page instead
 * of JSON: a proxy's sign-in, say), {kind: 'retry'} (no usable answer: 5xx such as the 503 of a database away, 408, 429,
 * unreadable JSON) or {kind: 'failed', status}.
 */
export function classify(response) {
    const type = response.headers.get('Content-Type') || '';
    if (response.type === 'opaqueredirect' || response.status === 401 || response.status === 403) {
        return Promise.resolve({kind: 'signedOut'});
    }
    if (response.status >= 500 || response.status === 408 || response.status === 429) {
        return Promise.resolve({kind: 'retry', status: response.status});
    }
    if (type.indexOf('application/json') === 0) {
        return response.json().then((json) => ({kind: 'json', status: response.status, body: json || {}}),
                () => ({kind: 'retry'}));
    }
    return Promise.resolve(response.ok ? {kind: 'signedOut'} : {kind: 'failed', status: response.status});
}

/**
 * One request (base: the API's address, ending in "/"): resolves, never rejects, to what classify says, or to
 * {kind: 'retry'} when the network fails or nothing answers within the timeout. credentials: 'same-origin' (the
 * delegate's session) unless told otherwise ('omit': no cookie at all, for the audit list).
 */
export function call(base, method, path, body, {fetch = globalThis.fetch, timeout = TIMEOUT, credentials = 'same-origin'} = {}) {
    const controller = typeof AbortController === 'function' ? new AbortController() : null;
    const timer = setTimeout(() => {
        if (controller) {
            controller.abort();
        }
    }, timeout);
    const init = {
        method, credentials, redirect: 'manual', cache: 'no-store',
        headers: {'Accept': 'application/json'}, signal: controller ? controller.signal : undefined
    };
    if (body !== undefined) {
        init.headers['Content-Type'] = 'application/json';
        init.body = JSON.stringify(body);
    }
    return fetch(base + path, init).then(classify, () => ({kind: 'retry'})).then((answer) => {
        clearTimeout(timer);
        return answer;
    });
}

/** The pause before sending a paper again after so many sends without an answer: 1, 2, 4, 8, then 15 s. */
export function retryPause(attempts) {
    return Math.min(LONGEST_PAUSE, 1000 * Math.pow(2, Math.min(attempts - 1, 4)));
}
