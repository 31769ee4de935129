/*
 * Quorum — the delegate's tablet: the papers the device keeps, per delegate and ballot, until the server's answer.
 *
 * A record is {paper, state: 'pending', choice, question} until the answer, then {paper, state: 'recorded', receipt,
 * question}, or {state: 'elsewhere', question} when the delegate's vote came from another device. They live in
 * sessionStorage (a reloaded page picks up where it was) and, where it cannot be used (private mode), in the page's
 * memory while it lives. No page and no browser needed: node tests it with a stand-in storage.
 */

/** Every key this page writes starts so (and ends with "{participant}.{ballot}"). */
export const KEY_PREFIX = 'quorum.vote.';

/**
 * The device's papers. storage() gives the sessionStorage (it may throw: then the memory keeps them); prefix() the
 * key prefix of the delegate on the page.
 */
export function createPapers(storage, prefix) {
    const memory = {};

    function load(ballot) {
        let raw = null;
        try {
            raw = storage().getItem(prefix() + ballot);
        } catch (e) {
            raw = memory[prefix() + ballot] || null;
        }
        try {
            return raw ? JSON.parse(raw) : null;
        } catch (e) {
            return null;
        }
    }

    function save(ballot, record) {
        memory[prefix() + ballot] = JSON.stringify(record);
        try {
            storage().setItem(prefix() + ballot, memory[prefix() + ballot]);
        } catch (e) {
            // private mode: the page's memory keeps it while it lives
        }
    }

    function forget(ballot) {
        delete memory[prefix() + ballot];
        try {
            storage().removeItem(prefix() + ballot);
        } catch (e) {
            // nothing kept
        }
    }

    /** The ballots with a paper waiting for its answer. */
    function pending() {
        const found = [];
        const keys = Object.keys(memory);
        try {
            const kept = storage();
            for (let i = 0; i < kept.length; i++) {
                keys.push(kept.key(i));
            }
        } catch (e) {
            // memory only
        }
        const own = prefix();
        keys.forEach((key) => {
            if (key.indexOf(own) === 0) {
                const ballot = key.substring(own.length);
                const record = load(ballot);
                if (record && record.state === 'pending' && found.indexOf(ballot) < 0) {
                    found.push(ballot);
                }
            }
        });
        return found;
    }

    /** Signing out: nothing of any delegate's papers stays on the device. */
    function clearAll() {
        Object.keys(memory).forEach((key) => {
            delete memory[key];
        });
        try {
            const kept = storage();
            for (let i = kept.length - 1; i >= 0; i--) {
                const key = kept.key(i);
                if (key && key.indexOf(KEY_PREFIX) === 0) {
                    kept.removeItem(key);
                }
            }
        } catch (e) {
            // nothing kept
        }
    }

    return {load, save, forget, pending, clearAll};
}

/** A new paper id: 128 random bits, in hex. */
export function newPaper(random = globalThis.crypto) {
    const bytes = new Uint8Array(16);
    random.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, (b) => (b < 16 ? '0' : '') + b.toString(16)).join('');
}
