package app.quorum.ballot.crypto;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

/**
 * A trustee's key share {@code x_j = Σ_i s_ij} and its verification key {@code X_j = x_j·G} with a Schnorr proof
 * under tag {@code share} (election-record.md §2, round 3), and what the share is for: the partial decryption
 * {@code D_jo = x_j·A_o} of every option's aggregate with a Chaum–Pedersen proof (§5.3, §6). In Quorum the share lives
 * on the trustee's device; this Java form serves the tests, the drills and the fixture records.
 */
public record KeyShare(int index, BigInteger secret, ECPoint verificationKey, SchnorrProof proof) {

    /** Partially decrypts each option's aggregate, with a proof for each. */
    public PartialDecryption decrypt(String ballotContext, Aggregate aggregate, SecureRandom random) {
        List<DecryptionShare> shares = new ArrayList<>(aggregate.size());
        for (int o = 0; o < aggregate.size(); o++) {
            ECPoint a = aggregate.sums().get(o).alpha();
            ECPoint d = Group.mul(a, secret).normalize();
            shares.add(new DecryptionShare(d,
                    DecryptionProof.prove(ballotContext, index, o, secret, verificationKey, a, d, random)));
        }
        return new PartialDecryption(index, shares);
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "KeyShare[index=" + index + ", verificationKey=" + Codec.hex(verificationKey) + "]";
    }
}
