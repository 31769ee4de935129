/**
 * The independent verifier of a secret ballot's public election record ({@code src/site/election-record.md} §7),
 * written apart from the server: it imports nothing of {@code app.quorum} outside this package (a unit test scans its
 * sources), reads the record with Jackson rather than the server's JSON-P, and is not packaged in the WAR. Run it with
 * {@code mvn -q -Pverifier -Drecord=path-or-url}; {@link app.quorum.verifier.Verify} is the entry point.
 */
package app.quorum.verifier;
