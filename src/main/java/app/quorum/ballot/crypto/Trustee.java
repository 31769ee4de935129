package app.quorum.ballot.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

/**
 * One trustee of the joint-Feldman key generation (Pedersen 1991; Gennaro, Jarecki, Krawczyk, Rabin 1999; as in
 * Belenios's threshold mode, Cortier, Gaudry, Glondu 2019), the three rounds of election-record.md §2, in memory. In
 * Quorum the trustee's browser does this; this Java form is for the tests, the drills and the fixture records, so it
 * keeps its secrets in the heap and should never run on the server for a real ballot.
 */
public final class Trustee {

    private final String ceremonyContext;
    private final int index;
    private final int trustees;
    private final BigInteger deviceSecret;
    private final Polynomial polynomial;
    private final RoundOne roundOne;
    private final SecureRandom random;

    private Trustee(String ceremonyContext, int index, int trustees, int threshold, SecureRandom random) {
        if (index < 1 || index > trustees) {
            throw new IllegalArgumentException("trustee indices are 1..n");
        }
        this.ceremonyContext = ceremonyContext;
        this.index = index;
        this.trustees = trustees;
        this.random = random;
        this.deviceSecret = Randomness.scalar(random);
        this.polynomial = Polynomial.random(threshold, random);
        ECPoint deviceKey = Group.mulG(deviceSecret).normalize();
        List<ECPoint> commitments = polynomial.commitments();
        this.roundOne = new RoundOne(index, deviceKey,
                SchnorrProof.prove(SchnorrProof.DEVICE, ceremonyContext, index, deviceSecret, deviceKey, random),
                commitments,
                SchnorrProof.prove(SchnorrProof.COMMITMENT, ceremonyContext, index, polynomial.secret(),
                        commitments.get(0), random));
    }

    /** Round 1: draws the device key and the polynomial. */
    public static Trustee draw(String ceremonyContext, int index, int trustees, int threshold, SecureRandom random) {
        return new Trustee(ceremonyContext, index, trustees, threshold, random);
    }

    public int index() {
        return index;
    }

    /** What this trustee publishes in round 1. */
    public RoundOne roundOne() {
        return roundOne;
    }

    /**
     * Round 2: checks everyone's round-1 proofs, then encrypts {@code s_ij = f_i(j)} for every other trustee.
     *
     * @throws CeremonyFailure naming a trustee whose round-1 proof does not verify
     */
    public List<EncryptedShare> roundTwo(List<RoundOne> published) {
        checkRoundOne(published);
        List<EncryptedShare> shares = new ArrayList<>(trustees - 1);
        for (RoundOne other : published) {
            if (other.index() != index) {
                shares.add(EncryptedShare.encrypt(ceremonyContext, index, other.index(), polynomial.at(other.index()),
                        other.deviceKey(), random));
            }
        }
        return shares;
    }

    /**
     * Round 3: decrypts the shares sent to this trustee, checks each against its sender's commitments (Feldman),
     * and forms the key share {@code x_j = Σ_i s_ij}, checks that {@code x_j·G} is the verification key the
     * commitments determine, and proves {@code X_j}.
     *
     * @throws CeremonyFailure naming the sender of a share that does not decrypt or fails Feldman's check
     */
    public KeyShare roundThree(List<RoundOne> published, List<EncryptedShare> received) {
        checkRoundOne(published);
        BigInteger secret = polynomial.at(index);
        for (RoundOne dealer : published) {
            if (dealer.index() == index) {
                continue;
            }
            EncryptedShare sealed = received.stream().filter(s -> s.from() == dealer.index() && s.to() == index)
                    .findFirst().orElseThrow(() -> new CeremonyFailure(dealer.index(), "sent no share"));
            BigInteger share;
            try {
                share = sealed.decrypt(ceremonyContext, deviceSecret);
            } catch (InvalidEncoding undecryptable) {
                throw new CeremonyFailure(dealer.index(), "sent a share that does not decrypt");
            }
            if (!Feldman.shareIsGood(share, dealer.commitments(), index)) {
                throw new CeremonyFailure(dealer.index(), "sent a share that fails Feldman's check");
            }
            secret = secret.add(share).mod(Group.Q);
        }
        ECPoint key = Group.mulG(secret).normalize();
        if (!key.equals(Feldman.verificationKey(published.stream().map(RoundOne::commitments).toList(), index))) {
            throw new IllegalStateException("the key share does not match the commitments"); // §2, round 3
        }
        return new KeyShare(index, secret, key,
                SchnorrProof.prove(SchnorrProof.SHARE, ceremonyContext, index, secret, key, random));
    }

    /** This trustee's public entry of the record once round 3 is done. */
    public TrusteeKeys publicKeys(KeyShare share, String role, String name) {
        return new TrusteeKeys(index, role, name, roundOne.deviceKey(), roundOne.deviceKeyProof(),
                roundOne.commitments(), roundOne.commitmentProof(), share.verificationKey(), share.proof());
    }

    private void checkRoundOne(List<RoundOne> published) {
        if (published.size() != trustees) {
            throw new IllegalArgumentException("round 2 starts once all n trustees have published round 1");
        }
        for (RoundOne other : published) {
            if (!other.verifies(ceremonyContext)) {
                throw new CeremonyFailure(other.index(), "round-1 proof does not verify");
            }
        }
    }

    /** Never prints a secret. */
    @Override
    public String toString() {
        return "Trustee[index=" + index + "]";
    }
}
