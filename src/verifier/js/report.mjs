/**
 * The verifier's report: one line per check, `ok`, `FAIL` or `skip`, its name and what it found.
 */
export class Report {
    /** @param {(line: string) => void} print */
    constructor(print) {
        this.print = print;
        this.results = [];
    }

    /**
     * Runs one check. `run` returns (or resolves to) what it found (a sentence), or throws with what is wrong; `needs`
     * names the checks whose failure makes this one meaningless (then it is skipped).
     */
    async check(name, run, needs = []) {
        const failedNeed = needs.find((need) => this.failed(need));
        if (failedNeed) {
            return this.record(name, 'skip', `not checked: ${failedNeed} failed`);
        }
        try {
            return this.record(name, 'ok', await run());
        } catch (error) {
            return this.record(name, 'FAIL', error.message);
        }
    }

    record(name, status, detail) {
        this.results.push({ name, status, detail });
        this.print(`${status.padEnd(5)} ${name.padEnd(26)} ${detail}`);
        return status === 'ok';
    }

    failed(name) {
        return this.results.some((result) => result.name === name && result.status !== 'ok');
    }

    /** The names of the failed checks, in the order they ran. */
    get failures() {
        return this.results.filter((result) => result.status === 'FAIL').map((result) => result.name);
    }
}

/** Throws, naming at most a few of the problems found among many items. */
export function problems(list, total, noun) {
    if (list.length > 0) {
        const shown = list.slice(0, 5).join('; ');
        throw new Error(`${list.length} of ${total} ${noun}: ${shown}${list.length > 5 ? '; …' : ''}`);
    }
}
