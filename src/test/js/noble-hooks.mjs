/**
 * Node resolve hook for the tests: `@noble/curves/…`, `@noble/hashes/…` and `@noble/ciphers/…` resolve, as the
 * browser's import map (src/main/webapp/resources/vendor/importmap.json) makes them, to the copies Quorum serves — so
 * the tests run the very bytes a tablet loads, with no npm install.
 */
import { readFileSync } from 'node:fs';

const IMPORT_MAP = new URL('../../main/webapp/resources/vendor/importmap.json', import.meta.url);
const WEBAPP = new URL('../../main/webapp/', import.meta.url);

const imports = JSON.parse(readFileSync(IMPORT_MAP, 'utf8')).imports;

export async function resolve(specifier, context, nextResolve) {
    for (const [prefix, target] of Object.entries(imports)) {
        if (specifier.startsWith(prefix)) {
            return { url: new URL('.' + target + specifier.slice(prefix.length), WEBAPP).href, shortCircuit: true };
        }
    }
    return nextResolve(specifier, context);
}
