/**
 * Where the verifier finds @noble/curves and @noble/hashes 2.4.0 (a Node module-resolution hook, registered by
 * noble.mjs): from node_modules when `npm ci` installed them (package-lock.json pins the registry's SHA-512
 * integrity), else from the copies Quorum serves to tablets, src/main/webapp/resources/vendor/<name>@2.4.0/ — the
 * same files, byte for byte (Quorum's build checks them against the same integrity). Nothing else is remapped.
 */
const VENDOR = new URL('../../main/webapp/resources/vendor/', import.meta.url);
const PACKAGES = { '@noble/curves/': 'noble-curves@2.4.0/', '@noble/hashes/': 'noble-hashes@2.4.0/' };

export async function resolve(specifier, context, nextResolve) {
    try {
        return await nextResolve(specifier, context);
    } catch (error) {
        const prefix = Object.keys(PACKAGES).find((name) => specifier.startsWith(name));
        if (!prefix || error?.code !== 'ERR_MODULE_NOT_FOUND') {
            throw error;
        }
        return { url: new URL(PACKAGES[prefix] + specifier.slice(prefix.length), VENDOR).href, shortCircuit: true };
    }
}
