/**
 * The server-blind secret ballot's cryptography, byte for byte as {@code src/site/election-record.md} specifies it
 * (issue 14): P-256 on BouncyCastle ({@link app.quorum.ballot.crypto.Group}, strict encodings in
 * {@link app.quorum.ballot.crypto.Codec}); exponential ElGamal ({@link app.quorum.ballot.crypto.Ciphertext}); the
 * proofs of §5 — Schnorr, disjunctive Chaum–Pedersen (Cramer–Damgård–Schoenmakers), Chaum–Pedersen for decryption —
 * each with prover and verifier, their commitments published so that many proofs are checked in one batch
 * ({@link app.quorum.ballot.crypto.Batch}, §5.4); the joint-Feldman ceremony of §2 ({@link app.quorum.ballot.crypto.Trustee},
 * {@link app.quorum.ballot.crypto.Ceremony}); the paper and its tracker (§4); the box, aggregation and threshold
 * decryption (§6); and the public election record with its fingerprint (§7).
 *
 * <p>Where the secrets live: the trustees' key shares and the voters' randomness belong on their devices (the browser
 * modules implement the same specification). The Java provers — {@link app.quorum.ballot.crypto.Trustee},
 * {@link app.quorum.ballot.crypto.KeyShare}, {@link app.quorum.ballot.crypto.PreparedPaper} — exist for the tests,
 * the load drills and the fixture records; the server itself only verifies, aggregates and combines.
 *
 * <p>No Jakarta EE dependency except JSON-P for the JSON forms.
 */
package app.quorum.ballot.crypto;
