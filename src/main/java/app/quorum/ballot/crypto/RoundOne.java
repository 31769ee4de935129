package app.quorum.ballot.crypto;

import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

/**
 * What a trustee publishes in round 1 of the ceremony (election-record.md §2): the device key {@code E_i} with a
 * Schnorr proof under tag {@code device}, and the Feldman commitments {@code C_ik} with a Schnorr proof of
 * {@code a_i0} under tag {@code commitment}.
 */
public record RoundOne(int index, ECPoint deviceKey, SchnorrProof deviceKeyProof, List<ECPoint> commitments,
        SchnorrProof commitmentProof) {

    public RoundOne {
        commitments = List.copyOf(commitments);
    }

    /** Both proofs verify for this ceremony and index. */
    public boolean verifies(String ceremonyContext) {
        return deviceKeyProof.verifies(SchnorrProof.DEVICE, ceremonyContext, index, deviceKey)
                && commitmentProof.verifies(SchnorrProof.COMMITMENT, ceremonyContext, index, commitments.get(0));
    }
}
