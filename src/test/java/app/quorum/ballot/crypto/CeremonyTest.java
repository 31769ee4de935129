package app.quorum.ballot.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;
import org.junit.jupiter.api.Test;

/**
 * The ceremony (election-record.md §2): three rounds give consistent key shares whose Lagrange combination is the
 * secret of the joint key; a bad share is caught by Feldman's check and names its sender; a tampered share does not
 * decrypt; the public checks catch a wrong verification key, a wrong joint key and a proof moved to another tag or
 * trustee.
 */
class CeremonyTest {

    private static final SecureRandom RANDOM = new DeterministicRandom("ceremony test");

    @Test
    void anyTKeySharesInterpolateTheJointSecret() {
        Fixtures.Keys keys = Fixtures.ceremony(3, 2, RANDOM);
        assertEquals(List.of(), keys.ceremony().problems());
        for (List<Integer> set : List.of(List.of(1, 2), List.of(1, 3), List.of(2, 3), List.of(3, 1))) {
            BigInteger[] lambdas = Lagrange.atZero(set);
            BigInteger secret = BigInteger.ZERO;
            for (int a = 0; a < set.size(); a++) {
                secret = secret.add(lambdas[a].multiply(keys.shares().get(set.get(a) - 1).secret()));
            }
            assertEquals(keys.ceremony().publicKey(), Group.mulG(secret.mod(Group.Q)), "trustees " + set);
        }
        BigInteger alone = keys.shares().get(0).secret();
        assertFalse(Group.mulG(alone).equals(keys.ceremony().publicKey()), "one share is not the secret");
    }

    @Test
    void aShareInconsistentWithTheCommitmentsNamesItsSender() {
        String context = Ceremony.context(1, Randomness.id(RANDOM), 3, 2);
        List<Trustee> trustees = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            trustees.add(Trustee.draw(context, i, 3, 2, RANDOM));
        }
        List<RoundOne> published = trustees.stream().map(Trustee::roundOne).toList();
        List<EncryptedShare> sent = new ArrayList<>();
        trustees.forEach(trustee -> sent.addAll(trustee.roundTwo(published)));
        // trustee 2 sends trustee 3 a share that is not f_2(3), correctly encrypted
        sent.removeIf(share -> share.from() == 2 && share.to() == 3);
        sent.add(EncryptedShare.encrypt(context, 2, 3, BigInteger.valueOf(12345), published.get(2).deviceKey(), RANDOM));
        List<EncryptedShare> forThree = sent.stream().filter(share -> share.to() == 3).toList();
        CeremonyFailure failure = assertThrows(CeremonyFailure.class, () -> trustees.get(2).roundThree(published, forThree));
        assertEquals(2, failure.culprit());
        // trustee 1 is not affected
        trustees.get(0).roundThree(published, sent.stream().filter(share -> share.to() == 1).toList());
    }

    @Test
    void aTamperedEncryptedShareDoesNotDecrypt() {
        String context = Ceremony.context(1, Randomness.id(RANDOM), 2, 2);
        BigInteger deviceSecret = Randomness.scalar(RANDOM);
        ECPoint deviceKey = Group.mulG(deviceSecret).normalize();
        BigInteger share = Randomness.scalar(RANDOM);
        EncryptedShare sealed = EncryptedShare.encrypt(context, 1, 2, share, deviceKey, RANDOM);
        assertEquals(share, sealed.decrypt(context, deviceSecret));
        byte[] flipped = sealed.ciphertext();
        flipped[5] ^= 1;
        EncryptedShare tampered = new EncryptedShare(1, 2, sealed.ephemeral(), sealed.nonce(), flipped);
        assertThrows(InvalidEncoding.class, () -> tampered.decrypt(context, deviceSecret));
        EncryptedShare redirected = new EncryptedShare(1, 3, sealed.ephemeral(), sealed.nonce(), sealed.ciphertext());
        assertThrows(InvalidEncoding.class, () -> redirected.decrypt(context, deviceSecret), "info is authenticated");
        assertThrows(InvalidEncoding.class, () -> sealed.decrypt(context, deviceSecret.add(BigInteger.ONE)));
    }

    @Test
    void aBadRoundOneProofStopsRoundTwo() {
        String context = Ceremony.context(1, Randomness.id(RANDOM), 2, 1);
        Trustee one = Trustee.draw(context, 1, 2, 1, RANDOM);
        Trustee two = Trustee.draw(context, 2, 2, 1, RANDOM);
        RoundOne honest = two.roundOne();
        RoundOne moved = new RoundOne(2, honest.deviceKey(), honest.commitmentProof(), honest.commitments(),
                honest.commitmentProof());
        CeremonyFailure failure = assertThrows(CeremonyFailure.class, () -> one.roundTwo(List.of(one.roundOne(), moved)));
        assertEquals(2, failure.culprit());
    }

    @Test
    void thePublicChecksCatchAWrongKeyOrAMovedProof() {
        Ceremony ceremony = Fixtures.ceremony(3, 2, RANDOM).ceremony();
        TrusteeKeys second = ceremony.trustee(2);
        TrusteeKeys wrongKey = new TrusteeKeys(2, second.role(), second.name(), second.deviceKey(),
                second.deviceKeyProof(), second.commitments(), second.commitmentProof(), ceremony.trustee(3).verificationKey(),
                second.verificationKeyProof());
        List<TrusteeKeys> trustees = new ArrayList<>(ceremony.trustees());
        trustees.set(1, wrongKey);
        List<String> problems = new Ceremony(ceremony.id(), ceremony.context(), 3, 2, trustees, ceremony.publicKey()).problems();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("trustee 2: verification key is not")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("trustee 2: verification key proof")), problems::toString);

        List<String> wrongPk = new Ceremony(ceremony.id(), ceremony.context(), 3, 2, ceremony.trustees(),
                ceremony.trustee(1).commitments().get(0)).problems();
        assertEquals(List.of("the public key is not the sum of the trustees' first commitments"), wrongPk);

        assertFalse(second.deviceKeyProof().verifies(SchnorrProof.SHARE, ceremony.context(), 2, second.deviceKey()),
                "another tag");
        assertFalse(second.deviceKeyProof().verifies(SchnorrProof.DEVICE, ceremony.context(), 3, second.deviceKey()),
                "another trustee");
        assertTrue(second.deviceKeyProof().verifies(SchnorrProof.DEVICE, ceremony.context(), 2, second.deviceKey()));
    }

    @Test
    void theCeremonyContextFollowsTheSpecification() {
        String id = "00112233445566778899aabbccddeeff";
        assertEquals(Hashes.sha256hex("quorum/v1/ceremony|42|" + id + "|3|2"), Ceremony.context(42, id, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> Ceremony.context(42, id, 3, 4));
        assertThrows(IllegalArgumentException.class, () -> Ceremony.context(42, id, 10, 2));
        assertThrows(InvalidEncoding.class, () -> Ceremony.context(42, id.toUpperCase(), 3, 2));
    }
}
