package app.quorum.ballot.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/**
 * The hashed strings spelt out as election-record.md writes them, by plain concatenation, against the classes that
 * build them: the ballot context (§3), the Schnorr and decryption challenges (§5.1, §5.3), the bit proof's challenge
 * (§5.2) and the fingerprint (§7), on the election fixture; and that each proof's published commitments are the
 * ones its verification equations give ({@code s·G − c·X} and so on).
 */
class SpecTranscriptsTest {

    private static final ElectionRecord RECORD = Fixtures.election();

    private static String hex(ECPoint point) {
        return Codec.hex(point.normalize());
    }

    @Test
    void theBallotContext() {
        BallotDefinition ballot = RECORD.ballot();
        StringBuilder text = new StringBuilder("quorum/v1/ballot|" + Fixtures.MEETING + "|" + ballot.id() + "|ELECTION|5|0|2|"
                + hex(RECORD.ceremony().publicKey()) + "|" + RECORD.ceremony().context() + "|"
                + Hashes.sha256hex(ballot.question()));
        for (BallotDefinition.Option option : ballot.options()) {
            text.append('|').append(Hashes.sha256hex(option.code())).append('|').append(Hashes.sha256hex(option.label()));
        }
        assertEquals(Hashes.sha256hex(text.toString()), RECORD.context());
    }

    @Test
    void theSchnorrChallenge() {
        TrusteeKeys trustee = RECORD.ceremony().trustee(2);
        SchnorrProof proof = trustee.verificationKeyProof();
        ECPoint a = Group.mulG(proof.s()).subtract(trustee.verificationKey().multiply(proof.c()));
        assertEquals(hex(a), hex(proof.a()));
        assertEquals(proof.c(), Hashes.toScalar("quorum/v1/schnorr|share|" + RECORD.ceremony().context() + "|2|"
                + hex(trustee.verificationKey()) + "|" + hex(proof.a())));
    }

    @Test
    void theDecryptionChallenge() {
        PartialDecryption decryption = RECORD.decryptions().get(1);
        DecryptionShare share = decryption.shares().get(3);
        ECPoint key = RECORD.ceremony().trustee(decryption.index()).verificationKey();
        ECPoint aggregate = RECORD.aggregate().sums().get(3).alpha();
        BigInteger c = share.proof().c();
        BigInteger s = share.proof().s();
        ECPoint a = Group.mulG(s).subtract(key.multiply(c));
        ECPoint b = aggregate.multiply(s).subtract(share.d().multiply(c));
        assertEquals(hex(a), hex(share.proof().a()));
        assertEquals(hex(b), hex(share.proof().b()));
        assertEquals(c, Hashes.toScalar("quorum/v1/decrypt|" + RECORD.context() + "|" + decryption.index() + "|3|"
                + hex(key) + "|" + hex(aggregate) + "|" + hex(share.d()) + "|" + hex(a) + "|" + hex(b)));
    }

    @Test
    void theBitProofChallenge() {
        Paper paper = RECORD.papers().get(2);
        Ciphertext ciphertext = paper.ciphertexts().get(1);
        DisjunctiveProof proof = paper.bitProofs().get(1);
        ECPoint pk = RECORD.ceremony().publicKey();
        StringBuilder text = new StringBuilder("quorum/v1/bit|" + RECORD.context() + "|" + paper.paperId() + "|1|"
                + hex(ciphertext.alpha()) + "|" + hex(ciphertext.beta()));
        for (int j = 0; j < 2; j++) {
            BigInteger c = proof.c().get(j);
            BigInteger s = proof.s().get(j);
            ECPoint a = Group.mulG(s).subtract(ciphertext.alpha().multiply(c));
            ECPoint b = pk.multiply(s).subtract(ciphertext.beta().subtract(Group.smallMultiple(j)).multiply(c));
            assertEquals(hex(a), hex(proof.a().get(j)));
            assertEquals(hex(b), hex(proof.b().get(j)));
            text.append('|').append(hex(proof.a().get(j))).append('|').append(hex(proof.b().get(j)));
        }
        assertEquals(proof.c().get(0).add(proof.c().get(1)).mod(Group.Q), Hashes.toScalar(text.toString()));
    }

    @Test
    void theFingerprint() {
        StringBuilder text = new StringBuilder("quorum/v1/record|" + RECORD.context());
        RECORD.trackers().forEach(tracker -> text.append('|').append(tracker));
        text.append("|audited");
        RECORD.audited().forEach(paper -> text.append('|').append(paper.tracker()));
        text.append("|rejected");
        RECORD.rejected().forEach(paper -> text.append('|').append(paper.tracker() == null ? "null" : paper.tracker()));
        RECORD.aggregate().sums().forEach(sum -> text.append('|').append(hex(sum.alpha())).append('|')
                .append(hex(sum.beta())));
        for (PartialDecryption decryption : RECORD.decryptions()) {
            text.append('|').append(decryption.index());
            decryption.shares().forEach(share -> text.append('|').append(hex(share.d())));
        }
        RECORD.counts().forEach(count -> text.append('|').append(count));
        assertEquals(Hashes.sha256hex(text.toString()), RECORD.fingerprint());
        assertEquals(List.of(4L, 3L, 1L, 0L, 1L), RECORD.counts());
        assertEquals(List.of(1, 2, 3), RECORD.decryptions().stream().map(PartialDecryption::index).toList());
        assertEquals(1, RECORD.audited().size());
        assertEquals(2, RECORD.rejected().size());
        assertEquals(null, RECORD.rejected().get(1).tracker(), "the malformed paper has no tracker");
        assertEquals(Hashes.sha256hex("quorum/v1/record|" + RECORD.context() + "|audited|rejected|null|0|0|0|0|0"),
                Fingerprint.of(RECORD.context(), List.of(), List.of(), List.of(), null, List.of(), new long[5]));
    }
}
