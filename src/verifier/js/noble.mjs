/**
 * The two libraries the verifier trusts, and nothing more: P-256 and its multi-scalar multiplication (Pippenger's
 * method) from @noble/curves 2.4.0 and SHA-2 from @noble/hashes 2.4.0 (both audited; MIT). See resolve-noble.mjs for
 * where they are loaded from.
 */
import { register } from 'node:module';

register('./resolve-noble.mjs', import.meta.url);

const { p256 } = await import('@noble/curves/nist.js');
const { pippenger } = await import('@noble/curves/abstract/curve.js');
const { sha256, sha512 } = await import('@noble/hashes/sha2.js');

/** Where the curve was loaded from, for the report's first line. */
export const source = import.meta.resolve('@noble/curves/nist.js');
export { p256, pippenger, sha256, sha512 };
